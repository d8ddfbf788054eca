/**
 * The runtime-neutral half of body reading: which bodies jsvkit decodes, the charset rule, the
 * declared-length check and strict UTF-8 decoding. `read-body.ts` (Node streams) and `fetch.ts`
 * (Web streams) share it; nothing here needs Node.
 */
import { parse as parseContentType } from 'content-type';
import { HttpError } from './response-status.js';

/** Request body formats jsvkit reads itself. */
export type BodyFormat = 'jsv' | 'json';

/** Default body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface BodyOptions {
  /** Largest body accepted, in bytes (default 1 MiB). Larger bodies answer 413. */
  limit?: number;
}

const BODY_FORMATS: Record<string, BodyFormat> = {
  'text/jsv': 'jsv',
  'application/jsv': 'jsv',
  'application/json': 'json',
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
