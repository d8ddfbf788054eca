import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsvDateTime, readDate, readDateTime, writeDate, writeDateTime } from '../../../src/typed/scalars/date-time.js';
import { expectScalarError } from './expect-error.js';

const TICKS_PER_MS = 10_000n;
const EPOCH = 621_355_968_000_000_000n; // 1970-01-01 in .NET ticks
const at = (iso: string, extraTicks = 0n) => EPOCH + BigInt(Date.parse(iso)) * TICKS_PER_MS + extraTicks;

describe('writeDateTime (jsv-spec §2.6 rows 3–7, .NET Core)', () => {
  it.each([
    [new JsvDateTime(at('2021-03-04T00:00:00Z'), 'Utc'), '2021-03-04'], // row 3
    [new JsvDateTime(0n), '0001-01-01'], // row 3, DateTime.MinValue
    [new JsvDateTime(at('1979-05-09T00:00:00Z'), 'Unspecified'), '1979-05-09'], // vector 20
    [new JsvDateTime(at('2010-12-20T00:00:00Z'), 'Local', 60), '2010-12-20'], // vector 56
    [new JsvDateTime(at('2021-03-04T05:06:07Z'), 'Utc'), '2021-03-04T05:06:07Z'], // row 4
    [new JsvDateTime(at('1979-05-09T00:00:01Z'), 'Utc'), '1979-05-09T00:00:01Z'], // vector 48
    [new JsvDateTime(at('1979-05-09T00:00:00.001Z'), 'Utc'), '1979-05-09T00:00:00.0010000Z'], // vector 48
    [new JsvDateTime(at('2021-03-04T05:06:07Z', 1234567n), 'Utc'), '2021-03-04T05:06:07.1234567Z'], // row 5
    [new JsvDateTime(at('2021-03-04T05:06:07.5Z'), 'Utc'), '2021-03-04T05:06:07.5000000Z'],
    [new JsvDateTime(at('2021-03-04T00:00:00Z', 1n), 'Utc'), '2021-03-04T00:00:00.0000001Z'],
    [new JsvDateTime(at('2021-03-04T05:06:07Z'), 'Local', 0), '2021-03-04T05:06:07+00:00'], // row 6
    [new JsvDateTime(at('2021-03-04T05:06:07Z'), 'Local', -300), '2021-03-04T05:06:07-05:00'],
    [new JsvDateTime(at('2021-03-04T05:06:07Z', 1234567n), 'Local', 0), '2021-03-04T05:06:07.1234567+00:00'], // row 7
    [new JsvDateTime(JsvDateTime.MAX_TICKS, 'Local', 0), '9999-12-31T23:59:59.9999999+00:00'],
    [new JsvDateTime(at('2021-03-04T05:06:07Z'), 'Unspecified'), '2021-03-04T05:06:07'], // no host zone: no offset
  ])('%s is written %j', (value, text) => {
    expect(writeDateTime(value)).toBe(text);
  });
});

describe('readDateTime (jsv-spec §3.8)', () => {
  it.each([
    ['/Date(1614834367000)/', at('2021-03-04T05:06:07Z'), 'Utc', undefined],
    ['\\/Date(1614834367000)\\/', at('2021-03-04T05:06:07Z'), 'Utc', undefined],
    ['/Date(-1000)/', at('1969-12-31T23:59:59Z'), 'Utc', undefined],
    ['/Date(1614834367000-0500)/', at('2021-03-04T00:06:07Z'), 'Local', -300],
    ['/Date(1614834367000+0000)/', at('2021-03-04T05:06:07Z'), 'Local', 0],
    ['2021-03-04T05:06:07', at('2021-03-04T05:06:07Z'), 'Unspecified', undefined], // length 19
    ['2021-03-04 05:06:07', at('2021-03-04T05:06:07Z'), 'Unspecified', undefined],
    ['06/01/2010 21:52:59', at('2010-06-01T21:52:59Z'), 'Unspecified', undefined], // month first
    ['2010-06-01 21:52:59.280', at('2010-06-01T21:52:59.280Z'), 'Unspecified', undefined], // vector 50
    ['2021-03-04T05:06:07Z', at('2021-03-04T05:06:07Z'), 'Utc', undefined],
    ['2021-03-04 05:06:07Z', at('2021-03-04T05:06:07Z'), 'Utc', undefined], // space repaired
    ['2021-03-04T05:06:07.1Z', at('2021-03-04T05:06:07.1Z'), 'Utc', undefined],
    ['2021-03-04T05:06:07.123Z', at('2021-03-04T05:06:07.123Z'), 'Utc', undefined],
    ['2021-03-04T05:06:07.1234567Z', at('2021-03-04T05:06:07Z', 1234567n), 'Utc', undefined],
    ['2010-02-18T12:10:29.804602Z', at('2010-02-18T12:10:29.804Z', 6020n), 'Utc', undefined], // vector 29
    ['2021-03-04T05:06:07+01:00', at('2021-03-04T05:06:07Z'), 'Local', 60],
    ['2021-03-04T05:06:07.1234567-05:00', at('2021-03-04T05:06:07Z', 1234567n), 'Local', -300],
    ['2021-03-04T05:06:07+0530', at('2021-03-04T05:06:07Z'), 'Local', 330],
    ['20210304', at('2021-03-04T00:00:00Z'), 'Unspecified', undefined],
    ['2021-03-04', at('2021-03-04T00:00:00Z'), 'Unspecified', undefined],
    ['0001-01-01', 0n, 'Unspecified', undefined], // vector 29: ActivationDate
    ['28/06/2015', at('2015-06-28T00:00:00Z'), 'Unspecified', undefined], // vector 33
    ['6/28/2015', at('2015-06-28T00:00:00Z'), 'Unspecified', undefined], // vector 33
    ['02/01/2020', at('2020-01-02T00:00:00Z'), 'Unspecified', undefined], // day first at length 10
    ['06/28/2015', at('2015-06-28T00:00:00Z'), 'Unspecified', undefined], // not a day-first date
    ['2011-8-4', at('2011-08-04T00:00:00Z'), 'Unspecified', undefined], // vector 49
    ['2011-8-05', at('2011-08-05T00:00:00Z'), 'Unspecified', undefined],
    ['2011-09-4', at('2011-09-04T00:00:00Z'), 'Unspecified', undefined],
    ['1979-05-09', at('1979-05-09T00:00:00Z'), 'Unspecified', undefined], // vector 20
    [' 2021-03-04T05:06 ', at('2021-03-04T05:06:00Z'), 'Unspecified', undefined],
    ['9999-12-31T23:59:59.9999999Z', JsvDateTime.MAX_TICKS, 'Utc', undefined],
  ])('%j reads', (text, ticks, kind, offset) => {
    const value = readDateTime(text);
    expect(value.ticks).toBe(ticks);
    expect(value.kind).toBe(kind);
    expect(value.offsetMinutes).toBe(offset);
  });
  it.each(['notadate', '', '2021-02-29', '2021-13-01', '2021-03-04T24:00:00', '2021-03-04T05:60', '2021-03-04T05:06:07.12345678Z', '2021-03-04T05:06:07+15:00', '/Date(abc)/', '2021-03-04T05:06:07 Z', '21-03-04', '1614834367', '0000-01-01'])(
    '%j is INVALID_DATE (R1)',
    (text) => {
      expectScalarError(() => readDateTime(text), 'INVALID_DATE');
    },
  );
  it('an instant before year 1 is OUT_OF_RANGE', () => {
    expectScalarError(() => readDateTime('/Date(-62135596801000)/'), 'OUT_OF_RANGE');
  });
});

describe('JsvDateTime', () => {
  it('converts to and from Date', () => {
    const value = JsvDateTime.fromDate(new Date('2021-03-04T05:06:07.089Z'));
    expect(value.kind).toBe('Utc');
    expect(value.ticks).toBe(at('2021-03-04T05:06:07.089Z'));
    expect(value.toDate().toISOString()).toBe('2021-03-04T05:06:07.089Z');
    expect(readDateTime('2021-03-04T05:06:07-05:00').toDate().toISOString()).toBe('2021-03-04T10:06:07.000Z');
    expect(readDateTime('0001-01-01T00:00:00.0000001Z').toDate().toISOString()).toBe('0001-01-01T00:00:00.000Z');
  });
  it('enforces its invariants', () => {
    expect(() => new JsvDateTime(-1n)).toThrow(RangeError);
    expect(() => new JsvDateTime(0n, 'Local')).toThrow(RangeError);
    expect(() => new JsvDateTime(0n, 'Utc', 0)).toThrow(RangeError);
    expect(() => new JsvDateTime(0n, 'Local', 15 * 60)).toThrow(RangeError);
  });
  it('equals compares ticks, kind and offset', () => {
    expect(readDateTime('2021-03-04T05:06:07Z').equals(readDateTime('2021-03-04T05:06:07.0000000Z'))).toBe(true);
    expect(readDateTime('2021-03-04T05:06:07Z').equals(readDateTime('2021-03-04T05:06:07+00:00'))).toBe(false);
  });
});

describe('readDate / writeDate', () => {
  it('write a UTC Date as ServiceStack writes a UTC DateTime', () => {
    expect(writeDate(new Date('1979-05-09T00:00:00Z'))).toBe('1979-05-09');
    expect(writeDate(new Date('1979-05-09T00:00:01Z'))).toBe('1979-05-09T00:00:01Z');
    expect(writeDate(new Date('1979-05-09T00:00:00.001Z'))).toBe('1979-05-09T00:00:00.0010000Z');
    expectScalarError(() => writeDate(new Date(NaN)), 'INVALID_DATE');
    expectScalarError(() => writeDate(new Date('+010000-01-01T00:00:00Z')), 'OUT_OF_RANGE');
  });
  it('law: readDate(writeDate(d)) is the same instant', () => {
    const dates = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(fc.property(dates, (d) => readDate(writeDate(d)).getTime() === d.getTime()));
  });
});

describe('laws', () => {
  const ticks = fc.bigInt({ min: 0n, max: JsvDateTime.MAX_TICKS });
  const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
  const value = fc.oneof(
    ticks.map((t) => new JsvDateTime(t, 'Utc')),
    ticks.map((t) => new JsvDateTime(t, 'Unspecified')),
    fc.tuple(ticks, offset).map(([t, o]) => new JsvDateTime(t, 'Local', o)),
  );
  it('read(write(x)) equals x, except that midnight keeps only the date (row 3, as ServiceStack)', () => {
    fc.assert(
      fc.property(value, (x) => {
        const back = readDateTime(writeDateTime(x));
        if (x.ticks % 864_000_000_000n === 0n) expect(back.equals(new JsvDateTime(x.ticks))).toBe(true);
        else expect(back.equals(x)).toBe(true);
      }),
    );
  });
  it('write(read(t)) === t for every text ServiceStack writes (rows 3–7)', () => {
    fc.assert(
      fc.property(value, (x) => {
        const text = writeDateTime(x);
        expect(writeDateTime(readDateTime(text))).toBe(text);
      }),
    );
  });
});
