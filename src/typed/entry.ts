/**
 * The public `parse` and `stringify`: untyped when the second argument is options (or absent),
 * typed when it is a jsvkit schema.
 */
import type { ParseOptions } from '../syntax/options.js';
import { parseUntyped } from '../syntax/parse.js';
import { stringifyUntyped, type StringifyOptions } from '../syntax/stringify.js';
import type { JsvValue } from '../syntax/value.js';
import type { TypedParseOptions } from './decoding.js';
import type { TypedStringifyOptions } from './encoding.js';
import { isSchema, type AnySchema, type Infer, type InferInput } from './protocol.js';

/**
 * Decodes JSV text into a value of `schema`'s type (see docs/typed.md).
 * @throws JsvError with the code, path, offset, line and column of the first problem.
 */
export function parse<S extends AnySchema>(text: string, schema: S, options?: TypedParseOptions): Infer<S>;
/**
 * Parses JSV text into untyped data: maps become plain objects, lists arrays, every scalar a
 * string, an empty value `null`. An empty document is `null`.
 * @throws JsvError `UNEXPECTED_TOKEN`, `UNEXPECTED_END`, `UNTERMINATED_STRING`, `TRAILING_INPUT`,
 * `DUPLICATE_KEY` or `MAX_DEPTH`, with the offset, line and column of the offending text.
 */
export function parse(text: string, options?: ParseOptions): JsvValue;
export function parse(text: string, schemaOrOptions?: AnySchema | ParseOptions, options?: TypedParseOptions): unknown {
  // The typed run comes with the schema: untyped use bundles none of it.
  if (isSchema(schemaOrOptions)) return schemaOrOptions.typedRun().parse(text, schemaOrOptions, options);
  return parseUntyped(text, schemaOrOptions);
}

/**
 * Writes `value` as compact JSV exactly as ServiceStack writes the matching .NET value.
 * @throws JsvError for a value that does not fit the schema or has no JSV text, with its path.
 */
export function stringify<S extends AnySchema>(value: NoInfer<InferInput<S>>, schema: S, options?: TypedStringifyOptions): string;
/**
 * Writes a JavaScript value as compact JSV. `null` and `undefined` write nothing.
 * @throws JsvError `UNSUPPORTED_VALUE`, `UNREPRESENTABLE_VALUE`, `CIRCULAR_REFERENCE` or `MAX_DEPTH`.
 */
export function stringify(value: unknown, options?: StringifyOptions): string;
export function stringify(value: unknown, schemaOrOptions?: AnySchema | StringifyOptions, options?: TypedStringifyOptions): string {
  if (isSchema(schemaOrOptions)) return schemaOrOptions.typedRun().stringify(value, schemaOrOptions, options);
  return stringifyUntyped(value, schemaOrOptions);
}
