/**
 * `npm run bench:memory`: peak memory of one cold parse of the 10,000-customer fixture, per
 * contender, each in a fresh process (`--expose-gc`), three processes each, medians reported.
 *
 * Peak = the process's RSS high-water mark after the parse minus its RSS just before it (the
 * text already loaded, garbage collected). Retained = heap in use after a full GC with the
 * result still alive, minus the heap before: what the result (and anything leaked with it) holds.
 * The table is printed and written to bench/MEMORY.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './fixtures.js';
import { describeMachine, machineLine } from './machine.js';

const RUNS = 3;

interface Sample {
  available: boolean;
  reason?: string;
  peak: number;
  retained: number;
}

type Parser = (text: string) => unknown;

/** Each contender: which text it reads and how it is loaded (undefined: not available). */
const CONTENDERS: Record<string, { format: 'jsv' | 'json'; load: () => Promise<Parser | string> }> = {
  'JSON.parse': { format: 'json', load: async () => (text) => JSON.parse(text) },
  jsvkit: {
    format: 'jsv',
    load: async () => {
      const { parse } = await import('../src/index.js');
      return (text) => parse(text);
    },
  },
  'jsvkit typed': {
    format: 'jsv',
    load: async () => {
      const { parse, t } = await import('../src/index.js');
      const { CustomerInfo } = await import('../examples/evovoice/dtos.js');
      const schema = t.array(CustomerInfo);
      return (text) => parse(text, schema);
    },
  },
  'jsvkit chevrotain': {
    format: 'jsv',
    load: async () => {
      const { parse } = await import('../src/index.js');
      const { chevrotain } = await import('../src/syntax/chevrotain/entry.js');
      return (text) => parse(text, { engine: chevrotain });
    },
  },
};

const MB = 1024 * 1024;

async function child(id: string, file: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const parse = await CONTENDERS[id]!.load();
  if (typeof parse === 'string') {
    process.stdout.write(JSON.stringify({ available: false, reason: parse, peak: 0, retained: 0 } satisfies Sample));
    return;
  }
  const text = readFileSync(file, 'utf8');
  gc();
  gc();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const result = parse(text);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  if (result === undefined) throw new Error('no result');
  process.stdout.write(JSON.stringify({ available: true, peak: peakRss - rssBefore, retained: heapAfter - heapBefore } satisfies Sample));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jsvkit-bench-memory-'));
  try {
    const fixture = FIXTURES['customers-10k']!();
    const files = { jsv: path.join(dir, 'customers.jsv'), json: path.join(dir, 'customers.json') };
    writeFileSync(files.jsv, fixture.jsv);
    writeFileSync(files.json, fixture.json);
    const self = fileURLToPath(import.meta.url);
    let table = `| contender | input | peak over pre-parse RSS | retained heap (result alive) | peak ÷ JSON.parse's |\n|---|---:|---:|---:|---:|\n`;
    const unavailable: string[] = [];
    let jsonPeak: number | undefined;
    for (const [id, contender] of Object.entries(CONTENDERS)) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', id, files[contender.format]], { encoding: 'utf8', maxBuffer: 1 << 20 });
        samples.push(JSON.parse(out) as Sample);
        if (!samples[0]!.available) break;
      }
      if (!samples[0]!.available) {
        unavailable.push(`- \`${id}\`: ${samples[0]!.reason}`);
        continue;
      }
      const peak = median(samples.map((s) => s.peak));
      const retained = median(samples.map((s) => s.retained));
      if (id === 'JSON.parse') jsonPeak = peak;
      const bytes = contender.format === 'jsv' ? fixture.jsv.length : fixture.json.length;
      const ratio = jsonPeak === undefined || id === 'JSON.parse' ? '' : `${(peak / jsonPeak).toFixed(2)}×`;
      table += `| ${id} | ${(bytes / MB).toFixed(1)} MB ${contender.format.toUpperCase()} | +${(peak / MB).toFixed(0)} MB | ${(retained / MB).toFixed(0)} MB | ${ratio} |\n`;
    }
    let report = `## Memory: one cold parse of customers-10k\n\nMeasured ${machineLine(describeMachine())}; median of ${RUNS} fresh processes per contender.\n\n${table}`;
    if (unavailable.length > 0) report += `\nNot measured:\n\n${unavailable.join('\n')}\n`;
    report += `\nTarget (issue 3): jsvkit's peak ≤ 2.5× JSON.parse's.\n`;
    process.stdout.write(report);
    writeFileSync(new URL('./MEMORY.md', import.meta.url), `# jsvkit memory results\n\nWritten by \`npm run bench:memory\` (bench/memory.ts).\n\n${report}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(process.argv[childIndex + 1]!, process.argv[childIndex + 2]!);
else await main();
