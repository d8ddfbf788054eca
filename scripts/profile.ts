/**
 * CPU profile of one benchmark task: runs `operation/fixture` (default contender jsvkit) in a loop
 * under `node --cpu-prof`, then prints the functions with the most self time.
 *
 *   npx tsx scripts/profile.ts parse/customers-10k [--contender jsvkit] [--seconds 5] [--top 25]
 *
 * The .cpuprofile is kept (path printed) for Chrome DevTools or speedscope.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTENDERS, contenderKey } from '../bench/contenders.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    contender: { type: 'string', default: 'jsvkit' },
    seconds: { type: 'string', default: '5' },
    top: { type: 'string', default: '25' },
    child: { type: 'boolean', default: false },
  },
});

const task = positionals[0];
if (task === undefined || !task.includes('/')) throw new Error('usage: scripts/profile.ts <operation>/<fixture> [--contender id] [--seconds n]');
const [operation, fixture] = task.split('/') as [string, string];
const key = `${operation}:${args.contender}`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

if (args.child) {
  const contender = CONTENDERS.find((c) => contenderKey(c) === key);
  if (contender === undefined) throw new Error(`unknown contender ${key}`);
  const prepare = await contender.load();
  if (typeof prepare === 'string') throw new Error(prepare);
  const prepared = prepare(fixture);
  if (prepared === undefined) throw new Error(`${key} has no fixture ${fixture}`);
  const check = prepared.check();
  if (check !== undefined) process.stderr.write(`warning: output check failed: ${check}\n`);
  const end = performance.now() + Number(args.seconds) * 1000;
  let calls = 0;
  while (performance.now() < end) {
    prepared.run();
    calls++;
  }
  process.stderr.write(`${calls} calls of ${task} (${args.contender})\n`);
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jsvkit-profile-'));
  execFileSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', fileURLToPath(import.meta.url), task, '--child', '--contender', args.contender!, '--seconds', args.seconds!],
    { stdio: 'inherit' },
  );
  const file = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url === '' ? '' : ` ${path.basename(url)}:${lineNumber + 1}`;
    const name = `${functionName || '(anonymous)'}${where}`;
    self.set(name, (self.get(name) ?? 0) + hits);
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top));
  process.stdout.write(`self time, ${task} (${args.contender}); profile: ${file}\n`);
  for (const [name, hits] of rows) process.stdout.write(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}\n`);
}
