import { describe, expect, it } from 'vitest';
import { JsvError, parse, stringify } from '../../src/index.js';

describe('stringify: strings (jsv-spec §2.1)', () => {
  it.each<[string, string]>([
    ['Hello World!', 'Hello World!'],
    ['Me, Junior', '"Me, Junior"'],
    ['2" x 1"', '"2"" x 1"""'],
    ['"1st', '"""1st"'],
    ['2:nd', '"2:nd"'],
    ['https://url.com', '"https://url.com"'],
    ['four%', 'four%'],
    ['', '""'],
    ['{x', '"{x"'],
    ['x]', '"x]"'],
    ['a\rb', '"a\rb"'],
    ['a\nb', '"a\nb"'],
    ['a\tb', 'a\tb'],
    ['\\back', '\\back'],
    ['null', 'null'],
    ['True', 'True'],
    ['123', '123'],
    ['a\u0000b', 'a\u0000b'],
    ['\u2028', '\u2028'],
    ['\u200b', '\u200b'],
    ['😀 ok', '😀 ok'],
    // Deviation W7: edge blanks are quoted, since a tolerant reader trims them.
    [' edge ', '" edge "'],
    ['\tx', '"\tx"'],
    ['x ', '"x "'],
  ])('%j -> %s', (value, text) => {
    expect(stringify(value)).toBe(text);
    expect(stringify({ A: value })).toBe(`{A:${text}}`);
    expect(stringify([value, 'z'])).toBe(`[${text},z]`);
  });

  it('quotes keys by the same rule', () => {
    expect(stringify({ 'a b': 1, 'c:d': 2, 'e,f': 3, '"q': 4, '': 5 })).toBe('{a b:1,"c:d":2,"e,f":3,"""q":4,"":5}');
  });
});

describe('stringify: scalars', () => {
  it.each<[unknown, string]>([
    [true, 'True'],
    [false, 'False'],
    [0, '0'],
    [-0, '-0'],
    [1.5, '1.5'],
    [-2147483648, '-2147483648'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e15, '1000000000000000'],
    [1e16, '10000000000000000'],
    [9.999999999999998e16, '99999999999999980'],
    [1e17, '1E+17'],
    [1.2345678901234568e17, '1.2345678901234568E+17'],
    [1e21, '1E+21'],
    [0.0001, '0.0001'],
    [1e-5, '1E-05'],
    [1e-7, '1E-07'],
    [-1.5e300, '-1.5E+300'],
    [5e-324, '5E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E+308'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [18446744073709551615n, '18446744073709551615'],
    [-9223372036854775808n, '-9223372036854775808'],
    [new Date(Date.UTC(1979, 4, 9)), '1979-05-09'],
    [new Date(Date.UTC(1979, 4, 9, 0, 0, 1)), '1979-05-09T00:00:01Z'],
    [new Date(Date.UTC(1979, 4, 9, 0, 0, 0, 1)), '1979-05-09T00:00:00.0010000Z'],
    [new Date(Date.UTC(2021, 2, 4, 5, 6, 7, 500)), '2021-03-04T05:06:07.5000000Z'],
    [new Uint8Array([0, 65, 97, 255]), 'AEFh/w=='],
    [new Uint8Array([]), '""'],
    [new URL('https://url.com/a?b=c'), '"https://url.com/a?b=c"'],
    [new String('a,b'), '"a,b"'],
    [new Boolean(false), 'False'],
    [new Number(2.5), '2.5'],
  ])('%o -> %s', (value, text) => {
    expect(stringify(value)).toBe(text);
  });

  it('writes nothing for null and undefined at the top level', () => {
    expect(stringify(null)).toBe('');
    expect(stringify(undefined)).toBe('');
  });
});

describe('stringify: maps and lists (§2.2–2.4, docs vectors 58–59)', () => {
  it.each<[unknown, string]>([
    [{ A: 1, B: 2, C: 3, D: 4 }, '{A:1,B:2,C:3,D:4}'],
    [[1, 2, 3, 4, 5], '[1,2,3,4,5]'],
    [{ Foo: 'Bar', Greet: 'Hello World!' }, '{Foo:Bar,Greet:Hello World!}'],
    [{ Name: 'Me, Junior' }, '{Name:"Me, Junior"}'],
    [{ Size: '2" x 1"' }, '{Size:"2"" x 1"""}'],
    [{ One: '"1st', Two: '2:nd', Three: '3r,d', Four: 'four%' }, '{One:"""1st",Two:"2:nd",Three:"3r,d",Four:four%}'],
    [['"1st', '2:nd', '3r,d', 'four%'], '["""1st","2:nd","3r,d",four%]'],
    [[[1, 0], [0, 1]], '[[1,0],[0,1]]'],
    [{}, '{}'],
    [[], '[]'],
    [{ Name: '' }, '{Name:""}'],
    [{ Name: null, Other: undefined }, '{}'],
    [{ a: null, b: 'x', '': '' }, '{b:x,"":""}'],
    [['p', null, ''], '[p,,""]'],
    [[1, null], '[1,]'],
    [[null, null], '[,]'],
    [[[1], null, [2, 3]], '[[1],,[2,3]]'],
    [new Map<unknown, unknown>([['a', 1], [2, 'b'], ['c', null]]), '{a:1,2:b}'],
    [new Map([[new Date(Date.UTC(2012, 0, 1, 10, 11, 12)), 1]]), '{"2012-01-01T10:11:12Z":1}'],
    [new Set(['x', 'y']), '[x,y]'],
    [new Int32Array([1, -2]), '[1,-2]'],
    [{ Name: 'Me', Tags: ['a', 'b'], Data: { Key: { numberValue: 1 } } }, '{Name:Me,Tags:[a,b],Data:{Key:{numberValue:1}}}'],
  ])('%o -> %s', (value, text) => {
    expect(stringify(value)).toBe(text);
  });

  it('writes own enumerable properties of class instances, and uses toJSON where a class has one', () => {
    class Point {
      constructor(
        public X: number,
        public Y: number,
      ) {}
      get sum() {
        return this.X + this.Y;
      }
    }
    expect(stringify([new Point(1, 2)])).toBe('[{X:1,Y:2}]');
    class Money {
      toJSON() {
        return '12.50';
      }
    }
    expect(stringify({ price: new Money() })).toBe('{price:12.50}');
  });

  it('keeps __proto__ as an ordinary key', () => {
    const value = JSON.parse('{"__proto__":{"a":1}}');
    expect(stringify(value)).toBe('{__proto__:{a:1}}');
  });
});

describe('stringify: values it cannot write', () => {
  const fails = (value: unknown, code: string, path?: string) => {
    let error: unknown;
    try {
      stringify(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsvError);
    expect(error).toMatchObject({ code });
    if (path !== undefined) expect((error as JsvError).path).toBe(path);
  };

  it('a list whose only item is null (W1: `[]` reads back empty)', () => {
    fails([null], 'UNREPRESENTABLE_VALUE');
    fails({ a: [{ b: [undefined] }] }, 'UNREPRESENTABLE_VALUE', 'a[0].b[0]');
  });
  it('functions, symbols and other non-data', () => {
    fails({ f: () => 1 }, 'UNSUPPORTED_VALUE', 'f');
    fails([1, Symbol('s')], 'UNSUPPORTED_VALUE', '[1]');
    fails({ r: /x/ }, 'UNSUPPORTED_VALUE', 'r');
    fails({ e: new Error('x') }, 'UNSUPPORTED_VALUE', 'e');
    fails(new Map([[{}, 1]]), 'UNSUPPORTED_VALUE');
  });
  it('invalid dates and dates outside .NET DateTime', () => {
    fails({ d: new Date(NaN) }, 'UNREPRESENTABLE_VALUE', 'd');
    fails(new Date(Date.UTC(10000, 0, 1)), 'UNREPRESENTABLE_VALUE');
  });
  it('cycles and nesting past maxDepth', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    fails(cyclic, 'CIRCULAR_REFERENCE');
    let deep: unknown = 'x';
    for (let i = 0; i < 300; i++) deep = [deep];
    fails(deep, 'MAX_DEPTH');
    expect(() => stringify(deep, { maxDepth: 300 })).not.toThrow();
    expect(parse(stringify(deep, { maxDepth: 300 }), { maxDepth: 300 })).toEqual(deep);
  });
  it('nesting beyond the call stack is a JsvError even with a huge maxDepth', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    fails(deep, 'MAX_DEPTH');
    let error: unknown;
    try {
      stringify(deep, { maxDepth: 1e7 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsvError);
    expect((error as JsvError).code).toBe('MAX_DEPTH');
  });
});
