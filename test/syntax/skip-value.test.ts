/**
 * `Scanner.skipValue` passes over a value without building it (typed decoders skip unknown
 * properties and values of the wrong shape with it, and a map used as a key is checked with it);
 * the tree builder reads the same value into untyped data. Both must accept and reject the same
 * text with the same error (code, offset, path, reason) and leave the cursor at the same place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError } from '../../src/index.js';
import { IN_LIST, IN_MAP, Scanner, TOP, type Context } from '../../src/syntax/scanner.js';
import { readTree } from '../../src/syntax/tree-builder.js';

function outcome(text: string, tolerant: boolean, context: Context, read: (sc: Scanner) => void): unknown {
  const sc = new Scanner(text, { whitespace: tolerant ? 'tolerant' : 'strict' });
  try {
    read(sc);
    return { pos: sc.pos, depth: sc.depth };
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason, depth: sc.depth };
  }
}

const units = [...'{}[],:"', ' ', '\n', 'a', 'b', '1', '{a:1}', '[x,y]', '{a:1,a:2}'];
const jsvish = fc.array(fc.constantFrom(...units), { maxLength: 24 }).map((parts) => parts.join(''));

describe('skipValue and the tree builder agree', () => {
  it('law: same error or same end position, in every context and both whitespace modes', () => {
    fc.assert(
      fc.property(jsvish, fc.boolean(), fc.constantFrom<Context>(TOP, IN_MAP, IN_LIST), (text, tolerant, context) => {
        const skipped = outcome(text, tolerant, context, (sc) => sc.skipValue(context));
        const built = outcome(text, tolerant, context, (sc) => readTree(sc, context));
        expect({ text, tolerant, context, skipped }).toEqual({ text, tolerant, context, skipped: built });
      }),
      { numRuns: 3000 },
    );
  });
});
