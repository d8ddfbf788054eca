/**
 * .NET's shortest round-trip number text: the digits JavaScript gives, laid out
 * the way `double.ToString()` does on .NET Core 3+. Fixed notation for decimal exponents from -5
 * (exclusive) to 17 (exclusive, 9 for `float`); otherwise `d.dddE+XX` with at least two exponent digits.
 */

/** Text for a double, e.g. `1E+17`, `1E-05`, `-0`, `NaN`, `Infinity`. */
export function formatDouble(value: number): string {
  // The common case, already laid out as .NET does: JavaScript uses fixed notation from 1e-7 to 1e21.
  const magnitude = value < 0 ? -value : value;
  if (magnitude >= 1e-4 && magnitude < 1e17) return '' + value;
  return layout(value, 17);
}

/** Text for a single-precision value whose shortest round-trip digits are given by `digitsOf`. */
export function layout(value: number, fixedLimit: number, shortest: (magnitude: number) => string = (m) => m.toExponential()): string {
  if (value !== value) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest digits that round-trip.
  const exp = shortest(value < 0 ? -value : value);
  const e = exp.indexOf('e');
  const digits = exp.slice(0, e).replace('.', '');
  const exponent = Number(exp.slice(e + 1));
  if (exponent > -5 && exponent < fixedLimit) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    if (digits.length <= exponent + 1) return sign + digits + '0'.repeat(exponent + 1 - digits.length);
    return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  const expDigits = String(Math.abs(exponent)).padStart(2, '0');
  return `${sign}${mantissa}E${expSign}${expDigits}`;
}

/** Below this length, calling out to JSON.stringify costs more than writing the numbers one by one. */
const JSON_NUMBER_LIST_MIN = 8;

/**
 * The list's text when JSON and .NET write every item alike: numbers in 1e-4 <= |n| < 1e17, where
 * `formatDouble` is JavaScript's own number text, or +0 (JSON writes -0 as `0`, .NET as `-0`).
 * `JSON.stringify` writes such a list several times faster than text per number. Undefined otherwise.
 */
export function numberListAsJson(list: readonly unknown[]): string | undefined {
  if (list.length < JSON_NUMBER_LIST_MIN) return undefined;
  for (let i = 0; i < list.length; i++) {
    const n = list[i];
    if (typeof n !== 'number') return undefined;
    const magnitude = n < 0 ? -n : n;
    if (!(magnitude >= 1e-4 && magnitude < 1e17) && !(n === 0 && 1 / n > 0)) return undefined;
  }
  return JSON.stringify(list);
}
