/**
 * Keys repeat: a document holds many records of one shape, and a server reads the same DTOs all
 * day. Two small process-wide memories let the scanner hand back a key it has seen before rather
 * than a fresh string. V8 must look every new key string up in its string table when it becomes a
 * property (and again for the duplicate check); a remembered key was looked up before. Neither
 * memory changes a result: the scanner returns a key only after comparing its text with the input
 * (law: test/syntax/key-memory.test.ts).
 *
 * `recentKeys` holds bare keys by a hash of their text; `successors` maps a key to the key that
 * followed it in a map last time, so the next key is checked in one compare, without a scan or a
 * hash. Both are bounded: a slot is overwritten, the map cleared when full. A document whose keys
 * keep being new (a large dictionary) stops using them, so it pays for neither.
 */

const RECENT_KEYS = 4096;
/** Longer keys are not remembered: they are rare, and comparing them costs what a new copy does. */
export const MAX_REMEMBERED_KEY = 40;
const MAX_SUCCESSORS = 4096;
/** New keys a document may bring before at least one key in five must come from the memories. */
const NEW_KEYS_BEFORE_GIVING_UP = 256;
const recentKeys: string[] = new Array<string>(RECENT_KEYS).fill('');
const successors = new Map<string, string>();

/** One document's use of the memories: which key came last at each depth, and whether to go on. */
export class KeyMemory {
  /** Per depth: the last key read in the map open there, if it is one to remember. */
  private readonly lastKeys: (string | undefined)[] = [];
  /** Keys found in the memories and keys new to them, in this document. */
  private recalled = 0;
  private fresh = 0;
  /** False once this document's keys keep being new. */
  active = true;

  /** A map opens at `depth`: no key came before its first. */
  openMap(depth: number): void {
    this.lastKeys[depth] = undefined;
  }

  /** The key that followed the last key read at `depth` the last time that key was read, if any. */
  predicted(depth: number): string | undefined {
    const previous = this.lastKeys[depth];
    return previous === undefined ? undefined : successors.get(previous);
  }

  /** The predicted key stands in the text. */
  confirmed(depth: number, key: string): void {
    this.recalled++;
    this.lastKeys[depth] = key;
  }

  /**
   * The bare key `text.slice(start, end)` read at `depth`, `hash` being the hash of its characters
   * (`h = h * 31 + c`, 32-bit) and its spelling one a tolerant read would give alike (no blank at
   * its end): the remembered string of the same text if there is one (compared in place, so a
   * recalled key costs no copy), else a new slice, now remembered.
   */
  recall(depth: number, text: string, start: number, end: number, hash: number): string {
    const slot = hash & (RECENT_KEYS - 1);
    const recent = recentKeys[slot]!;
    let key: string;
    if (recent.length === end - start && text.startsWith(recent, start)) {
      key = recent;
      this.recalled++;
      // Only a key seen before is worth predicting: a stream of new keys never fills the map.
      const previous = this.lastKeys[depth];
      if (previous !== undefined) {
        if (successors.size >= MAX_SUCCESSORS) successors.clear();
        successors.set(previous, key);
      }
    } else {
      key = text.slice(start, end);
      recentKeys[slot] = key;
      if (++this.fresh > NEW_KEYS_BEFORE_GIVING_UP && this.fresh > 4 * this.recalled) this.active = false;
    }
    this.lastKeys[depth] = key;
    return key;
  }

  /** A key not to remember (quoted, a map, blank-edged, long) was read at `depth`. */
  passed(depth: number): void {
    this.lastKeys[depth] = undefined;
  }
}
