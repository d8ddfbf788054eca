/**
 * Turns a response value or a thrown error into body text in the negotiated format. JSV goes
 * through jsvkit's writer (typed when the route declares a response schema); JSON through
 * `JSON.stringify`, with 64-bit integers and maps made JSON-safe.
 */
import { stringify as stringifyUntyped } from '../index.js';
import { JSON_CONTENT_TYPE, JSV_CONTENT_TYPE, type WireFormat } from './negotiate.js';
import { toErrorResponse, type ErrorResponseOptions } from './response-status.js';
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
 * @throws JsvError when the value cannot be written as JSV (a function, a cycle, …).
 */
export function renderValue(value: unknown, format: WireFormat, schema?: AnySchema): RenderedBody {
  if (format === 'jsv') {
    const text = schema === undefined ? stringifyUntyped(value) : encodeTyped(value, schema);
    return { contentType: JSV_CONTENT_TYPE, text };
  }
  return { contentType: JSON_CONTENT_TYPE, text: JSON.stringify(value, jsonSafe) ?? '' };
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
