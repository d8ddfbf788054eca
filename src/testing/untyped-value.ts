/** Untyped JSV values (`JsvValue`) that the untyped writer writes and the reader reads back equal. */
import fc from 'fast-check';
import type { JsvValue } from '../syntax/value.js';

/**
 * Strings, lists and maps of `scalar` up to `depth` containers deep. Maps never hold null (the
 * writer leaves such entries out) and a list is never just `[null]`, which has no text.
 */
export function jsvValue(scalar: fc.Arbitrary<string>, depth: number, maxLength: number): fc.Arbitrary<JsvValue> {
  if (depth <= 0) return scalar;
  const inner = jsvValue(scalar, depth - 1, maxLength);
  const list = fc
    .array(fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength })
    .filter((items) => !(items.length === 1 && items[0] === null));
  const map = fc.uniqueArray(fc.tuple(scalar, inner), { maxLength, selector: ([key]) => key }).map((entries) => {
    const record: Record<string, JsvValue> = {};
    for (const [key, value] of entries) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    return record;
  });
  return fc.oneof({ depthSize: 'small' }, scalar, list, map);
}
