/**
 * What `codegen` and `readMetadata` throw for a document they cannot turn into schemas: a stable
 * `code`, the path into the document (`types[3].properties[2].type`) and a short message. A
 * document that does not even read carries the reader's `JsvError` as `cause` (with its line and
 * column when the document is JSV).
 */
export type CodegenErrorCode =
  /** The text is neither JSON nor JSV, or a member has the wrong shape (see `cause`). */
  | 'INVALID_DOCUMENT'
  /** A type reference names no type of the document, of .NET or of `jsvkit/servicestack`. */
  | 'UNKNOWN_TYPE'
  /** Two types of one namespace have the same name, or two operations the same request. */
  | 'DUPLICATE_TYPE'
  /** A class inherits from itself, directly or through others. */
  | 'INHERITANCE_CYCLE'
  /** A generic type refers to itself through its members: a factory cannot build it. */
  | 'GENERIC_CYCLE'
  /** A construct jsvkit schemas cannot express (named in the message). */
  | 'UNSUPPORTED'
  /** The host could not be reached, or answered with an error. */
  | 'FETCH_FAILED';

const BRAND = Symbol.for('jsvkit.CodegenError');

export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  constructor(
    readonly code: CodegenErrorCode,
    /** What went wrong, without the path. */
    readonly reason: string,
    /** Where in the document, e.g. `types[3].properties[2].type`; `''` for the document itself. */
    readonly path = '',
    options?: { cause?: unknown },
  ) {
    super(path ? `${reason} at ${path}` : reason, options);
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** True for a `CodegenError` from any copy of jsvkit. */
export function isCodegenError(error: unknown): error is CodegenError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
