/**
 * A streaming walk over JSV text: the scanner's grammar, reported as events to a sink instead of
 * built into a tree. `format` lays text out with it, and the CLI checks, formats and converts
 * 100 MB documents with it while holding only the text and a small output buffer. It accepts and
 * rejects exactly what `parse` does, with the same errors (code, offset and path); the fuzz laws
 * in test/fuzz hold it to that. (`parse` keeps its own loop: it builds values on the hot path.)
 */
import { JsvError } from '../errors/jsv-error.js';
import { isBlank } from './chars.js';
import type { ParseOptions } from './options.js';
import { formatPath } from './path.js';
import { BARE, duplicateKeyReason, IN_LIST, IN_MAP, LIST, MAP, QUOTED, Scanner, TOP, type Context } from './scanner.js';

/**
 * Receives one document's structure in order. Scalars come as offsets into `text` so that a sink
 * that does not need the value (a syntax check) allocates nothing.
 */
export interface JsvSink {
  /** A non-empty map opens; its first `key` follows. */
  openMap(): void;
  /** A map key: `text.slice(start, end)` is its source spelling (quotes included), `key` its value. */
  key(text: string, start: number, end: number, key: string): void;
  closeMap(): void;
  /** A non-empty list opens. */
  openList(): void;
  closeList(): void;
  /** `{}` */
  emptyMap(): void;
  /** `[]` */
  emptyList(): void;
  /** A quoted string: `text.slice(start, end)` is the source, quotes included. */
  quoted(text: string, start: number, end: number): void;
  /** A bare value: `text.slice(start, end)` is its text (already trimmed in tolerant mode). */
  bare(text: string, start: number, end: number): void;
  /** An empty value (null): an empty slot, `{A:}`, or an empty document. */
  empty(): void;
}

/** Values read between two pauses of the walk (a pause lets the caller flush output and report progress). */
const VALUES_PER_PAUSE = 4096;

/** Starts a scanner over `text` with parse's options (whitespace mode, maxDepth). */
export function createScanner(text: string, options?: ParseOptions): Scanner {
  return new Scanner(text, options);
}

/**
 * Walks the document, pausing (yielding) every few thousand values. An empty document reports a
 * single `empty()`, as `parse` returns null for it.
 *
 * @throws JsvError exactly as `parse(text, options)` would, including the error's path.
 */
export function* walkJsv(scanner: Scanner, sink: JsvSink): Generator<void, void, void> {
  if (scanner.atEmptyDocument()) {
    sink.empty();
    return;
  }
  const text = scanner.text;
  const stack: Context[] = [];
  const seen: Set<string>[] = [];
  // For error paths, as parse reports them: the key being read in each map (undefined while the
  // key itself is scanned) and the number of finished items in each list.
  const keys: (string | undefined)[] = [];
  const counts: number[] = [];
  let ctx: Context = TOP;
  let budget = VALUES_PER_PAUSE;

  const readKey = (): void => {
    const top = stack.length - 1;
    keys[top] = undefined;
    // Where the key's spelling starts (readKey skips blanks first). Not scanner.keyStart: a key
    // that is itself a map reads keys of its own, which move keyStart inside it.
    let rawStart = scanner.pos;
    if (scanner.tolerant) while (isBlank(text.charCodeAt(rawStart))) rawStart++;
    const key = scanner.readKey();
    const keysSeen = seen[top]!;
    if (keysSeen.has(key)) throw scanner.fail(scanner.keyStart, 'DUPLICATE_KEY', duplicateKeyReason(key));
    keysSeen.add(key);
    keys[top] = key;
    sink.key(text, rawStart, scanner.keyEnd, key);
  };

  try {
    for (;;) {
      if (--budget === 0) {
        budget = VALUES_PER_PAUSE;
        yield;
      }
      const kind = scanner.valueStart(ctx);
      if (kind === MAP || kind === LIST) {
        const isMap = kind === MAP;
        if (isMap ? scanner.openMap() : scanner.openList()) {
          ctx = isMap ? IN_MAP : IN_LIST;
          stack.push(ctx);
          keys.push(undefined);
          counts.push(0);
          seen.push(isMap ? new Set() : EMPTY_SET);
          if (isMap) {
            sink.openMap();
            readKey();
          } else {
            sink.openList();
          }
          continue;
        }
        if (isMap) sink.emptyMap();
        else sink.emptyList();
      } else if (kind === QUOTED) {
        const start = scanner.pos;
        const end = scanner.quotedEnd(start);
        scanner.pos = end;
        sink.quoted(text, start, end);
      } else if (kind === BARE) {
        const start = scanner.start;
        sink.bare(text, start, scanner.bareEnd(ctx));
      } else {
        sink.empty();
      }
      // Close every container that ends here; stop at the next entry or item.
      for (;;) {
        const top = stack.length - 1;
        if (top < 0) {
          scanner.finish();
          return;
        }
        const inMap = stack[top] === IN_MAP;
        counts[top]!++;
        if (inMap ? scanner.nextEntry() : scanner.nextItem()) {
          if (inMap) readKey();
          break;
        }
        stack.pop();
        keys.pop();
        counts.pop();
        seen.pop();
        if (inMap) sink.closeMap();
        else sink.closeList();
      }
      ctx = stack[stack.length - 1]!;
    }
  } catch (error) {
    if (error instanceof JsvError && error.path === undefined && stack.length > 0) throw withPath(error, stack, keys, counts);
    throw error;
  }
}

const EMPTY_SET: Set<string> = new Set();

/** A sink that keeps nothing: `jsvkit check` only needs the walk's verdict. */
export const NULL_SINK: JsvSink = {
  openMap() {},
  key() {},
  closeMap() {},
  openList() {},
  closeList() {},
  emptyMap() {},
  emptyList() {},
  quoted() {},
  bare() {},
  empty() {},
};

/** The path `parse` gives an error, e.g. `data.list[2]`, from the walk's open containers. */
function withPath(error: JsvError, stack: Context[], keys: (string | undefined)[], counts: number[]): JsvError {
  const path = formatPath(stack.map((ctx, i) => (ctx === IN_LIST ? counts[i] : keys[i])));
  return path === '' ? error : error.atPath(path);
}
