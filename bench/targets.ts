/**
 * The performance targets, checked against one run. A ratio is `time(contender) / time(reference)`
 * on the same fixture; "faster by 3×" is a ratio ≤ 1/3. GC share and steadiness (p90 ÷ p50) are
 * per cell. Bundle weight and import time are checked in bench/weight.ts.
 */

/** Median ms per call, keyed `operation/fixture contender`. */
export type Measured = Map<string, number>;
export type CellStats = Map<string, { p90OverP50: number; p90OverP50InProcess: number; gcShare: number }>;

interface Target {
  what: string;
  operation: 'parse' | 'stringify';
  contender: string;
  reference: string;
  fixtures: string[];
  /** Largest allowed time ratio contender/reference. */
  limit: number;
}

const ALL = ['customer', 'customers-10k', 'deep', 'strings', 'numbers', 'series'];
const NUMBER_LISTS = ['numbers', 'series'];

export const TARGETS: Target[] = [
  { what: 'parse ≥ 1.5× faster than JSV.js', operation: 'parse', contender: 'jsvkit', reference: 'JSV.js', fixtures: ['strings', 'numbers', 'series'], limit: 1 / 1.5 },
  { what: 'parse ≥ 3× faster than JSV.js', operation: 'parse', contender: 'jsvkit', reference: 'JSV.js', fixtures: ['customer', 'customers-10k', 'deep'], limit: 1 / 3 },
  { what: 'typed parse of number lists ≤ 1.5× JSON.parse', operation: 'parse', contender: 'jsvkit typed', reference: 'JSON.parse', fixtures: NUMBER_LISTS, limit: 1.5 },
  { what: 'stringify ≤ 1.5× JSON.stringify', operation: 'stringify', contender: 'jsvkit', reference: 'JSON.stringify', fixtures: ALL, limit: 1.5 },
  { what: 'parse ≤ 2× JSON.parse', operation: 'parse', contender: 'jsvkit', reference: 'JSON.parse', fixtures: ALL, limit: 2 },
  { what: 'typed parse ≤ 1.2× untyped parse', operation: 'parse', contender: 'jsvkit typed', reference: 'jsvkit', fixtures: ALL, limit: 1.2 },
];

const GC_LIMIT = 0.25;
const STEADINESS_LIMIT = 1.3;

/** A markdown table of every target that this run measured, with the ratio and whether it is met. */
export function checkTargets(measured: Measured, outputs: Map<string, { check: string | undefined }>, stats: CellStats): string {
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
      const shown = target.limit < 1 ? `${(theirs / mine).toFixed(2)}× faster (needs ≥ ${(1 / target.limit).toFixed(1)}×)` : `${ratio.toFixed(2)}× (needs ≤ ${target.limit}×)`;
      rows += `| ${target.what} | ${target.operation}/${fixture} | ${shown}${correct ? '' : ', output wrong'} | ${met ? 'met' : '**not met**'} |\n`;
    }
  }
  for (const fixture of ALL) {
    const cell = stats.get(`parse/${fixture} jsvkit`);
    if (cell === undefined) continue;
    rows += `| parse GC ≤ 25 % of parse time | parse/${fixture} | ${(cell.gcShare * 100).toFixed(0)} % | ${cell.gcShare <= GC_LIMIT ? 'met' : '**not met**'} |\n`;
  }
  for (const fixture of ALL) {
    const cell = stats.get(`parse/${fixture} jsvkit`);
    if (cell === undefined) continue;
    // Beside the figure over all processes: each process's own (median over processes) and
    // JSON.parse's, since on a shared VM both the machine and V8's own parser fail this bound.
    const json = stats.get(`parse/${fixture} JSON.parse`);
    const context = `within a process ${cell.p90OverP50InProcess.toFixed(2)}${json === undefined ? '' : `; JSON.parse ${json.p90OverP50.toFixed(2)}, within a process ${json.p90OverP50InProcess.toFixed(2)}`}`;
    rows += `| parse p90 ÷ p50 ≤ 1.3 | parse/${fixture} | ${cell.p90OverP50.toFixed(2)} (${context}) | ${cell.p90OverP50 <= STEADINESS_LIMIT ? 'met' : '**not met**'} |\n`;
  }
  if (rows === '') return 'No target could be computed from this run (filtered, or contenders missing).\n';
  return `| target | fixture | this run | |\n|---|---|---|---|\n${rows}`;
}
