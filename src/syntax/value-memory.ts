/**
 * Values repeat too: `True`, `False`, `none`, small counts, enum names, colours. Untyped `parse`
 * returns every scalar as a string, and a fresh copy of each is a young object that every scavenge
 * during the rest of the read copies again, since the result built so far is alive. On a list of
 * 10,000 customer records that was 430,000 short strings of which 47,000 were distinct, and the
 * scavenges copying them took about half of the parse time. A small process-wide memory hands back
 * the string read the last time the same text stood in the same slot: after a scavenge or two it
 * is in old space, so a repeated value costs nothing to allocate and nothing to copy.
 *
 * It never changes a result: a remembered string is returned only when its length is the value's
 * and `startsWith` finds it at the value's offset, i.e. its characters are the value's (law:
 * test/syntax/value-memory.test.ts). It is bounded (a slot is overwritten) and a document whose
 * values keep being new (time series, ids) stops consulting it, so it costs those a few hundred
 * lookups.
 */

const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;
/**
 * Longer values are sliced as before. From 13 characters on V8's `slice` makes a view into the
 * document instead of a copy, so remembering one would keep a whole multi-MB text alive from
 * this process-wide table; and short values are the ones that repeat.
 */
export const MAX_REMEMBERED_VALUE = 12;
/** New values a document may bring before at least one in five must come from the memory. */
const NEW_VALUES_BEFORE_GIVING_UP = 256;
const recentValues: string[] = new Array<string>(SLOTS).fill('');

/** Whether scanners consult the memory; off only in the test that holds reads with and without it equal. @internal */
export const valueMemoryUse = { enabled: true };

/** One document's use of the memory: how often it helped, and whether to go on. */
export class ValueMemory {
  /** Values found in the memory and values new to it, in this document. @internal */
  recalled = 0;
  fresh = 0;
  /** False once this document's values keep being new. */
  private active = valueMemoryUse.enabled;

  /** `text.slice(start, end)`, or the remembered string of the same characters. */
  textOf(text: string, start: number, end: number): string {
    const length = end - start;
    if (!this.active || length > MAX_REMEMBERED_VALUE) return text.slice(start, end);
    let hash = length;
    for (let i = start; i < end; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    const slot = Math.imul(hash, 0x9e3779b1) >>> (32 - SLOT_BITS);
    const recent = recentValues[slot]!;
    if (recent.length === length && text.startsWith(recent, start)) {
      this.recalled++;
      return recent;
    }
    const value = text.slice(start, end);
    recentValues[slot] = value;
    if (++this.fresh > NEW_VALUES_BEFORE_GIVING_UP && this.fresh > 4 * this.recalled) this.active = false;
    return value;
  }
}
