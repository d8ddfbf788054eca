import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify, t } from '../../src/index.js';
import { readDouble } from '../../src/typed/scalars/number.js';

describe('lists of doubles (written in one call where JSON and .NET agree)', () => {
  const Doubles = t.array(t.number());

  it('write .NET number text whichever path they take', () => {
    const plain = [1, -2, 0.5, 1234567.25, 0.0001, 9999999999999998, 0, 3];
    expect(stringify(plain, Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3]');
    // Each of these needs .NET's own text, so the list is written item by item.
    expect(stringify([...plain, -0], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,-0]');
    expect(stringify([...plain, 1e17], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,1E+17]');
    expect(stringify([...plain, 1e-5], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,1E-05]');
    expect(stringify([...plain, NaN], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,NaN]');
  });

  it('still reject what is not a number', () => {
    expect(() => stringify([1, 2, 3, 4, 5, 6, 7, '8'] as never, Doubles)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', path: '[7]' }));
  });
});

describe('plain decimal text (the fast path of t.number())', () => {
  it('reads to the same double as the full .NET-style reader', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-9]{0,12}$/))
      .map(([negative, whole, fraction]) => (negative ? '-' : '') + whole + (fraction ? '.' + fraction : ''));
    const written = fc.double({ noNaN: true, noDefaultInfinity: true }).map(String).filter((text) => /^-?\d+(\.\d+)?$/.test(text));
    fc.assert(
      fc.property(fc.oneof(plain, written), (text) => {
        expect(Object.is(parse(text, t.number()), readDouble(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
