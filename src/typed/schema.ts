/**
 * The schema protocol: every schema is a plain object with a `kind`, a `name`, its children, the
 * Standard Schema v1 `~standard` property, and a decoder and an encoder compiled once on first use
 * and cached (valibot's model). Static types travel in the phantom `~types` member, so inference is
 * deferred and recursive schemas type-check (Struct/Value).
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context, ValueKind } from '../syntax/scanner.js';
import type { Decoding } from './decoding.js';
import type { Encoding } from './encoding.js';
import { standardProps } from './standard-schema.js';

export type SchemaKind =
  | 'string'
  | 'boolean'
  | 'number'
  | 'float'
  | 'byte'
  | 'sbyte'
  | 'short'
  | 'ushort'
  | 'int'
  | 'uint'
  | 'long'
  | 'ulong'
  | 'decimal'
  | 'date'
  | 'dateTimeOffset'
  | 'dateOnly'
  | 'timeOnly'
  | 'timeSpan'
  | 'guid'
  | 'char'
  | 'bytes'
  | 'enum'
  | 'flags'
  | 'array'
  | 'dict'
  | 'object'
  | 'any'
  | 'lazy';

/** Phantom carrier of a schema's decoded type (never present at run time). */
export interface SchemaTypes<T> {
  readonly output: T;
}

/** Marks a schema returned by `.required()`: an object property that must be present. */
export interface RequiredMark {
  readonly '~required': true;
}

/**
 * Marks a schema returned by `.default(value)`: an object property that takes `value` when the text
 * leaves it out, as a C# value type keeps its constructor default.
 */
export interface DefaultMark {
  readonly '~default': true;
}

/** Marks a schema returned by `.nullable()`: a list element, dictionary value or document that may be null. */
export interface NullableMark {
  readonly '~nullable': true;
}

type Output<S> = S extends { readonly '~types'?: { readonly output: infer T } | undefined } ? T : never;

/** A schema's input type where it declares one (composites do), else its output type. */
type Input<S> = S extends { readonly '~types'?: { readonly input: infer I } | undefined } ? I : Output<S>;

/** The static type of the values a schema decodes. */
export type Infer<S> = S extends NullableMark ? Output<S> | null : Output<S>;

/**
 * The static type of the values a schema encodes (`stringify(value, S)` takes it): like `Infer`,
 * but an object's `.default(value)` members may be left out, any member that is not `.required()`
 * may be `null` (written as absent, or as its default), a dictionary's values may be `null` (left
 * out), and arrays may be readonly.
 */
export type InferInput<S> = S extends NullableMark ? Input<S> | null | undefined : Input<S>;

/**
 * Decodes the value the scanner has just classified as `kind` (never `EMPTY`: the caller handles
 * empty values, which mean null). Returns `undefined` after reporting an issue.
 * @internal
 */
export type Decoder = (d: Decoding, ctx: Context, kind: ValueKind) => unknown;

/** Appends a non-null `value` to `e.out`, or reports why it cannot. @internal */
export type Encoder = (e: Encoding, value: unknown) => void;

/** What `.default(value)` takes: a value of the schema's type, never null. */
export type DefaultValue<S> = NonNullable<Output<S>>;

/** What clones made by `required()`, `default()` and `nullable()` share: the compiled decoder and encoder. */
interface Compiled {
  decode?: Decoder;
  encode?: Encoder;
}

const SCHEMA = Symbol.for('jsvkit.Schema');

/** True for any jsvkit schema (from any copy of the library). */
export function isSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCHEMA] === true;
}

/** Any jsvkit schema, whatever it decodes to. */
export type AnySchema = SchemaBase;

/** A schema that decodes to `T`: the type to annotate a recursive schema with. */
export interface Schema<T = unknown> extends SchemaBase {
  readonly '~types'?: SchemaTypes<T>;
}

export abstract class SchemaBase {
  /** Phantom: the decoded type, narrowed by each schema class. */
  declare readonly '~types'?: SchemaTypes<unknown>;
  abstract readonly kind: SchemaKind;
  /** A readable name for messages, e.g. `int`, `CustomerInfo`, `list of Tag`. */
  abstract readonly name: string;
  /** Set by `.required()`: the object property must be present. */
  readonly isRequired: boolean = false;
  /** Set by `.nullable()`: as a list element, dictionary value or whole document, it may be null. */
  readonly isNullable: boolean = false;
  /** Set by `.default(value)`: the object property takes `defaultValue` when it is missing. */
  readonly hasDefault: boolean = false;
  /** The value given to `.default(value)`; `undefined` without one. */
  readonly defaultValue: unknown = undefined;
  private compiled: Compiled = {};
  private standard: StandardSchemaV1.Props<unknown, unknown> | undefined;

  /**
   * This schema as an object property that must be present (`MISSING_REQUIRED` otherwise). Replaces
   * a `.default(value)`.
   */
  required(): this & RequiredMark {
    return this.with({ isRequired: true, hasDefault: false, defaultValue: undefined }) as this & RequiredMark;
  }

  /**
   * This schema as an object property that is `value` when the text leaves it out and is written
   * as `value` when the object holds `undefined` or `null`: what ServiceStack does for a C# value
   * type (`bool` → `false`, `int` → `0`, an enum → its first member). An empty value (`{A:}`) is
   * still `MISSING_REQUIRED` unless the schema is a string. Replaces `.required()`.
   * A mutable default (an array, a `Date`, …) is copied for every object decoded.
   * @throws TypeError for `undefined` or `null`; a default that does not fit the schema throws a
   * TypeError when first read in, and the writer's usual `JsvError` when written.
   */
  default(value: DefaultValue<this>): this & DefaultMark {
    if (value === undefined || value === null) throw new TypeError(`${this.name}: .default() needs a value, not ${String(value)}`);
    return this.with({ hasDefault: true, defaultValue: value, isRequired: false }) as this & DefaultMark;
  }

  /** This schema as a list element, dictionary value or document that may be null. */
  nullable(): this & NullableMark {
    return this.with({ isNullable: true }) as this & NullableMark;
  }

  private with(flags: Partial<Pick<SchemaBase, 'isRequired' | 'isNullable' | 'hasDefault' | 'defaultValue'>>): this {
    // A shallow copy shares `compiled`, so the clone reuses the decoder and encoder.
    const clone = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this, flags);
    clone.standard = undefined;
    return clone;
  }

  /** The kind of the schema behind any `t.lazy` wrappers. */
  structuralKind(): SchemaKind {
    return this.kind;
  }

  /**
   * The compiled decoder. While a schema is being compiled, a schema that refers back to it (through
   * getters or `t.lazy`) receives a forwarder, so recursion compiles once.
   * @internal
   */
  decoder(): Decoder {
    const compiled = this.compiled;
    if (compiled.decode) return compiled.decode;
    let real: Decoder | undefined;
    compiled.decode = (d, ctx, kind) => (real ?? this.decoder())(d, ctx, kind);
    try {
      real = this.compileDecoder();
    } catch (error) {
      // A schema that cannot compile (a member that is no schema) says so again on the next use,
      // and forwarders already handed out compile it again then.
      compiled.decode = undefined;
      throw error;
    }
    compiled.decode = real;
    return real;
  }

  /** The compiled encoder (see `decoder`). @internal */
  encoder(): Encoder {
    const compiled = this.compiled;
    if (compiled.encode) return compiled.encode;
    let real: Encoder | undefined;
    compiled.encode = (e, value) => (real ?? this.encoder())(e, value);
    try {
      real = this.compileEncoder();
    } catch (error) {
      compiled.encode = undefined;
      throw error;
    }
    compiled.encode = real;
    return real;
  }

  /** @internal */
  protected abstract compileDecoder(): Decoder;
  /** @internal */
  protected abstract compileEncoder(): Encoder;

  /**
   * True when `value` is the .NET default of this type (0, False, an empty Guid, …), which
   * `excludeDefaultValues` leaves out. Enums, strings and containers have none.
   * @internal
   */
  isDefault(_value: unknown): boolean {
    return false;
  }

  /**
   * Standard Schema v1. `validate` takes an already-decoded JavaScript value (what a framework
   * hands a validator), checks it against the schema, reporting every issue with its path, and
   * returns it as given, or as a copy with missing `.default(value)` members filled in; to check
   * JSV text, use `safeParse`.
   */
  get '~standard'(): StandardSchemaV1.Props<unknown, Infer<this>> {
    this.standard ??= standardProps(this);
    return this.standard as StandardSchemaV1.Props<unknown, Infer<this>>;
  }
}

// On the prototype, so clones made by `required()`, `default()` and `nullable()` carry it too.
Object.defineProperty(SchemaBase.prototype, SCHEMA, { value: true });
