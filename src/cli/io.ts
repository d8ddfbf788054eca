/**
 * Reading a whole input (a file, or stdin for `-`) as text, and writing output with
 * backpressure. At most the input's bytes and its text are alive at once; output goes out in
 * pieces as it is produced.
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
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
 * The text of `source` (a path, or `-` for `stdin`), decoded as UTF-8. The bytes are gathered
 * into one buffer, checked, and decoded once: V8 then stores ASCII text one byte per character,
 * so the peak is the bytes plus the text. A byte-order mark is kept (the JSV reader skips it,
 * and `fmt --check` must see it).
 *
 * @throws InputError when the file cannot be read or is not valid UTF-8.
 */
export async function readText(source: string, stdin: Readable, progress: Progress): Promise<string> {
  const bytes = source === '-' ? await readStream(stdin, progress) : await readFile(source, progress);
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
    throw new InputError(`${displayName(source)}:${line}: not UTF-8 text: byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} does not continue a valid character`);
  }
  return bytes.toString('utf8');
}

async function readFile(path: string, progress: Progress): Promise<Buffer> {
  let file: FileHandle | undefined;
  try {
    file = await open(path, 'r');
    const info = await file.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // Regular files are read straight into a buffer of their size; others (pipes, devices) as streams.
    if (!info.isFile()) return await readStream(file.createReadStream({ highWaterMark: READ_CHUNK, autoClose: false }), progress);
    const size = info.size;
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await file.read(bytes, filled, Math.min(READ_CHUNK, size - filled), filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      progress.update('reading', filled, size);
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${reasonOf(error)}`);
  } finally {
    await file?.close();
  }
}

async function readStream(stream: Readable, progress: Progress): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(data);
      length += data.length;
      progress.update('reading', length, undefined);
    }
  } catch (error) {
    throw new InputError(`cannot read standard input: ${reasonOf(error)}`);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

/** The name errors show for an input. */
export function displayName(source: string): string {
  return source === '-' ? '<stdin>' : source;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) follow = 1;
    else if (b === 0xe0) (follow = 2), (low = 0xa0);
    else if (b === 0xed) (follow = 2), (high = 0x9f);
    else if (b >= 0xe1 && b <= 0xef) follow = 2;
    else if (b === 0xf0) (follow = 3), (low = 0x90);
    else if (b === 0xf4) (follow = 3), (high = 0x8f);
    else if (b >= 0xf1 && b <= 0xf3) follow = 3;
    else return i;
    for (let k = 1; k <= follow; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += follow + 1;
  }
  return n;
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
