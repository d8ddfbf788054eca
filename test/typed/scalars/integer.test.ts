import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readInt, readLong, writeInt, writeLong } from '../../../src/typed/scalars/integer.js';
import { expectScalarError } from './expect-error.js';

describe('readInt (jsv-spec §3.7, SignedInteger)', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['-7', -7],
    ['01', 1],
    ['007', 7],
    ['000', 0],
    ['-0', 0],
    [' 99 ', 99], // §3.1: top-level ` 99 ` becomes an int
    ['\t12\r\n', 12],
    ['\u00a05\u0085', 5],
    ['\u200b5\u200b', 5],
    ['\v\f-3', -3],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
    ['99', 99], // vector 25
  ])('%j reads %d', (text, value) => {
    expect(Object.is(readInt(text), value)).toBe(true);
  });
  it.each(['+5', '1.0', '1e2', '0x1F', '1,000', '', ' ', '-', '- 5', '5-', '-05', '-00', '1 2', '0 1', 'abc', '١', '５', '5\u2003', '\ufeff5', '--5'])(
    '%j is INVALID_NUMBER',
    (text) => {
      expectScalarError(() => readInt(text), 'INVALID_NUMBER');
    },
  );
  it.each(['2147483648', '-2147483649', '99999999999', '00000000000000000002147483648', '-9223372036854775808'])('%j is OUT_OF_RANGE', (text) => {
    expectScalarError(() => readInt(text), 'OUT_OF_RANGE');
  });
});

describe('readLong', () => {
  it.each([
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9007199254740993', 9007199254740993n], // 2^53 + 1, which a double would round
    [' -0 ', 0n],
    ['0009', 9n],
  ])('%j reads %s', (text, value) => {
    expect(readLong(text)).toBe(value);
  });
  it.each(['9223372036854775808', '-9223372036854775809', '123456789012345678901'])('%j is OUT_OF_RANGE', (text) => {
    expectScalarError(() => readLong(text), 'OUT_OF_RANGE');
  });
  it.each(['+1', '1.5', '1e3', '', '-05'])('%j is INVALID_NUMBER', (text) => {
    expectScalarError(() => readLong(text), 'INVALID_NUMBER');
  });
});

describe('writeInt / writeLong (jsv-spec §2.5)', () => {
  it('writes invariant digits with an optional minus', () => {
    expect(writeInt(-2147483648)).toBe('-2147483648');
    expect(writeInt(-0)).toBe('0');
    expect(writeLong(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(writeLong(42)).toBe('42');
  });
  it('rejects what an int or long cannot hold', () => {
    expectScalarError(() => writeInt(1.5), 'INVALID_NUMBER');
    expectScalarError(() => writeInt(NaN), 'INVALID_NUMBER');
    expectScalarError(() => writeInt(2147483648), 'OUT_OF_RANGE');
    expectScalarError(() => writeLong(2 ** 53), 'INVALID_NUMBER');
    expectScalarError(() => writeLong(2n ** 63n), 'OUT_OF_RANGE');
  });
  it('law: readInt(writeInt(n)) === n', () => {
    fc.assert(fc.property(fc.integer(), (n) => readInt(writeInt(n)) === n));
  });
  it('law: readLong(writeLong(n)) === n', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => readLong(writeLong(n)) === n));
  });
  it('law: write(read(t)) === t for canonical text (what ServiceStack writes)', () => {
    fc.assert(fc.property(fc.integer(), (n) => writeInt(readInt(String(n))) === String(n)));
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => writeLong(readLong(n.toString())) === n.toString()));
  });
  it('law: readInt agrees with readLong inside int32', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -]?0*[0-9]{0,12} ?$/), (text) => {
        let long: bigint | undefined;
        try {
          long = readLong(text);
        } catch {
          expectScalarError(() => readInt(text), 'INVALID_NUMBER');
          return;
        }
        if (long >= -2147483648n && long <= 2147483647n) expect(BigInt(readInt(text))).toBe(long);
        else expectScalarError(() => readInt(text), 'OUT_OF_RANGE');
      }),
    );
  });
});
