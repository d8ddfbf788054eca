import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readChar, writeChar } from '../../../src/typed/scalars/char.js';
import { parseUntyped as parse } from '../../../src/syntax/parse.js';
import { expectScalarError } from './expect-error.js';

describe('readChar (jsv-spec §3.7)', () => {
  it.each(['a', ',', '"', ' ', '\0', '\u200b', '\ud800'])('one code unit %j reads as itself', (text) => {
    expect(readChar(text)).toBe(text);
  });
  it.each(['ab', '\\n', '\\u0041', '😀', ''])('%j is INVALID_CHAR (R12)', (text) => {
    expectScalarError(() => readChar(text), 'INVALID_CHAR');
  });
});

describe('writeChar (jsv-spec §2.5, W5)', () => {
  it.each([
    ['a', 'a'],
    ['\\', '\\'],
    ["'", "'"],
    ['\0', '\0'],
    [',', '","'],
    [':', '":"'],
    ['"', '""""'],
    ['{', '"{"'],
    [']', '"]"'],
    ['\n', '"\n"'],
    [' ', '" "'],
    ['\t', '"\t"'],
  ])('%j is written %j', (value, text) => {
    expect(writeChar(value)).toBe(text);
  });
  it('rejects anything but one code unit', () => {
    expectScalarError(() => writeChar('ab'), 'INVALID_CHAR');
    expectScalarError(() => writeChar(''), 'INVALID_CHAR');
  });
  it('law: the written text, read as a JSV value, gives the char back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), (c) => {
        const value = parse(`[${writeChar(c)}]`) as unknown[];
        expect(readChar(value[0] as string)).toBe(c);
      }),
    );
  });
});
