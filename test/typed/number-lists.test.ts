import { describe, expect, it } from 'vitest';
import { stringify, t } from '../../src/index.js';

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
