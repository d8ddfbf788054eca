/**
 * The state of one typed encode: the text written so far, the path being written (for error
 * messages only) and the write-side options, as ServiceStack's `JsConfig` has them.
 */
import { writeError, type JsvErrorCode } from '../errors/jsv-error.js';
import { ChunkedOutput } from '../syntax/chunked-output.js';
import { resolveMaxDepth, tooDeepToWrite } from '../syntax/limits.js';
import { formatPath, type PathSegment } from '../syntax/path.js';
import { IssueLimit, MAX_ISSUES, toIssue, type JsvIssue } from './issues.js';
import { TEXT_CASES, type TextCase } from './text-case.js';

/** Options of the typed `stringify`. */
export interface TypedStringifyOptions {
  /**
   * How property names are written (default `'default'`: as declared). `'camelCase'` and
   * `'snake_case'` follow ServiceStack's ToCamelCase and ToLowercaseUnderscore; `'PascalCase'`
   * upper-cases the first letter. Dictionary keys and enum names are never converted.
   */
  textCase?: TextCase;
  /**
   * Accepted for parity with `JsConfig.IncludeNullValues`, and like ServiceStack's JSV writer it has
   * no effect: JSV has no null literal, so null properties are always left out.
   */
  includeNullValues?: boolean;
  /** Leave out properties holding their type's default (0, False, an empty Guid, …); enums are kept (default false). */
  excludeDefaultValues?: boolean;
  /** Deepest nesting written (default 256); deeper values throw `MAX_DEPTH`. */
  maxDepth?: number;
}

export class Encoding extends ChunkedOutput {
  readonly keys: PathSegment[] = [];
  level = 0;
  readonly caseIndex: number;
  readonly excludeDefaults: boolean;
  readonly maxDepth: number;
  readonly issues: JsvIssue[] = [];
  private readonly parents: unknown[] = [];
  private depth = 0;

  constructor(
    options: TypedStringifyOptions | undefined,
    /** Collect every issue (validate) instead of throwing the first (stringify). */
    readonly collect: boolean,
  ) {
    super();
    const textCase = options?.textCase ?? 'default';
    this.caseIndex = TEXT_CASES.indexOf(textCase);
    if (this.caseIndex < 0) throw new TypeError(`textCase must be one of ${TEXT_CASES.map((c) => `'${c}'`).join(', ')}, got ${String(textCase)}`);
    this.excludeDefaults = options?.excludeDefaultValues === true;
    this.maxDepth = resolveMaxDepth(options?.maxDepth);
  }

  /** Reports a value that cannot be written: throws it (stringify) or records it (validate). */
  fail(code: JsvErrorCode, reason: string, extra?: PathSegment): void {
    const segments = this.keys.slice(0, this.level);
    if (extra !== undefined) segments.push(extra);
    const error = writeError(code, reason, formatPath(segments));
    if (!this.collect) throw error;
    this.issues.push(toIssue(error, segments));
    if (this.issues.length >= MAX_ISSUES) throw new IssueLimit();
  }

  /** Enters a container; false (after reporting) when it is too deep or contains itself. */
  enter(container: unknown): boolean {
    if (this.depth >= this.maxDepth) {
      if (this.parents.includes(container)) this.fail('CIRCULAR_REFERENCE', 'Cannot write a value that contains itself');
      else this.fail('MAX_DEPTH', tooDeepToWrite(this.maxDepth));
      return false;
    }
    this.parents[this.depth++] = container;
    return true;
  }

  leave(): void {
    this.parents[--this.depth] = undefined;
  }
}

/** What a JavaScript value looks like in an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'a Map';
  if (value instanceof Date) return 'a Date';
  switch (typeof value) {
    case 'string':
      return value.length > 24 ? `the string ${JSON.stringify(value.slice(0, 24))}…` : `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}${typeof value === 'bigint' ? 'n' : ''}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}
