/**
 * A JavaScript `Date` as ServiceStack writes a UTC `DateTime` (.NET Core): the date
 * alone at midnight, whole seconds with `Z`, or seven fraction digits with `Z`.
 */

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Returns undefined for an invalid date or a year outside .NET's 1..9999. */
export function formatUtcDate(date: Date): string | undefined {
  const time = date.getTime();
  if (time !== time) return undefined;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  const ms = date.getUTCMilliseconds();
  if (h === 0 && m === 0 && s === 0 && ms === 0) return day;
  const clock = `${day}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  return ms === 0 ? `${clock}Z` : `${clock}.${pad(ms, 3)}0000Z`;
}
