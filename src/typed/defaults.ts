/**
 * The value of a `.default(value)` member (a member missing from the text keeps its constructor
 * default, as in ServiceStack), checked once and copied fresh for every decoded object. The
 * object schema reads its members' defaults through it; filling them into a value Standard
 * Schema `validate` accepted is each container schema's `fillDefaults`.
 */
import { isJsvError } from '../errors/jsv-error.js';
import type { AnySchema, SchemaKind } from './protocol.js';
import { decodeDocument, encodeDocument } from './run.js';

/**
 * A function giving `schema.defaultValue`, checked against the schema on the first call (not while
 * schemas compile: a default may hold the very schema being compiled). A mutable default (an array,
 * an object, a `Date`, a `Uint8Array`) is read back from its JSV text on every call, so no two
 * decoded objects share it.
 * @throws TypeError when the default does not fit the schema or has no JSV text.
 */
export function defaultFactory(schema: AnySchema, where: string): () => unknown {
  let make: (() => unknown) | undefined;
  return () => (make ??= checkedDefault(schema, where))();
}

/**
 * Kinds whose values are immutable objects (`JsvDateTime`, `JsvTimeSpan`), so one default can be
 * shared. Told by the schema's kind rather than by `instanceof`, so a bundle without dates holds
 * none of their code; a `t.date({ as: 'Date' })` default is a mutable `Date`, copied.
 */
const SHARED_KINDS: ReadonlySet<SchemaKind> = new Set(['date', 'timeSpan']);

function checkedDefault(schema: AnySchema, where: string): () => unknown {
  const value = schema.defaultValue;
  let text: string;
  try {
    text = encodeDocument(value, schema, undefined, false).text();
  } catch (error) {
    if (!isJsvError(error)) throw error;
    throw new TypeError(`The default of ${where} does not fit ${schema.name}: ${error.reason}`);
  }
  if (typeof value !== 'object' || (SHARED_KINDS.has(schema.structuralKind()) && !(value instanceof Date))) return () => value;
  return () => decodeDocument(text, schema, undefined, false).value;
}
