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
 * properties inside the object (ten, then as many as the largest of its first few objects had),
 * where an object made by `{}` has room for four and moves later properties to a separate store,
 * regrown by three slots as keys arrive.
 */
export const PlainRecord = function PlainRecord() {} as unknown as new () => JsvMap;
PlainRecord.prototype = Object.prototype;

/**
 * Makes maps expected to have many keys. V8 sizes a constructor's objects by the `this.x =`
 * assignments it finds in the constructor's text (plus eight), whether or not they run; these
 * never run (`fill` is always false), so its objects start empty with room for 32 properties,
 * cut to what its first few objects used. Why it matters: a property added by a computed key
 * (`target[key] = value`) to an object that already keeps more than 12 properties outside itself
 * turns the object into a hash table (V8's "dictionary mode"): slower to build, to read, and
 * about three times the memory. With `PlainRecord`'s ten, every map of 23 keys or more ended so.
 */
const WideRecord = function WideRecord(this: Record<string, null>, fill: boolean) {
  if (fill) {
    this.a = this.b = this.c = this.d = this.e = this.f = this.g = this.h = null;
    this.i = this.j = this.k = this.l = this.m = this.n = this.o = this.p = null;
    this.q = this.r = this.s = this.t = this.u = this.v = this.w = this.x = null;
  }
} as unknown as new (fill: false) => JsvMap;
WideRecord.prototype = Object.prototype;

/**
 * A new empty plain object for a map expected to get `size` keys (0: unknown), made where V8 keeps
 * that many properties inside the object: no wasted slots on small maps, no regrowth or hash
 * table on large ones. Any size gives the same object as far as JavaScript can tell.
 */
export function newRecord(size: number): JsvMap {
  if (size === 0) return new PlainRecord();
  if (size <= 4) return {};
  if (size <= 10) return new PlainRecord();
  return new WideRecord(false);
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
