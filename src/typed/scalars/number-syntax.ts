/**
 * The number syntax .NET accepts with `NumberStyles.Float | NumberStyles.AllowThousands` and the
 * invariant culture (`Number.Parsing.cs` TryParseNumber), shared by the double, float and decimal
 * readers.
 */
import { isNumberBlank } from './blanks.js';

/** A number text taken apart; `value = ±0.(intDigits fracDigits) × 10^(intDigits.length + exponent)`. */
export interface NumberParts {
  negative: boolean;
  /** Digits before the point, `,` separators removed (may be `''`, as in `.5`). */
  intDigits: string;
  /** Digits after the point (may be `''`, as in `7.`). */
  fracDigits: string;
  /** The exponent after `e`/`E`, clamped as .NET clamps it (a magnitude over 1000 becomes 9999). */
  exponent: number;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Splits `text` into its parts, or returns `undefined` when .NET would reject it. Accepted:
 * blanks (space, TAB to CR) around the number, one leading `+` or `-`, ASCII digits, `,` anywhere
 * in the integer part after its first digit (`1,,2` and `1,` included, as .NET allows), one `.`
 * (`.25` and `7.` included), an exponent `e`/`E` with an optional sign and at least one digit, and
 * trailing NUL characters after the trailing blanks (.NET's `TrailingZeros` rule). `NaN` and
 * `Infinity` are the caller's business.
 */
export function scanNumber(text: string): NumberParts | undefined {
  const end = text.length;
  let i = 0;
  while (i < end && isNumberBlank(text.charCodeAt(i))) i++;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 0x2b || c === 0x2d) {
    negative = c === 0x2d;
    i++;
  }
  let intDigits = '';
  let runStart = i;
  let sawDigit = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (isDigit(c)) {
      sawDigit = true;
    } else if (c === 0x2c && sawDigit) {
      intDigits += text.slice(runStart, i);
      runStart = i + 1;
    } else {
      break;
    }
  }
  intDigits += text.slice(runStart, i);
  let fracDigits = '';
  if (text.charCodeAt(i) === 0x2e) {
    const start = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    fracDigits = text.slice(start, i);
  }
  if (intDigits === '' && fracDigits === '') return undefined;
  let exponent = 0;
  c = text.charCodeAt(i);
  if (c === 0x65 || c === 0x45) {
    let j = i + 1;
    let negativeExponent = false;
    c = text.charCodeAt(j);
    if (c === 0x2b || c === 0x2d) {
      negativeExponent = c === 0x2d;
      j++;
    }
    if (isDigit(text.charCodeAt(j))) {
      while (j < end && isDigit((c = text.charCodeAt(j)))) {
        if (exponent <= 1000) exponent = exponent * 10 + (c - 0x30);
        j++;
      }
      if (exponent > 1000) exponent = 9999;
      if (negativeExponent) exponent = -exponent;
      i = j;
    }
    // Without a digit the `e` is not part of the number; it then fails as trailing text below.
  }
  while (i < end && isNumberBlank(text.charCodeAt(i))) i++;
  while (i < end && text.charCodeAt(i) === 0) i++;
  if (i < end) return undefined;
  return { negative, intDigits, fracDigits, exponent };
}
