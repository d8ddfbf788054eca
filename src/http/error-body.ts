/**
 * Writes ServiceStack's error body (`{responseStatus:{errorCode,message,stackTrace,errors:[{errorCode,
 * fieldName,message,meta}],meta}}`) as JSV and as JSON without the typed layer: every error
 * response goes through here, so `jsvkit/fetch` and the other adapters need no schema machinery to
 * answer one. The text is exactly what the `ErrorResponse` schema of `jsvkit/servicestack` writes
 * (a law in test/http checks it for every `ResponseStatus`): declared members only, in
 * ServiceStack's member order, absent and null members left out.
 */
import { stringifyUntyped } from '../syntax/stringify.js';
import { setOwn } from '../syntax/value.js';
import type { WireFormat } from './negotiate.js';
import type { ErrorResponse, ResponseError, ResponseStatus } from './response-status.js';

const STATUS_MEMBERS = ['errorCode', 'message', 'stackTrace', 'errors', 'meta'] as const;
const ERROR_MEMBERS = ['errorCode', 'fieldName', 'message', 'meta'] as const;

/** The error body as text in `format`. */
export function writeErrorBody(body: ErrorResponse, format: WireFormat): string {
  const wire = { responseStatus: statusOf(body.responseStatus) };
  return format === 'jsv' ? stringifyUntyped(wire) : JSON.stringify(wire);
}

function statusOf(status: ResponseStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of STATUS_MEMBERS) {
    const value = status[name];
    if (value === undefined || value === null) continue;
    if (name === 'errors') out[name] = (value as ResponseError[]).map(errorOf);
    else if (name === 'meta') out[name] = metaOf(value as Record<string, string>);
    else out[name] = String(value);
  }
  return out;
}

function errorOf(error: ResponseError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ERROR_MEMBERS) {
    const value = error[name];
    if (value === undefined || value === null) continue;
    out[name] = name === 'meta' ? metaOf(value as Record<string, string>) : String(value);
  }
  return out;
}

// A dictionary's own entries; a null value is left out, as the typed writer leaves it out. Its keys
// are data (`__proto__` among them), so they are stored as own properties.
function metaOf(meta: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(meta)) {
    const value = meta[key];
    if (value !== undefined && value !== null) setOwn(out, key, String(value));
  }
  return out;
}
