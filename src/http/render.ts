/**
 * Turns a response value or a thrown error into body text in the negotiated format. With a
 * response schema both formats are written by it (JSV by the typed writer, JSON by the typed JSON
 * writer, which re-expresses that JSV): the same members, the same defaults, the same 500 for a
 * value that breaks it. Without one, JSV goes through the untyped writer and JSON through `JSON.stringify`, with
 * 64-bit integers and maps made JSON-safe.
 */
import { isJsvError, type JsvError } from '../errors/jsv-error.js';
import { stringifyUntyped } from '../syntax/stringify.js';
import type { TypedStringifyOptions } from '../typed/encoding.js';
import { typedJsvToJson } from '../typed/json.js';
import { requireSchema } from '../typed/protocol.js';
import type { AnySchema } from './codec.js';
import { writeErrorBody } from './error-body.js';
import { JSON_CONTENT_TYPE, JSV_CONTENT_TYPE, type WireFormat } from './negotiate.js';
import { HttpError, toErrorResponse, type ErrorResponseOptions, type ResponseError } from './response-status.js';

/** A rendered body: what to send and the `Content-Type` to send it with. */
export interface RenderedBody {
  contentType: string;
  text: string;
}

/** Write options of a response, as the typed `stringify` takes them. */
export type WriteOptions = Pick<TypedStringifyOptions, 'textCase' | 'excludeDefaultValues'>;

/** Where a response goes: its format and the Content-Type negotiated for it. */
export interface RenderTarget {
  format: WireFormat;
  contentType?: string;
}

/**
 * Writes `value` for `target` (a negotiation result, or just a format). With a `schema`, JSV and
 * JSON are both written by it.
 *
 * @throws HttpError 500 carrying the `JsvError` code and path when the value breaks the schema or
 * has no JSV text (a function, a cycle, a list holding only null, …).
 */
export function renderValue(value: unknown, target: RenderTarget | WireFormat, schema?: AnySchema, options?: WriteOptions): RenderedBody {
  const { format, contentType } = typeof target === 'string' ? { format: target, contentType: undefined } : target;
  let text: string;
  try {
    if (schema === undefined) text = format === 'jsv' ? stringifyUntyped(value) : (JSON.stringify(value, jsonSafe) ?? '');
    else {
      text = writeTyped(value, schema, options);
      if (format === 'json') text = typedJsvToJson(text, schema);
    }
  } catch (error) {
    throw isJsvError(error) ? unwritable(error, format) : error;
  }
  return { contentType: contentType ?? (format === 'jsv' ? JSV_CONTENT_TYPE : JSON_CONTENT_TYPE), text };
}

/**
 * The typed `stringify`, run through the schema rather than imported, so an app without schemas
 * does not bundle the typed layer.
 */
function writeTyped(value: unknown, schema: AnySchema, options: WriteOptions | undefined): string {
  requireSchema(schema, 'stringify');
  return schema.typedRun().encodeDocument(value, schema, options, false).text();
}

// A response the server cannot write is the server's failure (500), not a malformed request (400).
// The body names the rule (code) and where (path), never the value, which may be anything the
// handler held (a secret put in the wrong member).
function unwritable(error: JsvError, format: WireFormat): HttpError {
  const entry = { errorCode: error.code } as ResponseError;
  const where = error.path !== undefined && error.path !== '' ? error.path : undefined;
  if (where !== undefined) entry.fieldName = where;
  entry.message = `The value ${where === undefined ? '' : `at ${where} `}cannot be written (${error.code})`;
  return new HttpError(500, error.code, `The response cannot be written as ${format === 'jsv' ? 'JSV' : 'JSON'}: ${entry.message}`, [entry]);
}

/** A rendered error: status, body and the headers it needs (`WWW-Authenticate`, `Connection`). */
export interface RenderedError extends RenderedBody {
  status: number;
  headers: Record<string, string>;
  /** The status line's reason phrase, when the error names one (an `HttpError`'s code); else the status's standard phrase. */
  statusDescription?: string;
}

/** Renders any thrown value as ServiceStack's error body, with the status it maps to. */
export function renderError(error: unknown, target: RenderTarget | WireFormat, options?: ErrorResponseOptions): RenderedError {
  const { status, body, headers, statusDescription } = toErrorResponse(error, options);
  // One wire form for every error, the one jsvkit/servicestack's ErrorResponse (and the client)
  // reads: members in ServiceStack's order, nothing undeclared.
  const { format, contentType } = typeof target === 'string' ? { format: target, contentType: undefined } : target;
  const text = writeErrorBody(body, format);
  const rendered: RenderedError = { status, headers, contentType: contentType ?? (format === 'jsv' ? JSV_CONTENT_TYPE : JSON_CONTENT_TYPE), text };
  if (statusDescription !== undefined) rendered.statusDescription = statusDescription;
  return rendered;
}

// JSON has no bigint and no Map: a 64-bit integer becomes a number when it is exact and a string
// otherwise (never a silently rounded number); a Map becomes an object.
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}
