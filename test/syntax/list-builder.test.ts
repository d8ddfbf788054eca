/**
 * Readers gather list items on shared stacks and slice each list off at its `]` (list-builder.ts).
 * Whatever a read does, success or any error at any depth (inside a map used as a key, in a typed
 * list, in collect mode), it leaves the stacks as it found them: nothing of one document is kept
 * alive by, or shows up in, the next; and every list comes out at exactly its length.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isJsvError, parse, safeParse, t } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { ItemStack, pendingListItems } from '../../src/syntax/list-builder.js';

const piece = fc.constantFrom('[', ']', '{', '}', ',', ':', 'a', '"x"', '1', '2.5', ' ', '{k:[1,2]}', '[[a]]', '[1,,2]');

function failure(text: string, engine?: typeof chevrotain): unknown {
  try {
    parse(text, { engine });
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
  return 'no error';
}

const Series = t.object({ name: t.string(), values: t.array(t.number()), tags: t.array(t.string()), grid: t.array(t.array(t.int())) });

describe('list building', () => {
  it('law: close gives the items pushed above the base in order, at exactly their number, and cuts the stack back', () => {
    const stack = new ItemStack<number>(0);
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.array(fc.integer()), (below, above) => {
        for (const item of below) stack.push(item);
        const list = stack.close(0);
        expect(list).toEqual(below);
        for (const item of below) stack.push(item);
        for (const item of above) stack.push(item);
        expect(stack.close(below.length)).toEqual(above);
        expect(stack.height).toBe(below.length);
        expect(stack.close(0)).toEqual(below);
        expect(stack.height).toBe(0);
      }),
    );
  });

  it('law: after any read, untyped or typed, valid or not, no item is left on the stacks', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        try {
          parse(text);
        } catch (error) {
          if (!isJsvError(error)) throw error;
        }
        expect(pendingListItems()).toBe(0);
        const typed = `{name:x,values:[${text}],tags:[${text}],grid:[[${text}]]}`;
        safeParse(typed, Series);
        try {
          parse(typed, Series);
        } catch (error) {
          if (!isJsvError(error)) throw error;
        }
        expect(pendingListItems()).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('errors inside lists and inside maps used as keys are those of the Chevrotain engine (same index in the path)', () => {
    for (const text of ['[a,b,[c,d,"x]', '{{k:[1,2,}:v}', '[1,2,{a:[x,y,{b:}]}]', '[[a],[b,c,[d,e,f,{g:[h,i,j}]]]]']) {
      expect({ text, error: failure(text) }).toEqual({ text, error: failure(text, chevrotain) });
      expect(pendingListItems()).toBe(0);
    }
  });

  it('every list comes out at exactly its length, its items in order', () => {
    expect(parse('[[a,b,c],[],[d],[[e,f],g]]')).toEqual([['a', 'b', 'c'], [], ['d'], [['e', 'f'], 'g']]);
    expect(parse('{name:s,values:[1,2.5,-3],tags:[],grid:[[1,2],[],[3]]}', Series)).toEqual({ name: 's', values: [1, 2.5, -3], tags: [], grid: [[1, 2], [], [3]] });
  });

  it('reads long lists whole and names the index of an error deep in one', () => {
    const numbers = Array.from({ length: 9000 }, (_, i) => String(i));
    expect(parse(`[${numbers.join(',')}]`)).toEqual(numbers);
    expect(parse(`{a:[${numbers.join(',')}],b:[[1],[${numbers.join(',')}]]}`)).toEqual({ a: numbers, b: [['1'], numbers] });
    expect(parse(`[${numbers.join(',')}]`, t.array(t.number()))).toEqual(numbers.map(Number));
    expect(failure(`[${numbers.join(',')},{a:1,a:2}]`)).toMatchObject({ code: 'DUPLICATE_KEY', path: `[${numbers.length}]` });
    const typed = safeParse(`{name:s,values:[${numbers.join(',')},x],tags:[],grid:[]}`, Series);
    expect(typed.success === false && typed.issues.map((issue) => issue.path)).toEqual([`values[${numbers.length}]`]);
  });
});

describe('stale slots', () => {
  it('are cleared up to the highest slot used when the outermost list closes, not over the whole kept capacity', () => {
    const stack = new ItemStack<string | null>(null);
    const slots = (stack as unknown as { items: (string | null)[] }).items;
    for (let i = 0; i < 1000; i++) stack.push(`x${i}`);
    stack.cutTo(500);
    for (let i = 0; i < 10; i++) stack.push('y');
    expect(stack.close(0)).toHaveLength(510);
    expect(slots.every((slot) => slot === null)).toBe(true);
    // A small document after the long one clears only its own slots.
    const fill = vi.spyOn(slots, 'fill');
    stack.push('a');
    stack.push('b');
    expect(stack.close(0)).toEqual(['a', 'b']);
    expect(fill.mock.calls).toEqual([[null, 0, 2]]);
    expect(slots.every((slot) => slot === null)).toBe(true);
    expect(slots).toHaveLength(1000);
  });
});
