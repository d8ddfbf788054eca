/**
 * `DateOnly` (.NET 6+): a `yyyy-MM-dd` string. ServiceStack writes `ToString("O")`, which is exactly
 * that (`JsvTypeSerializer.WriteDateOnly`), and reads with `DateTimeSerializer.ParseShortestXsdDateTime`
 * then `DateOnly.FromDateTime`: any DateTime text, of which the date is kept.
 */
import { show } from './blanks.js';
import { dateText, validDate } from './calendar.js';
import { readDateTime } from './date-time.js';
import { ScalarError } from './scalar-error.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date written `yyyy-MM-dd` from 0001-01-01 to 9999-12-31. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && validDate(+match[1]!, +match[2]!, +match[3]!);
}

/**
 * Reads a DateOnly from any text a DateTime reads from (`2001-01-13`, `2001-01-13T10:00:00Z`,
 * `/Date(979344000000)/`, …), keeping the date of the wall-clock time as written (where
 * ServiceStack may first move a `Z` or offset form to the server's time zone).
 * @throws ScalarError `INVALID_DATE`, `OUT_OF_RANGE`.
 */
export function readDateOnly(text: string): string {
  if (isDateOnly(text)) return text;
  try {
    return dateText(readDateTime(text).ticks);
  } catch (error) {
    if (error instanceof ScalarError && error.code === 'INVALID_DATE') {
      throw new ScalarError('INVALID_DATE', `Expected a DateOnly such as 2001-01-13, found ${show(text)}`);
    }
    throw error;
  }
}

/**
 * Writes a DateOnly: the `yyyy-MM-dd` string itself.
 * @throws ScalarError `INVALID_DATE` for anything but a real date in that form.
 */
export function writeDateOnly(value: string): string {
  if (!isDateOnly(value)) throw new ScalarError('INVALID_DATE', `Expected a DateOnly as yyyy-MM-dd, found ${show(String(value))}`);
  return value;
}
