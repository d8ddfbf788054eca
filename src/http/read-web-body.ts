/**
 * Reads a JSV or JSON request body from a Fetch API `Request` under the same rules as
 * `read-body.ts` applies to Node streams: declared and received bytes bounded by the limit, UTF-8
 * only, strict decoding. Uses only Web APIs, so `jsvkit/fetch` runs outside Node too.
 */
import { bodyFormatOf, checkBodyType, checkDeclaredLength, decodeUtf8, tooLarge } from './body-type.js';
import type { BodyText } from './read-body.js';
import { HttpError } from './response-status.js';

/**
 * Reads the body of `request` when its `Content-Type` is JSV or JSON; resolves `undefined`,
 * leaving the body unread, for any other or no type.
 *
 * @throws HttpError 413, 415 or 400, as `readBody` does.
 */
export async function readWebBody(request: Request, limit: number): Promise<BodyText | undefined> {
  const contentType = request.headers.get('content-type') ?? undefined;
  const format = bodyFormatOf(contentType);
  if (format === undefined || contentType === undefined) return undefined;
  checkBodyType(contentType);
  const declared = checkDeclaredLength(request.headers.get('content-length'), limit);
  if (request.body === null) return { format, text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const step = await reader.read().catch(() => {
      throw new HttpError(400, 'BadRequest', 'Request body was aborted by the client');
    });
    if (step.done) break;
    received += step.value.byteLength;
    if (received > limit) {
      // Stop the upload instead of buffering the rest.
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(step.value);
  }
  if (declared !== undefined && received !== declared) {
    throw new HttpError(400, 'BadRequest', 'Request body length does not match Content-Length');
  }
  return { format, text: decodeUtf8(concat(chunks, received)) };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
