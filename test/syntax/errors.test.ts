import { describe, expect, it } from 'vitest';
import { codeFrame, isJsvError, JsvError, parse, stringify } from '../../src/index.js';
import { lineColumn, seedResponse } from '../helpers/seed.js';

/** A realistic document: the seed's pretty layout plus quoted strings with commas, quotes and line breaks. */
const documentText = seedResponse.replace('accountName: String', 'accountName: "Acme, ""Inc""\nWest"').replace('\n}\n', ',\n\tnote: "a:b"\n}');

describe('truncated input', () => {
  it('the realistic document itself parses', () => {
    expect(parse(documentText)).toMatchObject({ accountName: 'Acme, "Inc"\nWest', note: 'a:b' });
  });

  it('every proper prefix fails with a JsvError at the right line and column', () => {
    const end = documentText.trimEnd().length;
    for (let cut = 1; cut < end; cut++) {
      const prefix = documentText.slice(0, cut);
      let error: unknown;
      try {
        parse(prefix);
      } catch (e) {
        error = e;
      }
      expect(isJsvError(error), `prefix of length ${cut}`).toBe(true);
      const jsvError = error as JsvError;
      if (jsvError.code === 'UNTERMINATED_STRING') {
        expect(prefix[jsvError.offset!]).toBe('"');
      } else {
        expect(jsvError.code).toBe('UNEXPECTED_END');
        expect(jsvError.offset).toBe(cut);
      }
      expect({ line: jsvError.line, column: jsvError.column }).toEqual(lineColumn(prefix, jsvError.offset!));
    }
  });
});

describe('JsvError', () => {
  it('is a SyntaxError with a stable name, and isJsvError recognises copies by brand, not class', () => {
    const error = new JsvError({ code: 'UNEXPECTED_END', reason: 'x', offset: 0, line: 1, column: 1 });
    expect(error).toBeInstanceOf(SyntaxError);
    expect(error.name).toBe('JsvError');
    expect(isJsvError(error)).toBe(true);
    expect(isJsvError(new SyntaxError('x'))).toBe(false);
    expect(isJsvError({ code: 'UNEXPECTED_END' })).toBe(false);
    expect(isJsvError(null)).toBe(false);
    // An error from another copy of the module carries the same registry symbol.
    const foreign = Object.assign(new SyntaxError('y'), { [Symbol.for('jsvkit.JsvError')]: true });
    expect(isJsvError(foreign)).toBe(true);
  });

  it('writer errors point at the value by path', () => {
    try {
      stringify({ a: [1, { b: () => 0 }] });
    } catch (e) {
      expect(e).toMatchObject({ code: 'UNSUPPORTED_VALUE', path: 'a[1].b', offset: undefined, line: undefined, column: undefined });
    }
    expect.assertions(1);
  });
});

describe('codeFrame', () => {
  it('shows the line and a caret under the column', () => {
    const text = '{\n\tA: 1,\n\tB: "x\n}';
    try {
      parse(text);
    } catch (e) {
      expect(codeFrame(text, e as JsvError, { source: 'in.jsv' })).toBe(
        'in.jsv:3:5: Unterminated quoted string: no closing \'"\' before the end of input (write a literal quote as "") at B\n   B: "x\n      ^',
      );
    }
    expect.assertions(1);
  });

  it('finds the line from the offset, after CRLF and lone CR line breaks', () => {
    const text = '{A:1,\r\nB:2,\rC:"x}';
    try {
      parse(text);
    } catch (e) {
      expect(codeFrame(text, e as JsvError)).toBe(`<input>:3:3: ${(e as JsvError).reason} at C\n  C:"x}\n    ^`);
    }
    expect.assertions(1);
  });

  it('keeps the caret visible on a very long line', () => {
    const text = `[${'a,'.repeat(500)}"x`;
    try {
      parse(text);
    } catch (e) {
      const frame = codeFrame(text, e as JsvError).split('\n');
      const caretColumn = frame[2]!.indexOf('^');
      expect(frame[1]![caretColumn]).toBe('"');
    }
    expect.assertions(1);
  });
});
