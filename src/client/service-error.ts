/**
 * `ServiceError`: every way a call can fail short of a 2xx response, as one error type. An HTTP
 * error carries ServiceStack's `ResponseStatus` read from the body (JSV or JSON, any key case), as
 * C#'s `WebServiceException` does; a call that got no response has status 0 and an `errorCode` that
 * says why (`NetworkError`, `Timeout`, `Aborted`, …).
 */
import type { ResponseError, ResponseStatus as WireResponseStatus } from '../http/response-status.js';
import { parseUntyped } from '../syntax/parse.js';

/** One field-level error: ServiceStack's `ResponseError` as read, `fieldName` always present (`''` when the server sent none). */
export interface FieldError extends ResponseError {
  /** The member the error is about, as the server names it (`name`, `data.a.listValue[0]`). */
  fieldName: string;
}

/** ServiceStack's `ResponseStatus` as read, with its keys in camelCase whatever case the server used, and `errors` always a list. */
export interface ResponseStatus extends WireResponseStatus {
  errors: FieldError[];
}

/**
 * The `errorCode` of a call that got no HTTP response, or could not be made:
 * - `NetworkError`: the connection failed (DNS, refused, reset, TLS); `cause` holds the runtime's error;
 * - `Timeout`: `timeoutMs` passed before the response body was read;
 * - `Aborted`: the caller's `signal` aborted the call; `cause` holds the signal's reason;
 * - `NoMatchingRoute`, `AmbiguousRoute`: the operation's routes cannot take the request (nothing was sent);
 * - `ResponseTooLarge`: the body was larger than `maxResponseBytes`;
 * - `InvalidResponseBody`: the body was not UTF-8.
 * The last two keep the response's HTTP status.
 */
export type ClientErrorCode = 'NetworkError' | 'Timeout' | 'Aborted' | 'NoMatchingRoute' | 'AmbiguousRoute' | 'ResponseTooLarge' | 'InvalidResponseBody';

export interface ServiceErrorInit {
  status: number;
  statusText?: string;
  errorCode: string;
  message: string;
  operation: string;
  responseStatus?: ResponseStatus;
  body?: string;
  cause?: unknown;
}

const BRAND = Symbol.for('jsvkit.ServiceError');

export class ServiceError extends Error {
  /** The HTTP status; 0 when there was no response (see `ClientErrorCode`). */
  readonly status: number;
  /** The HTTP reason phrase, when the response had one. */
  readonly statusText: string;
  /** `responseStatus.errorCode`; without one, the reason phrase (as C#'s `WebServiceException.ErrorCode`), or a `ClientErrorCode`. */
  readonly errorCode: string;
  /** The operation called. */
  readonly operation: string;
  /** The field errors of `responseStatus` (validation errors), empty when there are none. */
  readonly fieldErrors: readonly FieldError[];
  /** ServiceStack's error status from the body, when the body had one. */
  readonly responseStatus: ResponseStatus | undefined;
  /** The response body as text, when there was a response. */
  readonly body: string | undefined;

  constructor(init: ServiceErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ServiceError';
    this.status = init.status;
    this.statusText = init.statusText ?? '';
    this.errorCode = init.errorCode;
    this.operation = init.operation;
    this.responseStatus = init.responseStatus;
    this.fieldErrors = init.responseStatus?.errors ?? [];
    this.body = init.body;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The first error about `fieldName` (compared case-insensitively), if any. */
  fieldError(fieldName: string): FieldError | undefined {
    const wanted = fieldName.toLowerCase();
    return this.fieldErrors.find((error) => error.fieldName.toLowerCase() === wanted);
  }

  toJSON(): { name: string; status: number; errorCode: string; message: string; operation: string; fieldErrors: readonly FieldError[] } {
    return { name: this.name, status: this.status, errorCode: this.errorCode, message: this.message, operation: this.operation, fieldErrors: this.fieldErrors };
  }
}

/** True for a `ServiceError` from any copy of jsvkit (ESM or CJS). */
export function isServiceError(error: unknown): error is ServiceError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * The error for a non-2xx response. Like C#'s `WebServiceException.ResponseStatus`, the body is read
 * as JSON first when it starts with `{"`, else as JSV, then the other way; without a
 * `ResponseStatus` in it, the error code and message are the reason phrase.
 */
export function errorFromResponse(operation: string, status: number, statusText: string, body: string): ServiceError {
  const responseStatus = readResponseStatus(body);
  const fallback = statusText || `HTTP ${status}`;
  return new ServiceError({
    status,
    statusText,
    errorCode: responseStatus?.errorCode || fallback,
    message: responseStatus?.message || fallback,
    operation,
    responseStatus,
    body,
  });
}

/** ServiceStack's `ResponseStatus` from an error body in JSON or JSV, or `undefined`. */
export function readResponseStatus(body: string): ResponseStatus | undefined {
  const jsonFirst = body.trimStart().startsWith('{"');
  const readers = jsonFirst ? [readJson, readJsv] : [readJsv, readJson];
  for (const read of readers) {
    const status = toResponseStatus(memberOf(read(body), 'responseStatus'));
    if (status !== undefined) return status;
  }
  return undefined;
}

function readJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function readJsv(body: string): unknown {
  try {
    return parseUntyped(body);
  } catch {
    return undefined;
  }
}

/** Keys compared as ServiceStack's readers compare them: any case, `_` ignored (`response_status`). */
function fold(key: string): string {
  return key.replace(/_/g, '').toLowerCase();
}

function memberOf(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const wanted = fold(name);
  for (const key of Object.keys(value)) {
    if (fold(key) === wanted) return (value as Record<string, unknown>)[key];
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function toMeta(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const meta: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, item] of Object.entries(value)) {
    const itemText = text(item);
    if (itemText !== undefined) meta[key] = itemText;
  }
  return meta;
}

function toResponseStatus(value: unknown): ResponseStatus | undefined {
  const errorCode = text(memberOf(value, 'errorCode'));
  // C# takes a ResponseStatus only when it has an error code.
  if (errorCode === undefined || errorCode === '') return undefined;
  const status: ResponseStatus = { errorCode, message: text(memberOf(value, 'message')) ?? '', errors: [] };
  const stackTrace = text(memberOf(value, 'stackTrace'));
  if (stackTrace !== undefined) status.stackTrace = stackTrace;
  const meta = toMeta(memberOf(value, 'meta'));
  if (meta !== undefined) status.meta = meta;
  const errors = memberOf(value, 'errors');
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      const fieldError: FieldError = {
        errorCode: text(memberOf(entry, 'errorCode')) ?? '',
        fieldName: text(memberOf(entry, 'fieldName')) ?? '',
        message: text(memberOf(entry, 'message')) ?? '',
      };
      const entryMeta = toMeta(memberOf(entry, 'meta'));
      if (entryMeta !== undefined) fieldError.meta = entryMeta;
      status.errors.push(fieldError);
    }
  }
  return status;
}
