/**
 * `TimeSpan`: a lossless tick count (`JsvTimeSpan`), written as an XSD duration the way
 * ServiceStack's `TimeSpanConverter.ToXsdDuration` lays it out and read from XSD
 * durations, `[-][d.]hh:mm[:ss[.f]]` and plain seconds.
 */
import { isUnicodeBlank, show, trimWith } from './blanks.js';
import { TICKS_PER_DAY, TICKS_PER_MINUTE, TICKS_PER_MS, TICKS_PER_SECOND } from './calendar.js';
import { readDouble } from './number.js';
import { ScalarError } from './scalar-error.js';

const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
const MIN_TICKS = -(2n ** 63n);
const MAX_TICKS = 2n ** 63n - 1n;
/** ServiceStack's fixed spellings of TimeSpan.MinValue and MaxValue (from a double computation). */
const MIN_TEXT = '-P10675199DT2H48M5.4775391S';
const MAX_TEXT = 'P10675199DT2H48M5.4775391S';

/** A .NET `TimeSpan`: a signed 64-bit count of 100 ns ticks. */
export class JsvTimeSpan {
  static readonly MIN_TICKS = MIN_TICKS;
  static readonly MAX_TICKS = MAX_TICKS;
  static readonly ZERO = new JsvTimeSpan(0n);

  /** @throws RangeError outside the int64 range. */
  constructor(readonly ticks: bigint) {
    if (ticks < MIN_TICKS || ticks > MAX_TICKS) throw new RangeError(`TimeSpan ticks out of range: ${ticks}`);
  }

  /** Whole milliseconds become exact ticks; a fraction is kept to the tick (rounded half away from zero). */
  static fromMilliseconds(ms: number): JsvTimeSpan {
    return JsvTimeSpan.fromUnits(ms, 10_000);
  }

  /** Seconds to ticks, rounded half away from zero to a whole tick. */
  static fromSeconds(seconds: number): JsvTimeSpan {
    return JsvTimeSpan.fromUnits(seconds, 10_000_000);
  }

  private static fromUnits(value: number, ticksPerUnit: number): JsvTimeSpan {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite duration: ${value}`);
    if (Number.isSafeInteger(value)) return new JsvTimeSpan(BigInt(value) * BigInt(ticksPerUnit));
    const ticks = value * ticksPerUnit;
    if (!Number.isFinite(ticks) || Math.abs(ticks) > 2 ** 63) throw new RangeError(`TimeSpan out of range: ${value}`);
    return new JsvTimeSpan(BigInt(Math.sign(ticks) * Math.round(Math.abs(ticks))));
  }

  /** Milliseconds as a number (may lose sub-millisecond ticks' exactness beyond 2^53). */
  toMilliseconds(): number {
    return Number(this.ticks) / 10_000;
  }

  /** Seconds as a number. */
  toSeconds(): number {
    return Number(this.ticks) / 10_000_000;
  }

  equals(other: JsvTimeSpan): boolean {
    return this.ticks === other.ticks;
  }

  /** The XSD duration (`writeTimeSpan`). */
  toString(): string {
    return writeTimeSpan(this);
  }
}

/**
 * Writes an XSD duration as ServiceStack does: `P`/`-P`, `{d}D` when there are whole days, then
 * `T` with `{h}H`, `{m}M`, `{s}S` for the non-zero parts, seconds with up to seven fraction digits
 * and no trailing zeros: `PT0S`, `P1D`, `P1DT0.5S`, `PT1H30M`, `-PT1S`. `MIN_TICKS` and `MAX_TICKS`
 * use ServiceStack's fixed spellings. jsvkit computes from the ticks exactly, where ServiceStack
 * goes through a double and can misprint the last fraction digits of spans over about 10^4 days.
 */
export function writeTimeSpan(value: JsvTimeSpan): string {
  const ticks = value.ticks;
  if (ticks === MIN_TICKS) return MIN_TEXT;
  if (ticks === MAX_TICKS) return MAX_TEXT;
  const magnitude = ticks < 0n ? -ticks : ticks;
  const days = magnitude / TICKS_PER_DAY;
  const hours = (magnitude % TICKS_PER_DAY) / TICKS_PER_HOUR;
  const minutes = (magnitude % TICKS_PER_HOUR) / TICKS_PER_MINUTE;
  const seconds = (magnitude % TICKS_PER_MINUTE) / TICKS_PER_SECOND;
  const fraction = magnitude % TICKS_PER_SECOND;
  let text = ticks < 0n ? '-P' : 'P';
  if (days > 0n) text += `${days}D`;
  if (days === 0n || magnitude % TICKS_PER_DAY !== 0n) {
    text += 'T';
    if (hours > 0n) text += `${hours}H`;
    if (minutes > 0n) text += `${minutes}M`;
    if (seconds > 0n || fraction > 0n) {
      text += `${seconds}`;
      if (fraction > 0n) text += `.${fraction.toString().padStart(7, '0').replace(/0+$/, '')}`;
      text += 'S';
    } else if (days === 0n && hours === 0n && minutes === 0n) {
      text += '0S';
    }
  }
  return text;
}

function invalid(text: string, why: string): ScalarError {
  return new ScalarError('INVALID_TIMESPAN', `Expected a duration such as PT1H30M, 01:30:00 or 90 (${why}), found ${show(text)}`);
}

function outOfRange(text: string): ScalarError {
  return new ScalarError('OUT_OF_RANGE', `Expected a duration within ±10675199 days, found ${show(text)}`);
}

function checked(text: string, ticks: bigint): JsvTimeSpan {
  if (ticks < MIN_TICKS || ticks > MAX_TICKS) throw outOfRange(text);
  return new JsvTimeSpan(ticks);
}

// Upper-case D, H, M and S designators only, each optional and in order; seconds may have a fraction.
const XSD = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/;
const CLOCK = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;

/**
 * Reads a TimeSpan:
 * - an XSD duration with upper-case `D`, `H`, `M`, `S` (`P1DT2H3M4.5S`, `-PT1S`, and the `P1DT`
 *   that ServiceStack accepts); `P` and `PT`, which name no part, are rejected, though
 *   ServiceStack reads them as zero; seconds beyond seven fraction digits are cut, as
 *   ServiceStack does; its fixed MinValue/MaxValue spellings map to those values. Designators
 *   ServiceStack silently reads as zero (`P1Y`, `P2W`, a month `P1M`, `PT1.5H`, lower case,
 *   `PTxS`) are rejected (R13);
 * - text with `:` as `TimeSpan.Parse` reads it: `[-][d.]hh:mm[:ss[.fffffff]]`, such as `02:30:00`
 *   or `1.02:03:04`;
 * - anything else as a number of seconds (`1.5`, `90`), rounded to the millisecond as .NET 6's
 *   `TimeSpan.FromSeconds` does.
 * @throws ScalarError `INVALID_TIMESPAN`, or `OUT_OF_RANGE` beyond ±10675199 days.
 */
export function readTimeSpan(text: string): JsvTimeSpan {
  if (text === MIN_TEXT) return new JsvTimeSpan(MIN_TICKS);
  if (text === MAX_TEXT) return new JsvTimeSpan(MAX_TICKS);
  if (text.startsWith('P') || text.startsWith('-P')) {
    const match = XSD.exec(text);
    if (match === null) throw invalid(text, 'only the D, H, M and S designators, in upper case and in that order');
    const [, minus, d, h, m, s, f] = match;
    // `P` and `PT` name no part at all; ServiceStack reads them as zero, XSD rejects them.
    if (d === undefined && h === undefined && m === undefined && s === undefined) throw invalid(text, 'at least one of the D, H, M and S designators');
    let ticks = BigInt(d ?? 0) * TICKS_PER_DAY + BigInt(h ?? 0) * TICKS_PER_HOUR + BigInt(m ?? 0) * TICKS_PER_MINUTE + BigInt(s ?? 0) * TICKS_PER_SECOND;
    if (f !== undefined) ticks += BigInt(f.slice(0, 7).padEnd(7, '0'));
    return checked(text, minus === undefined ? ticks : -ticks);
  }
  const body = trimWith(text, isUnicodeBlank);
  if (body.indexOf(':') >= 0) {
    const match = CLOCK.exec(body);
    if (match === null) throw invalid(text, 'a clock time is [-][d.]hh:mm[:ss[.f]]');
    const [, minus, d, h, m, s, f] = match;
    if (+h! > 23 || +m! > 59 || (s !== undefined && +s > 59)) throw invalid(text, 'hours, minutes or seconds out of range');
    let ticks = BigInt(d ?? 0) * TICKS_PER_DAY + BigInt(h!) * TICKS_PER_HOUR + BigInt(m!) * TICKS_PER_MINUTE + BigInt(s ?? 0) * TICKS_PER_SECOND;
    if (f !== undefined) ticks += BigInt(f.padEnd(7, '0'));
    return checked(text, minus === undefined ? ticks : -ticks);
  }
  let seconds: number;
  try {
    seconds = readDouble(text);
  } catch {
    throw invalid(text, 'not a number of seconds');
  }
  if (!Number.isFinite(seconds)) throw invalid(text, 'not a finite number of seconds');
  const ms = seconds * 1000;
  if (Math.abs(ms) > 922337203685477) throw outOfRange(text);
  return checked(text, BigInt(Math.sign(ms) * Math.floor(Math.abs(ms) + 0.5)) * TICKS_PER_MS);
}
