/**
 * `Guid`: ServiceStack reads it with its own `DefaultMemory.ParseGuid` on every target and writes
 * `ToString("N")`, 32 lower-case hex digits (vectors 19, 26).
 */
import { isServiceStackBlank, show } from './blanks.js';
import { ScalarError } from './scalar-error.js';

/** Offsets of the 32 hex digits in the 8-4-4-4-12 form (the N form is 0..31). */
const DASHED = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
const DASHES = [8, 13, 18, 23];
const PLAIN = DASHED.map((_, i) => i);

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/**
 * Reads a Guid in any form ServiceStack accepts: 32 hex digits, or 8-4-4-4-12 bare, in `{}` or in
 * `()`, in either case, with surrounding blanks (see `isServiceStackBlank`). Braces need the
 * dashes. The `{0x…,{0x…}}` form and any other length are rejected.
 * @returns the lower-case 8-4-4-4-12 text, the form `crypto.randomUUID()` gives.
 * @throws ScalarError `INVALID_GUID`
 */
export function readGuid(text: string): string {
  const fail = () => new ScalarError('INVALID_GUID', `Expected a Guid (32 hex digits, optionally as 8-4-4-4-12), found ${show(text)}`);
  let start = 0;
  let end = text.length;
  while (start < end && isServiceStackBlank(text.charCodeAt(start))) start++;
  while (end > start && isServiceStackBlank(text.charCodeAt(end - 1))) end--;
  let body = text.slice(start, end);
  const open = body.charCodeAt(0);
  if (open === 0x7b /* { */ || open === 0x28 /* ( */) {
    const close = open === 0x7b ? 0x7d : 0x29;
    if (body.length !== 38 || body.charCodeAt(37) !== close) throw fail();
    body = body.slice(1, 37);
  }
  let offsets: readonly number[];
  if (body.length === 32) offsets = PLAIN;
  else if (body.length === 36 && DASHES.every((d) => body.charCodeAt(d) === 0x2d)) offsets = DASHED;
  else throw fail();
  let hex = '';
  for (const at of offsets) {
    const c = body.charCodeAt(at);
    if (!isHex(c)) throw fail();
    hex += body[at];
  }
  hex = hex.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Writes a Guid as ServiceStack does: 32 lower-case hex digits, no dashes (`ToString("N")`).
 * Accepts any form `readGuid` accepts.
 * @throws ScalarError `INVALID_GUID`
 */
export function writeGuid(value: string): string {
  return readGuid(value).replaceAll('-', '');
}
