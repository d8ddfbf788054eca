/**
 * How the typed list reader builds a list's array (untyped reading slices its lists off a shared
 * item stack instead; see `itemStack` in scanner.ts). Pushing every item onto one array makes V8 regrow and copy it
 * again and again once it is long, so a reader pushes onto a chunk, sets a full chunk aside
 * (`LIST_CHUNK` items) and starts a new one; `finishList` joins them once at the end. That took a
 * quarter less time on a list of 100,000 numbers. A short list is copied to its exact size,
 * because a `[]` that was pushed to keeps room for 16 more items (on a list of records that
 * spare room was a third more heap).
 */
export const LIST_CHUNK = 4096;
const SHORT = 32;
/** Chunks joined per `concat` call: far below the engine's limit on arguments. */
const CHUNKS_PER_CONCAT = 1024;

/** The list's items in order, in an array of their exact number: `full` chunks, then `last`. */
export function finishList<T>(last: T[], full: T[][] | undefined): T[] {
  if (full === undefined) return last.length < SHORT ? last.slice() : last;
  if (last.length > 0) full.push(last);
  let items: T[] = [];
  for (let i = 0; i < full.length; i += CHUNKS_PER_CONCAT) items = items.concat(...full.slice(i, i + CHUNKS_PER_CONCAT));
  return items;
}
