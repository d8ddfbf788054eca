/**
 * JSON text -> compact JSV, streamed (`jsvkit from-json`, and the typed JSON reader). A strict RFC 8259 reader drives the
 * writer directly, so a 100 MB JSON file is never turned into objects, and number literals are
 * seen as written: integers keep their digits (as .NET writes int, long, ulong and decimal, so
 * nothing beyond 2^53 is rounded); numbers with a fraction or an exponent become .NET double text
 * (`1e21` -> `1E+21`, `0.1e1` -> `1`, as .NET writes doubles). Everything else follows `stringify`: `True`
 * and `False`, strings quoted only when needed, null map entries left out, null list items as
 * empty slots, and a list whose only item is null rejected (no JSV text reads back as it, W1).
 */
import { errorAt, type JsvError, type JsvErrorCode } from '../errors/jsv-error.js';
import { COLON, COMMA, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET } from './chars.js';
import { formatDouble } from './number-text.js';
import { resolveMaxDepth, tooDeepToRead } from './limits.js';
import { encodeString, quote } from './quoting.js';
import { describeChar } from './scanner.js';

export interface JsonToJsvOptions {
  /** Deepest nesting accepted (default 256, as `parse`); deeper input throws `MAX_DEPTH`. */
  maxDepth?: number;
  /**
   * Write every number literal exactly as the JSON has it (`0.10`, `1e400`, 30 significant digits)
   * instead of as .NET double text. For a typed read, whose number readers take JSON's number
   * syntax and decide the precision themselves (a `decimal` keeps every digit). Default false.
   */
  exactNumbers?: boolean;
  /**
   * Filled with pairs `[jsvOffset, jsonOffset]`, one per value written, in order: where each value
   * starts in the output (counting text already taken from `out`) and in the JSON. Lets an error
   * found in the JSV point back into the JSON.
   */
  offsets?: number[];
  /**
   * How a null list item is written, asked with the item's path (keys and indices from the top):
   * `'slot'` (default) an empty slot, which every JSV reader takes as null, but which cannot stand
   * alone (`[null]`); `'word'` the word `null`, which a typed reader takes as null where the item
   * is a map, a list, a number, a date, … (never where it is text, which `null` could be).
   */
  nullItem?: (path: readonly (string | number)[]) => 'slot' | 'word';
}

const BACKSLASH = 92;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Values converted between two pauses of the conversion. */
const VALUES_PER_PAUSE = 4096;

interface Frame {
  /** True for an object, false for an array. */
  object: boolean;
  /** Where the container opened, for errors about it as a whole. */
  open: number;
  /** Items read (arrays) or entries written (objects). */
  count: number;
  /** Arrays: whether the last item read was null (and written as an empty slot). */
  lastNull: boolean;
  keys: Set<string> | undefined;
  /** Objects: the key of the entry being read. */
  key: string;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export class JsonToJsv {
  /** Output not yet taken by the caller. */
  out = '';
  /** The reader's position in the JSON text. */
  pos = 0;
  private readonly maxDepth: number;
  private readonly exactNumbers: boolean;
  private readonly offsets: number[] | undefined;
  private readonly nullItem: JsonToJsvOptions['nullItem'];
  /** Output length already taken from `out` by the caller (only tracked with `offsets`). */
  private taken = 0;

  constructor(
    readonly text: string,
    options: JsonToJsvOptions = {},
  ) {
    this.maxDepth = resolveMaxDepth(options.maxDepth);
    this.exactNumbers = options.exactNumbers === true;
    this.offsets = options.offsets;
    this.nullItem = options.nullItem;
    // A leading byte-order mark is not part of the JSON value.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private fail(offset: number, code: JsvErrorCode, reason: string): JsvError {
    return errorAt(this.text, offset, code, reason);
  }

  private unexpected(offset: number, expected: string): JsvError {
    if (offset >= this.text.length) return this.fail(offset, 'UNEXPECTED_END', `Unexpected end of JSON input: expected ${expected}`);
    return this.fail(offset, 'UNEXPECTED_TOKEN', `Expected ${expected} in JSON, found ${describeChar(this.text, offset)}`);
  }

  private skipWhitespace(): number {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
    return pos;
  }

  /**
   * Converts the whole text, pausing (yielding) every few thousand values so the caller can
   * drain `out` and report progress.
   *
   * @throws JsvError on malformed JSON (`UNEXPECTED_TOKEN`, `UNEXPECTED_END`, `UNTERMINATED_STRING`,
   * `TRAILING_INPUT`), a repeated key (`DUPLICATE_KEY`), nesting deeper than maxDepth (`MAX_DEPTH`)
   * or a list whose only item is null (`UNREPRESENTABLE_VALUE`).
   */
  *convert(): Generator<void, void, void> {
    const text = this.text;
    const stack: Frame[] = [];
    let budget = VALUES_PER_PAUSE;
    for (;;) {
      if (--budget === 0) {
        budget = VALUES_PER_PAUSE;
        const before = this.out.length;
        yield;
        // The caller may have drained `out` at the pause.
        this.taken += before - this.out.length;
      }
      // One value, at the position after `[`, `,` or `:` (or at the start).
      const start = this.skipWhitespace();
      const c = text.charCodeAt(start);
      const frame = stack[stack.length - 1];
      if (frame !== undefined && !frame.object) {
        if (frame.count > 0) this.out += ',';
        frame.count++;
        frame.lastNull = false;
      }
      if (this.offsets !== undefined) this.offsets.push(this.taken + this.out.length, start);
      if (c === LBRACE || c === LBRACKET) {
        if (stack.length >= this.maxDepth) {
          throw this.fail(start, 'MAX_DEPTH', tooDeepToRead(this.maxDepth));
        }
        this.pos = start + 1;
        const object = c === LBRACE;
        stack.push({ object, open: start, count: 0, lastNull: false, keys: object ? new Set() : undefined, key: '' });
        this.out += object ? '{' : '[';
        const next = this.skipWhitespace();
        const close = text.charCodeAt(next);
        if (close === (object ? RBRACE : RBRACKET)) {
          this.pos = next + 1;
          stack.pop();
          this.out += object ? '}' : ']';
        } else if (object) {
          if (this.nextEntry(stack[stack.length - 1]!)) continue;
        } else {
          continue;
        }
      } else if (c === QUOTE) {
        const value = this.readString();
        // A document starting with U+FEFF loses it to the reader's BOM rule: quote it (as stringify does).
        this.out += frame === undefined && value.charCodeAt(0) === 0xfeff ? quote(value) : encodeString(value);
      } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
        this.out += this.readNumber();
      } else if (c === 116 /* t */) {
        this.literal('true');
        this.out += 'True';
      } else if (c === 102 /* f */) {
        this.literal('false');
        this.out += 'False';
      } else if (c === 110 /* n */) {
        this.literal('null');
        // Null writes nothing: an empty list slot, or (top level) an empty document; or the word where the reader takes it as null.
        if (frame !== undefined) {
          if (this.nullItem?.(stack.map((f) => (f.object ? f.key : f.count - 1))) === 'word') this.out += 'null';
          else frame.lastNull = true;
        }
      } else {
        throw this.unexpected(start, 'a value');
      }
      // After a value: close every container that ends here; stop at the next item or entry.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          const end = this.skipWhitespace();
          if (end < text.length) throw this.fail(end, 'TRAILING_INPUT', `Unexpected ${describeChar(text, end)} after the end of the JSON value`);
          return;
        }
        const at = this.skipWhitespace();
        const sep = text.charCodeAt(at);
        this.pos = at + 1;
        if (top.object) {
          if (sep === COMMA) {
            if (this.nextEntry(top)) break;
            continue;
          }
          if (sep !== RBRACE) throw this.unexpected(at, "',' or '}'");
          this.out += '}';
        } else {
          if (sep === COMMA) break;
          if (sep !== RBRACKET) throw this.unexpected(at, "',' or ']'");
          if (top.count === 1 && top.lastNull) {
            throw this.fail(top.open, 'UNREPRESENTABLE_VALUE', 'Cannot write a list whose only item is null: JSV writes it as [], which reads back empty');
          }
          this.out += ']';
        }
        stack.pop();
      }
    }
  }

  /**
   * Reads `"key":` and, unless the value is `null` (a null entry is left out, as ServiceStack
   * writes maps), writes the key. Returns true when a value follows, false when the entry was
   * null and the caller should look for the next separator.
   */
  private nextEntry(frame: Frame): boolean {
    const text = this.text;
    const keyStart = this.skipWhitespace();
    if (text.charCodeAt(keyStart) !== QUOTE) throw this.unexpected(keyStart, 'a quoted key');
    const key = this.readString();
    if (frame.keys!.has(key)) throw this.fail(keyStart, 'DUPLICATE_KEY', `Duplicate key ${JSON.stringify(key)}: JSV maps name a key only once`);
    frame.keys!.add(key);
    frame.key = key;
    const colon = this.skipWhitespace();
    if (text.charCodeAt(colon) !== COLON) throw this.unexpected(colon, "':' after the key");
    this.pos = colon + 1;
    const value = this.skipWhitespace();
    if (text.charCodeAt(value) === 110 /* n */) {
      this.literal('null');
      return false;
    }
    this.out += (frame.count > 0 ? ',' : '') + encodeString(key) + ':';
    frame.count++;
    return true;
  }

  private literal(word: string): void {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) {
      let end = start;
      while (end < start + word.length && this.text.charCodeAt(end) === word.charCodeAt(end - start)) end++;
      throw this.unexpected(end, `'${word}'`);
    }
    this.pos = start + word.length;
  }

  /** Reads the string at the cursor (which is on its opening quote) and returns its value. */
  private readString(): string {
    const text = this.text;
    const open = this.pos;
    let pos = open + 1;
    let chunkStart = pos;
    let value = '';
    for (;;) {
      if (pos >= text.length) throw this.fail(open, 'UNTERMINATED_STRING', 'Unterminated JSON string: no closing \'"\' before the end of input');
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c < 32) throw this.fail(pos, 'UNEXPECTED_TOKEN', `A JSON string cannot contain ${describeChar(text, pos)}; escape it`);
      if (c !== BACKSLASH) {
        pos++;
        continue;
      }
      value += text.slice(chunkStart, pos);
      const e = text[pos + 1];
      if (e === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.fail(pos, 'UNEXPECTED_TOKEN', 'A JSON \\u escape needs four hex digits');
        value += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const decoded = e === undefined ? undefined : ESCAPES[e];
        if (decoded === undefined) {
          if (pos + 1 >= text.length) throw this.fail(open, 'UNTERMINATED_STRING', 'Unterminated JSON string: no closing \'"\' before the end of input');
          throw this.fail(pos, 'UNEXPECTED_TOKEN', `Unknown JSON escape \\${e}`);
        }
        value += decoded;
        pos += 2;
      }
      chunkStart = pos;
    }
    this.pos = pos + 1;
    return chunkStart === open + 1 ? text.slice(chunkStart, pos) : value + text.slice(chunkStart, pos);
  }

  /** Reads a JSON number literal and returns its JSV text. */
  private readNumber(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const intStart = pos;
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (pos === intStart) throw this.unexpected(pos, 'a digit');
    if (text.charCodeAt(intStart) === ZERO && pos - intStart > 1) throw this.fail(intStart, 'UNEXPECTED_TOKEN', 'A JSON number cannot have a leading zero');
    let integer = true;
    if (text.charCodeAt(pos) === DOT) {
      integer = false;
      const fracStart = ++pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === fracStart) throw this.unexpected(pos, 'a digit after the decimal point');
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      integer = false;
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === MINUS) pos++;
      const expStart = pos;
      while (isDigit(text.charCodeAt(pos))) pos++;
      if (pos === expStart) throw this.unexpected(pos, 'a digit in the exponent');
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    return integer || this.exactNumbers ? literal : formatDouble(Number(literal));
  }
}

/**
 * Converts a whole JSON document to compact JSV in one call (see `JsonToJsv`).
 * @throws JsvError as `JsonToJsv.convert` does.
 */
export function jsonToJsv(text: string, options?: JsonToJsvOptions): string {
  const converter = new JsonToJsv(text, options);
  const steps = converter.convert();
  while (!steps.next().done);
  return converter.out;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
