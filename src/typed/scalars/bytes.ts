/**
 * `byte[]`: standard base64 both ways (ServiceStack's ParseByteArray, .NET
 * `Convert.FromBase64String`).
 */
import { show } from './blanks.js';
import { ScalarError } from './scalar-error.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d;

// .NET's base64 decoder skips exactly these four characters anywhere in the text.
function isBase64Blank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/**
 * Reads standard base64 (`+`, `/`, `=` padding required), ignoring space, TAB, CR and LF anywhere,
 * as .NET does. Unpadded text (`AEFh/w`), the URL-safe alphabet and padding in the middle are
 * rejected. Empty text (or blanks only) gives an empty array; whether an empty value means null is
 * the caller's decision. ServiceStack also reads a `byte[]` from a list of numbers (`[1,2,3]`);
 * that form is a list, so the schema layer handles it, not this reader.
 * @throws ScalarError `INVALID_BYTES`
 */
export function readBytes(text: string): Uint8Array {
  const fail = (why: string) => new ScalarError('INVALID_BYTES', `Expected base64 (${why}), found ${show(text)}`);
  const sextets = new Uint8Array(text.length);
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBase64Blank(c)) continue;
    if (c === PAD) {
      padding++;
      continue;
    }
    const v = c < 128 ? SEXTET[c]! : -1;
    if (v < 0) throw fail(`the character ${show(text[i]!)} is not in the base64 alphabet`);
    if (padding > 0) throw fail('"=" is only allowed at the end');
    sextets[count++] = v;
  }
  if ((count + padding) % 4 !== 0 || padding > 2 || (padding > 0 && count % 4 === 0)) {
    throw fail('the length must be a multiple of 4, padded with "="');
  }
  const out = new Uint8Array(Math.floor((count * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const n = (sextets[i]! << 18) | (sextets[i + 1]! << 12) | (sextets[i + 2]! << 6) | sextets[i + 3]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = count - i;
  if (rest === 2) {
    out[o++] = (sextets[i]! << 2) | (sextets[i + 1]! >> 4);
  } else if (rest === 3) {
    const n = (sextets[i]! << 12) | (sextets[i + 1]! << 6) | sextets[i + 2]!;
    out[o++] = n >> 10;
    out[o++] = (n >> 2) & 0xff;
  }
  return out;
}

/**
 * Writes standard base64 with padding. An empty array is written `""` (two quote characters),
 * because ServiceStack's empty text reads back as null (deviation W6).
 */
export function writeBytes(value: Uint8Array): string {
  if (value.length === 0) return '""';
  let out = '';
  let i = 0;
  for (; i + 3 <= value.length; i += 3) {
    const n = (value[i]! << 16) | (value[i + 1]! << 8) | value[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = value.length - i;
  if (rest === 1) {
    const n = value[i]! << 16;
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (value[i]! << 16) | (value[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`;
  }
  return out;
}
