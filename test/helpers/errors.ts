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
