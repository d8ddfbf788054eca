/**
 * Scalar schemas: a value read from one bare or quoted text and written as one text. Each wraps
 * a codec from `scalars/` (ServiceStack's readers and writers); `t.string`
 * also takes a `{…}` or `[…]` value as its raw text, as ServiceStack does.
 */
import { encodeString } from '../syntax/quoting.js';
import { LBRACE, QUOTE, RBRACE } from '../syntax/chars.js';
import { BARE, EMPTY, IN_LIST, LIST, MAP, QUOTED, type Context, type Scanner } from '../syntax/scanner.js';
import type { Decoding } from './decoding.js';
import { describeValue } from './encoding.js';
import { isNumberBlank, trimWith } from './scalars/blanks.js';
import { ScalarError } from './scalars/scalar-error.js';
import { SchemaBase } from './schema.js';
import type { Decoder, Encoder, ScalarKind, SchemaTypes } from './protocol.js';

/** How one scalar type is read and written. */
export interface ScalarCodec<T> {
  /** Reads unquoted text; throws `ScalarError`. */
  readonly read: (text: string) => T;
  /**
   * Reads the bare value at the scanner's value start where it stands in the document, when it
   * has the form ServiceStack writes, leaving the cursor after the value (as `bareEnd` does);
   * `undefined` has `read` take a copy of the value's text instead. Saves copying every value of
   * a long list out of the document.
   */
  readonly readBare?: (sc: Scanner, context: Context) => T | undefined;
  /** The text written, final (already quoted where needed); may throw `ScalarError`. */
  readonly write: (value: T) => string;
  /** Whether a JavaScript value is of this type (checked before `write`). */
  readonly is: (value: unknown) => boolean;
  /** For messages: `a whole number`, `True or False`, … */
  readonly expected: string;
  /** The .NET default value test, for `excludeDefaultValues`. */
  readonly isDefault?: (value: T) => boolean;
}

export class ScalarSchema<T, K extends ScalarKind = ScalarKind> extends SchemaBase {
  declare readonly '~types'?: SchemaTypes<T>;

  /** @internal Scalar schemas come from the `t.*` functions; the codec is machinery. */
  constructor(
    readonly kind: K,
    readonly name: string,
    /** @internal */ readonly codec: ScalarCodec<T>,
    /** Which JavaScript type a scalar with more than one decodes to, e.g. `Date` for `t.date({ as: 'Date' })`. */
    readonly variant?: string,
  ) {
    super();
  }

  /** @internal */
  override isDefault(value: unknown): boolean {
    return this.codec.isDefault !== undefined && this.codec.is(value) && this.codec.isDefault(value as T);
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    const { read, readBare, expected } = this.codec;
    // ServiceStack reads a Guid in braces as a value (`{Id:{8d3b…}}`), and a byte[] from a list
    // of numbers as well as from base64 (DeserializeArray.ParseByteArray).
    const bracedGuid = this.kind === 'guid';
    const byteList = this.kind === 'bytes';
    return (d, ctx, kind) => {
      const sc = d.scanner;
      let text: string;
      if (kind === BARE) {
        if (readBare === undefined) text = sc.readBare(ctx);
        else {
          const value = readBare(sc, ctx);
          if (value !== undefined) return value;
          text = sc.text.slice(sc.start, sc.end);
        }
      } else if (kind === QUOTED) text = sc.readQuoted();
      else if (kind === MAP && bracedGuid) text = readBraceExtent(sc);
      else if (kind === LIST && byteList) return readByteList(d, sc);
      else return d.wrongShape(ctx, kind, expected);
      try {
        return read(text);
      } catch (error) {
        if (error instanceof ScalarError) return d.report(error.code, error.reason, sc.start);
        throw error;
      }
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    const { write, is, expected } = this.codec;
    return (e, value) => {
      if (!is(value)) return e.fail('INVALID_TYPE', `Expected ${expected}, found ${describeValue(value)}`);
      try {
        e.out += write(value as T);
      } catch (error) {
        if (error instanceof ScalarError) return e.fail(error.code, error.reason);
        throw error;
      }
    };
  }
}

/** `t.string()`: text as it is; a map or list value is taken as its raw text. */
export class StringSchema extends SchemaBase {
  declare readonly '~types'?: SchemaTypes<string>;
  readonly kind = 'string';
  readonly name = 'string';

  /** @internal */
  protected compileDecoder(): Decoder {
    return (d, ctx, kind) => {
      const sc = d.scanner;
      if (kind === BARE) return sc.readBare(ctx);
      if (kind === QUOTED) return sc.readQuoted();
      if (kind === MAP || kind === LIST) {
        // ServiceStack hands a string target the whole `{…}` or `[…]` text.
        const start = sc.start;
        sc.skipValue(ctx);
        return d.text.slice(start, sc.pos);
      }
      return d.wrongShape(ctx, kind, 'a string');
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    return (e, value) => {
      if (typeof value !== 'string') return e.fail('INVALID_TYPE', `Expected a string, found ${describeValue(value)}`);
      e.out += encodeString(value);
    };
  }
}

/**
 * The `{…}` at the scanner's value start as text, by ServiceStack's extent rule for a value that
 * starts with `{` (JsvTypeSerializer.EatValue): up to the matching `}`, counting braces outside
 * `"`. Leaves the cursor after it. Unbalanced text runs to the end, where the caller's next
 * step reports it.
 */
function readBraceExtent(sc: Scanner): string {
  const text = sc.text;
  const start = sc.start;
  let depth = 0;
  let quoted = false;
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LBRACE) depth++;
    else if (c === RBRACE && --depth === 0) {
      i++;
      break;
    }
  }
  sc.pos = i;
  return text.slice(start, i);
}

/** A `byte[]` written as a list of numbers, `[0,65,255]`, as ServiceStack's ParseByteList reads it. */
function readByteList(d: Decoding, sc: Scanner): Uint8Array | undefined {
  const bytes: number[] = [];
  const level = d.level;
  d.level = level + 1;
  let failed = false;
  if (sc.openList()) {
    do {
      d.keys[level] = bytes.length;
      const kind = sc.valueStart(IN_LIST);
      const start = sc.start;
      const text = kind === BARE ? sc.readBare(IN_LIST) : kind === QUOTED ? sc.readQuoted() : undefined;
      // .NET byte.Parse: digits with blanks around them and an optional sign.
      const body = text === undefined ? '' : trimWith(text, isNumberBlank);
      const value = /^\+?\d{1,3}$/.test(body) ? Number(body.replace('+', '')) : -1;
      if (value < 0 || value > 255) {
        failed = true;
        if (kind !== BARE && kind !== QUOTED && kind !== EMPTY) sc.skipValue(IN_LIST);
        d.report('INVALID_BYTES', `Expected a byte (0 to 255) in a byte[] written as a list, found ${text === undefined ? d.describe(kind, start) : JSON.stringify(text.slice(0, 24))}`, start);
      }
      bytes.push(value);
    } while (sc.nextItem());
  }
  d.level = level;
  return failed ? undefined : Uint8Array.from(bytes);
}
