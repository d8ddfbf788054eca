/**
 * Reads a JSV or JSON request body from a Node stream under jsvkit's rules, the same in every
 * adapter: a byte limit checked against `Content-Length` before reading and against the bytes
 * received (`raw-body`), UTF-8 only (415 otherwise), and strict decoding (400 on a bad byte).
 */
import type { IncomingHttpHeaders } from 'node:http';
import getRawBody from 'raw-body';
import { bodyFormatOf, checkBodyType, checkDeclaredLength, decodeUtf8, tooLarge, type BodyFormat } from './body-type.js';
import { HttpError } from './response-status.js';

/** A body jsvkit has read: its format and its text. */
export interface BodyText {
  format: BodyFormat;
  text: string;
}

/**
 * Reads the body of `stream` when its `Content-Type` is JSV (`text/jsv`, `application/jsv`) or
 * JSON; resolves `undefined`, reading nothing, for any other or no type.
 *
 * @throws HttpError 413 (over `limit` bytes), 415 (a charset other than UTF-8, a malformed
 * `Content-Type`), 400 (invalid UTF-8, a body shorter or longer than `Content-Length`, an
 * aborted upload).
 */
export async function readBody(
  stream: NodeJS.ReadableStream,
  headers: IncomingHttpHeaders,
  limit: number,
): Promise<BodyText | undefined> {
  const contentType = headers['content-type'];
  const format = bodyFormatOf(contentType);
  if (format === undefined || contentType === undefined) return undefined;
  checkBodyType(contentType);
  const length = checkDeclaredLength(headers['content-length'], limit);

  let bytes: Buffer;
  try {
    bytes = await getRawBody(stream, { limit, length: length ?? null });
  } catch (error) {
    throw fromRawBodyError(error, limit);
  }
  return { format, text: decodeUtf8(bytes) };
}

function fromRawBodyError(error: unknown, limit: number): Error {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return tooLarge(limit);
  if (type === 'request.size.invalid') return new HttpError(400, 'BadRequest', 'Request body length does not match Content-Length');
  if (type === 'request.aborted') return new HttpError(400, 'BadRequest', 'Request body was aborted by the client');
  return error instanceof Error ? error : new Error(String(error));
}
