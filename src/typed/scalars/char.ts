/**
 * `char`: one UTF-16 code unit. ServiceStack writes it raw and reads the first character of longer
 * text; jsvkit rejects longer text (R12) and quotes a special or blank
 * character (W5).
 */
import { needsQuotes, quote } from '../../syntax/quoting.js';
import { show } from './blanks.js';
import { ScalarError } from './scalar-error.js';

/**
 * Reads a `char` from its unquoted text (a quoted `","` arrives here as `,`).
 * Empty text is the caller's decision (ServiceStack reads `\0`, and a quoted `""` as U+200B).
 * @throws ScalarError `INVALID_CHAR` unless the text is exactly one UTF-16 code unit; this includes
 * an astral character such as an emoji, which needs two.
 */
export function readChar(text: string): string {
  if (text.length !== 1) {
    throw new ScalarError('INVALID_CHAR', `Expected exactly one character, found ${text.length === 0 ? 'empty text' : show(text)}`);
  }
  return text;
}

/**
 * Writes a `char`: the character itself, or quoted (`","`, `""""`, `" "`) when it is in JSV's
 * escape set or a blank, where ServiceStack's raw form would break the document (deviation W5).
 * @throws ScalarError `INVALID_CHAR` unless `value` is exactly one UTF-16 code unit.
 */
export function writeChar(value: string): string {
  readChar(value);
  return needsQuotes(value) ? quote(value) : value;
}
