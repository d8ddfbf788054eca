/**
 * The two wire formats of the client: the media types ServiceStack's `JsvServiceClient` and
 * `JsonServiceClient` send (`ContentType => $"application/{Format}"`, `Accept => ContentType`), and
 * typed body text in either format, so that a `long`, a `decimal`, a date or an enum reads back
 * exactly from JSON as from JSV.
 */
import { isJsvError, JsvError } from '../errors/jsv-error.js';
import { parseJsonTyped, stringifyJsonTyped } from '../typed/json.js';
import type { AnySchema } from '../typed/schema.js';
import { parseTyped, stringifyTyped } from '../typed/typed-api.js';

export type WireFormat = 'jsv' | 'json';

/** `Content-Type` and `Accept` of each format, as ServiceStack's C# clients send them. */
export const MEDIA_TYPES: Readonly<Record<WireFormat, string>> = { jsv: 'application/jsv', json: 'application/json' };

/** The format a response `Content-Type` names (`text/jsv` is ServiceStack's other JSV type), if any. */
export function formatOfContentType(header: string | null): WireFormat | undefined {
  if (header === null) return undefined;
  const type = header.split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'application/jsv' || type === 'text/jsv') return 'jsv';
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json') return 'json';
  return undefined;
}

/** Writes a request DTO in `format` with its schema. @throws JsvError for a value that does not fit. */
export function encodeBody(value: unknown, schema: AnySchema, format: WireFormat): string {
  return format === 'jsv' ? stringifyTyped(value as never, schema) : stringifyJsonTyped(value as never, schema);
}

/**
 * Reads a 2xx body with the response schema.
 * @throws JsvError whose message names the operation, with the path and position in `text`.
 */
export function decodeBody(text: string, schema: AnySchema, format: WireFormat, operation: string): unknown {
  try {
    // No body (a 204, which ServiceStack sends for a null response) reads as an empty document in
    // either format: null for a `.nullable()` schema, else UNEXPECTED_END saying so.
    if (text.trim() === '') return parseTyped('', schema);
    return format === 'jsv' ? parseTyped(text, schema) : parseJsonTyped(text, schema);
  } catch (error) {
    if (!isJsvError(error)) throw error;
    const what = format === 'jsv' ? 'JSV' : 'JSON';
    throw new JsvError({
      code: error.code,
      reason: `The ${what} response of ${operation} does not fit ${schema.name}: ${error.reason}`,
      offset: error.offset,
      line: error.line,
      column: error.column,
      path: error.path,
      cause: error,
    });
  }
}
