/**
 * `Input<S>`: the values `stringify(value, S)` accepts, where `Infer<S>` is what `parse` returns.
 * They differ in one way: a member with a `.default(value)` is always present once decoded, but a
 * caller building a value may leave it out, as the writer then writes the default (the C# value
 * type's default a ServiceStack request DTO starts with).
 */
import type { ArraySchema } from './composites/array.js';
import type { DictSchema } from './composites/dict.js';
import type { LazySchema } from './composites/lazy.js';
import type { ObjectSchema, Shape } from './composites/object.js';
import type { Infer, NullableMark, RequiredMark } from './schema.js';

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The object a shape's writer accepts: `.required()` members present, every other one optional. */
export type ObjectInput<P extends Shape> = Flat<
  { -readonly [K in keyof P as P[K] extends RequiredMark ? K : never]: Input<P[K]> } & {
    -readonly [K in keyof P as P[K] extends RequiredMark ? never : K]?: Input<P[K]> | null;
  }
>;

type InputOf<S> =
  S extends ObjectSchema<infer P>
    ? ObjectInput<P>
    : S extends ArraySchema<infer E>
      ? Input<E>[]
      : S extends DictSchema<infer V, infer K, infer As>
        ? As extends 'map'
          ? Map<Infer<K>, Input<V>>
          : Record<string, Input<V>>
        : S extends LazySchema<infer T>
          ? Input<T>
          : Infer<S>;

/** The values a schema's writer accepts (see the module comment). */
export type Input<S> = S extends NullableMark ? InputOf<S> | null : InputOf<S>;
