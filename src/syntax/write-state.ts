/**
 * The state of one write, shared by the untyped writer (`stringify(value)`) and the typed encoders
 * (`stringify(value, schema)`, which extend it): the output, the nesting (checked against
 * `maxDepth`), cycle detection, and the path of the value being written for error messages. A
 * `t.any()` member is written by the untyped writer on the same state, so its errors carry the
 * whole path and its nesting counts towards the same limit.
 */
import { writeError, type JsvErrorCode } from '../errors/jsv-error.js';
import { ChunkedOutput } from './chunked-output.js';
import { tooDeepToWrite } from './limits.js';
import { formatPath, type PathSegment } from './path.js';

export class WriteState extends ChunkedOutput {
  /** Containers open, outermost first. */
  depth = 0;
  /** Per open container, the key or index being written inside it: the path of the current value. */
  readonly keys: PathSegment[] = [];
  /** The open containers themselves, for cycles; entries past `depth` are stale and never read. */
  private readonly parents: unknown[] = [];

  constructor(readonly maxDepth: number) {
    super();
  }

  /** The path of the value being written, plus `extra` inside it. */
  path(extra?: PathSegment): string {
    const path = formatPath(this.keys, this.depth);
    return extra === undefined ? path : formatPath([...this.keys.slice(0, this.depth), extra]);
  }

  /**
   * Reports a value that cannot be written (at `extra` inside the current one). The untyped writer
   * throws it; the typed encoder, when collecting issues, records it and lets the write go on.
   */
  fail(code: JsvErrorCode, reason: string, extra?: PathSegment): void {
    throw writeError(code, reason, this.path(extra));
  }

  /**
   * Opens `container`; false (after reporting) when it would nest deeper than `maxDepth`. A value
   * that contains itself nests without end, so cycles are looked for only there: writing pays one
   * store per container, and the open containers are searched once, when the limit is reached.
   */
  enter(container: object): boolean {
    const depth = this.depth;
    if (depth >= this.maxDepth) {
      if (this.isOpen(container)) this.fail('CIRCULAR_REFERENCE', 'Cannot write a value that contains itself');
      else this.fail('MAX_DEPTH', tooDeepToWrite(this.maxDepth));
      return false;
    }
    this.parents[depth] = container;
    this.depth = depth + 1;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  private isOpen(container: object): boolean {
    for (let i = 0; i < this.depth; i++) if (this.parents[i] === container) return true;
    return false;
  }
}
