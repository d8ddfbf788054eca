/**
 * `t.any()` (a .NET `object` member: untyped JSV) and `t.keyValuePair(K, V)` (written as its two
 * properties; `DeserializeKeyValuePair.cs` reads `key` and `value` in any case).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, safeParse, stringify, t, type JsvValue, type Schema } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { errorOf } from '../helpers/errors.js';
import { jsvValue } from '../helpers/arbitraries.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';

describe('t.any()', () => {
  const Dto = t.object({ Id: t.int(), Data: t.any() });

  it('decodes any value untyped, exactly as parse without a schema reads it', () => {
    const text = '{Id:1,Data:{a:[1,{b:"c,d"}],e:,f:True}}';
    expect(parse(text, Dto)).toEqual({ Id: 1, Data: { a: ['1', { b: 'c,d' }], e: null, f: 'True' } });
    expect(parse('{Data:[1,,2]}', Dto)).toEqual({ Data: ['1', null, '2'] });
    expect(parse('{Data:"quoted, text"}', Dto)).toEqual({ Data: 'quoted, text' });
    expect(parse('{Data:}', Dto)).toEqual({});
  });

  it('writes with the untyped writer: numbers, booleans and dates as ServiceStack writes them', () => {
    // The static type is JsvValue (what reading gives); at run time any value the untyped writer takes is written.
    expect(stringify({ Id: 1, Data: { n: 1e17, b: true, list: [1, 'x y', null, 2], s: 'a,b' } as never }, Dto)).toBe('{Id:1,Data:{n:1E+17,b:True,list:[1,x y,,2],s:"a,b"}}');
    expect(stringify({ Data: new Date(Date.UTC(2021, 2, 4, 5, 6, 7)) as never }, Dto)).toBe('{Data:2021-03-04T05:06:07Z}');
  });

  it('reports syntax errors inside the value with the typed path, and unwritable values on write', () => {
    const error = errorOf(() => parse('{Id:1,Data:{a:[1,}', Dto));
    expect(error.path?.startsWith('Data')).toBe(true);
    expect(errorOf(() => parse('{Data:{a:1,a:2}}', Dto))).toMatchObject({ code: 'DUPLICATE_KEY' });
    // Written on the typed write's own state, the untyped value's errors carry the whole path.
    expect(errorOf(() => stringify({ Data: { f: () => 1 } as never }, Dto))).toMatchObject({ code: 'UNSUPPORTED_VALUE', path: 'Data.f', reason: 'Cannot write a function as JSV' });
    expect(errorOf(() => stringify({ Data: [null] }, Dto))).toMatchObject({ code: 'UNREPRESENTABLE_VALUE', path: 'Data[0]' });
  });

  it('counts nesting and finds cycles across the typed containers around it', () => {
    const Node: Schema<{ Next?: unknown }> = t.object({ Next: t.any() });
    const node: { Next?: unknown } = {};
    node.Next = { back: node };
    expect(errorOf(() => stringify(node, Node, { maxDepth: 8 }))).toMatchObject({ code: 'CIRCULAR_REFERENCE' });
    const nested = { Next: { a: { b: { c: 1 } } } };
    expect(errorOf(() => stringify(nested, Node, { maxDepth: 3 }))).toMatchObject({ code: 'MAX_DEPTH', path: 'Next.a.b' });
    expect(stringify(nested, Node, { maxDepth: 4 })).toBe('{Next:{a:{b:{c:1}}}}');
  });

  it('keeps the depth limit of the document', () => {
    const deep = '{Data:' + '['.repeat(40) + ']'.repeat(40) + '}';
    expect(errorOf(() => parse(deep, Dto, { maxDepth: 10 }))).toMatchObject({ code: 'MAX_DEPTH' });
    expect(safeParse(deep, Dto).success).toBe(true);
  });

  it('law: a JsvValue inside a DTO round-trips, in both whitespace modes', () => {
    fc.assert(
      fc.property(jsvValue.filter((v): v is Exclude<JsvValue, null> => v !== null), fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>, (data, whitespace) => {
        expect(parse(stringify({ Data: data }, Dto), Dto, { whitespace })).toEqual({ Data: data });
      }),
    );
  });

  it('law: t.any() reads a value as both untyped engines read the same text', () => {
    fc.assert(
      fc.property(jsvValue.filter((v): v is Exclude<JsvValue, null> => v !== null), (data) => {
        const inner = stringify(data);
        const typed = parse(`{Data:${inner}}`, Dto).Data;
        expect(typed).toEqual(parse(inner, { engine: 'scanner' }));
        expect(typed).toEqual(parse(inner, { engine: chevrotain }));
      }),
    );
  });

  it('law: arbitrary(t.any()) round-trips', () => {
    fc.assert(fc.property(arbitrary(t.object({ a: t.any() })), (value) => {
      expect(parse(stringify(value, t.object({ a: t.any() })), t.object({ a: t.any() }))).toEqual(value);
    }));
  });
});

describe('t.keyValuePair(K, V)', () => {
  const Pair = t.keyValuePair(t.string(), t.int());

  it('reads {Key:…,Value:…} in any case, as ServiceStack writes the struct', () => {
    expect(parse('{Key:a,Value:1}', Pair)).toEqual({ key: 'a', value: 1 });
    expect(parse('{key:a,value:1}', Pair)).toEqual({ key: 'a', value: 1 });
    expect(parse('{KEY:a}', Pair)).toEqual({ key: 'a' });
  });

  it('writes as a DTO: PascalCase like a .NET host, or as declared', () => {
    expect(stringify({ key: 'a', value: 1 }, Pair, { textCase: 'PascalCase' })).toBe('{Key:a,Value:1}');
    expect(stringify({ key: 'a', value: 1 }, Pair)).toBe('{key:a,value:1}');
  });

  it('types both sides, with paths in errors', () => {
    const List = t.array(t.keyValuePair(t.int(), t.dateOnly()));
    expect(parse('[{Key:1,Value:2001-01-13}]', List)).toEqual([{ key: 1, value: '2001-01-13' }]);
    expect(errorOf(() => parse('[{Key:1,Value:2001-01-13},{Key:x}]', List))).toMatchObject({ code: 'INVALID_NUMBER', path: '[1].key' });
    expect(Pair.name).toBe('KeyValuePair<string, int>');
  });

  it('law: round-trips under every text case ServiceStack hosts use', () => {
    const Nested = t.keyValuePair(t.string(), t.array(t.keyValuePair(t.guid(), t.ulong())));
    fc.assert(
      fc.property(arbitrary(Nested), fc.constantFrom('default', 'camelCase', 'PascalCase') as fc.Arbitrary<'default' | 'camelCase' | 'PascalCase'>, (value, textCase) => {
        expect(parse(stringify(value, Nested, { textCase }), Nested)).toEqual(value);
      }),
    );
  });
});
