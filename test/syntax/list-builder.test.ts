/**
 * ListBuilder gathers a list's items in chunks; whatever the count, what comes out is every item
 * pushed, in order, in an array of exactly that length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse } from '../../src/index.js';
import { ListBuilder } from '../../src/syntax/list-builder.js';

function build(count: number): { items: number[]; lengths: boolean } {
  const builder = new ListBuilder<number>();
  let lengths = true;
  for (let i = 0; i < count; i++) {
    builder.push(i);
    if (builder.length !== i + 1) lengths = false;
  }
  return { items: builder.finish(), lengths };
}

describe('ListBuilder', () => {
  it('law: finish() gives every pushed item in order, and length counts them', () => {
    // Counts around the short-list copy and the chunk boundaries.
    const count = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 4000, max: 12_400 }));
    fc.assert(
      fc.property(count, (n) => {
        const { items, lengths } = build(n);
        expect(lengths).toBe(true);
        expect(items.length).toBe(n);
        expect(items.every((item, i) => item === i)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('joins more chunks than one concat call takes', () => {
    const n = 1024 * 4096 + 5;
    const { items } = build(n);
    expect(items.length).toBe(n);
    expect(items[4096 * 1024 - 1]).toBe(4096 * 1024 - 1);
    expect(items[n - 1]).toBe(n - 1);
  });

  it('parse reads long lists whole and names the index of an error past a chunk', () => {
    const numbers = Array.from({ length: 9000 }, (_, i) => String(i));
    expect(parse(`[${numbers.join(',')}]`)).toEqual(numbers);
    expect(parse(`{a:[${numbers.join(',')}],b:[[1],[${numbers.join(',')}]]}`)).toEqual({ a: numbers, b: [['1'], numbers] });
    try {
      parse(`[${numbers.join(',')},{a:1,a:2}]`);
      expect.unreachable();
    } catch (error) {
      expect(isJsvError(error) && [error.code, error.path]).toEqual(['DUPLICATE_KEY', '[9000]']);
    }
  });
});
