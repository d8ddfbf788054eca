import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, safeParse, stringify, t } from '../../src/index.js';
import { readDouble, readPlainDouble } from '../../src/typed/scalars/number.js';

describe('lists of doubles (written in one call where JSON and .NET agree)', () => {
  const Doubles = t.array(t.number());

  it('write .NET number text whichever path they take', () => {
    const plain = [1, -2, 0.5, 1234567.25, 0.0001, 9999999999999998, 0, 3];
    expect(stringify(plain, Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3]');
    // Each of these needs .NET's own text, so the list is written item by item.
    expect(stringify([...plain, -0], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,-0]');
    expect(stringify([...plain, 1e17], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,1E+17]');
    expect(stringify([...plain, 1e-5], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,1E-05]');
    expect(stringify([...plain, NaN], Doubles)).toBe('[1,-2,0.5,1234567.25,0.0001,9999999999999998,0,3,NaN]');
  });

  it('still reject what is not a number', () => {
    expect(() => stringify([1, 2, 3, 4, 5, 6, 7, '8'] as never, Doubles)).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', path: '[7]' }));
  });
});

describe('plain number text (the fast path of t.number() and readDouble)', () => {
  const plain = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,20}$/), fc.stringMatching(/^[0-9]{0,20}$/), fc.option(fc.tuple(fc.constantFrom('E', 'e'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 400 }))))
    .map(([negative, whole, fraction, exponent]) => (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '') + (exponent ? exponent[0] + exponent[1] + String(exponent[2]).padStart(2, '0') : ''));
  const written = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => stringify([n], t.array(t.number())).slice(1, -1));

  it('reads to the double JavaScript (and .NET Core 3+) rounds the text to', () => {
    fc.assert(
      fc.property(fc.oneof(plain, written), (text) => {
        expect(Object.is(readPlainDouble(text), Number(text))).toBe(true);
        expect(Object.is(parse(text, t.number()), Number(text))).toBe(true);
        // In place, as the list decoder reads it: only the range counts.
        expect(Object.is(readPlainDouble(`[${text},`, 1, text.length + 1), Number(text))).toBe(true);
        expect(Object.is(parse(`[${text},${text}]`, t.array(t.number()))[1], Number(text))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves other text to the full reader', () => {
    for (const text of ['', '-', '+1', ' 1', '1 ', '.5', '7.', '1,000', '1e', '1E+', '1E0005', '0x1F', 'NaN', '-Infinity', '1_0']) {
      expect(readPlainDouble(text)).toBeUndefined();
    }
    expect(readDouble('.5')).toBe(0.5);
    expect(readDouble('1,000')).toBe(1000);
    expect(readDouble('1E0005')).toBe(1e5);
    expect(parse('[ 7. , +1,1E+999,-1E-999]', t.array(t.number()))).toEqual([7, 1, Infinity, -0]);
  });
});

describe('where a number in a document ends', () => {
  // Number text, then what may follow it before the terminator: blanks, letters, more digits.
  const item = fc
    .tuple(fc.constantFrom('1', '-2', '0.5', '1E+17', '12.5e-3', '7.', '1,000', 'x', ''), fc.constantFrom('', ' ', '\t', 'x', '5', ' 5', 'e', ':', '"', ']'))
    .map(([number, tail]) => number + tail)
    // Empty slots follow list rules of their own (jsv-spec R15), not number reading.
    .filter((text) => text.trim() !== '');

  it('law: t.number() items read as the untyped text of the same document reads with readDouble', () => {
    const Doubles = t.array(t.number().nullable());
    const Record = t.object({ n: t.number().nullable(), m: t.number().nullable() });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>, (items, whitespace) => {
        const expectFrom = (text: string, schema: typeof Doubles | typeof Record, toTyped: (untyped: unknown) => unknown) => {
          let expected: unknown;
          try {
            expected = { value: toTyped(parse(text, { whitespace })) };
          } catch {
            expected = 'error';
          }
          let actual: unknown;
          try {
            actual = { value: parse(text, schema, { whitespace }) };
          } catch {
            actual = 'error';
          }
          expect({ text, whitespace, actual }).toEqual({ text, whitespace, actual: expected });
        };
        const read = (v: unknown) => (v === null ? null : readDouble(v as string));
        expectFrom(`[${items.join(',')}]`, Doubles, (u) => (u as unknown[]).map(read));
        // At the top a bare value runs to the end of the text, commas and all ("1,000" is 1000).
        expectFrom(items.join(','), t.number().nullable() as never, read);
        expectFrom(`{n:${items[0]},m:${items[items.length - 1]}}`, Record, (u) => {
          const map = u as Record<string, unknown>;
          return { n: read(map.n), m: read(map.m) };
        });
      }),
      { numRuns: 1500 },
    );
  });
});

describe('lists of t.number() read plain numbers in one run (readPlainDoubleRun)', () => {
  // The same element behind t.lazy is not seen as a number list, so it takes the item-by-item loop.
  const Run = t.object({ a: t.array(t.number()), b: t.array(t.array(t.number())) });
  const Loop = t.object({ a: t.array(t.lazy(() => t.number())), b: t.array(t.array(t.lazy(() => t.number()))) });
  const item = fc.constantFrom('1', '-2', '0.5', '1E+17', '12.5e-3', '7.', '+1', '1,000', ' 3', '4 ', '\n5', 'NaN', 'x', '', '[]', '{}', '"6"', '8}', '9]x');
  const list = fc.array(item, { maxLength: 8 }).map((items) => `[${items.join(',')}]`);

  function outcome(read: () => unknown): unknown {
    try {
      return { value: read() };
    } catch (error) {
      const e = error as { code?: string; offset?: number; path?: string; reason?: string };
      return { code: e.code, offset: e.offset, path: e.path, reason: e.reason };
    }
  }

  it('law: same values, same error (code, offset, path, reason) and same issues as the item-by-item loop', () => {
    fc.assert(
      fc.property(list, list, fc.nat(), fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>, (a, b, cut, whitespace) => {
        const whole = `{a:${a},b:[${b},${a}]}`;
        for (const text of [whole, whole.slice(0, cut % (whole.length + 1))]) {
          expect({ text, ...(outcome(() => parse(text, Run, { whitespace })) as object) }).toEqual({ text, ...(outcome(() => parse(text, Loop, { whitespace })) as object) });
          expect({ text, issues: safeParse(text, Run, { whitespace }) }).toEqual({ text, issues: safeParse(text, Loop, { whitespace }) });
        }
      }),
      { numRuns: 1500 },
    );
  });
});
