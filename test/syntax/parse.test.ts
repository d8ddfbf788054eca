import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, JsvError, parse } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { hasUnquotedLineBreak } from '../../src/syntax/options.js';

/**
 * The definition of "a line break outside quotes", one character at a time: a `"` opens a quoted
 * string at the start or after `{` `[` `,` `:` and spaces or TABs; `""` inside is a literal quote.
 */
function lineBreakOutsideQuotes(text: string): boolean {
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c === '"' && atStart) {
      let close = i;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close < 0) return false;
        if (text[close + 1] !== '"') break;
        close++;
      }
      i = close;
      atStart = false;
    } else if ('{[,:'.includes(c!)) {
      atStart = true;
    } else if (c !== ' ' && c !== '\t') {
      atStart = false;
    }
  }
  return false;
}

describe('parse: shapes and extent rules (jsv-spec §1, §3.2)', () => {
  it.each<[string, unknown]>([
    ['{}', {}],
    ['[]', []],
    ['{A:1,B:True}', { A: '1', B: 'True' }],
    ['[1,2,3]', ['1', '2', '3']],
    ['{A:{B:[x,{C:y}]}}', { A: { B: ['x', { C: 'y' }] } }],
    ['[[1,0],[0,1]]', [['1', '0'], ['0', '1']]],
    // An unquoted `:`, `[`, `]` or `"` is ordinary inside a map value (§1, verified rows).
    ['{A:x]y[z}', { A: 'x]y[z' }],
    ['{A:a:b:c}', { A: 'a:b:c' }],
    ['{A:a"b}', { A: 'a"b' }],
    ['{A:]}', { A: ']' }],
    ['{Id:urn:post:f830c3fd/1,Date:2010-02-18T12:10:29.804602Z}', { Id: 'urn:post:f830c3fd/1', Date: '2010-02-18T12:10:29.804602Z' }],
    // A list item ends at `,` or `]`; `:` and `[` are ordinary inside it.
    ['[2:nd,a[b]', ['2:nd', 'a[b']],
    // Quoted strings: CSV rules, `""` is one quote, no backslash escapes.
    ['["""1st",2:nd,"3r,d",four%]', ['"1st', '2:nd', '3r,d', 'four%']],
    ['{One:"""1st",Two:2:nd,Three:"3r,d"}', { One: '"1st', Two: '2:nd', Three: '3r,d' }],
    ['"a\\nb"', 'a\\nb'],
    ['"{A:1}"', '{A:1}'],
    ['""', ''],
    // Empty values are null; every comma in a list counts (the string-list rule, §3.4).
    ['{A:,B:1}', { A: null, B: '1' }],
    ['[a,,b]', ['a', null, 'b']],
    ['[a,]', ['a', null]],
    ['[,]', [null, null]],
    ['[,a]', [null, 'a']],
    ['[""]', ['']],
    // Keys: quoted keys are unquoted, blanks around bare keys are not part of them.
    ['{"a:b":1,"e,f":2,"""q":3,"":4}', { 'a:b': '1', 'e,f': '2', '"q': '3', '': '4' }],
    ['{a b:1}', { 'a b': '1' }],
    ['{{X:1}:y}', { '{X:1}': 'y' }],
    // The text `null` is four letters; only the target type could give it meaning.
    ['[null]', ['null']],
    ['null', 'null'],
    ['True', 'True'],
    // A top-level bare value runs to the end of the text.
    ['Hello,World', 'Hello,World'],
    ['', null],
    ['\uFEFF{A:1}', { A: '1' }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });
});

describe("parse: whitespace: 'tolerant' reads blanks around structure as layout", () => {
  const tolerant = { whitespace: 'tolerant' } as const;
  it.each<[string, unknown]>([
    ['  {  A : x  ,  B : [ p , q ] , C : " c " }  ', { A: 'x', B: ['p', 'q'], C: ' c ' }],
    ['{\n\tA: 1,\n\tB: \n\t{\n\t\tC: x y\n\t}\n}', { A: '1', B: { C: 'x y' } }],
    ['{A: {X:1},B:{X:2}}', { A: { X: '1' }, B: { X: '2' } }],
    ['{A:{X:1} ,B:{X:2}}', { A: { X: '1' }, B: { X: '2' } }],
    ['{A:"q" }', { A: 'q' }],
    ['[{X:1}, {X:2}]', [{ X: '1' }, { X: '2' }]],
    ['[ ]', []],
    ['{ }', {}],
    ['[ , ]', [null, null]],
    ['{A: }', { A: null }],
    ['  hello world \n', 'hello world'],
    ['\r\n\t ', null],
    // Blanks are the layout characters only; other white space is data.
    ['{A:\u00a0x\u00a0}', { A: '\u00a0x\u00a0' }],
  ])('%j', (text, expected) => {
    expect(parse(text, tolerant)).toEqual(expected);
  });
});

describe("parse: whitespace: 'strict' keeps blanks as data, as ServiceStack does (§3.9)", () => {
  const strict = { whitespace: 'strict' } as const;
  it.each<[string, unknown]>([
    // Keys keep their blanks, as ServiceStack's DeserializeDictionary does (it never trims a key;
    // only its object reader trims a property name before the lookup).
    ['{ A : x }', { ' A ': ' x ' }],
    ['{  both  :x}', { '  both  ': 'x' }],
    ['{ leading:x}', { ' leading': 'x' }],
    ['{\t:x}', { '\t': 'x' }],
    ['{a:1, spaced key :2}', { a: '1', ' spaced key ': '2' }],
    ['{A:x ,B:y}', { A: 'x ', B: 'y' }],
    ['{A:x\n}', { A: 'x\n' }],
    ['{A: "a",B:1}', { A: ' "a"', B: '1' }],
    // Since ServiceStack 2023 (commit 80ad3271a, TypeSerializerToStringListTests.
    // Can_serialize_values_with_whitespace), a list's first item keeps its leading blank too.
    ['[ x , y ]', [' x ', ' y ']],
    ['[p, q]', ['p', ' q']],
    [' hello ', ' hello '],
    ['{A:,B:1}', { A: null, B: '1' }],
    // Blanks alone inside brackets leave them empty (IsEmptyMap, StripList).
    ['[ ]', []],
    ['{ \t}', {}],
    ['[ , ]', [' ', ' ']],
    // Blanks before a `{` or `[` that opens a value are layout: ServiceStack's writer never puts
    // one there, and its list reader trims the chunk it is given (StripList).
    ['{Rules: [{X:1}],Data:\t{A:b}}', { Rules: [{ X: '1' }], Data: { A: 'b' } }],
    ['[a, [b], {c:d}]', ['a', ['b'], { c: 'd' }]],
    [' [a]', ['a']],
  ])('%j', (text, expected) => {
    expect(parse(text, strict)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['{A:{X:1} ,B:{X:2}}', 'UNEXPECTED_TOKEN', 8],
    ['{A:"q" }', 'UNEXPECTED_TOKEN', 6],
    ['{A:1}\n', 'TRAILING_INPUT', 5],
    ['[a] ', 'TRAILING_INPUT', 3],
    ['{"a" :1}', 'UNEXPECTED_TOKEN', 4],
  ])('%j is an error where ServiceStack loses data', (text, code, offset) => {
    expect(() => parse(text, strict)).toThrow(expect.objectContaining({ code, offset }));
    // The same text is fine for a tolerant reader.
    expect(() => parse(text, { whitespace: 'tolerant' })).not.toThrow();
  });
});

describe("parse: whitespace: 'auto' (default) is strict unless a line break stands outside quotes", () => {
  it.each<[string, unknown]>([
    // ServiceStack's writer output: no unquoted line break, so blanks are data.
    ['{StringValue:  padded  ,Empty:   }', { StringValue: '  padded  ', Empty: '   ' }],
    ['{\tleading tab:1, spaced key :2}', { '\tleading tab': '1', ' spaced key ': '2' }],
    ['{A:"line\none",B: x }', { A: 'line\none', B: ' x ' }],
    ['{A:"a""\n",B: x }', { A: 'a"\n', B: ' x ' }],
    // Laid-out text: a line break between tokens, so blanks are layout.
    ['{\n\tA: x,\n\tB: [ p ]\n}', { A: 'x', B: ['p'] }],
    ['{A: x }\n', { A: 'x' }],
    ['{A:"q",\r\nB: y }', { A: 'q', B: 'y' }],
  ])('%j', (text, expected) => {
    expect(parse(text)).toEqual(expected);
    expect(parse(text, { whitespace: 'auto', engine: chevrotain })).toEqual(expected);
  });

  it('law: the quote-to-quote search finds a line break outside quotes exactly when the character-by-character definition does', () => {
    const piece = fc.constantFrom('"', '""', '\n', '\r', ' ', '\t', '{', '[', ',', ':', 'a', '2" x', '}', ']');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(hasUnquotedLineBreak(text)).toBe(lineBreakOutsideQuotes(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parse: errors', () => {
  it.each<[string, string, number]>([
    ['{A:1', 'UNEXPECTED_END', 4],
    ['{A:', 'UNEXPECTED_END', 3],
    ['{A', 'UNEXPECTED_END', 2],
    ['{', 'UNEXPECTED_END', 1],
    ['[1,2', 'UNEXPECTED_END', 4],
    ['[', 'UNEXPECTED_END', 1],
    ['{A:"abc}', 'UNTERMINATED_STRING', 3],
    ['"', 'UNTERMINATED_STRING', 0],
    ['["a""]', 'UNTERMINATED_STRING', 1],
    ['{A}', 'UNEXPECTED_TOKEN', 2],
    ['{:x}', 'UNEXPECTED_TOKEN', 1],
    ['{,A:x}', 'UNEXPECTED_TOKEN', 1],
    ['{A:x,,B:y}', 'UNEXPECTED_TOKEN', 5],
    ['{A:1,}', 'UNEXPECTED_TOKEN', 5],
    ['{A:"x"y,B:1}', 'UNEXPECTED_TOKEN', 6],
    ['{A:[a]b,B:[x]}', 'UNEXPECTED_TOKEN', 6],
    ['{A:1]', 'UNEXPECTED_END', 5],
    ['{A:[1}', 'UNEXPECTED_TOKEN', 5],
    ['[a}', 'UNEXPECTED_TOKEN', 2],
    ['{A:1}x', 'TRAILING_INPUT', 5],
    ['{A:1}}', 'TRAILING_INPUT', 5],
    ['{A:1},', 'TRAILING_INPUT', 5],
    ['[p,q]x', 'TRAILING_INPUT', 5],
    ['}', 'UNEXPECTED_TOKEN', 0],
    [',a', 'UNEXPECTED_TOKEN', 0],
    ['{A:x,A:y}', 'DUPLICATE_KEY', 5],
    ['{a:1,"a":2}', 'DUPLICATE_KEY', 5],
  ])('%j -> %s at %i', (text, code, offset) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsvError);
    expect(error).toBeInstanceOf(SyntaxError);
    expect(isJsvError(error)).toBe(true);
    expect(error).toMatchObject({ code, offset, line: 1, column: offset + 1 });
  });

  it('messages say what was expected and what was found, with the position', () => {
    expect(() => parse('{A}')).toThrow(`Expected ':' after the key "A", found '}' (line 1, column 3)`);
    expect(() => parse('{A:1')).toThrow(/Unexpected end of input: expected ',' or '}'/);
    expect(() => parse('{A:x,A:y}')).toThrow(/Duplicate key "A"/);
  });

  it('names the path of the value the error is in', () => {
    const at = (text: string) => {
      try {
        parse(text);
      } catch (e) {
        return (e as JsvError).path;
      }
      throw new Error('expected an error');
    };
    expect(at('{a:{b:[1,{c:"x}]}}')).toBe('a.b[1].c');
    expect(at('{"a b":[1,2,{c:1,c:2}]}')).toBe('["a b"][2]');
    expect(at('{A}')).toBeUndefined();
  });

  it('counts lines and columns after line breaks', () => {
    expect(() => parse('{\n\tA: 1,\n\tB: "x\n}')).toThrow(expect.objectContaining({ code: 'UNTERMINATED_STRING', line: 3, column: 5, offset: 13 }));
    expect(() => parse('{\r\nA:1\r\n,}')).toThrow(expect.objectContaining({ code: 'UNEXPECTED_TOKEN', line: 3, column: 2 }));
  });

  it('serialises to JSON with its fields', () => {
    try {
      parse('[1,2');
    } catch (e) {
      expect(JSON.parse(JSON.stringify(e))).toEqual({
        name: 'JsvError',
        code: 'UNEXPECTED_END',
        message: "Unexpected end of input: expected ',' or ']' at [2] (line 1, column 5)",
        offset: 4,
        line: 1,
        column: 5,
        path: '[2]',
      });
    }
    expect.assertions(1);
  });

  it('rejects a non-string argument and bad options with a TypeError (a programming error, not bad input)', () => {
    expect(() => parse(42 as unknown as string)).toThrow(TypeError);
    expect(() => parse('{}', { whitespace: 'loose' as 'strict' })).toThrow(TypeError);
    expect(() => parse('{}', { maxDepth: -1 })).toThrow(TypeError);
  });
});

describe('parse: safety', () => {
  it('keeps __proto__, constructor and prototype as own data properties', () => {
    const value = parse('{__proto__:{polluted:yes},constructor:{prototype:{polluted:yes}},prototype:x}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    const nested = parse('[{"__proto__":{a:1}}]') as Record<string, unknown>[];
    expect(Object.getPrototypeOf(nested[0])).toBe(Object.prototype);
  });

  it('maps are plain objects, indistinguishable from literals', () => {
    const value = parse('{a:1,b:{c:2},d:{},e:[{f:3}]}') as Record<string, unknown>;
    for (const map of [value, value.b, value.d, (value.e as unknown[])[0]] as object[]) {
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(map.constructor).toBe(Object);
      expect(Object.getOwnPropertyNames(map)).toEqual(Object.keys(map));
    }
    expect(value).toStrictEqual({ a: '1', b: { c: '2' }, d: {}, e: [{ f: '3' }] });
    expect(structuredClone(value)).toStrictEqual(value);
  });

  it('keys that shadow Object.prototype members are ordinary keys', () => {
    expect(parse('{toString:1,hasOwnProperty:2,valueOf:3}')).toEqual({ toString: '1', hasOwnProperty: '2', valueOf: '3' });
  });
});

describe('parse: keys that are maps', () => {
  it('a repeated map key is reported at its start', () => {
    expect(() => parse('{a:b,{c:d}:e,{c:d}:f}')).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY', offset: 13 }));
  });
});
