/**
 * Typed JSON, exact where `JSON.parse` and `JSON.stringify` are not: a `long` beyond 2^53, a
 * `decimal` with 29 digits, a date's ticks and an enum's name survive both ways. Both directions go
 * through JSV, so JSON obeys exactly the reading and writing rules of the JSV codecs (ServiceStack's
 * JSON and JSV serializers share their DTO rules): reading converts the JSON text to JSV keeping
 * every number literal as written, then decodes it with the schema; writing encodes the value as JSV
 * with the schema, then re-expresses that text as JSON, the schema telling numbers and booleans
 * from strings.
 */
import { errorAt, isJsvError } from '../errors/jsv-error.js';
import { jsonToJsv } from '../syntax/json-to-jsv.js';
import { parseUntyped } from '../syntax/parse.js';
import type { JsvValue } from '../syntax/value.js';
import type { ObjectSchema } from './composites/object.js';
import type { TypedParseOptions } from './decoding.js';
import type { TypedStringifyOptions } from './encoding.js';
import type { AnySchema, Infer, InferInput, SchemaKind } from './protocol.js';
import { isArraySchema, isDictSchema, isObjectSchema, resolveLazy } from './structure.js';
import { foldCase } from './text-case.js';
import { parseTyped, stringifyTyped } from './typed-api.js';

// JSON's number grammar (RFC 8259 §6); no nested quantifiers, so it runs in linear time.
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

const NUMERIC_KINDS: ReadonlySet<SchemaKind> = new Set(['number', 'float', 'int', 'long', 'decimal', 'flags']);

/**
 * Decodes JSON text into a value of `schema`'s type, by the same rules as JSV (names matched
 * case-insensitively, unknown members skipped, `.default(value)` filled in), with every number
 * literal read by the member's own number reader: no rounding through a JavaScript number.
 *
 * @throws JsvError for malformed JSON (`UNEXPECTED_TOKEN`, `UNEXPECTED_END`, …) or a value that does
 * not fit the schema (`INVALID_TYPE`, `OUT_OF_RANGE`, `MISSING_REQUIRED`, …), with the path and
 * the offset, line and column of the offending value in the JSON text.
 */
export function parseJsonTyped<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): Infer<S> {
  if (typeof text !== 'string') throw new TypeError(`parseJson expects a string, got ${text === null ? 'null' : typeof text}`);
  const maxDepth = options?.maxDepth;
  const nullItem = (path: readonly (string | number)[]): 'slot' | 'word' => (takesNullWord(schemaAt(schema, path)) ? 'word' : 'slot');
  const jsv = jsonToJsv(text, { exactNumbers: true, nullItem, ...(maxDepth === undefined ? {} : { maxDepth }) });
  try {
    return parseTyped(jsv, schema, options);
  } catch (error) {
    if (!isJsvError(error)) throw error;
    // Point into the JSON the caller has, not the JSV it never saw: convert again (only on this
    // failure path), recording where each value starts in both texts.
    const offsets: number[] = [];
    jsonToJsv(text, { exactNumbers: true, nullItem, offsets });
    throw errorAt(text, jsonOffsetOf(offsets, error.offset ?? 0), error.code, error.reason, error.path);
  }
}

/** The schema of the value at `path` (keys and indices) under `schema`, where it is known. */
function schemaAt(schema: AnySchema | undefined, path: readonly (string | number)[]): AnySchema | undefined {
  for (const step of path) {
    schema = resolveLazy(schema);
    if (isArraySchema(schema)) schema = schema.element;
    else if (isDictSchema(schema)) schema = schema.value;
    else if (isObjectSchema(schema) && typeof step === 'string') schema = memberOf(schema, step);
    else return undefined;
  }
  return resolveLazy(schema);
}

/**
 * Whether the typed reader takes the word `null` as a null item of `schema`'s type: for maps
 * (objects, dictionaries, key-value pairs), which the typed writer writes so; a scalar would read
 * it as its text, and a list as a one-item list, so theirs stay empty slots.
 */
function takesNullWord(schema: AnySchema | undefined): boolean {
  const kind = schema?.structuralKind();
  return kind === 'object' || kind === 'dict';
}

/** The JSON offset of the value that starts at or before `jsvOffset`. */
function jsonOffsetOf(offsets: readonly number[], jsvOffset: number): number {
  let json = 0;
  for (let i = 0; i < offsets.length && offsets[i]! <= jsvOffset; i += 2) json = offsets[i + 1]!;
  return json;
}

/**
 * Writes `value` as compact JSON: the text ServiceStack's JSON serializer would read back as the
 * same .NET value. Numbers keep their exact digits (`long` and `decimal` included), booleans are
 * `true`/`false`, dates, time spans, GUIDs, enums and byte arrays are strings in their JSV form
 * (ISO 8601, `PT1H`, …), and null members are left out.
 *
 * @throws JsvError as the typed `stringify` does, for a value that does not fit the schema.
 */
export function stringifyJsonTyped<S extends AnySchema>(value: InferInput<S>, schema: S, options?: TypedStringifyOptions): string {
  return typedJsvToJson(stringifyTyped(value, schema, options), schema);
}

/** JSON for JSV text the typed writer wrote with `schema` (the empty text of a null document is `null`). */
export function typedJsvToJson(jsv: string, schema: AnySchema): string {
  if (jsv === '') return 'null';
  return toJson(parseUntyped(jsv), schema);
}

function toJson(value: JsvValue, schema: AnySchema | undefined): string {
  schema = resolveLazy(schema);
  if (value === null) return 'null';
  // The typed writer writes a null map or list item as the word; text is never read from it.
  if (value === 'null' && takesNullWord(schema)) return 'null';
  if (typeof value === 'string') return scalarJson(value, schema);
  if (Array.isArray(value)) {
    const element = isArraySchema(schema) ? schema.element : undefined;
    return `[${value.map((item) => toJson(item, element)).join(',')}]`;
  }
  let out = '';
  for (const key of Object.keys(value)) {
    const member = isObjectSchema(schema) ? memberOf(schema, key) : isDictSchema(schema) ? schema.value : undefined;
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${toJson(value[key]!, member)}`;
  }
  return `{${out}}`;
}

/** The member written as `key` (names may have been re-cased by `textCase`). */
function memberOf(schema: ObjectSchema, key: string): AnySchema | undefined {
  const exact = schema.member(key);
  if (exact !== undefined) return exact;
  const folded = foldCase(key);
  const name = schema.keys().find((candidate) => foldCase(candidate) === folded || foldCase(candidate.replace(/_/g, '')) === folded.replace(/_/g, ''));
  return name === undefined ? undefined : schema.member(name);
}

function scalarJson(text: string, schema: AnySchema | undefined): string {
  const kind = schema?.structuralKind();
  if (kind === 'boolean') return text.toLowerCase() === 'true' ? 'true' : 'false';
  // .NET writes NaN and infinities as words, which JSON has no number for: they stay strings.
  if (kind !== undefined && NUMERIC_KINDS.has(kind) && JSON_NUMBER.test(text)) return text;
  return JSON.stringify(text);
}
