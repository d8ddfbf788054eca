/**
 * Reads a request body from a Fetch API `Request` under the same rules as `read-body.ts` applies
 * to Node streams: JSV, JSON and form posts only, `gzip`/`deflate`/`br` inflated with the limit
 * on raw and inflated bytes, the body timeout, and the rest of a refused upload read and dropped.
 * Inflating uses `DecompressionStream`; `br`, which not every runtime's `DecompressionStream`
 * takes, falls back to `node:zlib` where there is one (loaded only then, so `jsvkit/fetch` still
 * runs outside Node).
 */
import {
  bodyFormatOf,
  bodyTimedOut,
  checkBodyType,
  checkDeclaredLength,
  contentCodingOf,
  decodeUtf8,
  hasBody,
  tooLarge,
  type ContentCoding,
} from './body-type.js';
import { drainBudget, type BodyRead, type ReadRules } from './read-body.js';
import { HttpError } from './response-status.js';

/**
 * Reads the body of `request` when it is JSV, JSON or a form post; any other type is reported and
 * left unread.
 *
 * @throws HttpError 413, 415, 408 or 400, as `readBody` does.
 */
export async function readWebBody(request: Request, rules: ReadRules): Promise<BodyRead> {
  const headers = request.headers;
  const contentType = headers.get('content-type') ?? undefined;
  if (request.body === null || !hasBody(headers.get('content-length'), headers.get('transfer-encoding'))) {
    // Runtimes that drop Transfer-Encoding still hand over a body stream: read it when typed.
    if (request.body === null || bodyFormatOf(contentType) === undefined) return { kind: 'none' };
  }
  const format = bodyFormatOf(contentType);
  if (format === undefined || contentType === undefined) return { kind: 'unsupported', contentType };
  checkBodyType(contentType);
  const coding = contentCodingOf(headers.get('content-encoding'));
  const declared = checkDeclaredLength(headers.get('content-length'), rules.limit);
  const bytes = await collect(request.body, coding, declared, rules);
  return { kind: 'text', format, text: decodeUtf8(bytes) };
}

interface Inflater {
  writable: WritableStream<Uint8Array>;
  readable: ReadableStream<Uint8Array>;
}

async function inflaterFor(coding: Exclude<ContentCoding, 'identity'>): Promise<Inflater> {
  if (coding !== 'br') return new DecompressionStream(coding);
  try {
    return new DecompressionStream('br' as ConstructorParameters<typeof DecompressionStream>[0]);
  } catch {
    // Not a format this runtime's DecompressionStream knows: use node:zlib where it exists.
  }
  try {
    const [{ createBrotliDecompress }, { Duplex }] = await Promise.all([import('node:zlib'), import('node:stream')]);
    return Duplex.toWeb(createBrotliDecompress()) as unknown as Inflater;
  } catch {
    throw new HttpError(415, 'UnsupportedMediaType', 'Content-Encoding br is not supported by this runtime: send gzip or deflate');
  }
}

class Deadline {
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly expired: Promise<never>;

  constructor(timeout: number) {
    this.expired = new Promise<never>((_resolve, reject) => {
      this.timer = setTimeout(() => reject(bodyTimedOut(timeout)), timeout);
    });
    // Nobody may be waiting on it when it fires.
    this.expired.catch(() => undefined);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

async function collect(body: ReadableStream<Uint8Array>, coding: ContentCoding, declared: number | undefined, rules: ReadRules): Promise<Uint8Array> {
  const { limit, bodyTimeout } = rules;
  const deadline = new Deadline(bodyTimeout);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let decoded = 0;
  const take = (chunk: Uint8Array) => {
    decoded += chunk.byteLength;
    if (decoded > limit) throw tooLarge(limit);
    chunks.push(chunk);
  };

  let inflater: Inflater | undefined;
  let writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  let inflated: Promise<void> | undefined;
  let outputReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let raw = 0;
  try {
    if (coding !== 'identity') {
      inflater = await inflaterFor(coding);
      writer = inflater.writable.getWriter();
      outputReader = inflater.readable.getReader();
      const output = outputReader;
      inflated = (async () => {
        for (;;) {
          const step = await output.read().catch(() => {
            throw new HttpError(400, 'BadRequest', `Request body is not valid ${coding} data`);
          });
          if (step.done) return;
          take(step.value);
        }
      })();
      // A failure of the inflated side ends the raw loop below at its next step.
      inflated.catch(() => undefined);
    }
    for (;;) {
      const pending: Promise<ReadableStreamReadResult>[] = [
        reader.read().catch(() => {
          throw new HttpError(400, 'BadRequest', 'Request body was aborted by the client');
        }),
        deadline.expired,
      ];
      if (inflated !== undefined) pending.push(inflated.then(() => ({ done: true, value: undefined })));
      const step = await Promise.race(pending);
      if (step.done) break;
      raw += step.value.byteLength;
      if (raw > limit) throw tooLarge(limit);
      if (declared !== undefined && coding === 'identity' && raw > declared) throw lengthMismatch();
      if (writer === undefined) take(step.value);
      else {
        await Promise.race([writer.ready, deadline.expired]);
        writer.write(step.value).catch(() => undefined);
      }
    }
    // The deadline bounds the client's sending; inflating what arrived is the server's own time.
    deadline.clear();
    if (writer !== undefined && inflated !== undefined) {
      writer.close().catch(() => undefined);
      await inflated;
    }
    if (declared !== undefined && coding === 'identity' && raw !== declared) throw lengthMismatch();
  } catch (error) {
    writer?.abort().catch(() => undefined);
    outputReader?.cancel().catch(() => undefined);
    const status = (error as { status?: unknown }).status;
    if (status === 408) void reader.cancel().catch(() => undefined);
    else void discardRest(reader, drainBudget(limit), bodyTimeout);
    throw error;
  } finally {
    deadline.clear();
  }
  return concat(chunks, decoded);
}

type ReadableStreamReadResult = { done: true; value?: Uint8Array | undefined } | { done: false; value: Uint8Array };

function lengthMismatch(): HttpError {
  return new HttpError(400, 'BadRequest', 'Request body length does not match Content-Length');
}

/**
 * Reads the rest of a refused upload and drops it, so that a client still sending can finish and
 * read the error; past `budget` bytes or `timeout` ms the upload is cancelled.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number, timeout: number): Promise<void> {
  const deadline = new Deadline(timeout);
  let left = budget;
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), deadline.expired]);
      if (step.done) return;
      left -= step.value.byteLength;
      if (left < 0) break;
    }
  } catch {
    // Timed out or aborted: cancel below.
  } finally {
    deadline.clear();
  }
  await reader.cancel().catch(() => undefined);
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
