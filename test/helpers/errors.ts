/** The JsvError an action throws; fails the test when it throws nothing or something else. */
import { isJsvError, type JsvError } from '../../src/index.js';

export function errorOf(action: () => unknown): JsvError {
  try {
    action();
  } catch (error) {
    if (isJsvError(error)) return error;
    throw error;
  }
  throw new Error('expected a JsvError');
}
