/**
 * The typed entry points: `parse(text, S)`, `safeParse(text, S)` and `stringify(value, S)`.
 * Decoding pulls values straight from the scanner (no untyped tree, no second scan); encoding
 * writes straight into one string.
 */
import type { TypedParseOptions } from './decoding.js';
import type { TypedStringifyOptions } from './encoding.js';
import type { JsvIssue } from './issues.js';
import { decodeDocument, encodeDocument } from './run.js';
import { requireSchema, type AnySchema, type Infer, type InferInput } from './protocol.js';

export type SafeParseResult<T> = { success: true; value: T; issues?: undefined } | { success: false; value?: undefined; issues: JsvIssue[] };

function checkArguments(text: string, schema: AnySchema): void {
  if (typeof text !== 'string') throw new TypeError(`parse expects a string, got ${text === null ? 'null' : typeof text}`);
  requireSchema(schema, 'parse');
}

/**
 * Decodes JSV text into a value of `schema`'s type.
 *
 * @throws JsvError for the first problem, with its `code`, `path` (e.g. `schedule.rules[2].frequency`),
 * offset, line and column: syntax codes as for untyped `parse`, plus `INVALID_TYPE`, `INVALID_NUMBER`,
 * `OUT_OF_RANGE`, `INVALID_BOOLEAN`, `INVALID_ENUM`, `INVALID_DATE`, `INVALID_TIMESPAN`,
 * `INVALID_GUID`, `INVALID_CHAR`, `INVALID_BYTES`, `MISSING_REQUIRED`, `NULL_ELEMENT`,
 * `UNKNOWN_PROPERTY` (with `strict`) and `DUPLICATE_KEY`.
 */
export function parseTyped<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): Infer<S> {
  checkArguments(text, schema);
  return decodeDocument(text, schema, options, false).value as Infer<S>;
}

/**
 * Like `parse(text, schema)`, but never throws for bad input: it returns the value, or every issue
 * found (up to 100). Reading goes on after a bad value; a syntax error ends it.
 */
export function safeParse<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): SafeParseResult<Infer<S>> {
  checkArguments(text, schema);
  const d = decodeDocument(text, schema, options, true);
  if (d.issues.length > 0) return { success: false, issues: d.issues };
  return { success: true, value: d.value as Infer<S> };
}

/**
 * Writes `value` as compact JSV, as ServiceStack writes the matching .NET value. A null document
 * (for a `.nullable()` schema) is the empty string.
 *
 * @throws JsvError `INVALID_TYPE`, `INVALID_ENUM`, `OUT_OF_RANGE`, … for a value that does not fit the
 * schema, `MISSING_REQUIRED`, `NULL_ELEMENT`, `UNREPRESENTABLE_VALUE` (a list no JSV text reads back
 * as, see docs/jsv-format.md, Nulls in lists), `CIRCULAR_REFERENCE` or `MAX_DEPTH`, with the path.
 */
export function stringifyTyped<S extends AnySchema>(value: InferInput<S>, schema: S, options?: TypedStringifyOptions): string {
  requireSchema(schema, 'stringify');
  return encodeDocument(value, schema, options, false).text();
}

