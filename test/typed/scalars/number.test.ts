import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDouble, readFloat, writeDouble, writeFloat } from '../../../src/typed/scalars/number.js';
import { expectScalarError } from './expect-error.js';

const same = (a: number, b: number) => expect(Object.is(a, b), `${a} vs ${b}`).toBe(true);

describe('readDouble (jsv-spec §3.7: .NET Float | AllowThousands, invariant)', () => {
  it.each([
    ['2.2', 2.2],
    ['2222.2', 2222.2], // vector 4 (quoted "2222.2" arrives unquoted)
    ['2,222.2', 2222.2], // vector 5
    ['1,234.5', 1234.5],
    ['1,,2', 12], // .NET skips any group separator after the first digit
    ['1,', 1],
    ['1,.5', 1.5],
    [' 42 ', 42],
    ['\t\n\v\f\r7\r', 7],
    ['+3', 3],
    ['-3', -3],
    ['.25', 0.25],
    ['7.', 7],
    ['-.5', -0.5],
    ['1e2', 100],
    ['1E+2', 100],
    ['2.5e-3', 0.0025],
    ['1E+17', 1e17],
    ['5E-324', 5e-324],
    ['1.7976931348623157E+308', Number.MAX_VALUE],
    ['0.30000000000000004', 0.1 + 0.2],
    ['1e309', Infinity],
    ['-1e309', -Infinity],
    ['1e-400', 0],
    ['-1e-400', -0],
    ['-0', -0],
    ['-0.0e5', -0],
    ['0', 0],
    ['1e1001', Infinity], // exponent clamped to 9999
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['+Infinity', Infinity],
    ['infinity', Infinity],
    [' INFINITY\u00a0', Infinity],
    ['NaN', NaN],
    ['nan', NaN],
    ['-NaN', NaN],
    ['+NaN', NaN],
    ['1\0\0', 1], // .NET allows trailing NULs
    ['1 \0', 1],
  ])('%j reads %d', (text, value) => {
    same(readDouble(text), value);
  });
  it('clamps an exponent over 1000 to 9999 before applying it, as .NET does', () => {
    // The true value is 1e-501, but .NET adds 9999 to the decimal exponent: 0.1e7999 overflows.
    same(readDouble(`0.${'0'.repeat(2000)}1e1500`), Infinity);
  });
  it.each(['', ' ', '.', '-', '+', 'e5', '1e', '1e+', '1.2.3', ',1', '1 000', '0x1F', '1_0', '1,000.5,0', '.5,1', '+-1', '- 1', '1\0 ', '\u00a01', '1\u00a0', '∞', '-+Infinity', 'Infinityx', 'NaNa', '1f', '1d', '１'])(
    '%j is INVALID_NUMBER',
    (text) => {
      expectScalarError(() => readDouble(text), 'INVALID_NUMBER');
    },
  );
});

describe('writeDouble (jsv-spec §2.5 table, double column)', () => {
  it.each([
    [1e15, '1000000000000000'],
    [1e16, '10000000000000000'],
    [9.999999999999998e16, '99999999999999980'],
    [1e17, '1E+17'],
    [1.2345678901234568e17, '1.2345678901234568E+17'],
    [0.0001, '0.0001'],
    [1e-5, '1E-05'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1.5e300, '1.5E+300'],
    [5e-324, '5E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E+308'],
    [-0, '-0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [2.2, '2.2'], // vector 1
    [2222222.22, '2222222.22'], // vector 2
    [2.11, '2.11'], // vector 56
    [0, '0'], // seed: numberValue: 0
  ])('%d is written %j', (value, text) => {
    expect(writeDouble(value)).toBe(text);
  });
  it('law: readDouble(writeDouble(x)) is x, sign of zero and NaN included', () => {
    fc.assert(fc.property(fc.double(), (x) => Object.is(readDouble(writeDouble(x)), x)));
  });
  it('law: writeDouble(readDouble(t)) === t for every text ServiceStack writes', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const text = writeDouble(x);
        return writeDouble(readDouble(text)) === text;
      }),
    );
  });
});

describe('float (jsv-spec §2.5 table, float column)', () => {
  it.each([
    [1e7, '10000000'],
    [1e8, '100000000'],
    [123456789, '123456790'],
    [1e9, '1E+09'],
    [1.5e9, '1.5E+09'],
    [0.0001, '0.0001'],
    [1e-5, '1E-05'],
    [1 / 3, '0.33333334'],
    [1.401298464324817e-45, '1E-45'], // float.Epsilon
    [3.4028234663852886e38, '3.4028235E+38'], // float.MaxValue
    [-0, '-0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [1.1, '1.1'], // vector 1: 1.1f
    [111111.1, '111111.1'], // vector 2: 111111.1f
    [16777216, '16777216'],
    [0.1, '0.1'],
    [3.14159265, '3.1415927'],
  ])('%d is written %j', (value, text) => {
    expect(writeFloat(value)).toBe(text);
  });
  it('vector 4 and 5: "1111.1" and "1,111.1" read as 1111.1f', () => {
    same(readFloat('1111.1'), Math.fround(1111.1));
    same(readFloat('1,111.1'), Math.fround(1111.1));
  });
  it('reads out-of-range values as .NET Core does', () => {
    same(readFloat('1e39'), Infinity);
    same(readFloat('-1e39'), -Infinity);
    same(readFloat('3.4028235E+38'), 3.4028234663852886e38);
    same(readFloat('1e-46'), 0);
    same(readFloat('-1e-50'), -0);
    same(readFloat('7E-46'), 0); // below half of float.Epsilon
    same(readFloat('8E-46'), 1.401298464324817e-45); // above it
  });
  it('rounds a decimal just off a float midpoint by its exact value, not through a double', () => {
    // 1 + 2^-24 is exactly halfway between the floats 1 and 1 + 2^-23; ties go to the even one (1).
    same(readFloat('1.000000059604644775390625'), 1);
    // A hair above the midpoint rounds up, even though the nearest double is the midpoint itself.
    same(readFloat('1.00000005960464477539062500000000001'), 1 + 2 ** -23);
    same(readFloat('1.00000005960464477539062499999999999'), 1);
  });
  it('law: readFloat(writeFloat(x)) is the float32 value of x', () => {
    fc.assert(fc.property(fc.float(), (x) => Object.is(readFloat(writeFloat(x)), Math.fround(x))));
  });
  it('law: writeFloat(readFloat(t)) === t for every text ServiceStack writes', () => {
    fc.assert(
      fc.property(fc.float(), (x) => {
        const text = writeFloat(x);
        return writeFloat(readFloat(text)) === text;
      }),
    );
  });
  it('law: the written digits are the shortest that read back (no shorter candidate exists)', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0), (x) => {
        const text = writeFloat(x);
        const digits = text.replace(/^-/, '').replace(/E.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
        const magnitude = Math.abs(x);
        for (let p = 1; p < digits.length; p++) {
          // every p-digit decimal near x: toPrecision gives the nearest, its neighbours differ by one unit
          const nearest = Number(magnitude.toPrecision(p));
          const unit = 10 ** (Math.floor(Math.log10(nearest)) - p + 1);
          for (const candidate of [nearest - unit, nearest, nearest + unit]) {
            expect(readFloat(candidate.toPrecision(p))).not.toBe(magnitude);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
