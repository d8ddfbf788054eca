/**
 * The values of `.default(value)` members (jsv-spec §3.3: a member missing from the text keeps its
 * constructor default): a fresh copy for every decoded object, and the defaults filled into a value
 * that Standard Schema `validate` accepted, so its output has the type `Infer` promises.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { setOwn } from '../syntax/value.js';
import type { ArraySchema } from './composites/array.js';
import type { DictSchema } from './composites/dict.js';
import type { LazySchema } from './composites/lazy.js';
import type { ObjectSchema } from './composites/object.js';
import { JsvDateTime } from './scalars/date-time.js';
import { JsvTimeSpan } from './scalars/time-span.js';
import type { AnySchema } from './schema.js';
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

function checkedDefault(schema: AnySchema, where: string): () => unknown {
  const value = schema.defaultValue;
  let text: string;
  try {
    text = encodeDocument(value, schema, undefined, false).text();
  } catch (error) {
    if (!isJsvError(error)) throw error;
    throw new TypeError(`The default of ${where} does not fit ${schema.name}: ${error.reason}`);
  }
  if (typeof value !== 'object' || value instanceof JsvDateTime || value instanceof JsvTimeSpan) return () => value;
  return () => decodeDocument(text, schema, undefined, false).value;
}

const reaching = new WeakMap<AnySchema, boolean>();

/** True when a `.default(value)` member can be reached from `schema` (through any containers). */
export function reachesDefault(schema: AnySchema): boolean {
  let known = reaching.get(schema);
  if (known === undefined) {
    // Only the answer for the schema asked about is kept: inside a cycle a partial answer is wrong.
    known = search(schema, new Set());
    reaching.set(schema, known);
  }
  return known;
}

function search(schema: AnySchema, visiting: Set<AnySchema>): boolean {
  const known = reaching.get(schema);
  if (known !== undefined) return known;
  if (visiting.has(schema)) return false;
  visiting.add(schema);
  switch (schema.kind) {
    case 'lazy':
      return search((schema as LazySchema).resolve(), visiting);
    case 'array':
      return search((schema as unknown as ArraySchema).element, visiting);
    case 'dict':
      return search((schema as unknown as DictSchema<AnySchema>).value, visiting);
    case 'object':
      return (schema as unknown as ObjectSchema).members().some((m) => m.fill !== undefined || search(m.schema, visiting));
    default:
      return false;
  }
}

/**
 * `value` (which fits `schema`) with every missing or null `.default(value)` member filled in. Only
 * the containers on the way to a filled member are copied; `value` itself is never modified.
 */
export function fillDefaults(value: unknown, schema: AnySchema): unknown {
  if (value === null || value === undefined || !reachesDefault(schema)) return value;
  switch (schema.kind) {
    case 'lazy':
      return fillDefaults(value, (schema as LazySchema).resolve());
    case 'array': {
      const element = (schema as unknown as ArraySchema).element;
      const list = value as unknown[];
      let copy: unknown[] | undefined;
      for (let i = 0; i < list.length; i++) {
        const filled = fillDefaults(list[i], element);
        if (!Object.is(filled, list[i])) (copy ??= list.slice())[i] = filled;
      }
      return copy ?? list;
    }
    case 'dict': {
      const entrySchema = (schema as unknown as DictSchema<AnySchema>).value;
      if (value instanceof Map) {
        let copy: Map<unknown, unknown> | undefined;
        for (const [key, item] of value) {
          const filled = fillDefaults(item, entrySchema);
          if (!Object.is(filled, item)) (copy ??= new Map(value)).set(key, filled);
        }
        return copy ?? value;
      }
      const record = value as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      for (const key of Object.keys(record)) {
        const filled = fillDefaults(record[key], entrySchema);
        if (!Object.is(filled, record[key])) setOwn((copy ??= { ...record }), key, filled);
      }
      return copy ?? record;
    }
    case 'object': {
      const record = value as Record<string, unknown>;
      let copy: Record<string, unknown> | undefined;
      for (const member of (schema as unknown as ObjectSchema).members()) {
        const item = Object.prototype.hasOwnProperty.call(record, member.name) ? record[member.name] : undefined;
        const filled = item === undefined || item === null ? (member.fill === undefined ? item : member.fill()) : fillDefaults(item, member.schema);
        if (!Object.is(filled, item)) setOwn((copy ??= { ...record }), member.name, filled);
      }
      return copy ?? record;
    }
    default:
      return value;
  }
}
