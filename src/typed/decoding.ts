/**
 * The state of one typed decode: the scanner cursor, the path being read (kept as a stack of keys
 * and indexes, turned into text only when an issue is reported) and the issues found so far.
 */
import { errorAt, isJsvError, JsvError, type JsvErrorCode } from '../errors/jsv-error.js';
import { readingOverflow } from '../syntax/limits.js';
import { formatPath, joinPaths, type PathSegment } from '../syntax/path.js';
import { BARE, describeChar, LIST, MAP, QUOTED, Scanner, type Context, type ValueKind } from '../syntax/scanner.js';
import type { ParseOptions } from '../syntax/options.js';
import { IssueLimit, MAX_ISSUES, toIssue, type JsvIssue } from './issues.js';

/** Options of the typed `parse` and `safeParse`. */
export interface TypedParseOptions extends Omit<ParseOptions, 'engine'> {
  /**
   * Reject properties the object schema does not declare (`UNKNOWN_PROPERTY`). Default false:
   * unknown properties are skipped, as ServiceStack does (servers add fields over time).
   */
  strict?: boolean;
}

export class Decoding {
  readonly scanner: Scanner;
  readonly text: string;
  readonly strict: boolean;
  readonly issues: JsvIssue[] = [];
  /** Keys and indexes leading to the value being read; `level` of them are current. */
  readonly keys: PathSegment[] = [];
  level = 0;
  /** The last error `report` threw, so the top level can tell it from a syntax error. */
  thrown: JsvError | undefined;

  constructor(
    text: string,
    options: TypedParseOptions | undefined,
    /** Collect every issue (safeParse) instead of throwing the first (parse). */
    readonly collect: boolean,
  ) {
    this.scanner = new Scanner(text, options);
    this.text = text;
    this.strict = options?.strict === true;
  }

  /** The current path plus `extra`. */
  segments(extra?: PathSegment): PathSegment[] {
    const segments = this.keys.slice(0, this.level);
    if (extra !== undefined) segments.push(extra);
    return segments;
  }

  /**
   * Reports a problem at `offset`: throws it as a `JsvError` (parse), or records it and returns
   * `undefined` so decoding goes on (safeParse).
   */
  report(code: JsvErrorCode, reason: string, offset: number, extra?: PathSegment): undefined {
    const segments = this.segments(extra);
    const error = errorAt(this.text, offset, code, reason, formatPath(segments) || undefined);
    if (!this.collect) {
      this.thrown = error;
      throw error;
    }
    this.issues.push(toIssue(error, segments));
    if (this.issues.length >= MAX_ISSUES) throw new IssueLimit();
    return undefined;
  }

  /** Reports a value of the wrong shape (a list where a number belongs, …) and passes over it. */
  wrongShape(ctx: Context, kind: ValueKind, expected: string): undefined {
    const start = this.scanner.start;
    this.report('INVALID_TYPE', `Expected ${expected}, found ${this.describe(kind, start)}`, start);
    this.scanner.skipValue(ctx);
    return undefined;
  }

  describe(kind: ValueKind, start: number): string {
    if (kind === MAP) return 'a map ({…})';
    if (kind === LIST) return 'a list ([…])';
    if (kind === QUOTED) return 'a quoted string';
    if (kind === BARE) {
      const text = this.text;
      let end = start;
      while (end < text.length && end - start < 24 && !',}]'.includes(text[end]!)) end++;
      return JSON.stringify(text.slice(start, end));
    }
    return describeChar(this.text, start);
  }

  /**
   * Turns what escaped the decoders into the final error: a syntax error gets the typed path it
   * happened at; a stack overflow from a very deep document becomes `MAX_DEPTH`.
   */
  finalError(error: unknown): unknown {
    if (error === this.thrown) return error;
    const path = formatPath(this.keys, this.level);
    if (isJsvError(error)) return path === '' ? error : error.atPath(joinPaths(path, error.path));
    return readingOverflow(error, this.text, this.scanner.pos, path);
  }
}
