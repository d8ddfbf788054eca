/** The seed's pretty-printed samples, and their compact form (jsv-spec §4: undoing the formatter). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedDir = fileURLToPath(new URL('../fixtures/seed/', import.meta.url));

export const seedRequest = readFileSync(seedDir + 'newcustomer.request.jsv', 'utf8');
export const seedResponse = readFileSync(seedDir + 'customerinfo.response.jsv', 'utf8');

/**
 * Removes every newline with the TABs after it, then the one space after each first colon. This
 * reverses ServiceStack's formatter exactly for text without quoted strings, such as the seed.
 */
export function compact(pretty: string): string {
  return pretty
    .split('\n')
    .map((line) => line.replace(/^\t*/, '').replace(/^([^:]*): /, '$1:'))
    .join('');
}

/** 1-based line and column of `offset`, counted independently of the library. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
