/**
 * Readers gather a list's items in chunks (list-builder.ts); whatever the count, what comes out is
 * every item pushed, in order, in an array of exactly that length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse } from '../../src/index.js';
import { finishList, LIST_CHUNK } from '../../src/syntax/list-builder.js';

/** Fills chunks the way the readers do. */
function build(count: number): number[] {
  let chunk: number[] = [];
  let full: number[][] | undefined;
  for (let i = 0; i < count; i++) {
    chunk.push(i);
    if (chunk.length === LIST_CHUNK) {
      (full ??= []).push(chunk);
      chunk = [];
    }
  }
  return finishList(chunk, full);
}

describe('list building', () => {
  it('law: finishList gives every pushed item in order, in an array of exactly their number', () => {
    // Counts around the short-list copy and the chunk boundaries.
    const count = fc.oneof(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 4000, max: 12_400 }));
    fc.assert(
      fc.property(count, (n) => {
        const items = build(n);
        expect(items.length).toBe(n);
        expect(items.every((item, i) => item === i)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('joins more chunks than one concat call takes', () => {
    const n = 1024 * LIST_CHUNK + 5;
    const items = build(n);
    expect(items.length).toBe(n);
    expect(items[LIST_CHUNK * 1024 - 1]).toBe(LIST_CHUNK * 1024 - 1);
    expect(items[n - 1]).toBe(n - 1);
  });

  it('parse reads long lists whole and names the index of an error past a chunk', () => {
    const numbers = Array.from({ length: 2 * LIST_CHUNK + 808 }, (_, i) => String(i));
    expect(parse(`[${numbers.join(',')}]`)).toEqual(numbers);
    expect(parse(`{a:[${numbers.join(',')}],b:[[1],[${numbers.join(',')}]]}`)).toEqual({ a: numbers, b: [['1'], numbers] });
    try {
      parse(`[${numbers.join(',')},{a:1,a:2}]`);
      expect.unreachable();
    } catch (error) {
      expect(isJsvError(error) && [error.code, error.path]).toEqual(['DUPLICATE_KEY', `[${numbers.length}]`]);
    }
  });
});
