/**
 * Typed JSON (`parseJson`, `stringifyJson`): JSON carries exactly what JSV carries for the same
 * schema, numbers are never rounded through a JavaScript number, and errors point into the JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as dtos from '../../examples/evovoice/dtos.js';
import { parse, parseJson, stringify, stringifyJson, t, type AnySchema } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { isSchema } from '../../src/typed/schema.js';

const Primitives = t.object({
  s: t.string().required(),
  b: t.boolean().required(),
  n: t.number(),
  f: t.float(),
  i: t.int(),
  l: t.long(),
  m: t.decimal(),
  d: t.date(),
  ts: t.timeSpan(),
  g: t.guid(),
  y: t.bytes(),
  e: t.enum(['Red', 'Green', 'Blue'] as const),
  fl: t.flags({ None: 0, Read: 1, Write: 2 }),
  ints: t.array(t.int().nullable()),
  byId: t.dict(t.long(), { key: t.int() }),
});

/** Every schema of the seed (Struct and Value included), and one of every scalar. */
const schemas: [string, AnySchema][] = [
  ['primitives', Primitives],
  ...Object.entries(dtos as Record<string, unknown>).filter((entry): entry is [string, AnySchema] => isSchema(entry[1])),
];

describe('laws', () => {
  for (const [name, schema] of schemas) {
    it(`${name}: parseJson(stringifyJson(v)) deep-equals v, as parse(stringify(v)) does, and the JSON is valid`, () => {
      fc.assert(
        fc.property(arbitrary(schema, { maxDepth: 3, maxLength: 3 }), (value) => {
          const text = stringifyJson(value as never, schema);
          expect(() => JSON.parse(text)).not.toThrow();
          expect(parseJson(text, schema)).toEqual(value);
          expect(parse(stringify(value as never, schema), schema)).toEqual(value);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('a null map in a list is JSON null both ways, alone too (Struct in Value.listValue)', () => {
    const value = { listValue: [null, {}, { a: { stringValue: 'x' } }] };
    expect(stringifyJson(value, dtos.Value)).toBe('{"listValue":[null,{},{"a":{"stringValue":"x"}}]}');
    expect(parseJson('{"listValue":[null]}', dtos.Value)).toEqual({ listValue: [null] });
    expect(parseJson(stringifyJson({ listValue: [null] }, dtos.Value), dtos.Value)).toEqual({ listValue: [null] });
    // Text reads the word null as the string "null": a null string item stays an empty slot.
    const Names = t.array(t.string().nullable());
    expect(parseJson('[null,"null"]', Names)).toEqual([null, 'null']);
  });

  it('a long and a decimal keep every digit both ways', () => {
    fc.assert(
      fc.property(fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.bigInt(-(10n ** 28n), 10n ** 28n), fc.integer({ min: 0, max: 28 }), (l, digits, scale) => {
        const m = scale === 0 ? digits.toString() : formatScaled(digits, scale);
        const S = t.object({ l: t.long(), m: t.decimal() });
        const text = `{"l":${l},"m":${m}}`;
        const value = parseJson(text, S);
        expect(value.l).toBe(l);
        expect(parse(`{m:${m}}`, S).m).toBe(value.m);
        expect(stringifyJson(value, S)).toBe(`{"l":${l},"m":${value.m}}`);
      }),
    );
  });
});

function formatScaled(digits: bigint, scale: number): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${text.slice(0, -scale)}.${text.slice(-scale)}`;
}

describe('parseJson', () => {
  const S = t.object({ Id: t.long().required(), Amount: t.decimal(), Ok: t.boolean().default(false), Kind: t.enum(['A', 'B'] as const) }, { name: 'S' });

  it('matches names in any case, skips unknown members and fills defaults, as the JSV reader does', () => {
    expect(parseJson('{"id":9223372036854775807,"AMOUNT":1.10,"extra":{"x":[1,null]},"kind":"B"}', S)).toEqual({ Id: 9223372036854775807n, Amount: '1.10', Ok: false, Kind: 'B' });
  });

  it('reports a bad value with its path and its line and column in the JSON', () => {
    expect(() => parseJson('{\n  "id": 1,\n  "kind": "C"\n}', S)).toThrow(expect.objectContaining({ code: 'INVALID_ENUM', path: 'Kind', line: 3, column: 11, offset: 23 }));
    expect(() => parseJson('{"amount":1}', S)).toThrow(expect.objectContaining({ code: 'MISSING_REQUIRED' }));
  });

  it('reports malformed JSON as the converter does', () => {
    expect(() => parseJson('{"id":1,}', S)).toThrow(expect.objectContaining({ code: 'UNEXPECTED_TOKEN', offset: 8 }));
    expect(() => parseJson('{"id":1,"id":2}', S)).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
  });

  it('reads null as a nullable document', () => {
    expect(parseJson('null', S.nullable())).toBeNull();
    expect(() => parseJson('null', S)).toThrow(expect.objectContaining({ code: 'UNEXPECTED_END' }));
  });
});

describe('stringifyJson', () => {
  it('writes booleans and numbers bare, NaN as a string (JSON has no such number), and other scalars as their JSV text', () => {
    const S = t.object({ b: t.boolean(), n: t.number(), x: t.number(), d: t.date({ as: 'Date' }), ts: t.timeSpan(), s: t.string() });
    const text = stringifyJson({ b: true, n: 1e21, x: Number.NaN, d: new Date(Date.UTC(2024, 0, 2)), s: '12' }, S);
    expect(JSON.parse(text)).toEqual({ b: true, n: 1e21, x: 'NaN', d: stringify({ d: new Date(Date.UTC(2024, 0, 2)) }, t.object({ d: t.date({ as: 'Date' }) })).slice(3, -1), s: '12' });
  });

  it('writes a null document as null', () => {
    expect(stringifyJson(null, t.string().nullable())).toBe('null');
  });
});
