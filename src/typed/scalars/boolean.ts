/**
 * `bool`: ServiceStack reads it with `StringSpanExtensions.ParseBoolean` and writes `True` or
 * `False`.
 */
import { isUnicodeBlank, show } from './blanks.js';
import { ScalarError } from './scalar-error.js';

/**
 * Reads a boolean as ServiceStack does on .NET Core:
 * - one character: `1 t T y Y` → true, `0 f F n N` → false;
 * - `on` (lower case only) → true; any three characters starting `of` (`off`, `ofx`) → false;
 * - otherwise `true` or `false` in any case, with surrounding Unicode whitespace or NUL characters
 *   (.NET's `bool.Parse`).
 *
 * Empty text is the caller's decision (ServiceStack reads it as `false`; jsvkit's typed layer
 * reports it); here it is invalid like any other text.
 * @throws ScalarError `INVALID_BOOLEAN`
 */
export function readBoolean(text: string): boolean {
  const length = text.length;
  if (length === 1) {
    switch (text) {
      case '1':
      case 't':
      case 'T':
      case 'y':
      case 'Y':
        return true;
      case '0':
      case 'f':
      case 'F':
      case 'n':
      case 'N':
        return false;
    }
  } else if (length === 2) {
    if (text === 'on') return true;
  } else if (length === 3) {
    // ServiceStack compares the second character twice, so `of` plus any third character is false.
    if (text.charCodeAt(0) === 0x6f && text.charCodeAt(1) === 0x66) return false;
  }
  const word = trimBlanksAndNul(text).toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  throw new ScalarError('INVALID_BOOLEAN', `Expected True or False, found ${show(text)}`);
}

/** `True` or `False`, as .NET's `TextWriter.Write(bool)` spells them. */
export function writeBoolean(value: boolean): string {
  return value ? 'True' : 'False';
}

// .NET's bool.Parse trims char.IsWhiteSpace characters and NUL.
function trimBlanksAndNul(text: string): string {
  let start = 0;
  let end = text.length;
  const isTrim = (c: number) => c === 0 || isUnicodeBlank(c);
  while (start < end && isTrim(text.charCodeAt(start))) start++;
  while (end > start && isTrim(text.charCodeAt(end - 1))) end--;
  // Anything longer than five characters cannot be `true` or `false`; do not copy it.
  return end - start > 5 ? '' : text.slice(start, end);
}
