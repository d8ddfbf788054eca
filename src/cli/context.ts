/**
 * What a command runs with: the streams, the environment, output with backpressure, progress,
 * and one way to report bad input. Commands return an exit status instead of exiting.
 */
import type { Readable, Writable } from 'node:stream';
import { isJsvError } from '../errors/jsv-error.js';
import type { Conversion } from '../syntax/conversion.js';
import { displayName, InputError, Output, readText } from './io.js';
import { Progress } from './progress.js';
import { colorEnabled, describeError, type Env } from './report.js';

/** Exit statuses: success, bad input (malformed, unformatted or unreadable), usage error. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** The world the CLI sees; the bin passes the process's, tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Environment variables (`NO_COLOR`, `TERM`); default none. */
  env?: Env;
  /** Progress appears once a run has taken this long (default 1000 ms), and only on a TTY stderr. */
  progressDelayMs?: number;
}

/** Characters of output gathered before they are written. */
export const OUTPUT_CHUNK = 1 << 16;

export class CliContext {
  readonly output: Output;
  readonly env: Env;
  private readonly color: boolean;

  constructor(readonly io: CliIo) {
    this.env = io.env ?? {};
    this.output = new Output(io.stdout);
    this.color = colorEnabled(io.stderr, this.env);
  }

  progress(source: string): Progress {
    return new Progress(this.io.stderr, this.io.stderr.isTTY === true, `jsvkit: ${displayName(source)}`, this.io.progressDelayMs ?? 1000);
  }

  error(message: string): void {
    this.io.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  }

  /** Reads `source`; on failure reports it and returns undefined. */
  async read(source: string, progress: Progress): Promise<string | undefined> {
    try {
      return await readText(source, this.io.stdin, progress);
    } catch (error) {
      progress.clear();
      if (error instanceof InputError) {
        this.error(`jsvkit: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }

  /**
   * Reports a `JsvError` found in `text` (from `source`) as `file:line:column: message`, the line
   * and a caret, and returns EXIT_BAD_INPUT; anything else is not bad input and is rethrown.
   */
  reportBadInput(error: unknown, text: string, source: string): number {
    if (!isJsvError(error)) throw error;
    this.error(describeError(text, error, displayName(source), this.color));
    return EXIT_BAD_INPUT;
  }

  /** Writes `text` in pieces, so a large result is never copied whole into one buffer. */
  async writeAll(text: string): Promise<void> {
    for (let i = 0; i < text.length && !this.output.closed; i += OUTPUT_CHUNK) {
      await this.output.write(text.slice(i, i + OUTPUT_CHUNK));
    }
  }

  /** Reads `file` (`-`: standard input) for a command; undefined, after reporting, when it cannot. */
  async readInput(file: string): Promise<Input | undefined> {
    const progress = this.progress(file);
    const text = await this.read(file, progress);
    return text === undefined ? undefined : { file, text, progress };
  }

  /**
   * Runs the conversion `start` begins over `input` to its end. At each pause the output gathered
   * so far goes to `flush` once there is enough of it (and at the end), and progress is redrawn;
   * it stops early when stdout's reader has gone away. False, after reporting it as
   * `file:line:column`, when the input is bad.
   */
  async convert(input: Input, phase: string, start: () => Conversion, flush: (out: string) => void | Promise<void>): Promise<boolean> {
    const { text, progress } = input;
    try {
      const { steps, output, position } = start();
      for (;;) {
        const step = steps.next();
        if (step.done || output.out.length >= OUTPUT_CHUNK) {
          const out = output.out;
          output.out = '';
          await flush(out);
          if (this.output.closed) break;
        }
        if (step.done) break;
        progress.update(phase, position(), text.length);
      }
      progress.clear();
      return true;
    } catch (error) {
      progress.clear();
      this.reportBadInput(error, text, input.file);
      return false;
    }
  }
}

/** An input file read for a command, and the progress line that reports on it. */
export interface Input {
  file: string;
  text: string;
  progress: Progress;
}
