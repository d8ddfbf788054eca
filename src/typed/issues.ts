/** Typed-layer issues: what `safeParse` and Standard Schema `validate` report, one per problem. */
import type { JsvError, JsvErrorCode } from '../errors/jsv-error.js';
import type { PathSegment } from '../syntax/path.js';

/** One problem found while decoding or checking a value. */
export interface JsvIssue {
  readonly code: JsvErrorCode;
  /** The full message, e.g. `Expected a whole number … at schedule.rules[2].priority (line 4, column 12)`. */
  readonly message: string;
  /** The message without path and position. */
  readonly reason: string;
  /**
   * The path as text, e.g. `schedule.rules[2].frequency`; `''` for the document itself. Past 32
   * levels only the innermost 32 are named, after `…`.
   */
  readonly path: string;
  /** The same path as keys and indexes, e.g. `['schedule', 'rules', 2, 'frequency']`. */
  readonly segments: readonly PathSegment[];
  /** Offset, 1-based line and column of the offending text; undefined for a value being written. */
  readonly offset: number | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
}

export function toIssue(error: JsvError, segments: readonly PathSegment[]): JsvIssue {
  return {
    code: error.code,
    message: error.message,
    reason: error.reason,
    path: error.path ?? '',
    segments,
    offset: error.offset,
    line: error.line,
    column: error.column,
  };
}

/** How many issues `safeParse` and Standard Schema `validate` collect before they stop. */
export const MAX_ISSUES = 100;

/** Thrown to stop collecting once `MAX_ISSUES` issues are known; the run returns what it has. */
export class IssueLimit extends Error {}
