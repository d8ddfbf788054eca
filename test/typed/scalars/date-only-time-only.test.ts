/**
 * DateOnly and TimeOnly (.NET 6+): `JsvTypeSerializer.WriteDateOnly` writes `ToString("O")`,
 * `WriteTimeOnly` the XSD duration of the time of day; `DeserializeBuiltin` reads them through
 * `ParseShortestXsdDateTime` and `ParseTimeSpan`. Texts from ServiceStack.Text's `Net6TypeTests`:
 * `Can_jsv_serialize_DateOnly` (`2001-01-13`, `{Date:2001-01-13}`) and `Can_jsv_serialize_TimeOnly`
 * (`PT13H13M13S`, `{Time:PT13H13M13S}`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, parse, stringify, t } from '../../../src/index.js';
import { isDateOnly, readDateOnly, writeDateOnly } from '../../../src/typed/scalars/date-only.js';
import { isTimeOnly, readTimeOnly, writeTimeOnly } from '../../../src/typed/scalars/time-only.js';
import { arbitrary } from '../../../src/testing/arbitrary.js';
import { errorOf } from '../../helpers/errors.js';
import { expectScalarError } from './expect-error.js';

describe('DateOnly', () => {
  it('Net6TypeTests: 2001-01-13 and {Date:2001-01-13}', () => {
    expect(readDateOnly('2001-01-13')).toBe('2001-01-13');
    expect(writeDateOnly('2001-01-13')).toBe('2001-01-13');
    const Dto = t.object({ Date: t.dateOnly() });
    expect(parse('{Date:2001-01-13}', Dto)).toEqual({ Date: '2001-01-13' });
    expect(stringify({ Date: '2001-01-13' }, Dto)).toBe('{Date:2001-01-13}');
  });

  it.each([
    ['0001-01-01', '0001-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['2000-02-29', '2000-02-29'],
    ['2001-01-13T10:11:12Z', '2001-01-13'],
    ['2001-01-13T23:59:59.9999999-05:00', '2001-01-13'],
    ['20010113', '2001-01-13'],
    ['2011-8-4', '2011-08-04'],
    ['/Date(979344000000)/', '2001-01-13'],
    [' 2001-01-13 ', '2001-01-13'],
  ])('reads any DateTime text, keeping its date: %j is %s', (text, date) => {
    expect(readDateOnly(text)).toBe(date);
  });

  it.each(['', 'x', '2001-02-29', '2001-13-01', '2001-1-1x', 'PT1H'])('%j is INVALID_DATE', (text) => {
    expectScalarError(() => readDateOnly(text), 'INVALID_DATE');
  });

  it('writes only a real yyyy-MM-dd date', () => {
    for (const bad of ['2001-1-13', '2001-02-29', '0000-01-01', '2001-01-13T00:00:00', ' 2001-01-13', '10000-01-01']) {
      expect(isDateOnly(bad)).toBe(false);
      expectScalarError(() => writeDateOnly(bad), 'INVALID_DATE');
    }
    expect(errorOf(() => stringify({ D: '2001-02-30' }, t.object({ D: t.dateOnly() })))).toMatchObject({ code: 'INVALID_TYPE', path: 'D' });
  });

  it('law: read(write(d)) === d', () => {
    fc.assert(fc.property(arbitrary(t.dateOnly()), (date) => readDateOnly(writeDateOnly(date)) === date));
  });
});

describe('TimeOnly', () => {
  it('Net6TypeTests: 13:13:13 is PT13H13M13S and {Time:PT13H13M13S}', () => {
    expect(writeTimeOnly('13:13:13')).toBe('PT13H13M13S');
    expect(readTimeOnly('PT13H13M13S')).toBe('13:13:13');
    const Dto = t.object({ Time: t.timeOnly() });
    expect(parse('{Time:PT13H13M13S}', Dto)).toEqual({ Time: '13:13:13' });
    expect(stringify({ Time: '13:13:13' }, Dto)).toBe('{Time:PT13H13M13S}');
  });

  it.each([
    ['00:00', 'PT0S'],
    ['00:00:00', 'PT0S'],
    ['00:00:00.0000001', 'PT0.0000001S'],
    ['01:30', 'PT1H30M'],
    ['23:59:59.9999999', 'PT23H59M59.9999999S'],
    ['12:00:00.5', 'PT12H0.5S'],
  ])('writes %s as %s (ToXsdTimeSpanString of the time of day)', (time, text) => {
    expect(writeTimeOnly(time)).toBe(text);
  });

  it.each([
    ['PT0S', '00:00:00'],
    ['PT23H59M59.9999999S', '23:59:59.9999999'],
    ['PT12H0.5S', '12:00:00.5'],
    ['13:13:13', '13:13:13'],
    ['90', '00:01:30'],
    ['P0DT1H', '01:00:00'],
  ])('reads any TimeSpan text: %j is %s', (text, time) => {
    expect(readTimeOnly(text)).toBe(time);
  });

  it('rejects spans TimeOnly.FromTimeSpan rejects (below zero, a day or more) with OUT_OF_RANGE', () => {
    for (const text of ['P1D', 'PT24H', '-PT1S', '1.00:00:00', '-00:00:01']) expectScalarError(() => readTimeOnly(text), 'OUT_OF_RANGE');
    expectScalarError(() => readTimeOnly('noon'), 'INVALID_TIMESPAN');
    expectScalarError(() => readTimeOnly(''), 'INVALID_TIMESPAN');
  });

  it('writes only HH:mm[:ss[.f]] times of day', () => {
    for (const bad of ['24:00', '1:00', '12:60', '12:00:60', '12:00:00.12345678', 'PT1H', '', ' 12:00']) {
      expect(isTimeOnly(bad)).toBe(false);
      expectScalarError(() => writeTimeOnly(bad), 'INVALID_TIMESPAN');
    }
  });

  it('law: read(write(x)) === x for decoded times', () => {
    fc.assert(fc.property(arbitrary(t.timeOnly()), (time) => readTimeOnly(writeTimeOnly(time)) === time));
  });

  it('reports bad text with its path', () => {
    expect(errorOf(() => parse('{T:P2D}', t.object({ T: t.timeOnly() })))).toMatchObject({ code: 'OUT_OF_RANGE', path: 'T', offset: 3 });
  });
});

describe('whitespace modes', () => {
  const Dto = t.object({ b: t.byte(), us: t.ushort(), ul: t.ulong(), dto: t.dateTimeOffset(), d: t.dateOnly(), tm: t.timeOnly() });
  const text = '{b:255,us:65535,ul:18446744073709551615,dto:2012-06-27T11:26:04.5240000-05:00,d:2001-01-13,tm:PT13H13M13S}';

  it('the text ServiceStack writes reads the same in strict and tolerant mode, and pretty-printed in tolerant mode', () => {
    const strict = parse(text, Dto, { whitespace: 'strict' });
    expect(parse(text, Dto)).toEqual(strict);
    expect(parse(format(text), Dto)).toEqual(strict);
    expect(stringify(strict, Dto)).toBe(text);
  });

  it('strict mode keeps blanks as data: the scalar readers then trim them as ServiceStack does, or reject them', () => {
    // SignedInteger/UnsignedInteger and DateTime parsing skip blanks; a time-only XSD duration does not.
    expect(parse('{b: 7 ,d: 2001-01-13 }', Dto, { whitespace: 'strict' })).toEqual({ b: 7, d: '2001-01-13' });
    expect(errorOf(() => parse('{tm: PT1H}', Dto, { whitespace: 'strict' }))).toMatchObject({ code: 'INVALID_TIMESPAN', path: 'tm' });
    expect(parse('{tm: PT1H}', Dto, { whitespace: 'tolerant' })).toEqual({ tm: '01:00:00' });
  });

  it('law: arbitrary values round-trip in both modes', () => {
    fc.assert(
      fc.property(arbitrary(Dto), fc.constantFrom('strict', 'tolerant') as fc.Arbitrary<'strict' | 'tolerant'>, (value, whitespace) => {
        expect(parse(stringify(value, Dto), Dto, { whitespace })).toEqual(value);
      }),
    );
  });
});
