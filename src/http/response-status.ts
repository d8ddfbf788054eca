/**
 * ServiceStack's error body: `{responseStatus:{errorCode,message,errors:[{errorCode,fieldName,
 * message}]}}` (ServiceStack `ResponseStatus` and `ResponseError`, camelCase as its hosts send
 * them), and the mapping from any thrown value to a status code and that body.
 */
import { isJsvError, type JsvError } from '../errors/jsv-error.js';
import type { ErrorResponse as ErrorResponseSchema } from '../servicestack/responses.js';
import type { InferInput } from '../typed/schema.js';

type ErrorResponseSchemaInput = InferInput<typeof ErrorResponseSchema>;

/** One field-level error, ServiceStack's `ResponseError`. */
export interface ResponseError {
  errorCode: string;
  /** Path of the offending value, such as `data.a.listValue[0]`. */
  fieldName?: string;
  message: string;
  /** ServiceStack's free-form `Meta`; jsvkit puts the text position of a JSV error here. */
  meta?: Record<string, string>;
}

/** ServiceStack's `ResponseStatus`. */
export interface ResponseStatus {
  errorCode: string;
  message: string;
  /** Only with `debug: true`. */
  stackTrace?: string;
  errors?: ResponseError[];
  /** ServiceStack's free-form `Meta`. */
  meta?: Record<string, string>;
}

/** The body of every error response. */
export interface ErrorResponse {
  responseStatus: ResponseStatus;
}

// What the adapters build always fits the ErrorResponse schema of jsvkit/servicestack, which renders it.
type Fits<T extends ErrorResponseSchemaInput> = T;
type CheckedErrorResponse = Fits<ErrorResponse>;

const BRAND = Symbol.for('jsvkit.HttpError');

/**
 * An error that carries its HTTP status and ServiceStack error code, for handlers to throw
 * (`throw new HttpError(404, 'NotFound', 'Customer 7 does not exist')`).
 */
export class HttpError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly errors: ResponseError[] | undefined;
  /** Headers sent with the error response (such as `WWW-Authenticate` on a 401), lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The reason phrase of the status line; `undefined` sends the error code (see {@link HttpErrorOptions}). */
  readonly statusDescription: string | undefined;

  constructor(status: number, errorCode: string, message: string, errors?: ResponseError[], options?: HttpErrorOptions) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.errorCode = errorCode;
    this.errors = errors;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name.toLowerCase()] = value;
    this.headers = headers;
    this.statusDescription = options?.statusDescription;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

export interface HttpErrorOptions {
  /** Headers to send with the error response, e.g. `{ 'WWW-Authenticate': 'Bearer realm="api"' }`. */
  headers?: Record<string, string>;
  /**
   * The reason phrase of the status line. By default the error code, as ServiceStack's `HttpError`
   * sets its `StatusDescription` (`400 NotEmpty`, `404 NotFound`): its C# clients show it as
   * `WebServiceException.StatusDescription`. Text that cannot be a reason phrase is not sent.
   */
  statusDescription?: string;
}

/**
 * The challenge a 401 carries when the error names none: every 401 must send `WWW-Authenticate`
 * (RFC 9110 §15.5.2), and bearer tokens are what ServiceStack's API-key and JWT providers take.
 */
export const DEFAULT_CHALLENGE = 'Bearer';

/** True for an `HttpError` from any copy of jsvkit (ESM or CJS). */
export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

export interface ErrorResponseOptions {
  /** Put the stack trace and the message of server errors in the body (default false). */
  debug?: boolean;
}

/**
 * Maps a thrown value to a status and ServiceStack's error body:
 * - `HttpError`: its own status, code, message and errors;
 * - `JsvError` (malformed or ill-typed body): 400, its code, and one `errors` entry whose
 *   `fieldName` is the error's path and whose `meta` holds line, column and offset;
 * - an error with a 4xx `status`/`statusCode` (framework and `raw-body` errors): that status;
 * - anything else: 500 with the error's name as code and a generic message, unless `debug`.
 */
export function toErrorResponse(
  error: unknown,
  options?: ErrorResponseOptions,
): { status: number; body: ErrorResponse; headers: Record<string, string>; statusDescription?: string } {
  const debug = options?.debug === true;
  let statusDescription: string | undefined;
  let status: number;
  let responseStatus: ResponseStatus;
  const headers: Record<string, string> = {};

  if (isHttpError(error)) {
    // Older copies of jsvkit made HttpErrors without headers.
    Object.assign(headers, error.headers);
    status = error.status;
    responseStatus = { errorCode: error.errorCode, message: error.message };
    if (error.errors !== undefined) responseStatus.errors = error.errors;
    // Older copies of jsvkit made HttpErrors without statusDescription.
    statusDescription = reasonPhrase(error.statusDescription ?? error.errorCode);
  } else if (isJsvError(error)) {
    status = 400;
    responseStatus = { errorCode: error.code, message: error.message, errors: [jsvResponseError(error)] };
  } else {
    const clientStatus = clientErrorStatus(error);
    if (clientStatus !== undefined) {
      status = clientStatus;
      responseStatus = { errorCode: statusName(clientStatus), message: (error as Error).message || statusName(clientStatus) };
    } else {
      status = 500;
      const name = error instanceof Error && error.name ? error.name : 'InternalServerError';
      const message = debug && error instanceof Error ? error.message : 'Internal Server Error';
      responseStatus = { errorCode: name, message };
    }
  }

  if (debug && error instanceof Error && error.stack !== undefined) responseStatus.stackTrace = error.stack;
  if (status === 401 && headers['www-authenticate'] === undefined) headers['www-authenticate'] = DEFAULT_CHALLENGE;
  return statusDescription === undefined ? { status, body: { responseStatus }, headers } : { status, body: { responseStatus }, headers, statusDescription };
}

// RFC 9110 reason-phrase: tab, space and visible characters (obs-text left out: Node rejects what
// it cannot write as Latin-1, and a phrase is never worth a failed response).
function reasonPhrase(text: string): string | undefined {
  return text !== '' && text.length <= 100 && /^[\t\x20-\x7e]+$/.test(text) ? text : undefined;
}

function jsvResponseError(error: JsvError): ResponseError {
  // ServiceStack's member order: errorCode, fieldName, message, meta.
  const entry = { errorCode: error.code } as ResponseError;
  if (error.path !== undefined && error.path !== '') entry.fieldName = error.path;
  entry.message = error.reason;
  if (error.offset !== undefined) entry.meta = { line: String(error.line), column: String(error.column), offset: String(error.offset) };
  return entry;
}

// Errors from Express, Fastify and raw-body carry `status` or `statusCode` (http-errors style).
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 && Number.isInteger(value) ? value : undefined;
}

// .NET `HttpStatusCode` names, which ServiceStack uses as the error code of an `HttpError`.
const STATUS_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  402: 'PaymentRequired',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  408: 'RequestTimeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'LengthRequired',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  414: 'RequestUriTooLong',
  415: 'UnsupportedMediaType',
  416: 'RequestedRangeNotSatisfiable',
  417: 'ExpectationFailed',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  431: 'RequestHeaderFieldsTooLarge',
  500: 'InternalServerError',
};

/** The .NET `HttpStatusCode` name of a status, such as `NotFound` for 404. */
export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequest');
}
