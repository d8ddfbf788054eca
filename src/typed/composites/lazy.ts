/**
 * `t.lazy(() => S)`: a schema resolved on first use, for recursion where a getter in `t.object`
 * does not fit. Give the variable a type (`const Tree: Schema<TreeNode> = …`) when TypeScript
 * cannot infer it.
 */
import { SchemaBase } from '../schema.js';
import type { AnySchema, Decoder, Encoder, Infer, InferInput, SchemaKind } from '../protocol.js';

export interface LazyTypes<S extends AnySchema> {
  readonly output: Infer<S>;
  readonly input: InferInput<S>;
}

export class LazySchema<S extends AnySchema = AnySchema> extends SchemaBase {
  declare readonly '~types'?: LazyTypes<S>;
  readonly kind = 'lazy';
  private resolved: S | undefined;

  constructor(private readonly getter: () => S) {
    super();
  }

  /** The schema behind this one. */
  resolve(): S {
    if (this.resolved) return this.resolved;
    const schema = this.getter();
    if (!(schema instanceof SchemaBase)) throw new TypeError('t.lazy: the function did not return a jsvkit schema');
    this.resolved = schema;
    return schema;
  }

  get name(): string {
    return this.resolved?.name ?? 'lazy';
  }

  override structuralKind(): SchemaKind {
    return this.resolve().structuralKind();
  }

  /** @internal */
  override isDefault(value: unknown): boolean {
    return this.resolve().isDefault(value);
  }

  /** @internal */
  protected override childrenReachDefault(visiting: Set<AnySchema>): boolean {
    return this.resolve().reachesDefault(visiting);
  }

  /** @internal */
  override fillDefaults(value: unknown): unknown {
    return this.resolve().fillDefaults(value);
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    return this.resolve().decoder();
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    return this.resolve().encoder();
  }
}
