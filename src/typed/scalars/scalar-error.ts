/**
 * What a scalar reader throws when text is not a valid value of its type. It carries no position:
 * the typed decoder that called the reader knows where the text stands and turns it into a
 * `JsvError` with offset, line, column and path.
 */
import type { JsvErrorCode } from '../../errors/jsv-error.js';

export class ScalarError extends Error {
  constructor(
    readonly code: JsvErrorCode,
    /** A sentence a person can act on, e.g. `Expected a whole number from -2147483648 to 2147483647, found "1.5"`. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ScalarError';
  }
}
