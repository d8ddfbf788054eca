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
/**
 * New values a document's map values, or one list's bare run, may bring before at least one in
 * five must come from the memory. Tallied apart, because one document mixes kinds: a time series
 * has lists of unique times and values next to lists of small counts that repeat.
 */
const NEW_VALUES_BEFORE_GIVING_UP = 256;
const NEW_RUN_ITEMS_BEFORE_GIVING_UP = 64;
const recentValues: string[] = new Array<string>(SLOTS).fill('');

/** Whether scanners consult the memory; off only in the test that holds reads with and without it equal. @internal */
export const valueMemoryUse = { enabled: true };

/** One document's use of the memory: how often it helped, and whether to go on. */
export class ValueMemory {
  /** Values found in the memory and values new to it, in this document. @internal */
  recalled = 0;
  fresh = 0;
  /** Whether the last `lookup` found the value. */
  private found = false;
  /** Map and single values: their tally, and false once they keep being new. */
  private valuesRecalled = 0;
  private valuesFresh = 0;
  private valuesActive = valueMemoryUse.enabled;
  /** The same for the items of the bare run being read (see `startRun`). */
  private runRecalled = 0;
  private runFresh = 0;
  private runActive = valueMemoryUse.enabled;

  /** The text of a bare value, `text.slice(start, end)` or the remembered string of the same characters. */
  textOf(text: string, start: number, end: number): string {
    if (!this.valuesActive) return text.slice(start, end);
    const value = this.lookup(text, start, end);
    if (this.found) this.valuesRecalled++;
    else if (++this.valuesFresh > NEW_VALUES_BEFORE_GIVING_UP && this.valuesFresh > 4 * this.valuesRecalled) this.valuesActive = false;
    return value;
  }

  /** A bare run of list items starts; its items are read with `runItemOf`. */
  startRun(): void {
    this.runRecalled = 0;
    this.runFresh = 0;
    this.runActive = valueMemoryUse.enabled;
  }

  /** `textOf` for an item of the current bare run. */
  runItemOf(text: string, start: number, end: number): string {
    if (!this.runActive) return text.slice(start, end);
    const value = this.lookup(text, start, end);
    if (this.found) this.runRecalled++;
    else if (++this.runFresh > NEW_RUN_ITEMS_BEFORE_GIVING_UP && this.runFresh > 4 * this.runRecalled) this.runActive = false;
    return value;
  }

  /** The remembered string of these characters (`found`), else a new slice, now remembered. */
  private lookup(text: string, start: number, end: number): string {
    const length = end - start;
    this.found = false;
    if (length > MAX_REMEMBERED_VALUE) return text.slice(start, end);
    let hash = length;
    for (let i = start; i < end; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    const slot = Math.imul(hash, 0x9e3779b1) >>> (32 - SLOT_BITS);
    const recent = recentValues[slot]!;
    if (recent.length === length && text.startsWith(recent, start)) {
      this.found = true;
      this.recalled++;
      return recent;
    }
    const value = text.slice(start, end);
    recentValues[slot] = value;
    this.fresh++;
    return value;
  }
}
