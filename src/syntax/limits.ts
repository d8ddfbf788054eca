/**
 * The nesting limit every reader and writer enforces (`maxDepth`), and what becomes of a stack
 * overflow: the one place where the engine's `RangeError` turns into a `MAX_DEPTH` JsvError, so a
 * caller never sees anything but a JsvError for nesting, whatever `maxDepth` allowed.
 */
import { errorAt, writeError } from '../errors/jsv-error.js';

/**
 * Default nesting limit of parse, stringify, format and the typed layer. Documents 200 levels
 * deep parse by default; the recursive readers and writers stay well inside the stack they have
 * (see test/syntax/depth.test.ts).
 */
export const DEFAULT_MAX_DEPTH = 256;

/** The `maxDepth` option, checked: the default when absent, a TypeError when not a number ≥ 0. */
export function resolveMaxDepth(maxDepth: unknown): number {
  if (maxDepth === undefined) return DEFAULT_MAX_DEPTH;
  if (typeof maxDepth !== 'number' || !(maxDepth >= 0)) {
    throw new TypeError(`maxDepth must be a non-negative number, got ${String(maxDepth)}`);
  }
  return maxDepth;
}

/** Why text that opens one container too many is rejected. */
export function tooDeepToRead(maxDepth: number): string {
  return `Nesting is deeper than maxDepth (${maxDepth}); raise the maxDepth option if this document is trusted`;
}

/** Why a value nested one container too deep is not written. */
export function tooDeepToWrite(maxDepth: number): string {
  return `Nesting is deeper than maxDepth (${maxDepth})`;
}

/**
 * True for the engine's "Maximum call stack size exceeded" (V8 and JavaScriptCore word it so).
 * Other RangeErrors (a value's own checks, a string too long) are not about nesting and pass
 * through as they are. The test runs with the stack nearly full, so it calls nothing that needs
 * stack of its own (a regular expression would be compiled here, and overflow again).
 */
export function isStackOverflow(error: unknown): error is RangeError {
  return error instanceof RangeError && error.message.startsWith('Maximum call stack');
}

const STACK_REASON = 'Nesting is too deep for the call stack';

/** Why a value whose nesting outgrew the call stack is not written. */
export const STACK_OVERFLOW_WRITING = `${STACK_REASON}; lower maxDepth or flatten the value`;

/**
 * `error` as a `MAX_DEPTH` JsvError when it is a stack overflow while reading `text` (at `offset`,
 * in the value at `path`); any other error as it is. `advice` says what to do instead.
 */
export function readingOverflow(error: unknown, text: string, offset: number, path?: string, advice = 'lower maxDepth or flatten the document'): unknown {
  if (!isStackOverflow(error)) return error;
  return errorAt(text, offset, 'MAX_DEPTH', `${STACK_REASON}; ${advice}`, path || undefined);
}

/** `error` as a `MAX_DEPTH` JsvError when it is a stack overflow while writing the value at `path`. */
export function writingOverflow(error: unknown, path: string): unknown {
  if (!isStackOverflow(error)) return error;
  return writeError('MAX_DEPTH', STACK_OVERFLOW_WRITING, path);
}
