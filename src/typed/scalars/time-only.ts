/**
 * `TimeOnly` (.NET 6+): an `HH:mm:ss[.fffffff]` string. ServiceStack writes the XSD duration of its
 * time of day (`JsvTypeSerializer.WriteTimeOnly`: `ToXsdTimeSpanString(ToTimeSpan())`, so 13:13:13
 * is `PT13H13M13S` and midnight `PT0S`) and reads any TimeSpan text, then `TimeOnly.FromTimeSpan`,
 * which rejects spans below zero or of a day or more.
 */
import { show } from './blanks.js';
import { clockText, TICKS_PER_DAY, TICKS_PER_SECOND } from './calendar.js';
import { ScalarError } from './scalar-error.js';
import { JsvTimeSpan, readTimeSpan, writeTimeSpan } from './time-span.js';

const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** Ticks of a `HH:mm[:ss[.f…]]` time of day, or undefined when `value` is not one. */
function timeOfDayTicks(value: unknown): bigint | undefined {
  if (typeof value !== 'string') return undefined;
  const match = CLOCK.exec(value);
  if (match === null) return undefined;
  const [, h, m, s, f] = match;
  if (+h! > 23 || +m! > 59 || (s !== undefined && +s > 59)) return undefined;
  const seconds = (+h! * 60 + +m!) * 60 + (s === undefined ? 0 : +s);
  return BigInt(seconds) * TICKS_PER_SECOND + (f === undefined ? 0n : BigInt(f.padEnd(7, '0')));
}

/** True for a time of day `HH:mm`, `HH:mm:ss` or `HH:mm:ss.f` (1–7 fraction digits), 00:00 to 23:59:59.9999999. */
export function isTimeOnly(value: unknown): value is string {
  return timeOfDayTicks(value) !== undefined;
}

/** The decoded form: `HH:mm:ss`, with the fraction's significant digits when there is one (`13:13:13.5`). */
function canonical(ticks: bigint): string {
  const text = clockText(ticks);
  return text.length > 8 ? text.replace(/0+$/, '') : text;
}

/**
 * Reads a TimeOnly from any TimeSpan text (`PT13H13M13S`, `13:13:13`, a number of seconds) from
 * zero to one tick under a day, as `HH:mm:ss[.f]`.
 * @throws ScalarError `INVALID_TIMESPAN`, or `OUT_OF_RANGE` for a negative span or a day or more.
 */
export function readTimeOnly(text: string): string {
  let span: JsvTimeSpan;
  try {
    span = readTimeSpan(text);
  } catch (error) {
    if (error instanceof ScalarError && error.code === 'INVALID_TIMESPAN') {
      throw new ScalarError('INVALID_TIMESPAN', `Expected a TimeOnly such as PT13H13M13S or 13:13:13, found ${show(text)}`);
    }
    throw error;
  }
  if (span.ticks < 0n || span.ticks >= TICKS_PER_DAY) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a TimeOnly from 00:00 to 23:59:59.9999999, found ${show(text)}`);
  }
  return canonical(span.ticks);
}

/**
 * Writes a TimeOnly given as `HH:mm`, `HH:mm:ss` or `HH:mm:ss.f…` as ServiceStack does: the XSD
 * duration of the time of day (`PT13H13M13S`, `PT0S`).
 * @throws ScalarError `INVALID_TIMESPAN` for any other value.
 */
export function writeTimeOnly(value: string): string {
  const ticks = timeOfDayTicks(value);
  if (ticks === undefined) throw new ScalarError('INVALID_TIMESPAN', `Expected a TimeOnly as HH:mm:ss, found ${show(String(value))}`);
  return writeTimeSpan(new JsvTimeSpan(ticks));
}

/** A TimeOnly's ticks as the decoded string. @internal For generators. */
export function timeOnlyFromTicks(ticks: bigint): string {
  if (ticks < 0n || ticks >= TICKS_PER_DAY) throw new RangeError(`TimeOnly ticks out of range: ${ticks}`);
  return canonical(ticks);
}

