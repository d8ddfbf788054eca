/**
 * Reading a whole input (a file, or stdin for `-`) as text, and writing output with
 * backpressure. Input is decoded chunk by chunk, so at most the decoded pieces and their joined
 * text are alive at once (twice the text); output goes out in pieces as it is produced.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import type { Progress } from './progress.js';

/** Reading failed for a reason the user can act on (a missing file, bytes that are not UTF-8). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const READ_CHUNK = 1 << 20;

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The text of `source` (a path, or `-` for `stdin`), decoded as UTF-8. A byte-order mark is kept
 * (the JSV reader skips it, and `fmt --check` must see it).
 *
 * @throws InputError when the file cannot be read or is not valid UTF-8.
 */
export async function readText(source: string, stdin: Readable, progress: Progress): Promise<string> {
  let stream: Readable;
  let total: number | undefined;
  if (source === '-') {
    stream = stdin;
  } else {
    try {
      const info = await stat(source);
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      total = info.size;
    } catch (error) {
      throw new InputError(`cannot read ${source}: ${reasonOf(error)}`);
    }
    stream = createReadStream(source, { highWaterMark: READ_CHUNK });
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let bytes = 0;
  let previous: Uint8Array | undefined;
  try {
    for await (const chunk of stream) {
      const data: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      try {
        parts.push(decoder.decode(data, { stream: true }));
      } catch {
        throw new InputError(`${displayName(source)}: not UTF-8 text (invalid byte at offset ${bytes - tailLength(previous) + firstInvalidUtf8(previous, data)})`);
      }
      bytes += data.length;
      previous = data;
      progress.update('reading', bytes, total);
    }
    try {
      parts.push(decoder.decode());
    } catch {
      throw new InputError(`${displayName(source)}: not UTF-8 text (it ends inside a multi-byte character)`);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${displayName(source)}: ${reasonOf(error)}`);
  } finally {
    if (source !== '-') stream.destroy();
  }
  return parts.length === 1 ? parts[0]! : parts.join('');
}

/** The name errors show for an input. */
export function displayName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

/** Up to the last 3 bytes of the previous chunk: a character split across chunks starts there. */
function tailLength(previous: Uint8Array | undefined): number {
  return previous === undefined ? 0 : Math.min(3, previous.length);
}

/** Offset of the first byte that breaks UTF-8, counted from the start of the previous chunk's tail. */
function firstInvalidUtf8(previous: Uint8Array | undefined, chunk: Uint8Array): number {
  const tail = tailLength(previous);
  const bytes = new Uint8Array(tail + chunk.length);
  if (previous !== undefined) bytes.set(previous.subarray(previous.length - tail), 0);
  bytes.set(chunk, tail);
  // Start at a character boundary inside the tail (skip continuation bytes).
  let i = 0;
  while (i < tail && (bytes[i]! & 0xc0) === 0x80) i++;
  const strict = new TextDecoder('utf-8', { fatal: true });
  // Grow the prefix one character at a time until it stops decoding; only runs on bad input.
  let good = i;
  while (good < bytes.length) {
    const lead = bytes[good]!;
    const size = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    try {
      strict.decode(bytes.subarray(good, good + size));
    } catch {
      return good;
    }
    good += size;
  }
  return good;
}

/**
 * Output with backpressure. When the reader goes away (EPIPE, as after `| head`) the output
 * closes quietly and the command stops; any other write failure is kept for the exit status.
 */
export class Output {
  /** The reader went away; nothing more will be written. */
  closed = false;
  /** A write failure other than EPIPE. */
  failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.closed = true;
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') this.failure ??= error;
    });
  }

  async write(text: string): Promise<void> {
    if (this.closed || text.length === 0) return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}
