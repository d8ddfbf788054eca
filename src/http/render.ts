/**
 * Turns a response value or a thrown error into body text in the negotiated format. JSV goes
 * through jsvkit's writer (typed when the route declares a response schema); JSON through
 * `JSON.stringify`, with 64-bit integers and maps made JSON-safe.
 */
import { isJsvError, type JsvError } from '../errors/jsv-error.js';
import { stringifyUntyped } from '../syntax/stringify.js';
import { JSON_CONTENT_TYPE, JSV_CONTENT_TYPE, type WireFormat } from './negotiate.js';
import { HttpError, toErrorResponse, type ErrorResponseOptions, type ResponseError } from './response-status.js';
import { encodeTyped, type AnySchema } from './codec.js';

/** A rendered body: what to send and the `Content-Type` to send it with. */
export interface RenderedBody {
  contentType: string;
  text: string;
}

/**
 * Writes `value` in `format`. With a `schema`, JSV is written by the typed writer exactly as
 * ServiceStack writes that DTO.
 *
 * @throws HttpError 500 carrying the `JsvError` code and path when the value has no JSV text (a
 * function, a cycle, a list holding only null, …).
 */
export function renderValue(value: unknown, format: WireFormat, schema?: AnySchema): RenderedBody {
  if (format === 'jsv') {
    let text: string;
    try {
      text = schema === undefined ? stringifyUntyped(value) : encodeTyped(value, schema);
    } catch (error) {
      throw isJsvError(error) ? unwritable(error) : error;
    }
    return { contentType: JSV_CONTENT_TYPE, text };
  }
  return { contentType: JSON_CONTENT_TYPE, text: JSON.stringify(value, jsonSafe) ?? '' };
}

// A response the server cannot write is the server's failure (500), not a malformed request (400).
// The message names the value and the rule, never server internals, so it is kept.
function unwritable(error: JsvError): HttpError {
  const entry = { errorCode: error.code } as ResponseError;
  if (error.path !== undefined && error.path !== '') entry.fieldName = error.path;
  entry.message = error.reason;
  return new HttpError(500, error.code, `The response cannot be written as JSV: ${error.message}`, [entry]);
}

/** Renders any thrown value as ServiceStack's error body, with the status it maps to. */
export function renderError(error: unknown, format: WireFormat, options?: ErrorResponseOptions): RenderedBody & { status: number } {
  const { status, body } = toErrorResponse(error, options);
  return { status, ...renderValue(body, format) };
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
