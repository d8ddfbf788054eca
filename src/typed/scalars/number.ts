/**
 * `double` and `float`: read as .NET Core parses them with `Float | AllowThousands`,
 * written as .NET Core's shortest round-trip text.
 */
import { formatDouble, layout } from '../../syntax/number-text.js';
import { isUnicodeBlank, show, trimWith } from './blanks.js';
import { scanNumber, type NumberParts } from './number-syntax.js';
import { COMMA, isBlank, RBRACKET } from '../../syntax/chars.js';
import type { ItemStack } from '../../syntax/list-builder.js';
import type { Context, Scanner } from '../../syntax/scanner.js';
import { ScalarError } from './scalar-error.js';

function invalid(text: string): ScalarError {
  return new ScalarError('INVALID_NUMBER', `Expected a number, found ${show(text)}`);
}

/**
 * .NET Core's fallback when the text is not a plain number: `Infinity`, `-Infinity`, `NaN`,
 * `+Infinity`, `+NaN`, `-NaN`, in any letter case, with surrounding Unicode whitespace.
 */
function readSymbol(text: string): number | undefined {
  const word = trimWith(text, isUnicodeBlank);
  if (word.length > 9) return undefined;
  switch (word.toLowerCase()) {
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-infinity':
      return -Infinity;
    case 'nan':
    case '+nan':
    case '-nan':
      return NaN;
  }
  return undefined;
}

/** The double nearest to the parts; JavaScript's `Number()` rounds correctly, as .NET Core 3+ does. */
function doubleFromParts(parts: NumberParts): number {
  const { negative, intDigits, fracDigits, exponent } = parts;
  return Number(`${negative ? '-' : ''}${intDigits || '0'}.${fracDigits || '0'}e${exponent}`);
}

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** Below 2^53 every integer is a double, and `m * 10 + d` stays exact. */
const EXACT_INTEGER_LIMIT = 2 ** 53;

/** Where the last `scanPlainDouble` stopped: the first offset past the number text it read. */
let scanEnd = 0;

/**
 * Reads the text .NET writes for a double (`-12.5`, `0.0001`, `1.5E+17`, `1E-05`) from `start`,
 * as far as that syntax goes (at most to `limit`), and records where it stopped in `scanEnd`:
 * an optional `-`, digits, an optional `.` with digits, an optional `E`/`e` with an optional sign
 * and up to three digits. The digits are gathered into an integer `m` and the result is
 * `m × 10^k` or `m / 10^-k`; while `m` < 2^53 and |k| ≤ 22 both operands are exact, so the one
 * rounding IEEE arithmetic makes gives the correctly rounded double, as `Number()` and .NET Core
 * 3+ give (Clinger's fast path). Beyond that `Number(text)` reads it (this syntax means the same
 * to JavaScript). `undefined` when the text there does not have this syntax (`+`, `.5`, `7.`,
 * four exponent digits, …).
 */
function scanPlainDouble(text: string, start: number, limit: number): number | undefined {
  const negative = start < limit && text.charCodeAt(start) === 0x2d;
  let i = negative ? start + 1 : start;
  let mantissa = 0;
  let c = 0;
  const intStart = i;
  for (; i < limit; i++) {
    c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
  }
  if (i === intStart) return undefined;
  let scale = 0;
  if (i < limit && c === 0x2e) {
    const fracStart = ++i;
    for (; i < limit; i++) {
      c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
    }
    if (i === fracStart) return undefined;
    scale = fracStart - i;
  }
  if (i < limit && (c === 0x45 || c === 0x65)) {
    c = ++i < limit ? text.charCodeAt(i) : 0;
    const negativeExponent = c === 0x2d;
    if (c === 0x2d || c === 0x2b) i++;
    const expStart = i;
    let exponent = 0;
    for (; i < limit; i++) {
      c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      exponent = exponent * 10 + (c - 0x30);
    }
    if (i === expStart || i - expStart > 3) return undefined;
    scale += negativeExponent ? -exponent : exponent;
  }
  scanEnd = i;
  // More digits or a larger exponent: still plain text, which `Number()` rounds correctly too.
  if (!(mantissa < EXACT_INTEGER_LIMIT) || scale < -22 || scale > 22) return Number(text.slice(start, i));
  const magnitude = scale < 0 ? mantissa / EXACT_POWERS_OF_TEN[-scale]! : mantissa * EXACT_POWERS_OF_TEN[scale]!;
  return negative ? -magnitude : magnitude;
}

/**
 * Reads `text[start, end)` when all of it is the number text .NET writes (see `scanPlainDouble`);
 * `undefined` for any other text (blanks, `+`, `,`, `.5`, `7.`, four exponent digits, `NaN`, …),
 * which the full reader takes. Reading in place skips copying the value out of the document and
 * `Number()`'s string conversion, which together cost half of typed parse time on a list of numbers.
 * @internal
 */
export function readPlainDouble(text: string, start = 0, end = text.length): number | undefined {
  const value = scanPlainDouble(text, start, end);
  return value !== undefined && scanEnd === end ? value : undefined;
}

/**
 * Reads the bare value at the scanner's value start in place when it is plain number text,
 * leaving the cursor after the value either way. The number's text usually ends right at a
 * terminator, which then gives the value's extent without searching ahead for one.
 * @internal
 */
export function readBarePlainDouble(sc: Scanner, context: Context): number | undefined {
  const text = sc.text;
  const start = sc.start;
  const value = scanPlainDouble(text, start, text.length);
  if (value !== undefined && sc.bareEndsAt(context, scanEnd)) return value;
  return readPlainDouble(text, start, sc.bareEnd(context));
}

/**
 * Reads the items of a list just opened (the cursor after `[`) while each is plain number text
 * (see `scanPlainDouble`) followed at once by `,` or `]`, and pushes their values on `out`. At the
 * `]` it consumes it, closes the list and returns true. Any other item (blanks in strict mode, an
 * empty slot, text the full reader must judge, a number followed by anything else) stops the run
 * where that item begins, the cursor left there for the general loop; false is returned. It never
 * reports: an item it takes is one the general loop would read to the same value without an issue.
 * Per item that saves the item's classification, a decoder call and the path bookkeeping.
 * @internal
 */
export function readPlainDoubleRun(sc: Scanner, out: ItemStack<number>): boolean {
  const text = sc.text;
  const length = text.length;
  const tolerant = sc.tolerant;
  let pos = sc.pos;
  for (;;) {
    let start = pos;
    if (tolerant) while (start < length && isBlank(text.charCodeAt(start))) start++;
    const value = scanPlainDouble(text, start, length);
    if (value === undefined) break;
    const c = text.charCodeAt(scanEnd);
    if (c !== COMMA && c !== RBRACKET) break;
    out.push(value);
    pos = scanEnd + 1;
    if (c === RBRACKET) {
      sc.pos = pos;
      sc.closeList();
      return true;
    }
  }
  sc.pos = pos;
  return false;
}

/**
 * Reads a `double`: blanks, a sign, `.25`, `7.`, exponents, `,` grouping in the integer part,
 * `NaN`, `Infinity` and `-Infinity` (any case, as .NET Core). `-0` keeps its sign; a value too large
 * becomes ±Infinity and one too small becomes ±0, as .NET Core 3+ does. Hex (`0x1F`), `1_0` and
 * empty text are rejected.
 * @throws ScalarError `INVALID_NUMBER`
 */
export function readDouble(text: string): number {
  const plain = readPlainDouble(text);
  if (plain !== undefined) return plain;
  const parts = scanNumber(text);
  if (parts !== undefined) return doubleFromParts(parts);
  const symbol = readSymbol(text);
  if (symbol === undefined) throw invalid(text);
  return symbol;
}

/** Text for a `double` as .NET Core writes it (`1E+17`, `1E-05`, `-0`, `NaN`, `Infinity`). */
export function writeDouble(value: number): string {
  return formatDouble(value);
}

// Views on one word of memory to step between neighbouring float32 values by their bits.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function nextFloat(magnitude: number, step: 1 | -1): number {
  f32[0] = magnitude;
  u32[0] = u32[0]! + step;
  return f32[0];
}

/** Sign of `0.digits × 10^scale − m`, exactly, for a finite double `m > 0`. */
function compareExact(digits: string, scale: number, m: number): number {
  f64[0] = m;
  const bits = u64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let e2 = biased - 1075;
  if (biased === 0) e2 = -1074;
  else mantissa |= 1n << 52n;
  let left = BigInt(digits);
  let right = mantissa;
  const e10 = scale - digits.length;
  if (e10 >= 0) left *= 10n ** BigInt(e10);
  else right *= 10n ** BigInt(-e10);
  if (e2 >= 0) right <<= BigInt(e2);
  else left <<= BigInt(-e2);
  return left === right ? 0 : left > right ? 1 : -1;
}

/**
 * The float32 nearest to the parts, ties to even, as .NET Core's `float.Parse`. Rounding through
 * the nearest double first is right except when that double lands exactly halfway between two
 * floats; then the exact decimal decides.
 */
function toFloat(parts: NumberParts): number {
  const d = doubleFromParts(parts);
  const magnitude = d < 0 ? -d : d;
  const f = Math.fround(magnitude);
  if (f === magnitude || magnitude !== magnitude) return d < 0 ? -f : f;
  const lower = f < magnitude ? f : nextFloat(f, -1);
  // Above float.MaxValue the next "float" is 2^128, which rounds to Infinity.
  const upper = f > magnitude ? (f === Infinity ? 2 ** 128 : f) : f === 3.4028234663852886e38 ? 2 ** 128 : nextFloat(f, 1);
  const middle = lower + (upper - lower) / 2;
  if (magnitude !== middle) return d < 0 ? -f : f;
  const side = compareExact(parts.intDigits + parts.fracDigits, parts.intDigits.length + parts.exponent, middle);
  const chosen = side === 0 ? f : side > 0 ? Math.fround(upper) : lower;
  return d < 0 ? -chosen : chosen;
}

/**
 * Reads a `float` (single precision, the value as a `number` that `Math.fround` leaves unchanged).
 * Same syntax as `readDouble`; beyond float range the value becomes ±Infinity (`1e39`) or ±0.
 * @throws ScalarError `INVALID_NUMBER`
 */
export function readFloat(text: string): number {
  const parts = scanNumber(text);
  if (parts !== undefined) return toFloat(parts);
  const symbol = readSymbol(text);
  if (symbol === undefined) throw invalid(text);
  return symbol;
}

function parseFloatText(text: string): number {
  return toFloat(scanNumber(text)!);
}

/** `toExponential` text moved by one unit in its last digit, keeping the digit count. */
function nudge(exp: string, step: 1 | -1): string {
  const e = exp.indexOf('e');
  const digits = exp.slice(0, e).replace('.', '');
  let exponent = Number(exp.slice(e + 1));
  let moved = (BigInt(digits) + BigInt(step)).toString();
  if (moved.length > digits.length) {
    // 9.99e4 + 1 unit is 1.00e5.
    moved = moved.slice(0, digits.length);
    exponent++;
  } else if (moved.length < digits.length || moved === '0') {
    // 1.00e5 - 1 unit is 9.99e4.
    moved = moved === '0' ? '9' : `${moved}9`;
    exponent--;
  }
  return `${moved[0]}${moved.length > 1 ? `.${moved.slice(1)}` : ''}e${exponent}`;
}

/**
 * The shortest digits (as `toExponential` text) that read back as the float32 `magnitude`,
 * choosing the one nearest the value when several have the same length, as .NET Core's shortest
 * round-trip formatting does (its boundaries are inclusive for an even mantissa, matching a
 * ties-to-even reader).
 */
function shortestFloat(magnitude: number): string {
  for (let precision = 1; precision < 9; precision++) {
    const nearest = magnitude.toExponential(precision - 1);
    if (parseFloatText(nearest) === magnitude) return nearest;
    // Where the gap below a power of two is half the gap above, the nearest candidate can miss
    // while its upper neighbour still reads back.
    const up = nudge(nearest, 1);
    if (parseFloatText(up) === magnitude) return up;
    const down = nudge(nearest, -1);
    if (parseFloatText(down) === magnitude) return down;
  }
  return magnitude.toExponential(8);
}

/**
 * Text for a `float` as .NET Core writes it: the shortest digits that round-trip as a float32,
 * scientific from 1E+09 up (`123456790`, `1E+09`, `0.33333334`, `3.4028235E+38`, `1E-45`).
 * The value is first rounded to float32 (`Math.fround`).
 */
export function writeFloat(value: number): string {
  return layout(Math.fround(value), 9, shortestFloat);
}
