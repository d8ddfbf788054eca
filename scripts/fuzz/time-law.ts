/**
 * The campaign-only law on running time. It measures the clock, so it belongs to `npm run fuzz`
 * (run on a quiet machine) and never to `npm test`, where a busy machine could fail it.
 */
import { format, parse } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { JsonSink } from '../../src/syntax/jsv-to-json.js';
import { familyArb, familyText, type Family } from '../../test/fuzz/arbitraries.js';
import { count, fail, SCHEMAS, walk, type Law } from '../../test/fuzz/laws.js';

/**
 * Time per character may grow at most this much from SMALL to LARGE. Growing the text 32 times
 * makes a linear cost 32 times larger and a quadratic one about 1,000 times: a factor of 4 on
 * top of linear leaves room for machine noise and still catches anything quadratic.
 */
const SLACK = 4;
const SMALL = 8_000;
const LARGE = 256_000;

function timeOf(f: () => number): { ms: number; work: number } {
  let best = Infinity;
  let work = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    try {
      work = f();
    } catch {
      // Errors are fine here; only their cost is measured.
    }
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, work };
}

/**
 * What is timed, each returning the size of the work it did: the input's length, or for format
 * the output's, which indentation makes up to maxDepth times longer than a deep input.
 */
const TIMED: [string, (text: string) => number][] = [
  ['parse', (s) => (parse(s), s.length)],
  ['parse strict', (s) => (parse(s, { whitespace: 'strict' }), s.length)],
  ['parse chevrotain', (s) => (parse(s, { engine: chevrotain }), s.length)],
  ['format', (s) => Math.max(s.length, format(s).length)],
  ['jsvkit to-json', (s) => (walk(s, {}, new JsonSink()), s.length)],
  ['typed Struct', (s) => (parse(s, SCHEMAS.Struct!), s.length)],
];

export const timeLaw: Law<Family> = {
  name: 'time',
  statement: `parse (both engines, both modes), format, the CLI walk and typed decoding take time linear in the input: growing a document 32 times (${SMALL} -> ${LARGE} chars) may not grow the time more than ${32 * SLACK} times`,
  weight: 1,
  shrink: false,
  arbitrary: familyArb,
  check(family, tally) {
    const small = familyText(family, SMALL);
    const large = familyText(family, LARGE);
    for (const [name, f] of TIMED) {
      count(tally.rules, `timed ${name}`);
      // Below 50 ms, timer noise and garbage collection dominate; a quadratic cost on 256k
      // characters is seconds, far above that. A suspect is measured twice more, so a pause of
      // the machine (other processes, a major GC) is not taken for superlinear time.
      let a = 0;
      let b = 0;
      let suspect = true;
      for (let attempt = 0; attempt < 3 && suspect; attempt++) {
        const first = timeOf(() => f(small));
        const second = timeOf(() => f(large));
        a = first.ms;
        b = second.ms;
        const growth = first.work > 0 && second.work > 0 ? second.work / first.work : large.length / small.length;
        suspect = b > 50 && b / Math.max(a, 0.05) > SLACK * Math.max(growth, large.length / small.length);
      }
      if (suspect) {
        fail(`${name} looks superlinear on ${family.shape} of ${JSON.stringify(family.unit)}: ${a.toFixed(2)} ms for ${small.length} chars, ${b.toFixed(2)} ms for ${large.length}`);
      }
    }
  },
};

