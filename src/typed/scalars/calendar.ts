/**
 * .NET's proleptic Gregorian calendar in ticks (100 ns units since 0001-01-01T00:00:00), shared by
 * `DateTime`, `DateTimeOffset`, `DateOnly` and `TimeOnly`.
 */

export const TICKS_PER_MS = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** Days from 0001-01-01 to 1970-01-01. */
export const EPOCH_DAYS = 719_162;
export const EPOCH_TICKS = BigInt(EPOCH_DAYS) * TICKS_PER_DAY;
/** `DateTime.MaxValue.Ticks`: 9999-12-31T23:59:59.9999999. */
export const MAX_TICKS = 3_155_378_975_999_999_999n;
/** .NET limits a UTC offset to ±14 hours. */
export const MAX_OFFSET_MINUTES = 14 * 60;

export function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A real date from 0001-01-01 to 9999-12-31. */
export function validDate(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 0001-01-01 of a valid proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + EPOCH_DAYS;
}

export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days - EPOCH_DAYS + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** `yyyy-MM-dd` of the day that `ticks` falls in. */
export function dateText(ticks: bigint): string {
  const [year, month, day] = civilFromDays(Number(ticks / TICKS_PER_DAY));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `HH:mm:ss` of a time of day in ticks, with `.fffffff` (always seven digits) when there is a fraction, or always when `fullFraction`. */
export function clockText(timeOfDay: bigint, fullFraction = false): string {
  const seconds = Number(timeOfDay / TICKS_PER_SECOND);
  const fraction = timeOfDay % TICKS_PER_SECOND;
  const clock = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
  return fraction !== 0n || fullFraction ? `${clock}.${pad(fraction, 7)}` : clock;
}

/** `+hh:mm` / `-hh:mm`: .NET's `zzz`. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60), 2)}:${pad(m % 60, 2)}`;
}
