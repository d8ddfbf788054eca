/** The error an action throws, of the kind a guard accepts; fails the test on anything else. */
import { isJsvError, type JsvError } from '../../src/index.js';

export function thrownBy<E>(action: () => unknown, guard: (error: unknown) => error is E, expected: string): E {
  try {
    action();
  } catch (error) {
    if (guard(error)) return error;
    throw error;
  }
  throw new Error(`expected ${expected}`);
}

/** The JsvError an action throws. */
export function errorOf(action: () => unknown): JsvError {
  return thrownBy(action, isJsvError, 'a JsvError');
}

/** What a read gave, to compare two ways of reading: the value as JSON, or the JsvError's code, offset, path and reason. */
export type ReadOutcome = { value: string | undefined } | { code: string; offset: number | undefined; path: string | undefined; reason: string };

export function readOutcome(read: () => unknown): ReadOutcome {
  try {
    return { value: JSON.stringify(read()) };
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
}
