import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDecimal, writeDecimal } from '../../../src/typed/scalars/decimal.js';
import { expectScalarError } from './expect-error.js';

describe('readDecimal (jsv-spec §3.7 and §2.5: decimal.Parse, then decimal.ToString())', () => {
  it.each([
    ['3.3', '3.3'], // vector 1
    ['33333333.333', '33333333.333'], // vector 2
    ['3333.3', '3333.3'], // vector 4
    ['3,333.3', '3333.3'], // vector 5
    ['3.30', '3.30'], // scale is kept
    ['2400', '2400'],
    ['1e-28', '0.0000000000000000000000000001'],
    ['1e2', '100'],
    ['1E-2', '0.01'],
    ['1.0e1', '10'],
    ['1.50E+1', '15.0'],
    ['+3', '3'],
    [' -7.25 ', '-7.25'],
    ['.5', '0.5'],
    ['7.', '7'],
    ['007.10', '7.10'],
    ['-0', '0'], // .NET prints a negative zero decimal without its sign
    ['-0.00', '0.00'],
    ['0e5', '0'],
    ['0.000e-30', '0.0000000000000000000000000000'], // a zero's scale is capped at 28
    ['79228162514264337593543950335', '79228162514264337593543950335'],
    ['-79228162514264337593543950335', '-79228162514264337593543950335'],
    ['7.9228162514264337593543950335', '7.9228162514264337593543950335'],
    ['0.1234567890123456789012345678901234', '0.1234567890123456789012345679'], // 28 fraction digits, rounded
    ['0.00000000000000000000000000015', '0.0000000000000000000000000002'], // half to even: 1 → 2
    ['0.00000000000000000000000000025', '0.0000000000000000000000000002'], // half to even: 2 stays
    ['0.000000000000000000000000000250001', '0.0000000000000000000000000003'],
    ['1e28', '10000000000000000000000000000'],
  ])('%j reads as %j', (text, expected) => {
    expect(readDecimal(text)).toBe(expected);
  });
  it.each(['NaN', 'Infinity', '', ' ', 'abc', '1e', '0x10', '1_0', ',5', '1.2.3'])('%j is INVALID_NUMBER', (text) => {
    expectScalarError(() => readDecimal(text), 'INVALID_NUMBER');
  });
  it.each(['79228162514264337593543950336', '1e29', '-1e40', '79228162514264337593543950335.5'])('%j is OUT_OF_RANGE', (text) => {
    expectScalarError(() => readDecimal(text), 'OUT_OF_RANGE');
  });
});

// Canonical decimal text as .NET writes it: a coefficient below 2^96 and a scale from 0 to 28.
const canonical = fc
  .tuple(fc.bigInt({ min: 0n, max: 2n ** 96n - 1n }), fc.integer({ min: 0, max: 28 }), fc.boolean())
  .map(([coefficient, scale, negative]) => {
    let digits = coefficient.toString();
    if (scale > 0) {
      digits = digits.padStart(scale + 1, '0');
      digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    }
    return negative && coefficient !== 0n ? `-${digits}` : digits;
  });

describe('writeDecimal', () => {
  it('writes canonical text unchanged and normalises other accepted text', () => {
    expect(writeDecimal('3.30')).toBe('3.30');
    expect(writeDecimal('1e3')).toBe('1000');
    expect(writeDecimal(12n)).toBe('12');
    expectScalarError(() => writeDecimal('1.5x'), 'INVALID_NUMBER');
  });
  it('law: write(read(t)) === t for every text .NET writes', () => {
    fc.assert(fc.property(canonical, (text) => writeDecimal(readDecimal(text)) === text));
  });
  it('law: read(write(x)) === x for every decimal value', () => {
    fc.assert(fc.property(canonical, (value) => readDecimal(writeDecimal(value)) === value));
  });
  it('law: an exponent only moves the point', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (n, k) => {
        expect(readDecimal(`${n}e${k}`)).toBe((n * 10n ** BigInt(k)).toString());
      }),
    );
  });
});
