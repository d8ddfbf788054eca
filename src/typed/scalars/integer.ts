/**
 * .NET's integer types. ServiceStack reads the signed ones (`sbyte`, `short`, `int`, `long`) with its
 * own `SignedInteger` parser and the unsigned ones (`byte`, `ushort`, `uint`, `ulong`) with
 * `UnsignedInteger`, which takes no sign at all (`DefaultMemory.cs`); it writes
 * invariant digits with an optional `-`.
 */
import { isServiceStackBlank, show } from './blanks.js';
import { ScalarError } from './scalar-error.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** The digits of an integer text and its sign, after ServiceStack's `SignedInteger` checks. */
interface IntegerText {
  negative: boolean;
  /** The significant digits: no leading zeros, `''` for zero. */
  digits: string;
}

/**
 * Follows `SignedInteger.ParseInt64` state for state: blanks (see `isServiceStackBlank`) around the
 * number, an optional `-`, ASCII digits, leading zeros. `-0` is accepted but `-0` followed by more
 * digits (`-05`, `-00`) is not, because ServiceStack moves to its trailing-blank state after a zero
 * that follows the sign.
 */
function scanInteger(text: string, expected: string, signed = true): IntegerText {
  const end = text.length;
  let i = 0;
  while (i < end && isServiceStackBlank(text.charCodeAt(i))) i++;
  const fail = () => new ScalarError('INVALID_NUMBER', `Expected ${expected}, found ${show(text)}`);
  if (i === end) throw fail();
  let negative = false;
  let sawDigit = false;
  while (i < end && text.charCodeAt(i) === 0x30) {
    sawDigit = true;
    i++;
  }
  if (signed && !sawDigit && text.charCodeAt(i) === 0x2d) {
    negative = true;
    i++;
    if (i < end && text.charCodeAt(i) === 0x30) {
      i++;
      return finish(text, i, end, true, '', fail);
    }
  }
  const start = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  if (i === start && !sawDigit) throw fail();
  return finish(text, i, end, negative, text.slice(start, i), fail);
}

function finish(text: string, i: number, end: number, negative: boolean, digits: string, fail: () => ScalarError): IntegerText {
  while (i < end && isServiceStackBlank(text.charCodeAt(i))) i++;
  if (i < end) throw fail();
  return { negative, digits };
}

/**
 * Reads an `int` (int32). Accepts `42`, ` -7 `, `007`, `-0`; rejects `+5`, `1.0`, `1e2`, `0x1F`,
 * `1,000` and empty text.
 * @throws ScalarError `INVALID_NUMBER` for malformed text, `OUT_OF_RANGE` beyond int32.
 */
export function readInt(text: string): number {
  const { negative, digits } = scanInteger(text, 'a whole number');
  // Eleven or more significant digits are out of range whatever they are; this also keeps
  // `Number()` away from huge inputs.
  const value = digits.length > 10 ? Infinity : digits === '' ? 0 : Number(digits);
  const signed = negative ? -value : value;
  if (signed < INT_MIN || signed > INT_MAX) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a whole number from ${INT_MIN} to ${INT_MAX}, found ${show(text)}`);
  }
  return signed === 0 ? 0 : signed;
}

/**
 * Reads a `long` (int64) as a `bigint`, without precision loss. Same syntax as `readInt`.
 * @throws ScalarError `INVALID_NUMBER` for malformed text, `OUT_OF_RANGE` beyond int64.
 */
export function readLong(text: string): bigint {
  const { negative, digits } = scanInteger(text, 'a whole number');
  const outOfRange = () => new ScalarError('OUT_OF_RANGE', `Expected a whole number from ${LONG_MIN} to ${LONG_MAX}, found ${show(text)}`);
  if (digits.length > 19) throw outOfRange();
  const magnitude = digits === '' ? 0n : BigInt(digits);
  const value = negative ? -magnitude : magnitude;
  if (value < LONG_MIN || value > LONG_MAX) throw outOfRange();
  return value;
}

/**
 * Writes an `int`: invariant digits with an optional `-` (`-0` is written `0`).
 * @throws ScalarError `INVALID_NUMBER` if `value` is not a whole number, `OUT_OF_RANGE` beyond int32.
 */
export function writeInt(value: number): string {
  if (!Number.isInteger(value)) throw new ScalarError('INVALID_NUMBER', `Expected a whole number, found ${String(value)}`);
  if (value < INT_MIN || value > INT_MAX) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a whole number from ${INT_MIN} to ${INT_MAX}, found ${String(value)}`);
  }
  return value === 0 ? '0' : String(value);
}

/**
 * Writes a `long` from a `bigint` or a safe integer `number`.
 * @throws ScalarError `INVALID_NUMBER` for a fraction or an unsafe integer (which may already have
 * been rounded), `OUT_OF_RANGE` beyond int64.
 */
export function writeLong(value: bigint | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ScalarError('INVALID_NUMBER', `Expected a bigint or a safe integer, found ${String(value)}`);
    }
    return value === 0 ? '0' : String(value);
  }
  if (value < LONG_MIN || value > LONG_MAX) {
    throw new ScalarError('OUT_OF_RANGE', `Expected a whole number from ${LONG_MIN} to ${LONG_MAX}, found ${value}`);
  }
  return value.toString();
}

/** The range and .NET name of one integer type that fits a JavaScript `number` exactly. */
export interface IntegerRange {
  /** The C# keyword, for messages: `byte`, `short`, … */
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

export const BYTE: IntegerRange = { name: 'byte', min: 0, max: 255 };
export const SBYTE: IntegerRange = { name: 'sbyte', min: -128, max: 127 };
export const SHORT: IntegerRange = { name: 'short', min: -32768, max: 32767 };
export const USHORT: IntegerRange = { name: 'ushort', min: 0, max: 65535 };
export const UINT: IntegerRange = { name: 'uint', min: 0, max: 4294967295 };

function rangeError(range: { name: string; min: number | bigint; max: number | bigint }, found: string): ScalarError {
  return new ScalarError('OUT_OF_RANGE', `Expected a whole number from ${range.min} to ${range.max} (${range.name}), found ${found}`);
}

/**
 * Reads a `byte`, `sbyte`, `short`, `ushort` or `uint`. A signed type takes what `readInt` takes;
 * an unsigned one the same without any sign (`-0` and `-1` are rejected, as ServiceStack's
 * `UnsignedInteger` does).
 * @throws ScalarError `INVALID_NUMBER` for malformed text, `OUT_OF_RANGE` beyond the type's range.
 */
export function readIntegerIn(range: IntegerRange, text: string): number {
  const { negative, digits } = scanInteger(text, `a whole number (${range.name})`, range.min < 0);
  const value = digits.length > 10 ? Infinity : digits === '' ? 0 : Number(digits);
  const signed = negative ? -value : value;
  if (signed < range.min || signed > range.max) throw rangeError(range, show(text));
  return signed === 0 ? 0 : signed;
}

/**
 * Writes a `byte`, `sbyte`, `short`, `ushort` or `uint`: invariant digits, `-` for negatives.
 * @throws ScalarError `INVALID_NUMBER` for a fraction, `OUT_OF_RANGE` beyond the type's range.
 */
export function writeIntegerIn(range: IntegerRange, value: number): string {
  if (!Number.isInteger(value)) throw new ScalarError('INVALID_NUMBER', `Expected a whole number (${range.name}), found ${String(value)}`);
  if (value < range.min || value > range.max) throw rangeError(range, String(value));
  return value === 0 ? '0' : String(value);
}

const ULONG = { name: 'ulong', min: 0n, max: 2n ** 64n - 1n };

/**
 * Reads a `ulong` (UInt64) as a `bigint`: digits with surrounding blanks and leading zeros, no sign.
 * @throws ScalarError `INVALID_NUMBER` for malformed text (a sign included), `OUT_OF_RANGE` past 2^64 - 1.
 */
export function readULong(text: string): bigint {
  const { digits } = scanInteger(text, 'a whole number (ulong)', false);
  if (digits.length > 20) throw rangeError(ULONG, show(text));
  const value = digits === '' ? 0n : BigInt(digits);
  if (value > ULONG.max) throw rangeError(ULONG, show(text));
  return value;
}

/**
 * Writes a `ulong` from a `bigint` or a non-negative safe integer `number`.
 * @throws ScalarError `INVALID_NUMBER` for a fraction or an unsafe integer, `OUT_OF_RANGE` below 0
 * or past 2^64 - 1.
 */
export function writeULong(value: bigint | number): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new ScalarError('INVALID_NUMBER', `Expected a bigint or a safe integer (ulong), found ${String(value)}`);
  }
  const big = BigInt(value);
  if (big < 0n || big > ULONG.max) throw rangeError(ULONG, typeof value === 'bigint' ? `${value}` : String(value));
  return big.toString();
}
