/**
 * The performance targets of issue 3, checked against the ratios of one run. A ratio is
 * `time(contender) / time(reference)` on the same fixture; "faster by 3×" is a ratio ≤ 1/3.
 */

/** Median ms per call, keyed `operation/fixture contender`. */
export type Measured = Map<string, number>;

interface Target {
  what: string;
  operation: 'parse' | 'stringify';
  contender: string;
  reference: string;
  fixtures: string[];
  /** Largest allowed time ratio contender/reference. */
  limit: number;
}

const SMALL = ['customer', 'strings', 'numbers'];
const LARGE = ['customers-10k', 'deep'];
const ALL = [...SMALL, ...LARGE];

export const TARGETS: Target[] = [
  { what: 'parse ≤ 2× JSON.parse', operation: 'parse', contender: 'jsvkit', reference: 'JSON.parse', fixtures: SMALL, limit: 2 },
  { what: 'parse ≤ 2.5× JSON.parse', operation: 'parse', contender: 'jsvkit', reference: 'JSON.parse', fixtures: LARGE, limit: 2.5 },
  { what: 'stringify ≥ 3× faster than @servicestack/client', operation: 'stringify', contender: 'jsvkit', reference: '@servicestack/client', fixtures: ALL, limit: 1 / 3 },
  { what: 'stringify ≤ 1.25× JSON.stringify', operation: 'stringify', contender: 'jsvkit', reference: 'JSON.stringify', fixtures: ['customer', 'deep', 'strings'], limit: 1.25 },
  { what: 'stringify ≤ 2× JSON.stringify', operation: 'stringify', contender: 'jsvkit', reference: 'JSON.stringify', fixtures: ['customers-10k', 'numbers'], limit: 2 },
  { what: 'parse ≥ 3× faster than JSV.js', operation: 'parse', contender: 'jsvkit', reference: 'JSV.js', fixtures: ALL, limit: 1 / 3 },
  { what: 'Chevrotain parse within 2× of JSV.js', operation: 'parse', contender: 'jsvkit chevrotain', reference: 'JSV.js', fixtures: ALL, limit: 2 },
  { what: 'typed parse ≤ 1.3× untyped parse', operation: 'parse', contender: 'jsvkit typed', reference: 'jsvkit', fixtures: ALL, limit: 1.3 },
  { what: 'typed stringify ≤ 1.3× untyped stringify', operation: 'stringify', contender: 'jsvkit typed', reference: 'jsvkit', fixtures: ALL, limit: 1.3 },
];

/** A markdown table of every target that this run measured, with the ratio and whether it is met. */
export function checkTargets(measured: Measured, outputs: Map<string, { check: string | undefined }>): string {
  let rows = '';
  for (const target of TARGETS) {
    for (const fixture of target.fixtures) {
      const mine = measured.get(`${target.operation}/${fixture} ${target.contender}`);
      const theirs = measured.get(`${target.operation}/${fixture} ${target.reference}`);
      if (mine === undefined || theirs === undefined) continue;
      const ratio = mine / theirs;
      const check = outputs.get(`${target.operation}/${fixture} ${target.contender}`)?.check;
      const correct = check === 'ok';
      const met = ratio <= target.limit && correct;
      const shown = target.limit < 1 ? `${(theirs / mine).toFixed(2)}× faster (needs ≥ ${(1 / target.limit).toFixed(0)}×)` : `${ratio.toFixed(2)}× (needs ≤ ${target.limit}×)`;
      rows += `| ${target.what} | ${target.operation}/${fixture} | ${shown}${correct ? '' : ', output wrong'} | ${met ? 'met' : '**not met**'} |\n`;
    }
  }
  if (rows === '') return 'No target could be computed from this run (filtered, or contenders missing).\n';
  return `| target | fixture | this run | |\n|---|---|---|---|\n${rows}`;
}
