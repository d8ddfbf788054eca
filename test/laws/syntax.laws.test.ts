import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, isJsvError, parse, stringify, type JsvValue } from '../../src/index.js';
import { jsvishText, jsvValue, nastyString } from '../helpers/arbitraries.js';

const runs = { numRuns: 400 };

/** Deep equality that also tells `__proto__` own keys apart (toEqual would). */
const same = (a: JsvValue, b: JsvValue) => expect(b).toStrictEqual(a);

describe('laws of the syntax layer', () => {
  it('parse(stringify(v)) gives back v', () => {
    fc.assert(
      fc.property(jsvValue, (value) => {
        same(value, parse(stringify(value)));
      }),
      runs,
    );
  });

  it('every string survives a round trip as a value, a list item and a key', () => {
    fc.assert(
      fc.property(nastyString, (text) => {
        expect(parse(stringify(text))).toBe(text);
        expect(parse(stringify([text, text]))).toEqual([text, text]);
        expect(parse(stringify({ [text]: text }))).toStrictEqual({ [text]: text });
      }),
      { numRuns: 1000 },
    );
  });

  it('stringify of a parsed canonical text gives the text back', () => {
    fc.assert(
      fc.property(jsvValue, (value) => {
        const canonical = stringify(value);
        expect(stringify(parse(canonical))).toBe(canonical);
        expect(stringify(parse(canonical, { whitespace: 'strict' }))).toBe(canonical);
      }),
      runs,
    );
  });

  it('format keeps the meaning and is idempotent', () => {
    fc.assert(
      fc.property(jsvValue, fc.constantFrom('\t', '  '), (value, indent) => {
        const text = stringify(value);
        const formatted = format(text, { indent });
        same(parse(text), parse(formatted));
        expect(format(formatted, { indent })).toBe(formatted);
        expect(format(text)).toBe(format(format(text)));
      }),
      runs,
    );
  });

  it('random text either parses or throws a JsvError, in both whitespace modes and in format', () => {
    fc.assert(
      fc.property(jsvishText, fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>, (text, whitespace) => {
        for (const run of [() => parse(text, { whitespace }), () => format(text, { whitespace })]) {
          try {
            run();
          } catch (error) {
            if (!isJsvError(error)) throw error;
            expect(error.offset).toBeGreaterThanOrEqual(0);
            expect(error.offset).toBeLessThanOrEqual(text.length);
            expect(error.line).toBeGreaterThanOrEqual(1);
            expect(error.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parse and format agree on what is valid', () => {
    fc.assert(
      fc.property(jsvishText, (text) => {
        let parsed: unknown;
        let formatted: unknown;
        try {
          parsed = parse(text);
        } catch (error) {
          parsed = error;
        }
        try {
          formatted = parse(format(text));
        } catch (error) {
          formatted = error;
        }
        if (isJsvError(parsed)) expect(formatted).toMatchObject({ code: parsed.code, offset: parsed.offset });
        else expect(formatted).toStrictEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });
});
