/**
 * Recognising composite schemas by their `kind` rather than by `instanceof`: the modules that walk
 * a schema's structure (the JSON writer, the HTTP codec) then import the composite classes as types
 * only, so a bundle holds those classes only when the user's own schemas use them, and schemas
 * from another copy of jsvkit (its ESM and CJS builds) are recognised too.
 */
import type { ArraySchema } from './composites/array.js';
import type { DictSchema } from './composites/dict.js';
import type { LazySchema } from './composites/lazy.js';
import type { ObjectSchema } from './composites/object.js';
import type { AnySchema } from './protocol.js';

export function isLazySchema(schema: AnySchema | undefined): schema is LazySchema {
  return schema?.kind === 'lazy';
}

export function isArraySchema(schema: AnySchema | undefined): schema is ArraySchema {
  return schema?.kind === 'array';
}

export function isDictSchema(schema: AnySchema | undefined): schema is DictSchema {
  return schema?.kind === 'dict';
}

/** Object schemas, key-value pairs (which are object schemas) included. */
export function isObjectSchema(schema: AnySchema | undefined): schema is ObjectSchema {
  return schema?.kind === 'object';
}

/** The schema a lazy schema stands for (through any chain of lazy schemas); any other schema itself. */
export function resolveLazy(schema: AnySchema): AnySchema;
export function resolveLazy(schema: AnySchema | undefined): AnySchema | undefined;
export function resolveLazy(schema: AnySchema | undefined): AnySchema | undefined {
  while (isLazySchema(schema)) schema = schema.resolve();
  return schema;
}
