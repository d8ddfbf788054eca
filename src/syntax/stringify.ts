/**
 * `stringify(value)`: JavaScript values -> compact JSV, as ServiceStack.Text writes the matching
 * .NET values: `True`/`False`, .NET number text, UTC dates, nulls left out of maps
 * and written as empty list slots. Where ServiceStack's text would not read back, jsvkit writes a
 * form that does, or throws.
 */
import { writeError, type JsvErrorCode } from '../errors/jsv-error.js';
import { ChunkedOutput } from './chunked-output.js';
import { formatUtcDate } from './date-text.js';
import { formatDouble, numberListAsJson } from './number-text.js';
import { resolveMaxDepth, tooDeepToWrite, writingOverflow } from './limits.js';
import { encodeString, entryHead, quote } from './quoting.js';
import { formatPath } from './path.js';

export interface StringifyOptions {
  /** Deepest nesting written (default 256); deeper values throw `MAX_DEPTH`. */
  maxDepth?: number;
}

/**
 * Writes `value` as compact JSV. `null` and `undefined` write nothing (an empty document).
 *
 * @throws JsvError `UNSUPPORTED_VALUE` (functions, symbols, …), `UNREPRESENTABLE_VALUE` (a value
 * no JSV text reads back as, such as `[null]`), `CIRCULAR_REFERENCE` or `MAX_DEPTH`, with the path.
 */
export function stringifyUntyped(value: unknown, options?: StringifyOptions): string {
  const writer = new Writer(resolveMaxDepth(options?.maxDepth));
  try {
    if (!writer.write(toJsonValue(value, ''))) return '';
    // A reader drops one byte-order mark at the very start, so a top-level string that begins
    // with one is quoted to keep it.
    if (typeof value === 'string' && value.charCodeAt(0) === 0xfeff && writer.out.charCodeAt(0) !== 0x22) return quote(value);
    return writer.text();
  } catch (error) {
    // A maxDepth raised past what the stack holds must still end in a JsvError.
    throw writingOverflow(error, writer.path());
  }
}

const TYPED_ARRAY = Object.getPrototypeOf(Int8Array);

/**
 * What JSON.stringify writes for `value` held under `key`: the result of its `toJSON(key)` when it
 * has one (plain objects, arrays and class instances alike; library decimals and date-time types
 * describe themselves so), called once, not again on what it returns. A `Date` is the exception:
 * it is written as .NET writes a DateTime, not as its ISO `toJSON` text.
 */
function toJsonValue(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

class Writer extends ChunkedOutput {
  private depth = 0;
  /** The containers being written and the key or index inside each: for error paths and cycles. */
  private readonly parents: unknown[] = [];
  private readonly keys: (string | number)[] = [];

  constructor(private readonly maxDepth: number) {
    super();
  }

  /** The path of the value being written. */
  path(): string {
    return formatPath(this.keys, this.depth);
  }

  fail(code: JsvErrorCode, reason: string): Error {
    return writeError(code, reason, this.path());
  }

  /** Appends `value`; returns false when it is null or undefined and nothing was written. */
  write(value: unknown): boolean {
    switch (typeof value) {
      case 'string':
        this.out += encodeString(value);
        return true;
      case 'number':
        this.out += formatDouble(value);
        return true;
      case 'boolean':
        this.out += value ? 'True' : 'False';
        return true;
      case 'bigint':
        this.out += value.toString();
        return true;
      case 'undefined':
        return false;
      case 'object':
        if (value === null) return false;
        this.writeObject(value);
        return true;
      default:
        throw this.fail('UNSUPPORTED_VALUE', `Cannot write a ${typeof value} as JSV`);
    }
  }

  private writeObject(value: object): void {
    if (Array.isArray(value)) return this.writeList(value);
    // Plain records first: none of the class checks below can match them.
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return this.writeRecord(value as Record<string, unknown>);
    if (value instanceof Date) {
      const text = formatUtcDate(value);
      if (text === undefined) throw this.fail('UNREPRESENTABLE_VALUE', 'Cannot write an invalid Date, or one outside the years 1 to 9999 that .NET DateTime holds');
      this.out += text;
      return;
    }
    if (value instanceof Map) return this.writeMap(value);
    if (value instanceof Set) return this.writeList([...value]);
    if (value instanceof Uint8Array) return this.writeBytes(value);
    if (value instanceof ArrayBuffer) return this.writeBytes(new Uint8Array(value));
    if (value instanceof TYPED_ARRAY) return this.writeList(Array.from(value as unknown as ArrayLike<number | bigint>));
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      this.write(value.valueOf());
      return;
    }
    if (value instanceof URL) {
      this.out += encodeString(value.href);
      return;
    }
    if (value instanceof RegExp || value instanceof Error || value instanceof Promise || value instanceof WeakMap || value instanceof WeakSet || value instanceof DataView) {
      throw this.fail('UNSUPPORTED_VALUE', `Cannot write a ${value.constructor.name} as JSV`);
    }
    this.writeRecord(value as Record<string, unknown>);
  }

  private enter(container: unknown): void {
    if (this.depth >= this.maxDepth) {
      if (this.parents.includes(container)) throw this.fail('CIRCULAR_REFERENCE', 'Cannot write a value that contains itself');
      throw this.fail('MAX_DEPTH', tooDeepToWrite(this.maxDepth));
    }
    this.parents[this.depth] = container;
    this.depth++;
  }

  private leave(): void {
    this.depth--;
    this.parents[this.depth] = undefined;
  }

  private writeRecord(record: Record<string, unknown>): void {
    this.enter(record);
    const depth = this.depth - 1;
    this.out += '{';
    let first = true;
    // for-in with an own-property test lists what Object.keys lists, in the same order, without
    // allocating the key array (V8 answers the test from the for-in cache).
    for (const key in record) {
      if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
      const item = toJsonValue(record[key], key);
      if (item === null || item === undefined) continue;
      this.keys[depth] = key;
      const name = first ? entryHead(key).slice(1) : entryHead(key);
      first = false;
      // Strings, the commonest member, are appended here rather than through write().
      if (typeof item === 'string') {
        this.out += name + encodeString(item);
      } else {
        this.out += name;
        this.write(item);
      }
      this.cut();
    }
    this.out += '}';
    this.leave();
  }

  private writeMap(map: Map<unknown, unknown>): void {
    this.enter(map);
    const depth = this.depth - 1;
    this.out += '{';
    let first = true;
    for (const [key, value] of map) {
      const item = toJsonValue(value, String(key));
      if (item === null || item === undefined) continue;
      const keyText = this.mapKey(key);
      this.keys[depth] = keyText;
      this.out += first ? keyText + ':' : ',' + keyText + ':';
      first = false;
      this.write(item);
      this.cut();
    }
    this.out += '}';
    this.leave();
  }

  private mapKey(key: unknown): string {
    switch (typeof key) {
      case 'string':
        return encodeString(key);
      case 'number':
        return formatDouble(key);
      case 'bigint':
        return key.toString();
      case 'boolean':
        return key ? 'True' : 'False';
      default:
        if (key instanceof Date) {
          const text = formatUtcDate(key);
          if (text === undefined) throw this.fail('UNREPRESENTABLE_VALUE', 'Cannot write an invalid Date as a map key');
          // ServiceStack writes date keys raw, and its reader cuts them at the first ':' (W8).
          return quote(text);
        }
        throw this.fail('UNSUPPORTED_VALUE', `Cannot write a ${key === null ? 'null' : typeof key} map key as JSV`);
    }
  }

  private writeList(list: ArrayLike<unknown>): void {
    const length = list.length;
    if (length === 1 && (list[0] === null || list[0] === undefined)) {
      // `[]` is the only text for it, and that reads back as an empty list (W1).
      this.keys[this.depth] = 0;
      this.depth++;
      const error = this.fail('UNREPRESENTABLE_VALUE', 'Cannot write a list whose only item is null: JSV writes it as [], which reads back empty');
      this.depth--;
      throw error;
    }
    this.enter(list);
    const json = Array.isArray(list) ? numberListAsJson(list) : undefined;
    if (json !== undefined) {
      this.out += json;
    } else {
      const depth = this.depth - 1;
      this.out += '[';
      for (let i = 0; i < length; i++) {
        if (i > 0) this.out += ',';
        this.keys[depth] = i;
        this.write(toJsonValue(list[i], String(i)));
        this.cut();
      }
      this.out += ']';
    }
    this.leave();
  }

  private writeBytes(bytes: Uint8Array): void {
    // An empty byte[] is `""`: ServiceStack's empty text would read back as null (W6).
    this.out += bytes.length === 0 ? '""' : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  }
}
