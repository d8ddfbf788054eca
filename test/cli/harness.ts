/** Runs the CLI function with in-memory streams, or finds (or builds) the bin to spawn. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/run.js';

export interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Buffer;
  stderrTTY?: boolean;
  env?: Record<string, string | undefined>;
  progressDelayMs?: number;
}

function collector(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (isTTY) stream.isTTY = true;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Calls `run` directly, as the bin would, and collects what it writes. */
export async function cli(argv: string[], options: RunOptions = {}): Promise<Result> {
  const stdout = collector(false);
  const stderr = collector(options.stderrTTY ?? false);
  const stdin = Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]);
  const status = await run(argv, {
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    ...(options.progressDelayMs === undefined ? {} : { progressDelayMs: options.progressDelayMs }),
  });
  await new Promise((r) => setImmediate(r));
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** A stdout whose reader has gone away: every write fails with EPIPE, as after `| head`. */
export function brokenPipe(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
}

export const ROOT = resolve(import.meta.dirname, '../..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The built bin: `dist/cli.js` when it is newer than every source file, otherwise a fresh build
 * of the same entry with the same tool (tsup) into a cache folder inside the package, so the
 * bin still finds jsvkit's package.json above it.
 */
export async function builtBin(): Promise<string> {
  const dist = join(ROOT, 'dist/cli.js');
  if (existsSync(dist) && statSync(dist).mtimeMs > newestSource(join(ROOT, 'src'))) return dist;
  const outDir = join(ROOT, 'node_modules/.cache/jsvkit-cli-test');
  const { build } = await import('tsup');
  await build({ config: false, entry: { cli: join(ROOT, 'src/cli/main.ts') }, format: ['esm'], outDir, target: 'node20', silent: true, clean: false, splitting: false });
  return join(outDir, 'cli.js');
}

/** Spawns the bin with `args`, feeding `stdin`; `shell` runs a shell pipeline instead. */
export function spawnBin(bin: string, args: string[], stdin?: string, env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status: status ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
