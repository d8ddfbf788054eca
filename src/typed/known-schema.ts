/**
 * Every schema class jsvkit builds, as one union. Each class has its literal `kind`, so a
 * `switch (schema.kind)` over a `KnownSchema` narrows to the class: code that walks schemas by
 * kind (jsvkit/testing's arbitraries) reaches a list's element or an object's members without a
 * cast per kind.
 */
import type { ArraySchema } from './composites/array.js';
import type { DictSchema, KeySchema } from './composites/dict.js';
import type { EnumSchema } from './composites/enum.js';
import type { FlagsSchema } from './composites/flags.js';
import type { LazySchema } from './composites/lazy.js';
import type { ObjectSchema } from './composites/object.js';
import type { UntypedSchema } from './composites/untyped.js';
import type { ScalarSchema, StringSchema } from './primitives.js';
import type { AnySchema } from './protocol.js';

export type KnownSchema =
  | StringSchema
  | ScalarSchema<any>
  | FlagsSchema
  | EnumSchema
  | ArraySchema
  | DictSchema<AnySchema, KeySchema, 'object' | 'map'>
  | ObjectSchema
  | LazySchema
  | UntypedSchema;

/**
 * `schema` as the class it is. Every jsvkit schema is an instance of one of the classes above
 * (the `t.*` builders make nothing else; `isSchema` checks the brand they share), so this is the
 * one place the protocol type is narrowed to the classes.
 */
export function known(schema: AnySchema): KnownSchema {
  return schema as KnownSchema;
}
