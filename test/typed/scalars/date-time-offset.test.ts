/**
 * DateTimeOffset: written `ToString("o")` (`JsvTypeSerializer.WriteDateTimeOffset`), read by
 * `DateTimeSerializer.ParseDateTimeOffset`. Texts from jsv-spec §2.5 and ServiceStack.Text's
 * `JsonDateTimeTests` (ISO-8601 TimeStampOffset tests: the same writer and reader).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsvDateTimeOffset, parse, stringify, t } from '../../../src/index.js';
import { readDateTimeOffset, writeDateTimeOffset } from '../../../src/typed/scalars/date-time-offset.js';
import { arbitrary } from '../../../src/testing/arbitrary.js';
import { errorOf } from '../../helpers/errors.js';
import { expectScalarError } from './expect-error.js';

/** Ticks of a wall-clock time, computed through Date.UTC (independent of the calendar module). */
function ticksOf(iso: string, fractionTicks = 0n): bigint {
  return (BigInt(Date.parse(iso + 'Z')) + 62135596800000n) * 10_000n + fractionTicks;
}

describe('writeDateTimeOffset', () => {
  it.each([
    [ticksOf('2012-06-27T11:26:04', 5_240_000n), 0, '2012-06-27T11:26:04.5240000+00:00'],
    [ticksOf('2012-06-27T11:26:04'), -300, '2012-06-27T11:26:04.0000000-05:00'],
    [ticksOf('1994-11-24T12:34:56'), 0, '1994-11-24T12:34:56.0000000+00:00'],
    [ticksOf('1994-11-24T12:34:56'), -420, '1994-11-24T12:34:56.0000000-07:00'],
    [ticksOf('2021-03-04T00:00:00'), 330, '2021-03-04T00:00:00.0000000+05:30'],
    [0n, 0, '0001-01-01T00:00:00.0000000+00:00'],
    [JsvDateTimeOffset.MAX_TICKS, 0, '9999-12-31T23:59:59.9999999+00:00'],
  ])('%s at %d minutes is %s', (ticks, offset, text) => {
    expect(writeDateTimeOffset(new JsvDateTimeOffset(ticks, offset))).toBe(text);
    // What ServiceStack writes reads back to the same value.
    expect(readDateTimeOffset(text).equals(new JsvDateTimeOffset(ticks, offset))).toBe(true);
  });
});

describe('readDateTimeOffset', () => {
  it.each([
    // JsonDateTimeTests: `Z` and no offset read as UTC; an offset is kept as specified.
    ['1994-11-24T12:34:56Z', '1994-11-24T12:34:56.0000000+00:00'],
    ['1994-11-24T12:34:56', '1994-11-24T12:34:56.0000000+00:00'],
    ['1994-11-24T12:34:56-07:00', '1994-11-24T12:34:56.0000000-07:00'],
    ['2012-11-20T21:37:32.87+02:00', '2012-11-20T21:37:32.8700000+02:00'],
    ['2016-01-10T12:12:12.002+05:00', '2016-01-10T12:12:12.0020000+05:00'],
    ['2012-06-27', '2012-06-27T00:00:00.0000000+00:00'],
    ['2012-06-27 11:26', '2012-06-27T11:26:00.0000000+00:00'],
    ['2012-06-27T11:26:04+0130', '2012-06-27T11:26:04.0000000+01:30'],
    ['2012-06-27T11:26:04-03', '2012-06-27T11:26:04.0000000-03:00'],
    [' 2012-06-27T11:26:04Z\t', '2012-06-27T11:26:04.0000000+00:00'],
    // DateTimeOffset.Parse reads slash dates month first in the invariant culture.
    ['02/01/2020', '2020-02-01T00:00:00.0000000+00:00'],
    ['6/28/2015', '2015-06-28T00:00:00.0000000+00:00'],
    // WCF: no offset is UTC; an offset shows the same instant at that offset.
    ['/Date(0)/', '1970-01-01T00:00:00.0000000+00:00'],
    ['\\/Date(1000)\\/', '1970-01-01T00:00:01.0000000+00:00'],
    ['/Date(0+0100)/', '1970-01-01T01:00:00.0000000+01:00'],
    ['/Date(0-0500)/', '1969-12-31T19:00:00.0000000-05:00'],
    ['/Date(0-0000)/', '1970-01-01T00:00:00.0000000+00:00'],
    // ServiceStack's fixed WCF spellings of MinValue and MaxValue (ParseWcfJsonDateOffset).
    ['\\/Date(-62135596800000)\\/', '0001-01-01T00:00:00.0000000+00:00'],
    ['\\/Date(253402300799999)\\/', '9999-12-31T23:59:59.9999999+00:00'],
    ['/Date(253402300799999)/', '9999-12-31T23:59:59.9990000+00:00'],
  ])('%j reads as %s', (text, written) => {
    expect(writeDateTimeOffset(readDateTimeOffset(text))).toBe(written);
  });

  it.each(['', 'x', '20200102', '2021-13-01', '2021-02-30T00:00:00Z', '2021-03-04T24:00:00Z', '2021-03-04T05:06:07+15:00', '2021-03-04T05:06:07+01:60', 'PT1H'])('%j is INVALID_DATE', (text) => {
    expectScalarError(() => readDateTimeOffset(text), 'INVALID_DATE');
  });

  it('rejects a wall-clock time whose UTC time falls outside .NET range (OUT_OF_RANGE)', () => {
    expectScalarError(() => readDateTimeOffset('0001-01-01T00:00:00+01:00'), 'OUT_OF_RANGE');
    expectScalarError(() => readDateTimeOffset('9999-12-31T23:00:00-01:00'), 'OUT_OF_RANGE');
    expect(readDateTimeOffset('0001-01-01T00:00:00-01:00').utcTicks).toBe(36_000_000_000n);
  });
});

describe('JsvDateTimeOffset', () => {
  it('keeps the offset and converts to and from Date', () => {
    const value = JsvDateTimeOffset.fromDate(new Date('2012-06-27T16:26:04.524Z'), -300);
    expect(value.toString()).toBe('2012-06-27T11:26:04.5240000-05:00');
    expect(value.toDate().toISOString()).toBe('2012-06-27T16:26:04.524Z');
    expect(value.equals(JsvDateTimeOffset.fromDate(new Date('2012-06-27T16:26:04.524Z'), 0))).toBe(false);
  });

  it('refuses offsets beyond ±14 hours, fractions of a minute and times outside the range', () => {
    expect(() => new JsvDateTimeOffset(0n, 841)).toThrow(RangeError);
    expect(() => new JsvDateTimeOffset(ticksOf('2020-01-01T00:00:00'), 1.5)).toThrow(RangeError);
    expect(() => new JsvDateTimeOffset(0n, 60)).toThrow(RangeError);
    expect(() => new JsvDateTimeOffset(-1n)).toThrow(RangeError);
    expect(() => JsvDateTimeOffset.fromDate(new Date(NaN))).toThrow(RangeError);
  });

  it('law: read(write(x)) equals x, and write(read(write(x))) is the same text', () => {
    fc.assert(
      fc.property(arbitrary(t.dateTimeOffset()), (value) => {
        const text = writeDateTimeOffset(value);
        const back = readDateTimeOffset(text);
        expect(back.equals(value)).toBe(true);
        expect(writeDateTimeOffset(back)).toBe(text);
      }),
    );
  });

  it('law: the instant survives any offset (utcTicks agrees with Date)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0002-01-01T00:00:00Z'), max: new Date('9998-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -840, max: 840 }), (date, offset) => {
        expect(JsvDateTimeOffset.fromDate(date, offset).toDate().getTime()).toBe(date.getTime());
      }),
    );
  });
});

describe('t.dateTimeOffset()', () => {
  const Dto = t.object({ At: t.dateTimeOffset() });
  it('reads and writes DTO members byte for byte', () => {
    const text = '{At:2012-06-27T11:26:04.5240000+00:00}';
    const value = parse(text, Dto);
    expect(value.At).toBeInstanceOf(JsvDateTimeOffset);
    expect(stringify(value, Dto)).toBe(text);
  });
  it('reports bad text with the path and bad values on write', () => {
    expect(errorOf(() => parse('{At:yesterday}', Dto))).toMatchObject({ code: 'INVALID_DATE', path: 'At', offset: 4 });
    expect(errorOf(() => stringify({ At: new Date() as never }, Dto))).toMatchObject({ code: 'INVALID_TYPE', path: 'At' });
  });
});
