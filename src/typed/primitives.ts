/**
 * Scalar schemas: a value read from one bare or quoted text and written as one text. Each wraps
 * a codec from `scalars/` (ServiceStack's readers and writers, jsv-spec §2.5 and §3.7); `t.string`
 * also takes a `{…}` or `[…]` value as its raw text, as ServiceStack does (§3.2).
 */
import { encodeString } from '../syntax/quoting.js';
import { BARE, LIST, MAP, QUOTED, type Context, type Scanner } from '../syntax/scanner.js';
import { describeValue } from './encoding.js';
import { ScalarError } from './scalars/scalar-error.js';
import { SchemaBase, type Decoder, type Encoder, type SchemaKind, type SchemaTypes } from './schema.js';

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

export class ScalarSchema<T> extends SchemaBase {
  declare readonly '~types'?: SchemaTypes<T>;

  /** @internal Scalar schemas come from the `t.*` functions; the codec is machinery. */
  constructor(
    readonly kind: SchemaKind,
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
        // ServiceStack hands a string target the whole `{…}` or `[…]` text (jsv-spec §3.2).
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
