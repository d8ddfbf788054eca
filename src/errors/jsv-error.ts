/**
 * The one error type of jsvkit: every malformed text, every value that cannot be written and
 * every typed-decoding failure surfaces as a `JsvError` with a stable `code`.
 */
import { locate } from './source-position.js';

/** Stable, documented error codes (see docs/errors.md). */
export type JsvErrorCode =
  // syntax
  | 'UNEXPECTED_TOKEN'
  | 'UNEXPECTED_END'
  | 'UNTERMINATED_STRING'
  | 'TRAILING_INPUT'
  | 'DUPLICATE_KEY'
  | 'MAX_DEPTH'
  // writer
  | 'UNSUPPORTED_VALUE'
  | 'UNREPRESENTABLE_VALUE'
  | 'CIRCULAR_REFERENCE'
  // typed layer
  | 'INVALID_TYPE'
  | 'INVALID_NUMBER'
  | 'INVALID_BOOLEAN'
  | 'INVALID_DATE'
  | 'INVALID_TIMESPAN'
  | 'INVALID_GUID'
  | 'INVALID_CHAR'
  | 'INVALID_BYTES'
  | 'INVALID_ENUM'
  | 'OUT_OF_RANGE'
  | 'MISSING_REQUIRED'
  | 'UNKNOWN_PROPERTY'
  | 'NULL_ELEMENT';

/**
 * Where an error points: an offset into the text plus its 1-based line and column. A value being
 * written has no text, so a write error has no position, only a path.
 */
export interface JsvErrorInit {
  code: JsvErrorCode;
  /** What went wrong, without the position (the position is appended to `message`). */
  reason: string;
  offset?: number;
  line?: number;
  column?: number;
  /** Path into the data, such as `schedule.rules[2].frequency`. */
  path?: string;
  cause?: unknown;
}

/** Longest reason and path a `message` shows; `reason` and `path` themselves are kept whole. */
const MESSAGE_REASON = 180;
const MESSAGE_PATH = 80;

/** `text` cut to `max` characters by replacing its middle with `…`, keeping both ends readable. */
export function elideMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

// A registry symbol survives the ESM and CJS copies of this module, so `isJsvError` works on an
// error thrown by either copy, where `instanceof` would not.
const BRAND = Symbol.for('jsvkit.JsvError');

export class JsvError extends SyntaxError {
  readonly code: JsvErrorCode;
  /** 0-based offset into the text, in UTF-16 code units; undefined for a value being written. */
  readonly offset: number | undefined;
  /** 1-based line; undefined for a value being written. */
  readonly line: number | undefined;
  /** 1-based column, in UTF-16 code units; undefined for a value being written. */
  readonly column: number | undefined;
  /** Path into the data where the error belongs, such as `rules[2].frequency` (whole, however long). */
  readonly path: string | undefined;
  /** The message without path and position. */
  readonly reason: string;

  /**
   * `message` is the reason, ` at ` the path and the position, kept under 300 characters: a long
   * reason or path loses its middle there (the `reason` and `path` properties keep everything).
   */
  constructor(init: JsvErrorInit) {
    const where = init.path ? ` at ${elideMiddle(init.path, MESSAGE_PATH)}` : '';
    const position = init.line === undefined ? '' : ` (line ${init.line}, column ${init.column})`;
    super(`${elideMiddle(init.reason, MESSAGE_REASON)}${where}${position}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'JsvError';
    this.code = init.code;
    this.offset = init.offset;
    this.line = init.line;
    this.column = init.column;
    this.path = init.path;
    this.reason = init.reason;
    Object.defineProperty(this, BRAND, { value: true });
  }

  toJSON(): { name: string; code: JsvErrorCode; message: string; offset?: number; line?: number; column?: number; path?: string } {
    const json: ReturnType<JsvError['toJSON']> = { name: this.name, code: this.code, message: this.message };
    if (this.offset !== undefined) {
      json.offset = this.offset;
      json.line = this.line;
      json.column = this.column;
    }
    if (this.path !== undefined) json.path = this.path;
    return json;
  }

  /** The same error, placed at `path` in the data (syntax errors learn their path as they rise). */
  atPath(path: string): JsvError {
    return new JsvError({ code: this.code, reason: this.reason, offset: this.offset, line: this.line, column: this.column, path });
  }
}

/** True for a `JsvError` from any copy of jsvkit (ESM or CJS). */
export function isJsvError(error: unknown): error is JsvError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

/** Builds a `JsvError` that points at `offset` in `text`. */
export function errorAt(text: string, offset: number, code: JsvErrorCode, reason: string, path?: string): JsvError {
  const { line, column } = locate(text, offset);
  return new JsvError({ code, reason, offset, line, column, path });
}

/** Builds a `JsvError` for a value being written: there is no text, so only the path says where. */
export function writeError(code: JsvErrorCode, reason: string, path: string): JsvError {
  return new JsvError({ code, reason, path: path || undefined });
}
