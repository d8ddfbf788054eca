/**
 * `npm run bench`: one fixture at a time, every contender in several fresh processes for it (one
 * after the other), rounds interleaved within each (each round gives every contender one time
 * slice, in a rotating order), the median of the per-round medians reported, p50 and p90 over every
 * call of every process, the share of the time V8 spent in GC, and each output checked once.
 * Results go to stdout and, for a full run, bench/RESULTS.md.
 *
 *   npm run bench -- --filter 'parse/(customer|deep)'   regex over "operation/fixture contender"
 *   npm run bench -- --quick                              fewer, shorter rounds
 *   npm run bench -- --rounds 9 --time 300 --out x.md     more rounds per process; write elsewhere
 *   npm run bench -- --processes 5                        processes per contender and fixture
 *   npm run bench -- --no-scaling | --scaling-only | --no-weight
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CONTENDERS, contenderKey, type Contender, type Operation } from './contenders.js';
import { FIXTURE_DESCRIPTIONS, FIXTURE_NAMES } from './fixtures.js';
import { describeMachine, machineLine } from './machine.js';
import { checkTargets, type CellStats, type Measured } from './targets.js';
import { weightSection } from './weight.js';
import type { RoundRequest, WorkerReply } from './worker.js';

const { values: args } = parseArgs({
  options: {
    filter: { type: 'string' },
    rounds: { type: 'string' },
    processes: { type: 'string' },
    time: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    'no-scaling': { type: 'boolean', default: false },
    'scaling-only': { type: 'boolean', default: false },
    'no-weight': { type: 'boolean', default: false },
  },
});

const rounds = Number(args.rounds ?? (args.quick ? 3 : 3));
const processes = Number(args.processes ?? (args.quick ? 1 : 3));
const time = Number(args.time ?? (args.quick ? 100 : 200));
const filter = args.filter === undefined ? undefined : new RegExp(args.filter);
const SCALING_SIZES = [1, 10, 100];
const SCALING_ROUNDS = 3;

class Worker {
  private readonly child: ChildProcess;
  private pending: ((reply: WorkerReply) => void) | undefined;
  readonly ready: Promise<WorkerReply>;

  constructor(readonly contender: Contender) {
    this.child = fork(new URL('./worker.ts', import.meta.url), [contenderKey(contender)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve) => {
      this.pending = resolve;
    });
    this.child.on('message', (reply: WorkerReply) => {
      const pending = this.pending;
      this.pending = undefined;
      pending?.(reply);
    });
    this.child.on('exit', (code) => {
      this.pending?.({ type: 'unavailable', reason: `worker exited with code ${code}` });
    });
  }

  request(request: RoundRequest): Promise<WorkerReply> {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.child.send(request);
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

interface Cell {
  bytes: number;
  /** Per round: the median call. */
  medians: number[];
  /** Every call of every round and process, in ms. */
  samples: number[];
  /** The same calls by process: one process's steadiness, apart from how fast the machine ran it. */
  byProcess: number[][];
  /** Time the rounds took, and the part of it V8 spent in GC. */
  elapsed: number;
  gc: number;
  check: string | undefined;
  error?: string;
}

const results = new Map<string, Cell>();
const cellKey = (operation: Operation, fixture: string, id: string) => `${operation}/${fixture} ${id}`;
const unavailable = new Map<string, string>();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `q` quantile (0..1) of `values`, nearest rank. */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function startWorkers(contenders: Contender[]): Promise<Worker[]> {
  const workers = contenders.map((c) => new Worker(c));
  const live: Worker[] = [];
  for (const worker of workers) {
    const reply = await worker.ready;
    if (reply.type === 'ready') live.push(worker);
    else if (reply.type === 'unavailable') unavailable.set(contenderKey(worker.contender), reply.reason);
  }
  return live;
}

async function runRounds(workers: Worker[], fixtures: string[], roundCount: number, minIterations: number, label: string, processIndex: number): Promise<void> {
  for (let round = 0; round < roundCount; round++) {
    process.stderr.write(`${label} round ${round + 1}/${roundCount}\n`);
    for (const fixture of fixtures) {
      // Rotate the order each round so no contender always runs right after the same one.
      const order = workers.map((_, i) => workers[(i + round) % workers.length]!);
      for (const worker of order) {
        const { operation, id } = worker.contender;
        const key = cellKey(operation, fixture, id);
        if (filter !== undefined && !filter.test(key)) continue;
        const cell = results.get(key);
        if (cell?.error !== undefined) continue;
        const reply = await worker.request({ fixture, time, minIterations });
        if (reply.type === 'round') {
          const roundMedian = median(reply.samples);
          if (cell === undefined) results.set(key, { bytes: reply.bytes, medians: [roundMedian], samples: [...reply.samples], byProcess: [[...reply.samples]], elapsed: reply.elapsed, gc: reply.gc, check: reply.check });
          else {
            cell.medians.push(roundMedian);
            for (const sample of reply.samples) cell.samples.push(sample);
            const own = (cell.byProcess[processIndex] ??= []);
            for (const sample of reply.samples) own.push(sample);
            cell.elapsed += reply.elapsed;
            cell.gc += reply.gc;
            // A later process checks its output too; any wrong answer stands.
            if (reply.check !== undefined && reply.check !== 'ok') cell.check = reply.check;
          }
        } else if (reply.type === 'error') {
          results.set(key, { bytes: 0, medians: [], samples: [], byProcess: [], elapsed: 0, gc: 0, check: undefined, error: reply.message });
        }
      }
    }
  }
}

function measured(): Measured {
  const table: Measured = new Map();
  for (const [key, cell] of results) if (cell.medians.length > 0) table.set(key, median(cell.medians));
  return table;
}

const mb = (bytes: number) => bytes / 1e6;

function formatCell(operation: Operation, fixture: string, id: string, baselineId: string | undefined): string {
  const cell = results.get(cellKey(operation, fixture, id));
  if (cell === undefined) return '—';
  if (cell.error !== undefined) return `error: ${cell.error}`;
  const ms = median(cell.medians);
  const spread = cell.medians.length > 1 ? (Math.max(...cell.medians) - Math.min(...cell.medians)) / ms : 0;
  let text = `${ms < 1 ? ms.toFixed(3) : ms.toFixed(1)} ms · ${(mb(cell.bytes) / (ms / 1000)).toFixed(0)} MB/s`;
  const base = baselineId === undefined ? undefined : results.get(cellKey(operation, fixture, baselineId));
  if (base !== undefined && base.medians.length > 0 && id !== baselineId) text += ` · **${(ms / median(base.medians)).toFixed(2)}×**`;
  if (spread > 0.15) text += ` (±${Math.round((spread * 100) / 2)} %)`;
  if (cell.check !== 'ok' && cell.check !== undefined) text += ' ✗ wrong output';
  return text;
}

function tables(): string {
  let out = '';
  for (const operation of ['parse', 'stringify'] as const) {
    const ids = CONTENDERS.filter((c) => c.operation === operation).map((c) => c.id).filter((id) => FIXTURE_NAMES.some((f) => results.has(cellKey(operation, f, id))));
    if (ids.length === 0) continue;
    const baselineId = CONTENDERS.find((c) => c.operation === operation && c.baseline)?.id;
    out += `\n### ${operation}\n\nMedian time per call · throughput of its own text (JSV or JSON) · **time ÷ ${baselineId}'s time**.\n\n`;
    out += `| ${operation}/fixture | JSV bytes | ${ids.join(' | ')} |\n|---|---:|${ids.map(() => '---:').join('|')}|\n`;
    for (const fixture of FIXTURE_NAMES) {
      if (!ids.some((id) => results.has(cellKey(operation, fixture, id)))) continue;
      const jsvBytes = [...results.entries()].find(([k]) => k.startsWith(`parse/${fixture} jsvkit`) || k.startsWith(`stringify/${fixture} jsvkit`))?.[1].bytes;
      out += `| ${operation}/${fixture} | ${jsvBytes === undefined ? '' : jsvBytes.toLocaleString('en-US')} | ${ids.map((id) => formatCell(operation, fixture, id, baselineId)).join(' | ')} |\n`;
    }
  }
  return out;
}

/** p50, p90 and GC share of jsvkit's cells and the JSON baselines, per fixture. */
function steadinessTable(): string {
  const ids = CONTENDERS.filter((c) => c.id.startsWith('jsvkit') || c.baseline).map((c) => `${c.operation}|${c.id}`);
  let out = '\n### Steadiness and GC\n\nOver every call of every round and process: p50 and p90 of one call and p90 ÷ p50; then p90 ÷ p50 within each process, the median over the processes (how steady one process is, apart from how fast the machine ran that process: on a shared VM whole processes run at one of two speeds); and the share of the measured time V8 spent in garbage collection (PerformanceObserver `gc` entries), at Node\'s default heap settings.\n\n';
  out += '| operation/fixture | contender | p50 | p90 | p90 ÷ p50 | p90 ÷ p50 within a process | GC |\n|---|---|---:|---:|---:|---:|---:|\n';
  for (const fixture of FIXTURE_NAMES) {
    for (const entry of ids) {
      const [operation, id] = entry.split('|') as [Operation, string];
      const cell = results.get(cellKey(operation, fixture, id));
      if (cell === undefined || cell.samples.length === 0) continue;
      const p50 = quantile(cell.samples, 0.5);
      const p90 = quantile(cell.samples, 0.9);
      const ms = (value: number) => (value < 1 ? value.toFixed(3) : value.toFixed(1));
      out += `| ${operation}/${fixture} | ${id} | ${ms(p50)} ms | ${ms(p90)} ms | ${(p90 / p50).toFixed(2)} | ${inProcessSteadiness(cell).toFixed(2)} | ${((100 * cell.gc) / cell.elapsed).toFixed(0)} % |\n`;
    }
  }
  return out;
}

/** p90 ÷ p50 of each process's calls, the median over the processes. */
function inProcessSteadiness(cell: Cell): number {
  return median(cell.byProcess.filter((calls) => calls.length > 0).map((calls) => quantile(calls, 0.9) / quantile(calls, 0.5)));
}

/** Steadiness and GC per jsvkit parse cell, for the targets table. */
function cellStats(): CellStats {
  const stats: CellStats = new Map();
  for (const [key, cell] of results) {
    if (cell.samples.length === 0) continue;
    stats.set(key, { p90OverP50: quantile(cell.samples, 0.9) / quantile(cell.samples, 0.5), p90OverP50InProcess: inProcessSteadiness(cell), gcShare: cell.gc / cell.elapsed });
  }
  return stats;
}

function checks(): string {
  let out = '';
  for (const [key, cell] of results) {
    if (cell.error !== undefined) out += `- \`${key}\`: **error** ${cell.error}\n`;
    else if (cell.check !== undefined && cell.check !== 'ok') out += `- \`${key}\`: **wrong output**: ${cell.check}\n`;
  }
  return out === '' ? 'Every output was checked once and is correct.\n' : `Outputs checked once; these are wrong (their speed does not count):\n\n${out}`;
}

function scalingTable(): string {
  const rows = SCALING_SIZES.map((size) => ({ size, cell: results.get(cellKey('parse', `scale-${size}mb`, 'jsvkit')) })).filter((r) => r.cell !== undefined && r.cell.medians.length > 0);
  if (rows.length === 0) return '';
  const perMb = rows.map((r) => median(r.cell!.medians) / mb(r.cell!.bytes));
  let out = '\n### Scaling: parse (jsvkit) of a customer list of 1, 10 and 100 MB\n\n| input | bytes | median time | ms per MB | MB/s | vs 1 MB |\n|---|---:|---:|---:|---:|---:|\n';
  rows.forEach((r, i) => {
    const ms = median(r.cell!.medians);
    out += `| parse/scale-${r.size}mb | ${r.cell!.bytes.toLocaleString('en-US')} | ${ms.toFixed(0)} ms | ${perMb[i]!.toFixed(2)} | ${(1000 / perMb[i]!).toFixed(0)} | ${(perMb[i]! / perMb[0]!).toFixed(2)}× |\n`;
    if (r.cell!.check !== 'ok') out += `| (check failed: ${r.cell!.check}) | | | | | |\n`;
  });
  return out;
}

const machine = describeMachine();

if (!args['scaling-only']) {
  // One fixture at a time, with a fresh process per contender: what one fixture leaves behind (the
  // heap of a 17 MB document, code V8 optimized while a long list ran) must not weigh on the next.
  for (const fixture of FIXTURE_NAMES) {
    const contenders = CONTENDERS.filter((c) => filter === undefined || filter.test(cellKey(c.operation, fixture, c.id)));
    if (contenders.length === 0) continue;
    for (let p = 0; p < processes; p++) {
      const workers = await startWorkers(contenders);
      await runRounds(workers, [fixture], rounds, 2, `bench ${fixture} (process set ${p + 1}/${processes})`, p);
      for (const worker of workers) worker.stop();
    }
  }
}
const scalingSelected = !args['no-scaling'] && (filter === undefined || filter.test('parse/scale-1mb jsvkit'));
if (scalingSelected) {
  // A fresh process, so the 100 MB heap does not linger in the main run's jsvkit worker.
  const jsvkitParse = CONTENDERS.find((c) => c.operation === 'parse' && c.id === 'jsvkit')!;
  const workers = await startWorkers([jsvkitParse]);
  await runRounds(workers, SCALING_SIZES.map((s) => `scale-${s}mb`), SCALING_ROUNDS, 1, 'scaling', 0);
  for (const worker of workers) worker.stop();
}

const targets = checkTargets(measured(), results, cellStats());
let report = `## Results\n\nMeasured ${machineLine(machine)}.\n\n`;
report += `Method: ${processes} fresh Node processes per contender and fixture, one after the other, each running ${rounds} interleaved rounds of ~${time} ms (at least 2 calls, after one warm-up round); `;
report += `a cell is the median of the per-round medians (± shows half the spread between rounds when it exceeds 15 %). Fixtures: `;
report += FIXTURE_NAMES.map((f) => `\`${f}\` (${FIXTURE_DESCRIPTIONS[f]})`).join(', ') + '.\n';
report += tables();
report += steadinessTable();
report += scalingTable();
// Bundle sizes and the cold import: with the full run, or alone via `npm run bench:weight`.
if (filter === undefined && !args['no-weight'] && !args['scaling-only']) report += await weightSection();
report += `\n### Output checks\n\n${checks()}`;
report += `\n### Targets\n\n${targets}`;
report += `\n### Not measured\n\n`;
for (const [key, reason] of unavailable) report += `- \`${key}\`: ${reason}\n`;

process.stdout.write(report);
const out = args.out ?? (filter === undefined && !args.quick && !args['scaling-only'] && !args['no-scaling'] ? new URL('./RESULTS.md', import.meta.url) : undefined);
if (out !== undefined) {
  writeFileSync(out, `# jsvkit benchmark results\n\nWritten by \`npm run bench\` (bench/run.ts); see docs/performance.md for how to reproduce.\n\n${report}`);
  process.stderr.write(`wrote ${out instanceof URL ? out.pathname : out}\n`);
}
