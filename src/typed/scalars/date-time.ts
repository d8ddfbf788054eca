/**
 * `DateTime`: a lossless value (`JsvDateTime`: ticks, kind and the offset as written), read from
 * every form ServiceStack reads and written as ServiceStack writes on .NET Core
 * ( rows 3–7).
 */
import { formatUtcDate } from '../../syntax/date-text.js';
import { isUnicodeBlank, show, trimWith } from './blanks.js';
import {
  clockText,
  dateText,
  daysFromCivil,
  EPOCH_TICKS,
  MAX_OFFSET_MINUTES,
  MAX_TICKS,
  offsetText,
  TICKS_PER_DAY,
  TICKS_PER_MINUTE,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
  validDate,
} from './calendar.js';
import { ScalarError } from './scalar-error.js';

export type DateTimeKind = 'Utc' | 'Local' | 'Unspecified';

/**
 * A .NET `DateTime` without loss: `ticks` (100 ns units since 0001-01-01T00:00:00) of the
 * wall-clock time, its `kind`, and for `Local` values the UTC offset the text was written with.
 *
 * jsvkit never consults the host's time zone. Where ServiceStack converts a `Z` or offset form to
 * the server's local time, jsvkit keeps what was written:
 * - `…Z` and WCF `/Date(ms)/` read as `Utc`;
 * - an offset form (`…+01:00`, `/Date(ms-0500)/`) reads as `Local` with that wall-clock time and
 *   `offsetMinutes`, and is written back with the same offset;
 * - a form without zone reads as `Unspecified` and is written back without an offset (the form
 *   ServiceStack writes under `SkipDateTimeConversion`), where ServiceStack would append the
 *   server's offset.
 * So `Local` always has an offset and the other kinds never do.
 */
export class JsvDateTime {
  /** `DateTime.MinValue`, 0001-01-01T00:00:00. */
  static readonly MIN_TICKS = 0n;
  /** `DateTime.MaxValue`, 9999-12-31T23:59:59.9999999. */
  static readonly MAX_TICKS = MAX_TICKS;

  readonly ticks: bigint;
  readonly kind: DateTimeKind;
  /** Minutes east of UTC, for `Local` values only (e.g. -300 for `-05:00`). */
  readonly offsetMinutes: number | undefined;

  /**
   * @param ticks wall-clock ticks from 0 to `JsvDateTime.MAX_TICKS`.
   * @param kind defaults to `Unspecified`.
   * @param offsetMinutes required for `Local`, not allowed otherwise; a whole number of minutes
   * within ±14 hours.
   * @throws RangeError when these rules are broken.
   */
  constructor(ticks: bigint, kind: DateTimeKind = 'Unspecified', offsetMinutes?: number) {
    if (ticks < 0n || ticks > MAX_TICKS) throw new RangeError(`DateTime ticks out of range: ${ticks}`);
    if ((kind === 'Local') !== (offsetMinutes !== undefined)) {
      throw new RangeError('A Local DateTime needs offsetMinutes; Utc and Unspecified ones take none');
    }
    if (offsetMinutes !== undefined && (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES)) {
      throw new RangeError(`UTC offset out of range: ${offsetMinutes} minutes`);
    }
    this.ticks = ticks;
    this.kind = kind;
    this.offsetMinutes = offsetMinutes;
  }

  /** A `Utc` value for the instant of `date` (millisecond precision). @throws RangeError for an invalid date or one outside years 1–9999. */
  static fromDate(date: Date): JsvDateTime {
    const ms = date.getTime();
    if (ms !== ms) throw new RangeError('Invalid Date');
    return new JsvDateTime(EPOCH_TICKS + BigInt(ms) * TICKS_PER_MS, 'Utc');
  }

  /** Ticks of the UTC instant: `Local` values subtract their offset; `Unspecified` ones count as UTC. */
  get utcTicks(): bigint {
    return this.offsetMinutes === undefined ? this.ticks : this.ticks - BigInt(this.offsetMinutes) * TICKS_PER_MINUTE;
  }

  /**
   * The instant as a JavaScript `Date` (`Unspecified` counts as UTC). Ticks below a millisecond are
   * dropped (rounded toward the past).
   */
  toDate(): Date {
    const ticks = this.utcTicks - EPOCH_TICKS;
    const ms = ticks >= 0n ? ticks / TICKS_PER_MS : -((-ticks + TICKS_PER_MS - 1n) / TICKS_PER_MS);
    return new Date(Number(ms));
  }

  /** Same ticks, kind and offset. */
  equals(other: JsvDateTime): boolean {
    return this.ticks === other.ticks && this.kind === other.kind && this.offsetMinutes === other.offsetMinutes;
  }

  /** The JSV text (`writeDateTime`). */
  toString(): string {
    return writeDateTime(this);
  }
}

/**
 * Writes a DateTime as ServiceStack does on .NET Core:
 * - time of day exactly 0, any kind: `yyyy-MM-dd` (so kind and offset are not written, as in
 *   ServiceStack, and such a value reads back `Unspecified`);
 * - `Utc`: `yyyy-MM-ddTHH:mm:ssZ`, or with exactly seven fraction digits when there is a fraction;
 * - `Local`: the same with the value's own offset, `±hh:mm`, instead of `Z`;
 * - `Unspecified`: the same with no zone at all (see `JsvDateTime` for why).
 */
export function writeDateTime(value: JsvDateTime): string {
  const date = dateText(value.ticks);
  const time = value.ticks % TICKS_PER_DAY;
  if (time === 0n) return date;
  const text = `${date}T${clockText(time)}`;
  if (value.kind === 'Utc') return `${text}Z`;
  if (value.offsetMinutes === undefined) return text;
  return text + offsetText(value.offsetMinutes);
}

function invalid(text: string): ScalarError {
  return new ScalarError('INVALID_DATE', `Expected a date such as 2021-03-04, 2021-03-04T05:06:07Z or /Date(1614834367000)/, found ${show(text)}`);
}

// WCF JSON dates: `/Date(ms)/`, `/Date(ms+hhmm)/`, and the same with escaped slashes.
const WCF = /^\\?\/Date\((-?\d{1,15})([+-]\d{4})?\)\\?\/$/;
// ISO-like forms: `yyyy-M-d`, `yyyy/M/d`, optional time with `T` or a space, optional zone.
const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
// Slash forms with the year last: month first (invariant culture), or day first for exactly `dd/MM/yyyy`.
const YEAR_LAST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const CONDENSED = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a DateTime in any form ServiceStack reads: WCF `/Date(ms)/`,
 * `/Date(ms-0500)/` and `\/Date(...)\/`; `yyyy-MM-dd`; `yyyyMMdd`; `dd/MM/yyyy` (exactly ten
 * characters, day first, as ServiceStack's manual parser; month first if that is no date);
 * `M/d/yyyy`; `2011-8-4`; a time after `T` or a space (`HH:mm`, `HH:mm:ss`, 1–7 fraction digits);
 * `Z`, `±hh:mm`, `±hhmm` or `±hh`. Surrounding whitespace is ignored. Kinds as `JsvDateTime` says.
 * Empty text is the caller's decision (ServiceStack reads `DateTime.MinValue`).
 * @throws ScalarError `INVALID_DATE`, or `OUT_OF_RANGE` for a valid form outside 0001–9999.
 */
export function readDateTime(text: string): JsvDateTime {
  const body = trimWith(text, isUnicodeBlank);
  if (body.length > 40) throw invalid(text);
  const wcf = WCF.exec(body);
  if (wcf !== null) {
    const utc = EPOCH_TICKS + BigInt(wcf[1]!) * TICKS_PER_MS;
    if (wcf[2] === undefined) return build(text, utc, 'Utc', undefined);
    const z = wcf[2];
    const offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
    return build(text, utc + BigInt(offset) * TICKS_PER_MINUTE, 'Local', offset);
  }
  const condensed = CONDENSED.exec(body);
  if (condensed !== null) return fromFields(text, +condensed[1]!, +condensed[2]!, +condensed[3]!, [], undefined);
  const yearFirst = YEAR_FIRST.exec(body);
  if (yearFirst !== null) {
    return fromFields(text, +yearFirst[1]!, +yearFirst[3]!, +yearFirst[4]!, yearFirst.slice(5, 9), yearFirst[9]);
  }
  const yearLast = YEAR_LAST.exec(body);
  if (yearLast !== null) {
    const first = +yearLast[1]!;
    const second = +yearLast[2]!;
    const year = +yearLast[3]!;
    const time = yearLast.slice(4, 8);
    // ServiceStack's manual parser reads a ten-character `dd/MM/yyyy` day first; when that is not
    // a date, DateTime.Parse reads it month first.
    if (body.length === 10 && validDate(year, second, first)) return fromFields(text, year, second, first, time, undefined);
    return fromFields(text, year, first, second, time, yearLast[8]);
  }
  throw invalid(text);
}

function fromFields(text: string, year: number, month: number, day: number, time: (string | undefined)[], zone: string | undefined): JsvDateTime {
  if (!validDate(year, month, day)) throw invalid(text);
  const [h, m, s, f] = time;
  const hour = h === undefined ? 0 : +h;
  const minute = m === undefined ? 0 : +m;
  const second = s === undefined ? 0 : +s;
  if (hour > 23 || minute > 59 || second > 59) throw invalid(text);
  const fraction = f === undefined ? 0n : BigInt(f.padEnd(7, '0'));
  const ticks =
    BigInt(daysFromCivil(year, month, day)) * TICKS_PER_DAY + BigInt((hour * 60 + minute) * 60 + second) * TICKS_PER_SECOND + fraction;
  if (zone === undefined) return build(text, ticks, 'Unspecified', undefined);
  if (zone === 'Z') return build(text, ticks, 'Utc', undefined);
  const hours = Number(zone.slice(1, 3));
  const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
  if (minutes > 59) throw invalid(text);
  const offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  if (Math.abs(offset) > MAX_OFFSET_MINUTES) throw invalid(text);
  return build(text, ticks, 'Local', offset);
}

function build(text: string, ticks: bigint, kind: DateTimeKind, offset: number | undefined): JsvDateTime {
  if (ticks < 0n || ticks > MAX_TICKS) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a date from 0001-01-01 to 9999-12-31, found ${show(text)}`);
  }
  return new JsvDateTime(ticks, kind, offset);
}

/**
 * Reads a DateTime into a JavaScript `Date` (the instant; `Unspecified` counts as UTC; ticks below
 * a millisecond are dropped). For `t.date({ as: 'Date' })`.
 * @throws ScalarError `INVALID_DATE`, `OUT_OF_RANGE`
 */
export function readDate(text: string): Date {
  const date = readDateTime(text).toDate();
  // An offset can carry a wall-clock time at the edge of DateTime's range past year 9999 in UTC,
  // which `writeDate` could not write back.
  if (formatUtcDate(date) === undefined) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a date from 0001-01-01 to 9999-12-31 in UTC, found ${JSON.stringify(text)}`);
  }
  return date;
}

/**
 * Writes a JavaScript `Date` as ServiceStack writes a UTC DateTime: `yyyy-MM-dd` at midnight,
 * otherwise `…Z`, with seven fraction digits when there are milliseconds.
 * @throws ScalarError `INVALID_DATE` for an invalid date, `OUT_OF_RANGE` outside years 1–9999.
 */
export function writeDate(value: Date): string {
  if (value.getTime() !== value.getTime()) throw new ScalarError('INVALID_DATE', 'Cannot write an invalid Date');
  const text = formatUtcDate(value);
  if (text === undefined) throw new ScalarError('OUT_OF_RANGE', `Expected a date from 0001-01-01 to 9999-12-31, found ${value.toISOString()}`);
  return text;
}
