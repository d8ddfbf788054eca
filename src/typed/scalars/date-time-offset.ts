/**
 * `DateTimeOffset`: a lossless `JsvDateTimeOffset` (wall-clock ticks and the UTC offset they were
 * written with). ServiceStack writes `ToString("o")` (`JsvTypeSerializer.WriteDateTimeOffset`):
 * seven fraction digits and `±hh:mm`, never `Z`. It reads with `DateTimeSerializer.ParseDateTimeOffset`:
 * WCF `/Date(ms±hhmm)/`, else text with no `+`/`-` past its tenth character gets a `Z` (UTC), then
 * `DateTimeOffset.Parse` with the invariant culture, which keeps the offset as written.
 */
import { isUnicodeBlank, show, trimWith } from './blanks.js';
import { clockText, dateText, EPOCH_TICKS, MAX_OFFSET_MINUTES, MAX_TICKS, offsetText, TICKS_PER_DAY, TICKS_PER_MINUTE, TICKS_PER_MS } from './calendar.js';
import { readDateTime } from './date-time.js';
import { ScalarError } from './scalar-error.js';

/**
 * A .NET `DateTimeOffset` without loss: `ticks` of the wall-clock time (100 ns units since
 * 0001-01-01T00:00:00) and `offsetMinutes`, the offset from UTC it is written with (`-300` for
 * `-05:00`). Two values for the same instant with different offsets are different values, as
 * their texts are.
 */
export class JsvDateTimeOffset {
  /** `DateTimeOffset.MinValue`'s ticks. */
  static readonly MIN_TICKS = 0n;
  /** `DateTimeOffset.MaxValue`'s ticks. */
  static readonly MAX_TICKS = MAX_TICKS;

  readonly ticks: bigint;
  readonly offsetMinutes: number;

  /**
   * @param ticks wall-clock ticks; both they and the UTC instant (`ticks` minus the offset) must lie
   * from 0001-01-01 to 9999-12-31T23:59:59.9999999, as .NET requires.
   * @param offsetMinutes a whole number of minutes within ±14 hours (default 0, UTC).
   * @throws RangeError when these rules are broken.
   */
  constructor(ticks: bigint, offsetMinutes = 0) {
    if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
      throw new RangeError(`UTC offset out of range: ${offsetMinutes} minutes (a whole number within ±840)`);
    }
    const utc = ticks - BigInt(offsetMinutes) * TICKS_PER_MINUTE;
    if (ticks < 0n || ticks > MAX_TICKS || utc < 0n || utc > MAX_TICKS) throw new RangeError(`DateTimeOffset out of range: ticks ${ticks}, offset ${offsetMinutes} minutes`);
    this.ticks = ticks;
    this.offsetMinutes = offsetMinutes === 0 ? 0 : offsetMinutes;
  }

  /**
   * The instant of `date` (millisecond precision) shown at `offsetMinutes` from UTC (default 0).
   * @throws RangeError for an invalid date or one outside .NET's range.
   */
  static fromDate(date: Date, offsetMinutes = 0): JsvDateTimeOffset {
    const ms = date.getTime();
    if (ms !== ms) throw new RangeError('Invalid Date');
    if (!Number.isInteger(offsetMinutes)) throw new RangeError(`UTC offset out of range: ${offsetMinutes} minutes`);
    return new JsvDateTimeOffset(EPOCH_TICKS + BigInt(ms) * TICKS_PER_MS + BigInt(offsetMinutes) * TICKS_PER_MINUTE, offsetMinutes);
  }

  /** Ticks of the UTC instant. */
  get utcTicks(): bigint {
    return this.ticks - BigInt(this.offsetMinutes) * TICKS_PER_MINUTE;
  }

  /** The instant as a JavaScript `Date`; ticks below a millisecond are dropped (rounded toward the past). */
  toDate(): Date {
    const ticks = this.utcTicks - EPOCH_TICKS;
    const ms = ticks >= 0n ? ticks / TICKS_PER_MS : -((-ticks + TICKS_PER_MS - 1n) / TICKS_PER_MS);
    return new Date(Number(ms));
  }

  /** Same wall-clock ticks and offset (not merely the same instant). */
  equals(other: JsvDateTimeOffset): boolean {
    return this.ticks === other.ticks && this.offsetMinutes === other.offsetMinutes;
  }

  /** The JSV text (`writeDateTimeOffset`). */
  toString(): string {
    return writeDateTimeOffset(this);
  }
}

/** `yyyy-MM-ddTHH:mm:ss.fffffff±hh:mm`, .NET's round-trip (`"o"`) format: `2012-06-27T11:26:04.5240000+00:00`. */
export function writeDateTimeOffset(value: JsvDateTimeOffset): string {
  return `${dateText(value.ticks)}T${clockText(value.ticks % TICKS_PER_DAY, true)}${offsetText(value.offsetMinutes)}`;
}

function invalid(text: string): ScalarError {
  return new ScalarError('INVALID_DATE', `Expected a DateTimeOffset such as 2012-06-27T11:26:04.5240000+00:00, found ${show(text)}`);
}

const MONTH_FIRST_TEN = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** ServiceStack's fixed WCF spelling of `DateTimeOffset.MaxValue`, which it maps to the exact value (its ticks go below a millisecond). */
const MAX_WCF = '\\/Date(253402300799999)\\/';
const CONDENSED = /^\d{8}$/;

/**
 * Reads a DateTimeOffset: the `"o"` form ServiceStack writes, and the other forms it reads: WCF
 * `/Date(ms)/` (UTC) and `/Date(ms±hhmm)/` (that offset; `-0000`, which ServiceStack turns into the
 * server's local time, reads as UTC), `yyyy-MM-dd`, a time after `T` or a space with 1–7 fraction
 * digits, `Z`, `±hh:mm`, `±hhmm` or `±hh`, and `M/d/yyyy` (month first, the invariant culture's
 * order). Text without an offset is UTC, as ServiceStack appends `Z` to it. ServiceStack's fixed
 * `\/Date(253402300799999)\/` is `DateTimeOffset.MaxValue` to the tick.
 * @throws ScalarError `INVALID_DATE`, or `OUT_OF_RANGE` outside .NET's range.
 */
export function readDateTimeOffset(text: string): JsvDateTimeOffset {
  const body = trimWith(text, isUnicodeBlank);
  if (body === MAX_WCF) return new JsvDateTimeOffset(MAX_TICKS, 0);
  // The DateTime reader takes `yyyyMMdd`, which DateTimeOffset.Parse does not, and reads a
  // ten-character `dd/MM/yyyy` day first, where DateTimeOffset.Parse reads month first.
  if (CONDENSED.test(body)) throw invalid(text);
  const monthFirst = MONTH_FIRST_TEN.exec(body);
  const source = monthFirst === null ? body : `${monthFirst[3]}-${monthFirst[1]}-${monthFirst[2]}`;
  let value;
  try {
    value = readDateTime(source);
  } catch (error) {
    if (error instanceof ScalarError && error.code === 'INVALID_DATE') throw invalid(text);
    throw error;
  }
  const offset = value.offsetMinutes ?? 0;
  const utc = value.ticks - BigInt(offset) * TICKS_PER_MINUTE;
  if (utc < 0n || utc > MAX_TICKS) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a DateTimeOffset whose UTC time is from 0001-01-01 to 9999-12-31, found ${show(text)}`);
  }
  return new JsvDateTimeOffset(value.ticks, offset);
}
