/**
 * Reads a request body from a Node stream under jsvkit's rules, the same in every Node adapter:
 * - which bodies are read (`body-type.ts`): JSV, JSON and form posts; any other type is left
 *   unread and reported, so the caller decides (415 on a route that needs a body);
 * - `gzip`, `deflate` and `br` bodies are inflated with `node:zlib` (415 for other codings);
 * - the limit bounds the raw bytes (checked against `Content-Length` first) and the inflated
 *   bytes as they come out of the inflater, so a compression bomb stops at the limit (413);
 * - the whole body must arrive within `bodyTimeout` (408, and the connection closes); inflating
 *   what arrived is not counted against it;
 * - after a 413 or a 400 the rest of the upload is read and dropped (up to a budget), so a
 *   client still sending sees the answer on a connection that stays usable instead of a reset.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BodyCount, drainBudget, planBody, type ReadRules } from './body-count.js';
import { bodyTimedOut, decodeUtf8, type BodyFormat, type ContentCoding } from './body-type.js';
import { HttpError } from './response-status.js';

/** A body jsvkit has read: its format and its text. */
export interface BodyText {
  format: BodyFormat;
  text: string;
}

/**
 * What a request brought: no body, a body jsvkit read, or a body of a type it does not read
 * (left unread; `contentType` is `undefined` when the request named none).
 */
export type BodyRead = { kind: 'none' } | ({ kind: 'text' } & BodyText) | { kind: 'unsupported'; contentType: string | undefined };

/** The parts of a Node request stream the reader uses. */
export interface NodeBodyStream extends NodeJS.ReadableStream {
  destroy?(error?: Error): unknown;
}

/**
 * Reads the body of `stream` when it is JSV, JSON or a form post.
 *
 * @throws HttpError 413 (over the limit), 415 (a charset other than UTF-8, a malformed
 * `Content-Type`, an unknown `Content-Encoding`), 408 (slower than `bodyTimeout`), 400 (invalid
 * UTF-8, a body shorter or longer than `Content-Length`, a corrupt compressed body, an aborted
 * upload).
 */
export async function readBody(stream: NodeBodyStream, headers: IncomingHttpHeaders, rules: ReadRules): Promise<BodyRead> {
  const plan = planBody(
    { contentType: headers['content-type'], contentLength: headers['content-length'], transferEncoding: headers['transfer-encoding'], contentEncoding: headers['content-encoding'] },
    rules,
  );
  if (plan.kind !== 'read') return plan;
  const bytes = await collect(stream, plan.coding, plan.declared, rules);
  return { kind: 'text', format: plan.format, text: decodeUtf8(bytes) };
}

// zlib's default finish flush: compressed data cut short is an error, never a shorter body.
function inflaterFor(coding: Exclude<ContentCoding, 'identity'>) {
  if (coding === 'gzip') return createGunzip();
  if (coding === 'deflate') return createInflate();
  return createBrotliDecompress();
}

function collect(stream: NodeBodyStream, coding: ContentCoding, declared: number | undefined, rules: ReadRules): Promise<Uint8Array> {
  const { limit, bodyTimeout } = rules;
  return new Promise<Uint8Array>((resolve, reject) => {
    const count = new BodyCount(limit, declared, coding);
    let settled = false;
    let rawEnded = false;
    const inflater = coding === 'identity' ? undefined : inflaterFor(coding);
    const timer = setTimeout(() => fail(bodyTimedOut(bodyTimeout), false), bodyTimeout);

    // Counting errors (413, 400) leave the rest of the upload to be drained.
    const counted = (step: () => void): boolean => {
      try {
        step();
        return true;
      } catch (error) {
        fail(error as HttpError, true);
        return false;
      }
    };
    const onDecoded = (chunk: Buffer) => {
      counted(() => count.addDecoded(chunk));
    };
    const onRaw = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (!counted(() => count.addRaw(bytes.length))) return;
      if (inflater === undefined) onDecoded(bytes);
      else inflater.write(bytes);
    };
    const onRawEnd = () => {
      rawEnded = true;
      // The timeout bounds the client's sending; inflating what arrived is the server's own time.
      clearTimeout(timer);
      if (inflater === undefined) return finish();
      inflater.end();
    };
    const onAborted = () => fail(new HttpError(400, 'BadRequest', 'Request body was aborted by the client'), false);
    const onStreamError = () => onAborted();
    const onInflateError = () => fail(new HttpError(400, 'BadRequest', `Request body is not valid ${coding} data`), true);

    function cleanup(): void {
      clearTimeout(timer);
      stream.removeListener('data', onRaw);
      stream.removeListener('end', onRawEnd);
      stream.removeListener('aborted', onAborted);
      stream.removeListener('error', onStreamError);
      stream.removeListener('close', onClose);
      if (inflater !== undefined) {
        inflater.removeListener('data', onDecoded);
        inflater.removeListener('end', finish);
        // Errors after the end (a destroyed inflater) are of no interest.
        inflater.on('error', () => undefined);
        inflater.removeListener('error', onInflateError);
        inflater.destroy();
      }
    }
    function finish(): void {
      if (settled) return;
      settled = true;
      cleanup();
      try {
        resolve(count.bytes());
      } catch (error) {
        reject(error as HttpError);
      }
    }
    function fail(error: HttpError, drain: boolean): void {
      if (settled) return;
      settled = true;
      cleanup();
      if (drain) discardRest(stream, drainBudget(limit), bodyTimeout);
      else stream.pause();
      reject(error);
    }
    function onClose(): void {
      // 'close' before 'end': the client went away mid-body. (After 'end' the inflater may still
      // be at work.)
      if (!settled && !rawEnded) onAborted();
    }

    stream.on('data', onRaw);
    stream.on('end', onRawEnd);
    stream.on('aborted', onAborted);
    stream.on('error', onStreamError);
    stream.on('close', onClose);
    if (inflater !== undefined) {
      inflater.on('data', onDecoded);
      inflater.on('end', finish);
      inflater.on('error', onInflateError);
    }
    stream.resume();
  });
}

/**
 * Reads the rest of a refused upload and drops it, so the client can finish sending and read the
 * error on a connection that stays open. Past `budget` bytes or `timeout` ms the stream is
 * destroyed: by then the error answer has long been written.
 */
function discardRest(stream: NodeBodyStream, budget: number, timeout: number): void {
  let left = budget;
  const stop = () => {
    clearTimeout(timer);
    stream.removeListener('data', onData);
    if (typeof stream.destroy === 'function') stream.destroy();
  };
  const onData = (chunk: Buffer | string) => {
    left -= chunk.length;
    if (left < 0) stop();
  };
  const timer = setTimeout(stop, timeout);
  timer.unref?.();
  const done = () => {
    clearTimeout(timer);
    stream.removeListener('data', onData);
  };
  stream.on('data', onData);
  stream.once('end', done);
  stream.once('close', done);
  // A stream that has already ended has nothing left to drain.
  stream.on('error', () => undefined);
  stream.resume();
}
