/** The untyped data model: what `parse` returns without a schema (every scalar stays text). */

export type JsvValue = string | null | JsvValue[] | JsvMap;
export interface JsvMap {
  [key: string]: JsvValue;
}

export function isJsvList(value: JsvValue): value is JsvValue[] {
  return Array.isArray(value);
}

export function isJsvMap(value: JsvValue): value is JsvMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Makes the maps that reading builds. Its prototype is Object.prototype, so they are plain objects
 * (same prototype, `constructor === Object`). V8 gives a constructor's objects room for several
 * properties inside the object, where an object made by `{}` moves its fifth and later properties
 * to a separate store, regrown as keys arrive.
 */
export const PlainRecord = function PlainRecord() {} as unknown as new () => JsvMap;
PlainRecord.prototype = Object.prototype;

/**
 * A constructor like `PlainRecord` but of its own, for objects of one known shape (a typed object
 * schema makes one). V8 sizes a constructor's objects once, to the most properties its first few
 * objects got (slack tracking): `PlainRecord`, shared by maps of every size, keeps 10 slots in each
 * object, so a two-member DTO carried eight empty ones; with a constructor per shape, its objects are
 * as large as that shape needs (a tenth less memory on a list of 10,000 customers, less for the
 * garbage collector to copy).
 */
export function recordOfOneShape(): new () => Record<string, unknown> {
  const ShapedRecord = function ShapedRecord() {} as unknown as new () => Record<string, unknown>;
  ShapedRecord.prototype = Object.prototype;
  return ShapedRecord;
}

/**
 * Stores `key` as an own data property. Plain assignment of `__proto__` would replace the
 * object's prototype (prototype pollution); `constructor` and `prototype` are safe to assign.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
