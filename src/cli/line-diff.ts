/**
 * A unified diff of two texts by lines (`--- a`, `+++ b`, `@@` hunks with three lines of context),
 * for `codegen --check`. The lines both texts start and end with are set aside first; the rest is
 * matched by longest common subsequence when it is small enough, else shown as replaced whole.
 */

export interface DiffLabels {
  from: string;
  to: string;
}

/** Lines of the changed middle compared pairwise at most (a generated module of a few thousand lines fits). */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The diff of `before` and `after`, or `''` when they are equal. */
export function lineDiff(before: string, after: string, labels: DiffLabels): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', line: a[i]!, a: i, b: i });
  ops.push(...middle(a, b, start, endA, endB));
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push({ kind: ' ', line: a[i]!, a: i, b: j });
  return `--- ${labels.from}\n+++ ${labels.to}\n${hunks(ops)}`;
}

function middle(a: readonly string[], b: readonly string[], start: number, endA: number, endB: number): Op[] {
  const n = endA - start;
  const m = endB - start;
  const ops: Op[] = [];
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) ops.push({ kind: '-', line: a[i]!, a: i, b: start });
    for (let j = start; j < endB; j++) ops.push({ kind: '+', line: b[j]!, a: endA, b: j });
    return ops;
  }
  // lengths[i][j]: the longest common subsequence of a[start+i..] and b[start+j..].
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] = a[start + i] === b[start + j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      ops.push({ kind: ' ', line: a[start + i]!, a: start + i, b: start + j });
      i++;
      j++;
    } else if (i < n && (j === m || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      // Removals before additions, as unified diffs show a changed line.
      ops.push({ kind: '-', line: a[start + i]!, a: start + i, b: start + j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[start + j]!, a: start + i, b: start + j });
      j++;
    }
  }
  return ops;
}

function hunks(ops: readonly Op[]): string {
  let out = '';
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k]!.kind === ' ') k++;
    if (k === ops.length) break;
    const first = Math.max(0, k - CONTEXT);
    let last = k;
    // Extend while the next change is within twice the context.
    for (let scan = k; scan < ops.length && scan - last <= 2 * CONTEXT; scan++) if (ops[scan]!.kind !== ' ') last = scan;
    const end = Math.min(ops.length, last + CONTEXT + 1);
    const slice = ops.slice(first, end);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    out += `@@ -${slice[0]!.a + 1},${countA} +${slice[0]!.b + 1},${countB} @@\n`;
    for (const op of slice) out += `${op.kind}${op.line}\n`;
    k = end;
  }
  return out;
}
