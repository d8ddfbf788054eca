/**
 * byte, sbyte, short, ushort, uint and ulong: ServiceStack reads the signed ones with `SignedInteger`
 * and the unsigned ones with `UnsignedInteger.ParseUInt64` (`DefaultMemory.cs`), which takes no sign,
 * and writes invariant digits (`JsvTypeSerializer.WriteByte`, … `WriteUInt64`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, safeParse, stringify, t } from '../../../src/index.js';
import { BYTE, readIntegerIn, readULong, SBYTE, SHORT, UINT, USHORT, writeIntegerIn, writeULong, type IntegerRange } from '../../../src/typed/scalars/integer.js';
import { errorOf } from '../../helpers/errors.js';
import { expectScalarError } from './expect-error.js';

const ranges: [IntegerRange, number, number][] = [
  [BYTE, 0, 255],
  [SBYTE, -128, 127],
  [SHORT, -32768, 32767],
  [USHORT, 0, 65535],
  [UINT, 0, 4294967295],
];

describe.each(ranges)('%o', (range, min, max) => {
  it('reads its minimum and maximum, and rejects one past each with OUT_OF_RANGE naming the type', () => {
    expect(readIntegerIn(range, String(min))).toBe(min);
    expect(readIntegerIn(range, String(max))).toBe(max);
    expectScalarError(() => readIntegerIn(range, String(max + 1)), 'OUT_OF_RANGE');
    if (min < 0) expectScalarError(() => readIntegerIn(range, String(min - 1)), 'OUT_OF_RANGE');
    try {
      readIntegerIn(range, String(max + 1));
    } catch (error) {
      expect((error as Error).message).toBe(`Expected a whole number from ${min} to ${max} (${range.name}), found "${max + 1}"`);
    }
  });

  it('reads blanks, leading zeros; rejects fractions, exponents, + and grouping', () => {
    expect(readIntegerIn(range, ' 007\u00a0')).toBe(7);
    expect(readIntegerIn(range, '\u200b12\t')).toBe(12);
    for (const bad of ['+5', '1.0', '1e2', '0x1F', '1,0', '', ' ', 'x', '5-', '1 2']) expectScalarError(() => readIntegerIn(range, bad), 'INVALID_NUMBER');
  });

  it('writes invariant digits and refuses what the type cannot hold', () => {
    expect(writeIntegerIn(range, max)).toBe(String(max));
    expect(writeIntegerIn(range, min)).toBe(String(min));
    expect(writeIntegerIn(range, -0)).toBe('0');
    expectScalarError(() => writeIntegerIn(range, max + 1), 'OUT_OF_RANGE');
    expectScalarError(() => writeIntegerIn(range, min - 1), 'OUT_OF_RANGE');
    expectScalarError(() => writeIntegerIn(range, 1.5), 'INVALID_NUMBER');
    expectScalarError(() => writeIntegerIn(range, NaN), 'INVALID_NUMBER');
  });

  it('law: read(write(n)) === n over the whole range', () => {
    fc.assert(fc.property(fc.integer({ min, max }), (n) => readIntegerIn(range, writeIntegerIn(range, n)) === n));
  });
});

describe('signed and unsigned', () => {
  it('signed types read - and -0 as ServiceStack does (and reject -05)', () => {
    expect(readIntegerIn(SBYTE, '-128')).toBe(-128);
    expect(Object.is(readIntegerIn(SHORT, '-0'), 0)).toBe(true);
    expectScalarError(() => readIntegerIn(SHORT, '-05'), 'INVALID_NUMBER');
  });

  it('unsigned types take no sign at all: -1 and -0 are INVALID_NUMBER (UnsignedInteger has no sign state)', () => {
    for (const range of [BYTE, USHORT, UINT]) {
      expectScalarError(() => readIntegerIn(range, '-1'), 'INVALID_NUMBER');
      expectScalarError(() => readIntegerIn(range, '-0'), 'INVALID_NUMBER');
      expect(readIntegerIn(range, '000')).toBe(0);
    }
    expectScalarError(() => readULong('-0'), 'INVALID_NUMBER');
  });
});

describe('ulong (UInt64 as bigint)', () => {
  it('reads 0 to 18446744073709551615 (jsv-spec §2.5) and rejects one past', () => {
    expect(readULong('0')).toBe(0n);
    expect(readULong('18446744073709551615')).toBe(18446744073709551615n);
    expect(readULong(' 0018446744073709551615 ')).toBe(18446744073709551615n);
    expectScalarError(() => readULong('18446744073709551616'), 'OUT_OF_RANGE');
    expectScalarError(() => readULong('999999999999999999999999'), 'OUT_OF_RANGE');
    expectScalarError(() => readULong('1.0'), 'INVALID_NUMBER');
  });

  it('writes a bigint or a non-negative safe integer', () => {
    expect(writeULong(18446744073709551615n)).toBe('18446744073709551615');
    expect(writeULong(42)).toBe('42');
    expectScalarError(() => writeULong(-1n), 'OUT_OF_RANGE');
    expectScalarError(() => writeULong(2n ** 64n), 'OUT_OF_RANGE');
    expectScalarError(() => writeULong(2 ** 60), 'INVALID_NUMBER');
    expectScalarError(() => writeULong(0.5), 'INVALID_NUMBER');
  });

  it('law: read(write(n)) === n', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (n) => readULong(writeULong(n)) === n));
  });
});

describe('the schemas', () => {
  const Dto = t.object({ B: t.byte(), Sb: t.sbyte(), S: t.short(), Us: t.ushort(), U: t.uint(), Ul: t.ulong() });

  it('read and write what ServiceStack writes for AllTypes-like members', () => {
    const text = '{B:255,Sb:-128,S:-32768,Us:65535,U:4294967295,Ul:18446744073709551615}';
    const value = parse(text, Dto);
    expect(value).toEqual({ B: 255, Sb: -128, S: -32768, Us: 65535, U: 4294967295, Ul: 18446744073709551615n });
    expect(stringify(value, Dto)).toBe(text);
  });

  it('report out-of-range text with its path, position and the .NET type', () => {
    const error = errorOf(() => parse('{B:1,Us:65536}', Dto));
    expect(error).toMatchObject({ code: 'OUT_OF_RANGE', path: 'Us', offset: 8 });
    expect(error.reason).toContain('(ushort)');
    const issues = safeParse('{B:256,Sb:128,S:x,U:-1,Ul:-1}', Dto);
    expect(issues.success).toBe(false);
    expect(issues.issues?.map((i) => [i.path, i.code])).toEqual([
      ['B', 'OUT_OF_RANGE'],
      ['Sb', 'OUT_OF_RANGE'],
      ['S', 'INVALID_NUMBER'],
      ['U', 'INVALID_NUMBER'],
      ['Ul', 'INVALID_NUMBER'],
    ]);
  });

  it('report out-of-range values on write with their path', () => {
    expect(errorOf(() => stringify({ B: 256 }, Dto))).toMatchObject({ code: 'OUT_OF_RANGE', path: 'B' });
    expect(errorOf(() => stringify({ Ul: -1n }, Dto))).toMatchObject({ code: 'OUT_OF_RANGE', path: 'Ul' });
    expect(errorOf(() => stringify({ S: '1' as never }, Dto))).toMatchObject({ code: 'INVALID_TYPE', path: 'S' });
  });

  it('have their .NET names and kinds', () => {
    expect([t.byte(), t.sbyte(), t.short(), t.ushort(), t.uint(), t.ulong()].map((s) => [s.kind, s.name])).toEqual([
      ['byte', 'byte'],
      ['sbyte', 'sbyte'],
      ['short', 'short'],
      ['ushort', 'ushort'],
      ['uint', 'uint'],
      ['ulong', 'ulong'],
    ]);
  });

  it('validate with Standard Schema, with paths', () => {
    const result = Dto['~standard'].validate({ B: 300, U: 1 });
    expect(result).toMatchObject({ issues: [{ path: ['B'] }] });
    expect(Dto['~standard'].validate({ B: 3, Ul: 5n })).toEqual({ value: { B: 3, Ul: 5n } });
  });

  it('leave 0 out under excludeDefaultValues', () => {
    expect(stringify({ B: 0, U: 0, Ul: 0n, S: 1 }, Dto, { excludeDefaultValues: true })).toBe('{S:1}');
  });
});
