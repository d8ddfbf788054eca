/**
 * The runtime-neutral half of body reading: which bodies jsvkit decodes, the charset rule, the
 * content codings, the declared-length check and strict UTF-8 decoding. `read-body.ts` (Node
 * streams) and `read-web-body.ts` (Web streams) share it; nothing here needs Node.
 */
import { parse as parseContentType } from 'content-type';
import { HttpError } from './response-status.js';

/**
 * Request body formats jsvkit reads itself: JSV (`application/jsv`, ServiceStack's registered type,
 * and its alias `text/jsv`), JSON, and HTML form posts, whose fields bind into a typed DTO.
 */
export type BodyFormat = 'jsv' | 'json' | 'form';

/** Default body limit: 1 MiB of decoded (inflated) bytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Default time allowed to receive a whole body: 30 s. */
export const DEFAULT_BODY_TIMEOUT = 30_000;

/** What to do with a `__proto__` (or `constructor.prototype`) key in an untyped body; Fastify's names. */
export type PoisoningAction = 'error' | 'remove' | 'ignore';

export interface BodyOptions {
  /**
   * Largest body accepted, in bytes after inflating a compressed body (default 1 MiB). Larger
   * bodies, and compressed bodies whose raw bytes alone pass it, answer 413.
   */
  limit?: number;
  /** Longest time to receive a whole body, in milliseconds (default 30 000); slower bodies answer 408. */
  bodyTimeout?: number;
  /**
   * A `__proto__` key in an untyped JSON or JSV body (default `'error'`: 400, as Fastify does).
   * Typed bodies keep declared members only, so they never carry one.
   */
  onProtoPoisoning?: PoisoningAction;
  /** A `constructor` key holding a `prototype` key in an untyped body (default `'error'`). */
  onConstructorPoisoning?: PoisoningAction;
}

/** Body options with every default applied and checked. */
export interface BodyRules {
  limit: number;
  bodyTimeout: number;
  onProtoPoisoning: PoisoningAction;
  onConstructorPoisoning: PoisoningAction;
}

/** The content codings jsvkit inflates (RFC 9110 names, as body-parser reads them). */
export type ContentCoding = 'identity' | 'gzip' | 'deflate' | 'br';

const BODY_FORMATS: Record<string, BodyFormat> = {
  'text/jsv': 'jsv',
  'application/jsv': 'jsv',
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'form',
};

/**
 * The body format a `Content-Type` header names, or `undefined` for any other type, a missing
 * header, or one that does not parse. Parameters are ignored here; see {@link checkBodyType}.
 */
export function bodyFormatOf(header: string | undefined): BodyFormat | undefined {
  if (header === undefined || header === '') return undefined;
  const semicolon = header.indexOf(';');
  const type = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  return Object.hasOwn(BODY_FORMATS, type) ? BODY_FORMATS[type] : undefined;
}

/**
 * Validates the `Content-Type` of a body jsvkit reads: it must parse (RFC 9110 via `content-type`)
 * and name UTF-8 or no charset at all.
 *
 * @throws HttpError 415 for a malformed header or any charset but UTF-8.
 */
export function checkBodyType(header: string): void {
  let charset: string | undefined;
  try {
    charset = parseContentType(header).parameters.charset;
  } catch {
    throw new HttpError(415, 'UnsupportedMediaType', `Malformed Content-Type header: ${JSON.stringify(header)}`);
  }
  if (charset !== undefined && !isUtf8Label(charset)) {
    throw new HttpError(415, 'UnsupportedMediaType', `Unsupported charset "${charset}": request bodies must be UTF-8`);
  }
}

/** Resolves the configured limit, rejecting nonsense early rather than per request. */
export function resolveLimit(options: BodyOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_BODY_LIMIT;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
    throw new TypeError(`limit must be a non-negative whole number of bytes, got ${String(limit)}`);
  }
  return limit;
}

/** Resolves every body option, rejecting nonsense when the adapter is created. */
export function resolveBodyRules(options: BodyOptions | undefined): BodyRules {
  const bodyTimeout = options?.bodyTimeout ?? DEFAULT_BODY_TIMEOUT;
  if (typeof bodyTimeout !== 'number' || !Number.isSafeInteger(bodyTimeout) || bodyTimeout <= 0) {
    throw new TypeError(`bodyTimeout must be a positive whole number of milliseconds, got ${String(bodyTimeout)}`);
  }
  return {
    limit: resolveLimit(options),
    bodyTimeout,
    onProtoPoisoning: poisoningAction('onProtoPoisoning', options?.onProtoPoisoning),
    onConstructorPoisoning: poisoningAction('onConstructorPoisoning', options?.onConstructorPoisoning),
  };
}

function poisoningAction(name: string, value: PoisoningAction | undefined): PoisoningAction {
  if (value === undefined) return 'error';
  if (value === 'error' || value === 'remove' || value === 'ignore') return value;
  throw new TypeError(`${name} must be 'error', 'remove' or 'ignore', got ${String(value)}`);
}

/**
 * The coding of a `Content-Encoding` header. One coding only, as body-parser reads them;
 * `x-gzip` is gzip (RFC 9110 §8.4.1.3).
 *
 * @throws HttpError 415 for any other coding or a list of codings.
 */
export function contentCodingOf(header: string | null | undefined): ContentCoding {
  if (header === null || header === undefined) return 'identity';
  const coding = header.trim().toLowerCase();
  switch (coding) {
    case '':
    case 'identity':
      return 'identity';
    case 'gzip':
    case 'x-gzip':
      return 'gzip';
    case 'deflate':
      return 'deflate';
    case 'br':
      return 'br';
    default:
      throw new HttpError(415, 'UnsupportedMediaType', `Unsupported Content-Encoding ${JSON.stringify(header)}: send identity, gzip, deflate or br`);
  }
}

/**
 * The body of a request whose `Content-Type` jsvkit does not read, for a route that needs its body.
 */
export function unsupportedType(header: string | undefined): HttpError {
  const message =
    header === undefined || header === ''
      ? 'A request body needs a Content-Type: send application/jsv, text/jsv, application/json or application/x-www-form-urlencoded'
      : `Unsupported Content-Type ${JSON.stringify(header)}: send application/jsv, text/jsv, application/json or application/x-www-form-urlencoded`;
  return new HttpError(415, 'UnsupportedMediaType', message);
}

/** The 408 of a body that did not arrive in time; the connection is closed after it. */
export function bodyTimedOut(timeout: number): HttpError {
  return new HttpError(408, 'RequestTimeout', `The request body did not arrive within ${timeout} ms`, undefined, { headers: { connection: 'close' } });
}

/**
 * Checks a declared `Content-Length` against the limit before any byte is read.
 *
 * @throws HttpError 413 when the declared length is over the limit, 400 when it is not a length.
 */
export function checkDeclaredLength(header: string | null | undefined, limit: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  if (!/^\d{1,15}$/.test(header.trim())) throw new HttpError(400, 'BadRequest', 'Invalid Content-Length header');
  const length = Number(header.trim());
  if (length > limit) throw tooLarge(limit);
  return length;
}

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'RequestEntityTooLarge', `Request body is larger than the limit of ${limit} bytes`);
}

/**
 * True when a request carries a body by its headers: a `Transfer-Encoding`, or a `Content-Length`
 * other than 0 (RFC 9112 §6.3). A request with neither has no body.
 */
export function hasBody(contentLength: string | null | undefined, transferEncoding: string | null | undefined): boolean {
  if (transferEncoding !== null && transferEncoding !== undefined && transferEncoding !== '') return true;
  return contentLength !== null && contentLength !== undefined && contentLength.trim() !== '0';
}

/**
 * Decodes UTF-8 strictly: an invalid sequence is an error, never a U+FFFD substitution. A leading
 * byte order mark is dropped, as every UTF-8 reader does.
 *
 * @throws HttpError 400 when the bytes are not valid UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'BadRequest', 'Request body is not valid UTF-8');
  }
}

// The WHATWG Encoding Standard's labels for UTF-8.
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

function isUtf8Label(charset: string): boolean {
  const label = charset.trim().toLowerCase();
  return UTF8_LABELS.has(label);
}
