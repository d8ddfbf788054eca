/**
 * `SchemaBase`: what every schema class shares. It implements the protocol (protocol.ts): the
 * `.required()`, `.default(value)` and `.nullable()` clones, the decoder and encoder compiled once
 * on first use and cached (valibot's model), `.default(value)` filling, and Standard Schema v1
 * `~standard`. Each class adds its kind, name, children and compilers.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { SCHEMA_BRAND, type AnySchema, type Decoder, type DefaultMark, type DefaultValue, type Encoder, type Infer, type NullableMark, type RequiredMark, type SchemaKind, type SchemaTypes, type TypedRun } from './protocol.js';
import { encodeDocument, TYPED_RUN } from './run.js';

export {
  isSchema,
  type AnySchema,
  type DefaultMark,
  type DefaultValue,
  type Infer,
  type InferInput,
  type NullableMark,
  type RequiredMark,
  type ScalarKind,
  type Schema,
  type SchemaKind,
  type SchemaTypes,
} from './protocol.js';

/** What clones made by `required()`, `default()` and `nullable()` share: the compiled decoder and encoder. */
interface Compiled {
  decode?: Decoder;
  encode?: Encoder;
}

// The class takes its members' types from the protocol interface. Members it does not redeclare
// (`~standard`) stay the interface's own, so TypeScript relates any schema to `AnySchema` member by
// member without expanding the schema's decoded type: a recursive DTO, whose type is still being
// inferred, would otherwise refer to itself.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SchemaBase extends AnySchema {}

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
  /** Whether a `.default(value)` member can be reached from here, once known. */
  private reaching: boolean | undefined;

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

  /** @internal */
  typedRun(): TypedRun {
    return TYPED_RUN;
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

  /** The Standard Schema v1 props behind `~standard`, made once per schema. */
  private standardProps(): StandardSchemaV1.Props<unknown, unknown> {
    return (this.standard ??= { version: 1, vendor: 'jsvkit', validate: (value) => this.validate(value) });
  }

  static {
    // On the prototype, so clones made by `required()`, `default()` and `nullable()` carry them
    // too. `~standard` is typed by the protocol interface, hence defined here rather than declared.
    Object.defineProperty(this.prototype, SCHEMA_BRAND, { value: true });
    Object.defineProperty(this.prototype, '~standard', {
      get(this: SchemaBase) {
        return this.standardProps();
      },
    });
  }

  /**
   * Standard Schema `validate`: the value is checked by the schema's encoder in checking mode, so
   * it fits exactly when `stringify` accepts it (bar the few values that fit yet have no JSV text,
   * such as a list holding only null, which `stringify` reports). Hono, tRPC and other validators
   * call it with a decoded value. @internal
   */
  validate(value: unknown): StandardSchemaV1.Result<unknown> {
    const e = encodeDocument(value, this, undefined, true);
    if (e.issues.length > 0) {
      return { issues: e.issues.map((issue) => ({ message: issue.path ? `${issue.reason} at ${issue.path}` : issue.reason, path: issue.segments })) };
    }
    return { value: this.fillDefaults(value) };
  }

  /** Scalars hold no members, so they have no defaults to fill; containers override this. @internal */
  fillDefaults(value: unknown): unknown {
    return value;
  }

  /** @internal */
  reachesDefault(visiting?: Set<AnySchema>): boolean {
    if (this.reaching !== undefined) return this.reaching;
    if (visiting === undefined) {
      // Only the answer for the schema asked about is kept: inside a cycle a partial answer is wrong.
      this.reaching = this.reachesDefault(new Set());
      return this.reaching;
    }
    if (visiting.has(this)) return false;
    visiting.add(this);
    return this.childrenReachDefault(visiting);
  }

  /** Whether a `.default(value)` member can be reached through this schema's children. @internal */
  protected childrenReachDefault(_visiting: Set<AnySchema>): boolean {
    return false;
  }
}
