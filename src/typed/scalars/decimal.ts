/**
 * `decimal`: kept as exact decimal text, never a float. Read as .NET Core's `decimal.Parse` with
 * `Float | AllowThousands` (`Number.Parsing.cs` TryNumberToDecimal), written as
 * `decimal.ToString()` writes it: the scale kept, never an exponent.
 */
import { show } from './blanks.js';
import { scanNumber } from './number-syntax.js';
import { ScalarError } from './scalar-error.js';

/** .NET decimal keeps at most 29 significant digits; the number buffer holds one more for rounding. */
const PRECISION = 29;
const STORED_DIGITS = 30;
const MAX_SCALE = 28;
const LOW64_LIMIT = 0xffffffffffffffffn / 10n;
const MASK64 = 0xffffffffffffffffn;
const HIGH_LIMIT = 0xffffffffn / 10n;
const LOW_ALL_NINES = 0x9999999999999999n;

/**
 * Reads a decimal and returns .NET's `ToString()` text for it: `3.30` stays `3.30`, `1e2` gives
 * `100`, `1E-2` gives `0.01`, `+3` gives `3`, `1,234.5` gives `1234.5`, `-0` gives `0`. More than 28
 * fraction digits are rounded half to even, as .NET does. `NaN` and `Infinity` are rejected.
 * @throws ScalarError `INVALID_NUMBER` for malformed text, `OUT_OF_RANGE` beyond
 * ±79228162514264337593543950335.
 */
export function readDecimal(text: string): string {
  const parts = scanNumber(text);
  if (parts === undefined) throw new ScalarError('INVALID_NUMBER', `Expected a decimal number, found ${show(text)}`);
  // Build .NET's number buffer: significant digits (leading zeros dropped, trailing zeros kept, at
  // most 30), the position of the decimal point, and whether non-zero digits were cut off.
  const all = parts.intDigits + parts.fracDigits;
  let i = 0;
  while (i < all.length && all.charCodeAt(i) === 0x30) i++;
  // Leading zeros of the integer part do not move the point; those of the fraction move it left.
  let scale = parts.intDigits.length - i;
  const digits = all.slice(i, i + STORED_DIGITS);
  let nonZeroTail = false;
  for (let j = i + STORED_DIGITS; j < all.length && !nonZeroTail; j++) nonZeroTail = all.charCodeAt(j) !== 0x30;
  scale += parts.exponent;
  if (digits === '') {
    return zeroText(Math.min(Math.max(-scale, 0), MAX_SCALE));
  }
  if (scale > PRECISION) throw outOfRange(text);
  const { coefficient, exponent } = toDecimal(digits, scale, nonZeroTail);
  if (exponent > 0) throw outOfRange(text);
  if (exponent <= -PRECISION) return zeroText(MAX_SCALE);
  return decimalText(parts.negative, coefficient, -exponent);
}

/** Follows TryNumberToDecimal: accumulate digits into a 96-bit coefficient, then round once. */
function toDecimal(digits: string, scale: number, nonZeroTail: boolean): { coefficient: bigint; exponent: number } {
  let e = scale;
  let p = 0;
  const digitAt = (k: number) => (k < digits.length ? digits.charCodeAt(k) - 0x30 : -1);
  let c = digitAt(p);
  let value = 0n;
  while (e > -MAX_SCALE) {
    e--;
    value = value * 10n + BigInt(c);
    c = digitAt(++p);
    if (value >= LOW64_LIMIT) break;
    if (c < 0) {
      while (e > 0) {
        e--;
        value *= 10n;
        if (value >= LOW64_LIMIT) break;
      }
      break;
    }
  }
  for (;;) {
    if (!(e > 0 || (c >= 0 && e > -MAX_SCALE))) break;
    const high = value >> 64n;
    const low = value & MASK64;
    const fits = high < HIGH_LIMIT || (high === HIGH_LIMIT && (low < LOW_ALL_NINES || (low === LOW_ALL_NINES && c <= 5)));
    if (!fits) break;
    value *= 10n;
    if (c >= 0) {
      value += BigInt(c);
      c = digitAt(++p);
    }
    e--;
  }
  if (c >= 5) {
    let round = true;
    if (c === 5 && (value & 1n) === 0n) {
      // Exactly half with an even coefficient stays, unless a later digit is non-zero.
      let zeroTail = !nonZeroTail;
      for (let k = p + 1; k < digits.length && zeroTail; k++) zeroTail = digits.charCodeAt(k) === 0x30;
      round = !zeroTail;
    }
    if (round) {
      value += 1n;
      if (value >> 96n !== 0n) {
        value = (HIGH_LIMIT << 64n) | 0x999999999999999an;
        e++;
      }
    }
  }
  return { coefficient: value, exponent: e };
}

function zeroText(scale: number): string {
  return scale === 0 ? '0' : `0.${'0'.repeat(scale)}`;
}

function decimalText(negative: boolean, coefficient: bigint, scale: number): string {
  let digits = coefficient.toString();
  const sign = negative && coefficient !== 0n ? '-' : '';
  if (scale === 0) return sign + digits;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  return `${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

function outOfRange(text: string): ScalarError {
  return new ScalarError('OUT_OF_RANGE', `Expected a decimal from -79228162514264337593543950335 to 79228162514264337593543950335, found ${show(text)}`);
}

/**
 * Writes a decimal given as text, in .NET's `decimal.ToString()` form (see `readDecimal`), so any
 * text `readDecimal` accepts is written in its canonical form and canonical text is unchanged.
 * A `bigint` is written as a whole decimal.
 * @throws ScalarError `INVALID_NUMBER`, `OUT_OF_RANGE`
 */
export function writeDecimal(value: string | bigint): string {
  return readDecimal(typeof value === 'bigint' ? value.toString() : value);
}
