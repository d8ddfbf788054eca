/**
 * The typed entry points: `parse(text, S)`, `safeParse(text, S)` and `stringify(value, S)`.
 * Decoding pulls values straight from the scanner (no untyped tree, no second scan); encoding
 * writes straight into one string.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { TOP } from '../syntax/scanner.js';
import { Decoding, IssueLimit, type TypedParseOptions } from './decoding.js';
import { Encoding, describeValue, type TypedStringifyOptions } from './encoding.js';
import { toIssue, type JsvIssue } from './issues.js';
import { isSchema, type AnySchema, type Infer } from './schema.js';

export type SafeParseResult<T> = { success: true; value: T; issues?: undefined } | { success: false; value?: undefined; issues: JsvIssue[] };

function decode(text: string, schema: AnySchema, options: TypedParseOptions | undefined, collect: boolean): Decoding & { value?: unknown } {
  if (typeof text !== 'string') throw new TypeError(`parse expects a string, got ${text === null ? 'null' : typeof text}`);
  if (!isSchema(schema)) throw new TypeError('parse: the second argument must be a jsvkit schema or parse options');
  const d: Decoding & { value?: unknown } = new Decoding(text, options, collect);
  const sc = d.scanner;
  try {
    if (sc.atEmptyDocument()) {
      // An empty document is null, as ServiceStack reads empty text (jsv-spec §3.1).
      if (!schema.isNullable) d.report('UNEXPECTED_END', `Expected ${schema.name}, found an empty document (mark the schema .nullable() to accept null)`, sc.pos);
      d.value = null;
    } else {
      d.value = schema.decoder()(d, TOP, sc.valueStart(TOP));
      sc.finish();
    }
  } catch (error) {
    if (error instanceof IssueLimit) return d;
    const final = d.finalError(error);
    if (!collect || !isJsvError(final)) throw final;
    if (final !== d.thrown) d.issues.push(toIssue(final, d.segments()));
  }
  return d;
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
  return decode(text, schema, options, false).value as Infer<S>;
}

/**
 * Like `parse(text, schema)`, but never throws for bad input: it returns the value, or every issue
 * found (up to 100). Reading goes on after a bad value; a syntax error ends it.
 */
export function safeParse<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): SafeParseResult<Infer<S>> {
  const d = decode(text, schema, options, true);
  if (d.issues.length > 0) return { success: false, issues: d.issues };
  return { success: true, value: d.value as Infer<S> };
}

/**
 * Writes `value` as compact JSV, as ServiceStack writes the matching .NET value. A null document
 * (for a `.nullable()` schema) is the empty string.
 *
 * @throws JsvError `INVALID_TYPE`, `INVALID_ENUM`, `OUT_OF_RANGE`, … for a value that does not fit the
 * schema, `MISSING_REQUIRED`, `NULL_ELEMENT`, `UNREPRESENTABLE_VALUE` (a list no JSV text reads back
 * as, jsv-spec W1–W3), `CIRCULAR_REFERENCE` or `MAX_DEPTH`, with the path.
 */
export function stringifyTyped<S extends AnySchema>(value: Infer<S>, schema: S, options?: TypedStringifyOptions): string {
  if (!isSchema(schema)) throw new TypeError('stringify: the second argument must be a jsvkit schema or stringify options');
  return encode(value, schema, options, false).text();
}

/** @internal */
export function encode(value: unknown, schema: AnySchema, options: TypedStringifyOptions | undefined, collect: boolean): Encoding {
  const e = new Encoding(options, collect);
  if (value === null || value === undefined) {
    if (!schema.isNullable) e.fail('INVALID_TYPE', `Expected ${schema.name}, found ${describeValue(value)} (mark the schema .nullable() to write null)`);
    return e;
  }
  try {
    schema.encoder()(e, value);
  } catch (error) {
    // A maxDepth raised past what the stack holds must still end in a JsvError.
    if (!(error instanceof RangeError)) throw error;
    e.fail('MAX_DEPTH', 'Nesting is too deep for the call stack; lower maxDepth or flatten the value');
  }
  return e;
}

/**
 * Like `safeParse`, but returns what was read alongside the issues: the HTTP adapters bind path,
 * query and form values into a DTO after reading its body, and drop the issues of members those
 * values supply (a required `id` taken from the path).
 * @internal
 */
export function parseCollecting<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): { value: unknown; issues: JsvIssue[] } {
  const d = decode(text, schema, options, true);
  return { value: d.value, issues: d.issues };
}
