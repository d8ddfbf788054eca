/**
 * `npm run fuzz`: a timed fast-check campaign over the laws in test/fuzz/laws.ts.
 *
 *   FUZZ_SECONDS   how long (default 60)
 *   FUZZ_WORKERS   parallel processes (default: one per core)
 *   FUZZ_SEED      base seed (default: from the clock; printed, so a run can be repeated)
 *   FUZZ_LAWS      comma-separated law names (default: all)
 *   FUZZ_COVERAGE  0 to skip V8 coverage (default on; it costs some speed)
 *
 * Coverage guidance without Jazzer: the workers run under NODE_V8_COVERAGE, c8 maps that back
 * to the TypeScript sources, and the summary lists what the campaign did not reach (grammar
 * rules, JsvError codes, scalar conversions, source functions and branches), which is what the
 * generators in test/fuzz/arbitraries.ts were biased by. Counterexamples are saved under
 * test/fuzz/regressions/. Results: .fuzz-out/summary.md and .fuzz-out/summary.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { WorkerReport } from './worker.js';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.fuzz-out');
const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? availableParallelism()));
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const coverage = process.env.FUZZ_COVERAGE !== '0';
const RAW = join(OUT, 'coverage-raw');

function runWorker(index: number): Promise<WorkerReport> {
  const out = join(OUT, `worker-${index}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_WORKER: String(index), FUZZ_SEED: String(seed), FUZZ_OUT: out, FUZZ_SECONDS: String(seconds) };
  if (coverage) env.NODE_V8_COVERAGE = RAW;
  return new Promise((resolveReport, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/fuzz/worker.ts')], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || !existsSync(out)) reject(new Error(`fuzz worker ${index} exited with ${code}`));
      else resolveReport(JSON.parse(readFileSync(out, 'utf8')) as WorkerReport);
    });
  });
}

function add(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** The codes of the JsvErrorCode union, read from its source so new codes are listed too. */
function allErrorCodes(): string[] {
  const source = readFileSync(join(ROOT, 'src/errors/jsv-error.ts'), 'utf8');
  const union = source.slice(source.indexOf('export type JsvErrorCode'), source.indexOf(';', source.indexOf('export type JsvErrorCode')));
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
}

/** Grammar rules of jsv-spec §3.2 as the walk names them, in the places each can occur. */
const RULES = [
  'map in top', 'map in map', 'map in list', 'list in top', 'list in map', 'list in list',
  'empty map in top', 'empty map in map', 'empty map in list', 'empty list in top', 'empty list in map', 'empty list in list',
  'quoted in top', 'quoted in map', 'quoted in list', 'quoted with ""', 'bare in top', 'bare in map', 'bare in list',
  'empty in top', 'empty in map', 'empty in list', 'key: quoted', 'key: map', 'key: barekey', 'text: BOM',
  'accepted (tolerant)', 'accepted (strict)', 'rejected (tolerant)', 'rejected (strict)',
];

interface IstanbulFile {
  path: string;
  fnMap: Record<string, { name: string; decl: { start: { line: number } } }>;
  f: Record<string, number>;
  branchMap: Record<string, { loc: { start: { line: number } }; type: string }>;
  b: Record<string, number[]>;
  statementMap: Record<string, { start: { line: number } }>;
  s: Record<string, number>;
}

function percent(hit: number, total: number): string {
  return total === 0 ? '100' : ((100 * hit) / total).toFixed(1);
}

/** c8 over the workers' V8 coverage: per-file percentages and what was never reached. */
async function coverageReport(): Promise<{ table: string[]; unreached: string[]; json: unknown }> {
  const reportDir = join(OUT, 'coverage');
  await new Promise<void>((resolveDone, reject) => {
    const c8 = spawn(process.execPath, [join(ROOT, 'node_modules/c8/bin/c8.js'), 'report', '--temp-directory', RAW, '--report-dir', reportDir, '--reporter', 'json', '--include', 'src/**', '--exclude', 'src/demo/**', '--exclude', 'src/http/**'], { cwd: ROOT, stdio: 'inherit' });
    c8.on('error', reject);
    c8.on('close', (code) => (code === 0 ? resolveDone() : reject(new Error(`c8 report exited with ${code}`))));
  });
  const files = JSON.parse(readFileSync(join(reportDir, 'coverage-final.json'), 'utf8')) as Record<string, IstanbulFile>;
  const table: string[] = ['| File | Functions | Branches | Statements |', '|---|---|---|---|'];
  const unreached: string[] = [];
  const json: Record<string, unknown> = {};
  for (const file of Object.values(files).sort((a, b) => a.path.localeCompare(b.path))) {
    const name = relative(ROOT, file.path);
    const fns = Object.keys(file.fnMap);
    const fnHit = fns.filter((k) => (file.f[k] ?? 0) > 0);
    const branches = Object.values(file.b).flat();
    const branchHit = branches.filter((n) => n > 0).length;
    const statements = Object.values(file.s);
    const statementHit = statements.filter((n) => n > 0).length;
    table.push(`| ${name} | ${percent(fnHit.length, fns.length)}% (${fnHit.length}/${fns.length}) | ${percent(branchHit, branches.length)}% | ${percent(statementHit, statements.length)}% |`);
    const missedFns = fns.filter((k) => (file.f[k] ?? 0) === 0).map((k) => `${file.fnMap[k]!.name} (line ${file.fnMap[k]!.decl.start.line})`);
    const missedBranches = Object.entries(file.b)
      .filter(([, counts]) => counts.some((n) => n === 0))
      .map(([k]) => file.branchMap[k]!.loc.start.line);
    if (missedFns.length > 0) unreached.push(`${name}: functions never called: ${missedFns.join(', ')}`);
    if (missedBranches.length > 0) unreached.push(`${name}: branches with an arm never taken, at lines ${[...new Set(missedBranches)].join(', ')}`);
    json[name] = { functions: [fnHit.length, fns.length], branches: [branchHit, branches.length], statements: [statementHit, statements.length], missedFns, missedBranchLines: [...new Set(missedBranches)] };
  }
  return { table, unreached, json };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  rmSync(RAW, { recursive: true, force: true });
  process.stderr.write(`jsvkit fuzz: ${workers} worker(s) for ${seconds} s, seed ${seed}${coverage ? ', with V8 coverage' : ''}\n`);
  const started = Date.now();
  const reports = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(i)));
  const wall = (Date.now() - started) / 1000;

  const laws: Record<string, { runs: number; known: Record<string, number>; ms: number; slowestMs: number; failures: { failure: string; file: string }[] }> = {};
  const codes: Record<string, number> = {};
  const rules: Record<string, number> = {};
  for (const report of reports) {
    for (const [name, law] of Object.entries(report.laws)) {
      const into = (laws[name] ??= { runs: 0, known: {}, ms: 0, slowestMs: 0, failures: [] });
      into.runs += law.runs;
      add(into.known, law.known);
      into.ms += law.ms;
      into.slowestMs = Math.max(into.slowestMs, law.slowestMs);
      into.failures.push(...law.failures);
    }
    add(codes, report.tally.codes);
    add(rules, report.tally.rules);
  }
  const total = Object.values(laws).reduce((sum, law) => sum + law.runs, 0);
  const rate = total / wall;
  const failures = Object.entries(laws).flatMap(([name, law]) => law.failures.map((f) => ({ law: name, ...f })));

  const lines: string[] = [];
  lines.push(`# jsvkit fuzz campaign`, '');
  lines.push(`${new Date().toISOString()}, Node ${process.version}, ${workers} worker(s), ${seconds} s requested, ${wall.toFixed(0)} s wall, seed ${seed}${coverage ? ', V8 coverage on' : ''}.`, '');
  lines.push(`**${total.toLocaleString('en')} executions, ${Math.round(rate).toLocaleString('en')}/s**; 1,000,000 executions take ${(1e6 / rate / 60).toFixed(1)} min at this rate. ${failures.length === 0 ? 'No law was broken.' : `${failures.length} counterexample(s) saved.`}`, '');
  lines.push('| Law | Executions | Per second (per worker) | Slowest input |', '|---|---|---|---|');
  for (const [name, law] of Object.entries(laws)) lines.push(`| ${name} | ${law.runs.toLocaleString('en')} | ${Math.round((law.runs / Math.max(law.ms, 1)) * 1000).toLocaleString('en')} | ${law.slowestMs.toFixed(1)} ms |`);
  const known = Object.values(laws).flatMap((law) => Object.entries(law.known));
  if (known.length > 0) {
    lines.push('', '## Known failures (already saved under test/fuzz/regressions/), hit again', '');
    for (const [kind, n] of known) lines.push(`- ${kind}: ${n.toLocaleString('en')} inputs`);
  }
  if (failures.length > 0) {
    lines.push('', '## Counterexamples', '');
    for (const f of failures) lines.push(`- ${f.law}: test/fuzz/regressions/${f.file}: ${f.failure.split('\n')[0]!.slice(0, 300)}`);
  }
  const codeList = allErrorCodes();
  lines.push('', '## JsvError codes reached', '');
  lines.push(codeList.map((code) => `${code} ${(codes[code] ?? 0).toLocaleString('en')}`).join(', '));
  const missedCodes = codeList.filter((code) => !codes[code]);
  lines.push('', missedCodes.length === 0 ? 'Every code was reached.' : `Not reached: ${missedCodes.join(', ')}.`);
  lines.push('', '## Grammar rules reached (jsv-spec §3.2, by where they occur)', '');
  lines.push(RULES.map((rule) => `${rule} ${(rules[rule] ?? 0).toLocaleString('en')}`).join(', '));
  const missedRules = RULES.filter((rule) => !rules[rule]);
  lines.push('', missedRules.length === 0 ? 'Every rule was reached.' : `Not reached: ${missedRules.join(', ')}.`);
  lines.push('', '## Scalar conversions (read / rejected, by code)', '');
  const scalarLines = new Map<string, string[]>();
  for (const [rule, n] of Object.entries(rules).sort()) {
    const m = /^scalar (\S+) (.*)$/.exec(rule);
    if (m) (scalarLines.get(m[1]!) ?? scalarLines.set(m[1]!, []).get(m[1]!)!).push(`${m[2]} ${n.toLocaleString('en')}`);
  }
  for (const [scalar, parts] of scalarLines) lines.push(`- ${scalar}: ${parts.join(', ')}`);
  const unreadScalars = [...scalarLines].filter(([, parts]) => !parts.some((p) => p.startsWith('read '))).map(([s]) => s);
  lines.push('', unreadScalars.length === 0 ? 'Every scalar conversion both read and rejected text.' : `Never read successfully: ${unreadScalars.join(', ')}.`);
  lines.push('', '## Evo Voice schemas round-tripped', '');
  lines.push(Object.entries(rules).filter(([r]) => r.startsWith('schema ')).sort().map(([r, n]) => `${r.slice(7)} ${n.toLocaleString('en')}`).join(', '));

  let coverageJson: unknown;
  if (coverage) {
    const { table, unreached, json } = await coverageReport();
    coverageJson = json;
    lines.push('', '## V8 coverage of the sources (c8)', '', ...table, '', '### Not reached', '', ...(unreached.length === 0 ? ['Nothing.'] : unreached.map((u) => `- ${u}`)));
  }
  const summary = lines.join('\n');
  writeFileSync(join(OUT, 'summary.md'), `${summary}\n`);
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify({ seconds, wall, workers, seed, total, rate, laws, codes, rules, coverage: coverageJson }, null, 2));
  process.stdout.write(`${summary}\n\n(.fuzz-out/summary.md)\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
