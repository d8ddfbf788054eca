/** One spelling of paths and one nesting limit, whichever reader or writer reports the error. */
import { describe, expect, it } from 'vitest';
import { format, parse, stringify, t } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { jsonToJsv } from '../../src/syntax/json-to-jsv.js';
import { isStackOverflow } from '../../src/syntax/limits.js';
import { formatPath, joinPaths } from '../../src/syntax/path.js';
import { errorOf } from '../helpers/errors.js';

describe('formatPath', () => {
  it('writes identifiers with dots, other keys quoted in brackets, indexes in brackets', () => {
    expect(formatPath(['a', 'b c', 2, '$x', '1st', ''])).toBe('a["b c"][2].$x["1st"][""]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath(['a', 'b', 'c'], 2)).toBe('a.b');
    expect(formatPath(['a', undefined, 'c'])).toBe('a');
  });

  it('joins an inner path onto an outer one', () => {
    expect(joinPaths('a', 'b')).toBe('a.b');
    expect(joinPaths('a', '[1].b')).toBe('a[1].b');
    expect(joinPaths('', 'b')).toBe('b');
    expect(joinPaths('a', undefined)).toBe('a');
  });
});

describe('deep paths are whole, and alike on every side', () => {
  const depth = 40;
  const text = '{a:['.repeat(depth) + '{a:x,a:y}' + ']}'.repeat(depth);
  const expected = 'a[0].'.repeat(depth).slice(0, -1);

  it('parse (both engines), format and the typed reader name all 40 levels', () => {
    for (const action of [() => parse(text), () => chevrotain.parse(text), () => format(text), () => parse(text, t.any())]) {
      const error = errorOf(action);
      expect(error.code).toBe('DUPLICATE_KEY');
      expect(error.path).toBe(expected);
    }
  });

  it('stringify names the same levels for the value that text stands for', () => {
    let value: unknown = () => 0;
    for (let i = 0; i < depth; i++) value = { a: [value] };
    const error = errorOf(() => stringify(value));
    expect(error.code).toBe('UNSUPPORTED_VALUE');
    expect(error.path).toBe('a[0].'.repeat(depth - 1) + 'a[0]');
  });
});

describe('limits', () => {
  it('readers word a nesting past maxDepth alike, JSON conversion included', () => {
    const reason = 'Nesting is deeper than maxDepth (2); raise the maxDepth option if this document is trusted';
    expect(errorOf(() => parse('[[[1]]]', { maxDepth: 2 })).reason).toBe(reason);
    expect(errorOf(() => chevrotain.parse('[[[1]]]', { maxDepth: 2 })).reason).toBe(reason);
    expect(errorOf(() => jsonToJsv('[[[1]]]', { maxDepth: 2 })).reason).toBe(reason);
  });

  it('check maxDepth the same way everywhere', () => {
    for (const action of [() => parse('1', { maxDepth: -1 }), () => stringify(1, { maxDepth: -1 }), () => stringify(1, t.int(), { maxDepth: -1 }), () => jsonToJsv('1', { maxDepth: -1 })]) {
      expect(action).toThrow(new TypeError('maxDepth must be a non-negative number, got -1'));
    }
  });

  it('only a stack overflow becomes MAX_DEPTH; a RangeError of the value itself passes through', () => {
    const value = {
      toJSON() {
        throw new RangeError('out of range');
      },
    };
    expect(() => stringify({ a: value })).toThrow(new RangeError('out of range'));
    const overflow = (): number => overflow() + 1;
    let error: unknown;
    try {
      overflow();
    } catch (caught) {
      error = caught;
    }
    expect(isStackOverflow(error)).toBe(true);
    expect(isStackOverflow(new RangeError('Invalid string length'))).toBe(false);
  });
});
