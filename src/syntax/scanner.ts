/**
 * The hand-written JSV engine's cursor: a single pass over the text that classifies the value at
 * the cursor, reads keys, quoted strings and bare values, and passes separators, brackets and
 * whole values it is told to skip. It builds nothing: `parse` builds untyped values from it
 * (tree-builder.ts), `format` and the CLI walk it (walk.ts), and typed decoders pull values from it
 * directly, so no text is ever scanned twice. Its language is the one `grammar/jsv.ebnf` describes
 * and the Chevrotain engine implements; a property test holds the two equal.
 *
 * Extent rules follow ServiceStack's reader: a bare value in a map runs to the
 * next `,` or `}` (so `:`, `[`, `]` and `"` are ordinary inside it), a bare list item to the next
 * `,`, `]` or `}`, and a bare top-level value to the end of the text.
 */
import { errorAt, JsvError } from '../errors/jsv-error.js';
import { BOM, COLON, COMMA, CR, isBlank, spelledAt, LBRACE, LBRACKET, LF, QUOTE, RBRACE, RBRACKET, SPACE, TAB } from './chars.js';
import { readingOverflow, tooDeepToRead } from './limits.js';
import { resolveParseOptions, type ParseOptions } from './options.js';
import { KeyMemory, MAX_REMEMBERED_KEY } from './key-memory.js';
import { isLargeDocument } from './large-document.js';
import { ValueMemory } from './value-memory.js';
import { formatPath } from './path.js';

/** Where a value stands; it decides which characters end a bare value. */
export const TOP = 0;
export const IN_MAP = 1;
export const IN_LIST = 2;
export type Context = typeof TOP | typeof IN_MAP | typeof IN_LIST;

/** What starts at the cursor (see `Scanner.valueStart`). */
export const MAP = 0;
export const LIST = 1;
export const QUOTED = 2;
export const BARE = 3;
export const EMPTY = 4;
export type ValueKind = typeof MAP | typeof LIST | typeof QUOTED | typeof BARE | typeof EMPTY;


/** The characters that end a bare value, by slot; see `Scanner.nextTerminator`. */
const TERMINATORS = [',', '}', ']'];
const COMMA_SLOT = 0;
const RBRACE_SLOT = 1;
const RBRACKET_SLOT = 2;

/**
 * Characters on which a bare run (see `Scanner.readBareItems`) stops and leaves the item to the
 * general reader, indexed by char code: what opens a map, list or quoted string, what makes an
 * empty slot, and a blank, which in strict mode may stand before a `{` or `[`.
 */
const ENDS_BARE_RUN = new Uint8Array(128);
for (const c of '{[",]} \t\n\r') ENDS_BARE_RUN[c.charCodeAt(0)] = 1;

/**
 * Start and end offsets of the items of the bare run being read, two slots per item. Reused by
 * every read; after a run longer than `KEPT_RUN_SLOTS / 2` items it is cut back to that size.
 */
const KEPT_RUN_SLOTS = 1 << 16;
let runBounds: Int32Array = new Int32Array(1024);


/** Characters that end a bare key, indexed by char code; all are ASCII. */
const ENDS_KEY = new Uint8Array(128);
for (const c of ':,{}[]"') ENDS_KEY[c.charCodeAt(0)] = 1;


/** Room for twice as many item bounds, the first ones kept. */
function grown(bounds: Int32Array): Int32Array {
  const larger = new Int32Array(bounds.length * 2);
  larger.set(bounds);
  return larger;
}

/** A character as an error message shows it. */
export function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input';
  const cp = text.codePointAt(offset)!;
  if (cp === SPACE) return "' ' (space)";
  if (cp === TAB) return 'a TAB';
  if (cp === LF) return 'a line feed';
  if (cp === CR) return 'a carriage return';
  if (cp < 32 || cp === 0x7f) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

export class Scanner {
  readonly text: string;
  /** The cursor. */
  pos: number;
  /** Where the last value began (set by `valueStart`) and where the last key began. */
  start = 0;
  keyStart = 0;
  keyEnd = 0;
  /** End of the last bare value, after tolerant trimming. */
  end = 0;
  /** Whether the last quoted string had a `""` in it. */
  doubledQuotes = false;
  /** Whether the last bare run ended at its list's `]`. */
  runClosed = false;
  readonly tolerant: boolean;
  readonly maxDepth: number;
  depth = 0;
  /** Which keys this document read, to hand back remembered ones (key-memory.ts). */
  private readonly keyMemory = new KeyMemory();
  /** Which short values this document read, to hand back remembered ones (value-memory.ts). */
  readonly valueMemory: ValueMemory;
  /** Whether the text is a large document, where reading saves allocation at some cost (large-document.ts). */
  readonly large: boolean;
  /** Per terminator slot: where it next occurs, and the offset that search started at. */
  private readonly terminatorAt = [-1, -1, -1];
  private readonly terminatorFrom = [0, 0, 0];

  constructor(text: string, options?: ParseOptions) {
    const resolved = resolveParseOptions(options, text);
    this.text = text;
    this.large = isLargeDocument(text);
    this.valueMemory = new ValueMemory(this.large);
    this.tolerant = resolved.tolerant;
    this.maxDepth = resolved.maxDepth;
    // One leading byte-order mark is not data (ServiceStack drops it too).
    this.pos = text.charCodeAt(0) === BOM ? 1 : 0;
  }

  fail(offset: number, code: JsvError['code'], reason: string): JsvError {
    return errorAt(this.text, offset, code, reason);
  }

  skipBlanks(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length && isBlank(text.charCodeAt(pos))) pos++;
    this.pos = pos;
  }

  /** True when only layout (tolerant) or nothing (strict) is left before the top-level value. */
  atEmptyDocument(): boolean {
    if (this.tolerant) this.skipBlanks();
    return this.pos >= this.text.length;
  }

  /**
   * Classifies the value at the cursor and records its start. Tolerant mode skips layout first;
   * strict mode does not, so a blank there starts bare text, as in ServiceStack, unless a `{` or
   * `[` follows the blanks.
   */
  valueStart(context: Context): ValueKind {
    if (this.tolerant) this.skipBlanks();
    let pos = this.pos;
    const text = this.text;
    let c = text.charCodeAt(pos);
    if (!this.tolerant && isBlank(c)) {
      // Blanks before a `{` or `[` are layout in strict mode too: ServiceStack's writer never puts
      // one there (it quotes a string holding a bracket), and its list reader trims them.
      let end = pos + 1;
      while (isBlank(text.charCodeAt(end))) end++;
      const next = text.charCodeAt(end);
      if (next === LBRACE || next === LBRACKET) {
        pos = end;
        c = next;
        this.pos = pos;
      }
    }
    this.start = pos;
    if (pos >= text.length) return EMPTY;
    if (c === LBRACE) return MAP;
    if (c === LBRACKET) return LIST;
    if (c === QUOTE) return QUOTED;
    if (context === IN_MAP) return c === COMMA || c === RBRACE ? EMPTY : BARE;
    if (context === IN_LIST) return c === COMMA || c === RBRACKET || c === RBRACE ? EMPTY : BARE;
    if (c === COMMA || c === RBRACE || c === RBRACKET) {
      throw this.fail(pos, 'UNEXPECTED_TOKEN', `Expected a value, found ${describeChar(text, pos)}`);
    }
    return BARE;
  }

  /**
   * Offset just past the closing quote of the quoted string that opens at `open`; sets
   * `doubledQuotes` when a `""` stands inside it.
   */
  quotedEnd(open: number): number {
    const text = this.text;
    let i = open + 1;
    this.doubledQuotes = false;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        throw this.fail(open, 'UNTERMINATED_STRING', 'Unterminated quoted string: no closing \'"\' before the end of input (write a literal quote as "")');
      }
      if (text.charCodeAt(q + 1) !== QUOTE) return q + 1;
      this.doubledQuotes = true;
      i = q + 2;
    }
  }

  /** Reads the quoted string at the cursor; `""` inside stands for one `"`. */
  readQuoted(): string {
    const open = this.pos;
    const close = this.quotedEnd(open);
    this.pos = close;
    const inner = this.text.slice(open + 1, close - 1);
    return this.doubledQuotes ? inner.replaceAll('""', '"') : inner;
  }

  /**
   * Moves the cursor to the end of the bare value at the cursor (before its terminator) and
   * returns where its text ends: tolerant mode leaves trailing layout blanks out.
   */
  bareEnd(context: Context): number {
    let pos = this.pos;
    if (context === IN_MAP) {
      pos = Math.min(this.nextTerminator(COMMA_SLOT, pos), this.nextTerminator(RBRACE_SLOT, pos));
    } else if (context === IN_LIST) {
      pos = Math.min(this.nextTerminator(COMMA_SLOT, pos), this.nextTerminator(RBRACKET_SLOT, pos), this.nextTerminator(RBRACE_SLOT, pos));
    } else {
      pos = this.text.length;
    }
    this.pos = pos;
    let end = pos;
    const text = this.text;
    if (this.tolerant) while (end > this.start && isBlank(text.charCodeAt(end - 1))) end--;
    this.end = end;
    return end;
  }

  /**
   * Offset of the first terminator of kind `slot` at or after `from` (text.length when none). A bare
   * value ends at the nearest of its terminators; each is found with indexOf (memchr speed) and the
   * answer reused until the cursor passes it, so the scan stays linear. On long bare strings this
   * is a quarter faster than testing every character.
   */
  private nextTerminator(slot: number, from: number): number {
    let at = this.terminatorAt[slot]!;
    // Valid while no terminator lies in [searchedFrom, at) and `from` is inside that range.
    if (from > at || from < this.terminatorFrom[slot]!) {
      at = this.text.indexOf(TERMINATORS[slot]!, from);
      if (at < 0) at = this.text.length;
      this.terminatorAt[slot] = at;
      this.terminatorFrom[slot] = from;
    }
    return at;
  }

  /**
   * Ends the bare value at the cursor at `end` when that is where `bareEnd` would end it: a
   * terminator of `context` stands there (or the text ends), and no blank before it is trimmed.
   * The caller vouches that no terminator lies between the value's start and `end`. Moves the
   * cursor as `bareEnd` does; false (nothing moved) otherwise.
   */
  bareEndsAt(context: Context, end: number): boolean {
    const text = this.text;
    if (end <= this.start) return false;
    if (end < text.length) {
      if (context === TOP) return false;
      const c = text.charCodeAt(end);
      if (c !== COMMA && c !== RBRACE && (c !== RBRACKET || context !== IN_LIST)) return false;
    }
    if (this.tolerant && isBlank(text.charCodeAt(end - 1))) return false;
    this.pos = end;
    this.end = end;
    return true;
  }

  readBare(context: Context): string {
    const end = this.bareEnd(context);
    return this.valueMemory.textOf(this.text, this.start, end);
  }

  /**
   * Reads the items of the list just opened while each is bare text ended by `,` or `]`, noting
   * only where each starts and ends (`runBounds`: item i is `text.slice(runBounds[2i],
   * runBounds[2i + 1])`), and returns how many it read. At the `]` it consumes it and closes the
   * list (`runClosed`). Anything else (a map, list or quoted item, an empty slot, a blank in strict
   * mode, a `}` or the end of the text after an item) stops the run where that item begins, and the
   * cursor is left there for the item-by-item reader. It never throws: whatever is wrong there is
   * found, and reported, by that reader. The tree builder makes lists from runs (tree-builder.ts).
   */
  readBareRun(): number {
    const text = this.text;
    const length = text.length;
    const tolerant = this.tolerant;
    if (runBounds.length > KEPT_RUN_SLOTS) runBounds = new Int32Array(KEPT_RUN_SLOTS);
    let bounds: Int32Array = runBounds;
    let count = 0;
    let pos = this.pos;
    this.runClosed = false;
    for (;;) {
      let start = pos;
      if (tolerant) while (start < length && isBlank(text.charCodeAt(start))) start++;
      const c = text.charCodeAt(start);
      if (start >= length || (c < 128 && ENDS_BARE_RUN[c] === 1)) break;
      // As `bareEnd` ends an item in a list: at the nearest `,`, `]` or `}`.
      const comma = this.nextTerminator(COMMA_SLOT, start);
      const bracket = this.nextTerminator(RBRACKET_SLOT, start);
      const stop = comma < bracket ? comma : bracket;
      if (stop >= length || this.nextTerminator(RBRACE_SLOT, start) < stop) break;
      let end = stop;
      if (tolerant) while (isBlank(text.charCodeAt(end - 1))) end--;
      const slot = 2 * count;
      if (slot + 2 > bounds.length) bounds = runBounds = grown(bounds);
      bounds[slot] = start;
      bounds[slot + 1] = end;
      count++;
      pos = stop + 1;
      if (stop === bracket) {
        this.runClosed = true;
        this.closeList();
        break;
      }
    }
    this.pos = pos;
    return count;
  }

  /** Where the items of the last bare run start and end; see `readBareRun`. */
  get runBounds(): Int32Array {
    return runBounds;
  }

  private enter(open: number): void {
    if (++this.depth > this.maxDepth) {
      throw this.fail(open, 'MAX_DEPTH', tooDeepToRead(this.maxDepth));
    }
  }

  /** Consumes `{`; returns false (and consumes `}`) when the map is empty. */
  openMap(): boolean {
    const open = this.pos;
    this.enter(open);
    this.keyMemory.openMap(this.depth);
    return this.openContainer(open, RBRACE);
  }

  /**
   * Moves past the opening bracket at `open`. Blanks then `close` make the container empty in
   * both modes (ServiceStack's `IsEmptyMap` and `StripList`); otherwise strict mode keeps blanks
   * after the bracket as part of the first key or item, as ServiceStack does since 2023 (a list's
   * first item no longer loses its leading blank).
   */
  private openContainer(open: number, close: number): boolean {
    const text = this.text;
    let pos = open + 1;
    while (isBlank(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === close) {
      this.pos = pos + 1;
      this.depth--;
      return false;
    }
    this.pos = this.tolerant ? pos : open + 1;
    return true;
  }

  /** Consumes `[`; returns false (and consumes `]`) when the list is empty. */
  openList(): boolean {
    const open = this.pos;
    this.enter(open);
    return this.openContainer(open, RBRACKET);
  }

  /**
   * Reads a map key and the `:` after it. A key is quoted, a brace-balanced map (kept as its raw
   * text, as ServiceStack accepts it), or bare text up to `:`. Blanks around it are layout in
   * tolerant mode and part of a bare key in strict mode, as ServiceStack's dictionaries keep them
   * (`{ a :1}` has the key " a "); a blank after a quoted or map key is an error there.
   * The key that followed the previous one last time is tried first (see key-memory.ts).
   */
  readKey(): string {
    const tolerant = this.tolerant;
    if (tolerant) this.skipBlanks();
    const text = this.text;
    const start = this.pos;
    this.keyStart = start;
    const depth = this.depth;
    const memory = this.keyMemory;
    const expected = memory.predicted(depth);
    // A remembered bare key has no terminator in it and no blank at its end, so when its text and
    // then ':' stand here, the full scan below would read exactly it.
    // Compared in place in a large document; elsewhere a copy compared with `===` is faster, and
    // its garbage, which in a large document costs scavenges (large-document.ts), is cheap.
    const spelled = expected !== undefined && (this.large ? spelledAt(text, start, expected) : text.slice(start, start + expected.length) === expected);
    if (spelled && text.charCodeAt(start + expected.length) === COLON) {
      memory.confirmed(depth, expected);
      this.keyEnd = start + expected.length;
      this.pos = this.keyEnd + 1;
      return expected;
    }
    const c = text.charCodeAt(start);
    let key: string;
    if (c === QUOTE) {
      key = this.readQuoted();
    } else if (c === LBRACE) {
      try {
        this.skipValue(IN_MAP);
      } catch (error) {
        // Keys inside keys are the one place reading recurses; only a maxDepth raised far past
        // the default lets them reach the stack's end.
        throw readingOverflow(error, text, start, undefined, 'lower maxDepth (maps used as keys are read recursively)');
      }
      key = text.slice(start, this.pos);
      // Reading the key's own keys moved keyStart inside it.
      this.keyStart = start;
    } else {
      let pos = start;
      let hash = 0;
      while (pos < text.length) {
        const k = text.charCodeAt(pos);
        if (k < 128 && ENDS_KEY[k] === 1) break;
        hash = (hash * 31 + k) | 0;
        pos++;
      }
      let end = pos;
      if (tolerant) while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
      if (end === start) {
        if (start >= text.length) throw this.fail(start, 'UNEXPECTED_END', 'Unexpected end of input: expected a key');
        throw this.fail(start, 'UNEXPECTED_TOKEN', `Expected a key, found ${describeChar(text, start)}`);
      }
      this.pos = pos;
      // A strict key ending in a blank is never remembered: tolerant reading would trim it.
      if (memory.active && end === pos && end - start <= MAX_REMEMBERED_KEY && !isBlank(text.charCodeAt(end - 1))) {
        key = memory.recall(depth, text, start, end, hash);
      } else {
        key = text.slice(start, end);
        memory.passed(depth);
      }
    }
    if (c === QUOTE || c === LBRACE) memory.passed(depth);
    this.keyEnd = c === QUOTE || c === LBRACE ? this.pos : start + key.length;
    if (tolerant) this.skipBlanks();
    const colon = this.pos;
    if (text.charCodeAt(colon) !== COLON) {
      if (colon >= text.length) throw this.fail(colon, 'UNEXPECTED_END', `Unexpected end of input: expected ':' after the key ${JSON.stringify(key)}`);
      throw this.fail(colon, 'UNEXPECTED_TOKEN', `Expected ':' after the key ${JSON.stringify(key)}, found ${describeChar(text, colon)}`);
    }
    this.pos = colon + 1;
    return key;
  }

  /**
   * Reads the key at the cursor and the `:` after it when they are exactly `key` then `:`, as a
   * reader that expects that key (a typed object's next member) can ask; false, with only layout
   * passed in tolerant mode, otherwise. `key` must be one `readKey` reads as a bare key, so it gives
   * the same: no `:`, `,`, `{`, `}`, `[`, `]` or `"` in it and no blank at its ends. The key
   * memory is not consulted: the reader knows the key already, so no string is made.
   */
  readKnownKey(key: string): boolean {
    if (this.tolerant) this.skipBlanks();
    const text = this.text;
    const start = this.pos;
    const end = start + key.length;
    if (text.charCodeAt(end) !== COLON || text.charCodeAt(start) !== key.charCodeAt(0) || !spelledAt(text, start, key)) return false;
    this.keyMemory.passed(this.depth);
    this.keyStart = start;
    this.keyEnd = end;
    this.pos = end + 1;
    return true;
  }

  /** After a map value: consumes `,` (true: another entry follows) or `}` (false). */
  nextEntry(): boolean {
    if (this.tolerant) this.skipBlanks();
    const pos = this.pos;
    const c = this.text.charCodeAt(pos);
    this.pos = pos + 1;
    if (c === COMMA) return true;
    if (c === RBRACE) {
      this.depth--;
      return false;
    }
    throw this.separatorError(pos, "'}'");
  }

  /** Leaves the list whose `]` a reader of its own consumed. */
  closeList(): void {
    this.depth--;
  }

  /** After a list item: consumes `,` (true: another item follows) or `]` (false). */
  nextItem(): boolean {
    if (this.tolerant) this.skipBlanks();
    const pos = this.pos;
    const c = this.text.charCodeAt(pos);
    this.pos = pos + 1;
    if (c === COMMA) return true;
    if (c === RBRACKET) {
      this.depth--;
      return false;
    }
    throw this.separatorError(pos, "']'");
  }

  private separatorError(pos: number, close: string): JsvError {
    this.pos = pos;
    if (pos >= this.text.length) return this.fail(pos, 'UNEXPECTED_END', `Unexpected end of input: expected ',' or ${close}`);
    const blankHint = isBlank(this.text.charCodeAt(pos)) ? ' (strict whitespace: blanks after a quoted or nested value are not allowed)' : '';
    return this.fail(pos, 'UNEXPECTED_TOKEN', `Expected ',' or ${close} after the value, found ${describeChar(this.text, pos)}${blankHint}`);
  }

  /** After the top-level value: only layout (tolerant) or nothing (strict) may follow. */
  finish(): void {
    if (this.tolerant) this.skipBlanks();
    if (this.pos < this.text.length) {
      throw this.fail(this.pos, 'TRAILING_INPUT', trailingInputReason(this.text, this.pos));
    }
  }

  /**
   * Validates and passes over one value of any depth, leaving the cursor after it, and builds
   * nothing. It raises the errors reading the value would (tree-builder.ts), with the path inside
   * it; a loop, not recursion, so nesting costs heap, never stack.
   */
  skipValue(context: Context): void {
    const baseDepth = this.depth;
    // The open containers, innermost last: the keys a map has had, or the items a list has had.
    const open: (Set<string> | number)[] = [];
    // The key being read in each open map; undefined while the key itself is being scanned.
    const keys: (string | undefined)[] = [];
    let ctx = context;
    try {
      for (;;) {
        const kind = this.valueStart(ctx);
        if (kind === MAP) {
          if (this.openMap()) {
            const seen = new Set<string>();
            open.push(seen);
            keys.push(undefined);
            const key = this.readKey();
            seen.add(key);
            keys[keys.length - 1] = key;
            ctx = IN_MAP;
            continue;
          }
        } else if (kind === LIST) {
          if (this.openList()) {
            open.push(0);
            keys.push(undefined);
            ctx = IN_LIST;
            continue;
          }
        } else if (kind === QUOTED) {
          this.pos = this.quotedEnd(this.pos);
        } else if (kind === BARE) {
          this.bareEnd(ctx);
        }
        // Close every container that ends here; stop at the next entry or item.
        for (;;) {
          const top = open.length - 1;
          if (top < 0) return;
          const container = open[top]!;
          if (typeof container === 'number') {
            open[top] = container + 1;
            if (this.nextItem()) break;
          } else if (this.nextEntry()) {
            keys[top] = undefined;
            const key = this.readKey();
            if (container.has(key)) throw this.fail(this.keyStart, 'DUPLICATE_KEY', duplicateKeyReason(key));
            container.add(key);
            keys[top] = key;
            break;
          }
          open.pop();
          keys.pop();
          ctx = typeof open[open.length - 1] === 'number' ? IN_LIST : IN_MAP;
        }
      }
    } catch (error) {
      this.depth = baseDepth;
      if (error instanceof JsvError && error.path === undefined && open.length > 0) {
        const path = formatPath(open.map((container, i) => (typeof container === 'number' ? container : keys[i])));
        if (path !== '') throw error.atPath(path);
      }
      throw error;
    }
  }
}

/** What follows the top-level value where nothing may. */
export function trailingInputReason(text: string, offset: number): string {
  return `Expected the end of input after the value, found ${describeChar(text, offset)}`;
}

export function duplicateKeyReason(key: string): string {
  return `Duplicate key ${JSON.stringify(key)}: a map may name a key only once`;
}
