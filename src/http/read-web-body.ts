/**
 * Reads a request body from a Fetch API `Request` under the same rules as `read-body.ts` applies
 * to Node streams: JSV, JSON and form posts only, `gzip`/`deflate`/`br` inflated with the limit
 * on raw and inflated bytes, the body timeout, and the rest of a refused upload read and dropped.
 * Inflating uses `DecompressionStream`; `br`, which not every runtime's `DecompressionStream`
 * takes, falls back to `node:zlib` where there is one (loaded only then, so `jsvkit/fetch` still
 * runs outside Node).
 */
import { BodyCount, drainBudget, planBody, type ReadRules } from './body-count.js';
import { bodyTimedOut, decodeUtf8, type ContentCoding } from './body-type.js';
import type { BodyRead } from './read-body.js';
import { HttpError } from './response-status.js';

/**
 * Reads the body of `request` when it is JSV, JSON or a form post; any other type is reported and
 * left unread.
 *
 * @throws HttpError 413, 415, 408 or 400, as `readBody` does.
 */
export async function readWebBody(request: Request, rules: ReadRules): Promise<BodyRead> {
  const headers = request.headers;
  if (request.body === null) return { kind: 'none' };
  // Runtimes that drop Transfer-Encoding still hand over a body stream: it is read when typed.
  const plan = planBody(
    { contentType: headers.get('content-type') ?? undefined, contentLength: headers.get('content-length'), transferEncoding: headers.get('transfer-encoding'), contentEncoding: headers.get('content-encoding') },
    rules,
    true,
  );
  if (plan.kind !== 'read') return plan;
  const bytes = await collect(request.body, plan.coding, plan.declared, rules);
  return { kind: 'text', format: plan.format, text: decodeUtf8(bytes) };
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
  const count = new BodyCount(limit, declared, coding);
  const take = (chunk: Uint8Array) => count.addDecoded(chunk);

  let inflater: Inflater | undefined;
  let writer: WritableStreamDefaultWriter<Uint8Array> | undefined;
  let inflated: Promise<void> | undefined;
  let outputReader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let bytes: Uint8Array;
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
      count.addRaw(step.value.byteLength);
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
    bytes = count.bytes();
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
  return bytes;
}

type ReadableStreamReadResult = { done: true; value?: Uint8Array | undefined } | { done: false; value: Uint8Array };

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
