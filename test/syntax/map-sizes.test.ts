/**
 * The tree builder makes each map with room for as many properties as the last map read in the
 * same slot had (map-sizes.ts, `newRecord` in value.ts). Which constructor made an object must
 * never show: every map is a plain object with Object.prototype, own enumerable writable data
 * properties in text order, whatever was read before it. The Chevrotain engine, which builds its
 * maps its own way, is the reference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { expectedSize } from '../../src/syntax/map-sizes.js';
import { newRecord } from '../../src/syntax/value.js';

/** Every map in `value` as its prototype, constructor and own property descriptors, in order. */
function anatomy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anatomy);
  if (typeof value !== 'object' || value === null) return value;
  return {
    prototype: Object.getPrototypeOf(value) === Object.prototype,
    constructor: (value as { constructor?: unknown }).constructor === Object,
    own: Reflect.ownKeys(value).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      return [key, descriptor.enumerable, descriptor.writable, descriptor.configurable, anatomy(descriptor.value)];
    }),
  };
}

function read(text: string, engine?: typeof chevrotain): unknown {
  try {
    return anatomy(parse(text, engine === undefined ? undefined : { engine }));
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
}

function readInTurn(...texts: string[]): void {
  for (const text of texts) expect({ text, read: read(text) }).toEqual({ text, read: read(text, chevrotain) });
}

/** A map of `size` keys `k0`, `k1`, … under `slot`. */
function sized(slot: string, size: number): string {
  return `{${slot}:{${Array.from({ length: size }, (_, i) => `k${i}:${i}`).join(',')}}}`;
}

describe('maps made at their expected size', () => {
  it('records of every size class read the same in a slot that last held another size', () => {
    const sizes = [1, 4, 5, 10, 11, 26, 40, 200, 3, 26, 1];
    readInTurn(...sizes.map((size) => sized('rules', size)));
    readInTurn(...sizes.map((size) => `{rules:[${sized('x', size)},${sized('x', 30 - (size % 30))}]}`));
  });

  it('the size read in a slot is what the next map there is made for', () => {
    parse(sized('slotUnderTest', 26));
    expect(expectedSize('slotUnderTest')).toBe(26);
    parse(`{slotUnderTest:[${sized('y', 2)},{a:1,b:2,c:3}]}`);
    expect(expectedSize('slotUnderTest')).toBe(3);
  });

  it('__proto__, constructor and numeric keys stay own data properties in large and small maps', () => {
    const many = Array.from({ length: 30 }, (_, i) => `k${i}:${i}`).join(',');
    readInTurn(`{a:{${many},__proto__:{polluted:yes},constructor:1,"7":x,"0":y}}`, `{a:{__proto__:1}}`, `{a:{${many}}}`, `{a:{__proto__:{b:1},c:2}}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every record constructor makes an empty plain object', () => {
    for (const size of [0, 1, 4, 5, 10, 11, 30, 1000]) {
      const record = newRecord(size);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Reflect.ownKeys(record)).toEqual([]);
      expect(record.constructor).toBe(Object);
    }
  });

  it('law: a document reads the same whatever documents were read before it', () => {
    const map = fc
      .tuple(fc.constantFrom('a', 'b', 'rules'), fc.nat({ max: 40 }), fc.boolean())
      .map(([slot, size, inList]) => (inList ? `{${slot}:[${sized('x', size)},${sized('y', (size * 7) % 41)}]}` : sized(slot, size)));
    const cut = fc.tuple(map, fc.nat(), fc.boolean()).map(([text, at, truncate]) => (truncate ? text.slice(0, at % (text.length + 1)) : text));
    fc.assert(
      fc.property(fc.array(cut, { minLength: 2, maxLength: 6 }), (texts) => {
        readInTurn(...texts);
      }),
      { numRuns: 200 },
    );
  });
});
