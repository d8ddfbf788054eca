/**
 * The schema protocol: what every schema is to the rest of the typed layer. The run machinery
 * (run.ts, decoding.ts, encoding.ts) knows schemas only through this interface, the schema classes
 * implement it, and the public API takes it; so nothing below the schemas imports them.
 *
 * Static types travel in the phantom `~types` member, so inference is deferred and recursive
 * schemas type-check.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Context, ValueKind } from '../syntax/scanner.js';
import type { Decoding, TypedParseOptions } from './decoding.js';
import type { Encoding, TypedStringifyOptions } from './encoding.js';

/** The kinds a scalar schema (`ScalarSchema`: one text read and written by a codec) can have. */
export type ScalarKind =
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
  | 'flags';

/**
 * What a schema is. Each schema class has its literal kind (`'array'` for `ArraySchema`, …), so a
 * `switch (schema.kind)` over a union of schema classes narrows to the class.
 */
export type SchemaKind = ScalarKind | 'string' | 'enum' | 'array' | 'dict' | 'object' | 'any' | 'lazy';

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

/** What `.default(value)` takes: a value of the schema's type, never null. */
export type DefaultValue<S> = NonNullable<Output<S>>;

/**
 * Decodes the value the scanner has just classified as `kind` (never `EMPTY`: the caller handles
 * empty values, which mean null). Returns `undefined` after reporting an issue.
 * @internal
 */
export type Decoder = (d: Decoding, ctx: Context, kind: ValueKind) => unknown;

/** Appends a non-null `value` to `e.out`, or reports why it cannot. @internal */
export type Encoder = (e: Encoding, value: unknown) => void;

/**
 * Running a schema over one whole document (run.ts), as its schemas' own copy of jsvkit does it.
 * @internal
 */
export interface TypedRun {
  /** Decodes `text`; collecting, every issue is in `issues` instead of the first being thrown. */
  decodeDocument(text: string, schema: AnySchema, options: TypedParseOptions | undefined, collect: boolean): Decoding & { value?: unknown };
  /** Encodes `value`; collecting, every issue is in `issues` instead of the first being thrown. */
  encodeDocument(value: unknown, schema: AnySchema, options: TypedStringifyOptions | undefined, collect: boolean): Encoding;
}

/** Any jsvkit schema, whatever it decodes to. */
export interface AnySchema {
  /** Phantom: the decoded type, narrowed by each schema class. */
  readonly '~types'?: SchemaTypes<unknown>;
  readonly kind: SchemaKind;
  /** A readable name for messages, e.g. `int`, `CustomerInfo`, `list of Tag`. */
  readonly name: string;
  /** Set by `.required()`: the object property must be present. */
  readonly isRequired: boolean;
  /** Set by `.nullable()`: as a list element, dictionary value or whole document, it may be null. */
  readonly isNullable: boolean;
  /** Set by `.default(value)`: the object property takes `defaultValue` when it is missing. */
  readonly hasDefault: boolean;
  /** The value given to `.default(value)`; `undefined` without one. */
  readonly defaultValue: unknown;
  /** This schema as an object property that must be present. Replaces a `.default(value)`. */
  required(): this & RequiredMark;
  // `.default(value)` is a method of every schema class (SchemaBase), typed by the class; it is left
  // out here because `DefaultValue<this>` makes every check against this interface expand the
  // schema's whole type, which overflows the compiler's stack on mutually recursive DTOs.
  /** This schema as a list element, dictionary value or document that may be null. */
  nullable(): this & NullableMark;
  /** The kind of the schema behind any `t.lazy` wrappers. */
  structuralKind(): SchemaKind;
  /**
   * Standard Schema v1: `validate` takes an already-decoded JavaScript value (what a framework
   * hands a validator), checks it against the schema, reporting every issue with its path (up to
   * 100), and returns it as given, or as a copy with missing `.default(value)` members filled in;
   * to check JSV text, use `safeParse`.
   */
  readonly '~standard': StandardSchemaV1.Props<unknown, Infer<this>>;
  /**
   * The machinery that decodes and encodes whole documents with this schema. The HTTP adapters
   * reach it through the schema they are given instead of importing it, so an app that uses them
   * without schemas does not bundle the typed layer. @internal
   */
  typedRun(): TypedRun;
  /** The compiled decoder, compiled once on first use. @internal */
  decoder(): Decoder;
  /** The compiled encoder, compiled once on first use. @internal */
  encoder(): Encoder;
  /** True when `value` is the .NET default of this type (0, False, an empty Guid, …). @internal */
  isDefault(value: unknown): boolean;
  /**
   * `value` (which fits this schema) with every missing or null `.default(value)` member inside it
   * filled in; only the containers on the way to a filled member are copied. @internal
   */
  fillDefaults(value: unknown): unknown;
  /**
   * True when a `.default(value)` member can be reached from this schema through its containers.
   * `visiting` holds the schemas on the way here, so a recursive schema ends. @internal
   */
  reachesDefault(visiting?: Set<AnySchema>): boolean;
}

/** A schema that decodes to `T`: the type to annotate a recursive schema with. */
export interface Schema<T = unknown> extends AnySchema {
  readonly '~types'?: SchemaTypes<T>;
}

/** The brand every schema carries on its prototype (a registered symbol, so copies of the library agree). */
export const SCHEMA_BRAND: unique symbol = Symbol.for('jsvkit.Schema');

/** True for any jsvkit schema (from any copy of the library). */
export function isSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCHEMA_BRAND] === true;
}

/** Throws the `TypeError` of a typed entry point (`parse`, `stringify`) given something that is no schema. */
export function requireSchema(value: unknown, entry: 'parse' | 'stringify'): asserts value is AnySchema {
  if (!isSchema(value)) throw new TypeError(`${entry}: the second argument must be a jsvkit schema or ${entry} options`);
}
