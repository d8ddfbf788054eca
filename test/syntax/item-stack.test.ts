/**
 * Untyped reading gathers list items on one shared stack and slices each list off it at its `]`
 * (scanner.ts, `itemStack`). Whatever a read does, success or any error at any depth, including
 * inside a map used as a key, it leaves the stack as it found it: nothing of one document is kept
 * alive by, or shows up in, the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { pendingListItems } from '../../src/syntax/scanner.js';

function failure(text: string, engine?: typeof chevrotain): unknown {
  try {
    parse(text, { engine });
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
  return 'no error';
}

const piece = fc.constantFrom('[', ']', '{', '}', ',', ':', 'a', '"x"', '1', ' ', '{k:[1,2]}', '[[a]]');

describe('the shared list item stack', () => {
  it('law: after any read, valid or not, no item is left on the stack', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        try {
          parse(text);
        } catch (error) {
          if (!isJsvError(error)) throw error;
        }
        expect(pendingListItems()).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('errors inside lists and inside maps used as keys are those of the Chevrotain engine (same index in the path)', () => {
    for (const text of ['[a,b,[c,d,"x]', '{{k:[1,2,}:v}', '[1,2,{a:[x,y,{b:}]}]', '[[a],[b,c,[d,e,f,{g:[h,i,j}]]]]']) {
      expect({ text, error: failure(text) }).toEqual({ text, error: failure(text, chevrotain) });
      expect(pendingListItems()).toBe(0);
    }
  });

  it('every list comes out at exactly its length, its items in order', () => {
    const value = parse('[[a,b,c],[],[d],[[e,f],g]]');
    expect(value).toEqual([['a', 'b', 'c'], [], ['d'], [['e', 'f'], 'g']]);
  });
});
