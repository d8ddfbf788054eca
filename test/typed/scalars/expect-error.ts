import { expect } from 'vitest';
import { ScalarError } from '../../../src/typed/scalars/scalar-error.js';
import type { JsvErrorCode } from '../../../src/errors/jsv-error.js';

/** Asserts that `run` throws a `ScalarError` with `code` (and nothing else). */
export function expectScalarError(run: () => unknown, code: JsvErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ScalarError').toBeInstanceOf(ScalarError);
  expect((thrown as ScalarError).code).toBe(code);
}
