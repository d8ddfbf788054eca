/** Behaviour of each schema kind, with expected values from jsv-spec.md. */
import { describe, expect, it } from 'vitest';
import { JsvDateTime, JsvTimeSpan, parse, safeParse, stringify, t } from '../../src/index.js';
// The Evo Voice DTOs with non-nullable C# value members (`.default(false)`, `.default(0)`, first
// enum member), as codegen writes them from metadata that says so.
import { CustomerInfo, EntityInfo, NewCustomer, Schedule } from '../codegen/evovoice.golden.js';
import { errorOf } from '../helpers/errors.js';
import { lineColumn } from '../helpers/seed.js';


const Poco = t.object({ name: t.string(), count: t.int(), on: t.boolean() });

describe('objects', () => {
  it('match names case-insensitively and accept quoted keys (§3.3.4, R7; vector 32)', () => {
    expect(parse('{NAME:x,Count:1,"on":True}', Poco)).toEqual({ name: 'x', count: 1, on: true });
    expect(parse('{vALUE:B}', t.object({ Value: t.string() }))).toEqual({ Value: 'B' });
  });

  it('skip unknown keys of any shape, or reject them with strict', () => {
    expect(parse('{a:{b:[1,{c:2}]},name:x,z:}', Poco)).toEqual({ name: 'x' });
    const error = errorOf(() => parse('{name:x,\nzz:1}', Poco, { strict: true }));
    expect(error.code).toBe('UNKNOWN_PROPERTY');
    expect(error.path).toBe('zz');
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  it('reject duplicate properties, whatever their case (R9)', () => {
    const error = errorOf(() => parse('{name:x,NAME:y}', Poco));
    expect(error.code).toBe('DUPLICATE_KEY');
    expect(error.offset).toBe(8);
    // An unknown key repeated too, as the untyped parser reports it (found by the fuzzer).
    expect(errorOf(() => parse('{id:a,x:1,x:2,name:b}', Poco))).toMatchObject({ code: 'DUPLICATE_KEY', offset: 10, path: 'x' });
  });

  it('leave out empty values; a required member must be present and non-empty (R2)', () => {
    expect(parse('{name:,count:1}', Poco)).toEqual({ count: 1 });
    const Required = t.object({ id: t.int().required(), name: t.string() });
    expect(errorOf(() => parse('{name:x}', Required))).toMatchObject({ code: 'MISSING_REQUIRED', path: 'id', offset: 0 });
    expect(errorOf(() => parse('{id:,name:x}', Required))).toMatchObject({ code: 'MISSING_REQUIRED', path: 'id', offset: 4 });
    expect(errorOf(() => stringify({ name: 'x' } as never, Required))).toMatchObject({ code: 'MISSING_REQUIRED', path: 'id' });
  });

  describe('.default(value), for C# value types', () => {
    const Color = t.enum(['Red', 'Green'] as const);
    const Defaults = t.object({ on: t.boolean().default(false), count: t.int().default(0), color: Color.default('Red'), label: t.string().default('none'), note: t.string() });

    it('gives a member missing from the text its default, as a constructor default is kept (§3.3)', () => {
      expect(parse('{}', Defaults)).toEqual({ on: false, count: 0, color: 'Red', label: 'none' });
      expect(parse('{note:n,COUNT:7}', Defaults)).toEqual({ note: 'n', count: 7, on: false, color: 'Red', label: 'none' });
      expect(parse('{on:True,count:-1,color:green,label:x}', Defaults)).toEqual({ on: true, count: -1, color: 'Green', label: 'x' });
      expect(safeParse('{count:2}', Defaults)).toEqual({ success: true, value: { count: 2, on: false, color: 'Red', label: 'none' } });
    });

    it('rejects an empty value for a non-string member (R2) and reads an empty string member as its default', () => {
      for (const [text, path] of [['{on:}', 'on'], ['{count:,note:x}', 'count'], ['{note:x,color:}', 'color']] as const) {
        expect(errorOf(() => parse(text, Defaults)), text).toMatchObject({ code: 'MISSING_REQUIRED', path, offset: text.indexOf(`${path}:`) + path.length + 1 });
      }
      expect(parse('{label:}', Defaults)).toEqual({ label: 'none', on: false, count: 0, color: 'Red' });
      const result = safeParse('{on:,count:}', Defaults);
      expect(result.issues?.map((issue) => [issue.code, issue.path])).toEqual([
        ['MISSING_REQUIRED', 'on'],
        ['MISSING_REQUIRED', 'count'],
      ]);
    });

    it('writes undefined or null as the default, as ServiceStack writes a value type; excludeDefaultValues still drops 0 and False', () => {
      expect(stringify({} as never, Defaults)).toBe('{on:False,count:0,color:Red,label:none}');
      expect(stringify({ on: null, count: undefined, note: 'n' } as never, Defaults)).toBe('{on:False,count:0,color:Red,label:none,note:n}');
      expect(stringify({ count: 3 } as never, Defaults, { excludeDefaultValues: true })).toBe('{count:3,color:Red,label:none}');
      const Five = t.object({ n: t.int().default(5) });
      expect(stringify({} as never, Five, { excludeDefaultValues: true })).toBe('{n:5}');
      expect(parse(stringify({ n: 0 }, Five, { excludeDefaultValues: true }), Five)).toEqual({ n: 5 });
    });

    it('copies a mutable default for every decoded object', () => {
      const Listed = t.object({ ids: t.array(t.int()).default([1, 2]), at: t.date({ as: 'Date' }).default(new Date(0)) });
      const first = parse('{}', Listed);
      const second = parse('{}', Listed);
      expect(first).toEqual({ ids: [1, 2], at: new Date(0) });
      expect(first.ids).not.toBe(second.ids);
      expect(first.at).not.toBe(second.at);
      first.ids.push(3);
      expect(parse('{}', Listed).ids).toEqual([1, 2]);
    });

    it('shares an immutable date or time span default, and copies it where it is held by a list', () => {
      const at = new JsvDateTime(0n, 'Utc');
      const span = JsvTimeSpan.fromSeconds(90);
      const Timed = t.object({ at: t.date().default(at), span: t.timeSpan().default(span), spans: t.array(t.timeSpan()).default([span]) });
      const first = parse('{}', Timed);
      expect(first.at).toBe(at);
      expect(first.span).toBe(span);
      expect(first.spans).not.toBe(parse('{}', Timed).spans);
      expect(first.spans[0]!.equals(span)).toBe(true);
    });

    it('checks the default against the schema when it is first needed', () => {
      const Bad = t.object({ n: t.int().default(1.5) });
      expect(parse('{n:2}', Bad)).toEqual({ n: 2 });
      expect(() => parse('{}', Bad)).toThrow(TypeError);
      expect(() => parse('{}', Bad)).toThrow(/default of object\.n does not fit int/);
      expect(errorOf(() => stringify({} as never, Bad))).toMatchObject({ code: 'INVALID_NUMBER', path: 'n' });
      expect(() => t.int().default(null as never)).toThrow(TypeError);
    });

    it('may be of a type that holds the schema being declared', () => {
      const Node = t.object({
        name: t.string(),
        get children() {
          return t.array(Node).default([]);
        },
      });
      expect(parse('{name:a,children:[{name:b}]}', Node)).toEqual({ name: 'a', children: [{ name: 'b', children: [] }] });
      expect(stringify({ name: 'a' } as never, Node)).toBe('{name:a,children:[]}');
    });

    it('is replaced by .required() and replaces it: the last one counts', () => {
      const S = t.object({ a: t.int().default(0).required(), b: t.int().required().default(4) });
      expect(errorOf(() => parse('{}', S))).toMatchObject({ code: 'MISSING_REQUIRED', path: 'a' });
      expect(parse('{a:1}', S)).toEqual({ a: 1, b: 4 });
    });

    it('fills defaults in Standard Schema validate, copying instead of changing the input', async () => {
      const input = { data: { k: { stringValue: 'x' } }, name: 'n' };
      const result = await NewCustomer['~standard'].validate(input);
      expect(result).toEqual({ value: { data: { k: { stringValue: 'x', boolValue: false, numberValue: 0 } }, name: 'n' } });
      expect(input.data.k).toEqual({ stringValue: 'x' });
      const plain = { name: 'n' };
      expect(((await NewCustomer['~standard'].validate(plain)) as { value: unknown }).value).toBe(plain);
      const issues = (await Defaults['~standard'].validate({ count: 'x' })).issues;
      expect(issues?.map((issue) => issue.path)).toEqual([['count']]);
    });
  });

  it('give a string member the raw text of a map or list (§3.2; §3.10 `{A:{B:1}}`)', () => {
    expect(parse('{name:{B:1,C:[x]}}', Poco)).toEqual({ name: '{B:1,C:[x]}' });
    expect(parse('{name:[1,2]}', Poco)).toEqual({ name: '[1,2]' });
  });

  it('write declared members in order, leaving nulls out (§2.2; vector 27)', () => {
    expect(stringify({ on: false, count: 0, name: '' }, Poco)).toBe('{name:"",count:0,on:False}');
    expect(stringify({ name: undefined }, Poco)).toBe('{}');
  });

  it('write a derived schema’s own members before its base’s (§2.2: `{Own:o,BaseId:1}`)', () => {
    const Base = t.object({ BaseId: t.int() });
    const Derived = Base.extend({ Own: t.string() });
    expect(stringify({ BaseId: 1, Own: 'o' }, Derived)).toBe('{Own:o,BaseId:1}');
    expect(CustomerInfo.keys().slice(-5)).toEqual(EntityInfo.keys());
  });

  it('convert names with textCase as ServiceStack does (§2.2 table)', () => {
    const Names = t.object({ AccountId: t.int(), ID: t.int(), URLValue: t.int(), IOStream: t.int() });
    const value = { AccountId: 1, ID: 2, URLValue: 3, IOStream: 4 };
    expect(stringify(value, Names, { textCase: 'camelCase' })).toBe('{accountId:1,id:2,urlValue:3,ioStream:4}');
    expect(stringify(value, Names, { textCase: 'snake_case' })).toBe('{account_id:1,id:2,url_value:3,io_stream:4}');
    expect(stringify(value, Names, { textCase: 'default' })).toBe('{AccountId:1,ID:2,URLValue:3,IOStream:4}');
    expect(stringify({ accountId: 1 }, t.object({ accountId: t.int() }), { textCase: 'PascalCase' })).toBe('{AccountId:1}');
  });

  it('exclude default values on request, but keep enums (§2.2: `{Id=0,Name=null,C=Red}` gives `{C:Red}`)', () => {
    const Dto = t.object({ Id: t.int(), Name: t.string(), C: t.enum(['Red', 'Green'] as const), On: t.boolean(), G: t.guid() });
    expect(stringify({ Id: 0, C: 'Red', On: false, G: '00000000-0000-0000-0000-000000000000' }, Dto, { excludeDefaultValues: true })).toBe('{C:Red}');
    expect(stringify({ Id: 0, C: 'Red' }, Dto, { includeNullValues: true })).toBe('{Id:0,C:Red}');
  });

  it('reject member names that cannot be written raw', () => {
    expect(() => t.object({ 'a:b': t.int() })).toThrow(TypeError);
  });

  it('store __proto__ as data, never as a prototype', () => {
    const Dto = t.object({ ['__proto__']: t.string(), name: t.string() });
    const value = parse('{__proto__:x,name:y}', Dto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('x');
  });

  it('decode to plain objects, like untyped maps: Object.prototype, the Object constructor, own enumerable data', () => {
    const Small = t.object({ a: t.int() });
    const Large = t.object(Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`m${i}`, t.int()])));
    const values = [parse('{a:1}', Small), parse(`{${Array.from({ length: 14 }, (_, i) => `m${i}:${i}`).join(',')}}`, Large), parse('{a:1}')];
    for (const value of values) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect((value as object).constructor).toBe(Object);
      expect(Object.getOwnPropertyNames(value)).toEqual(Object.keys(value as object));
      expect({ ...(value as object) }).toEqual(value);
    }
    expect(Object.keys(values[1]!)).toEqual(Array.from({ length: 14 }, (_, i) => `m${i}`));
  });
});

describe('lists', () => {
  const Ints = t.array(t.int());
  const NullableInts = t.array(t.int().nullable());
  const Strings = t.array(t.string().nullable());

  it('read empty slots as null only for nullable elements (§3.4; R3)', () => {
    expect(parse('[1,,3]', NullableInts)).toEqual([1, null, 3]);
    expect(parse('[1,]', NullableInts)).toEqual([1, null]);
    expect(errorOf(() => parse('{A:[1,,3]}', t.object({ A: Ints })))).toMatchObject({ code: 'NULL_ELEMENT', path: 'A[1]', offset: 6 });
  });

  it('reject trailing empty slots ServiceStack would lose (R15, R16), but keep them for strings', () => {
    expect(errorOf(() => parse('[1,,]', NullableInts)).code).toBe('NULL_ELEMENT');
    expect(errorOf(() => parse('[,]', NullableInts)).code).toBe('NULL_ELEMENT');
    expect(parse('[,]', Strings)).toEqual([null, null]);
    expect(parse('[a,,""]', Strings)).toEqual(['a', null, '']);
    const Maps = t.array(t.object({ X: t.int() }).nullable());
    expect(errorOf(() => parse('[{X:1},]', Maps)).code).toBe('NULL_ELEMENT');
    expect(parse('[{X:1},,{X:2}]', Maps)).toEqual([{ X: 1 }, null, { X: 2 }]);
  });

  it('write null elements as empty slots, and refuse lists no text reads back as (W1–W3)', () => {
    expect(stringify([1, null, 3], NullableInts)).toBe('[1,,3]');
    expect(stringify(['hello', null], Strings)).toBe('[hello,]');
    expect(stringify([null, null], Strings)).toBe('[,]');
    expect(errorOf(() => stringify([null], Strings)).code).toBe('UNREPRESENTABLE_VALUE');
    expect(errorOf(() => stringify([1, null, null], NullableInts)).code).toBe('UNREPRESENTABLE_VALUE');
    // Null maps are spelt `null`, as ServiceStack writes a null dictionary; tolerant reading gives null back.
    const Maps = t.array(t.object({ X: t.int() }).nullable());
    expect(stringify([null, { X: 1 }], Maps)).toBe('[null,{X:1}]');
    expect(stringify([{ X: 1 }, null], Maps)).toBe('[{X:1},null]');
    expect(stringify([null], Maps)).toBe('[null]');
    expect(parse('[{X:1},null]', Maps)).toEqual([{ X: 1 }, null]);
    expect(errorOf(() => stringify([1, null] as never, Ints))).toMatchObject({ code: 'NULL_ELEMENT', path: '[1]' });
  });

  it('write vectors 11 and 16', () => {
    expect(stringify(['"1st', '2:nd', '3r,d', 'four%'], t.array(t.string()))).toBe('["""1st","2:nd","3r,d",four%]');
    expect(stringify([[1, 0], [0, 1]], t.array(t.array(t.number())))).toBe('[[1,0],[0,1]]');
  });
});

describe('dictionaries', () => {
  it('decode to a plain object or to a Map that keeps the text order', () => {
    const text = '{b:1,2:2,1:3}';
    expect(Object.keys(parse(text, t.dict(t.int())))).toEqual(['1', '2', 'b']);
    expect([...parse(text, t.dict(t.int(), { as: 'map' })).keys()]).toEqual(['b', '2', '1']);
    expect(stringify(new Map([['b', 1], ['2', 2]]), t.dict(t.int(), { as: 'map' }))).toBe('{b:1,2:2}');
  });

  it('keep keys case-sensitive, leave null entries out on write (§2.4, §3.5)', () => {
    expect(parse('{a:1,A:2}', t.dict(t.int()))).toEqual({ a: 1, A: 2 });
    expect(stringify({ a: null, b: 'x', '': '' }, t.dict(t.string().nullable()))).toBe('{b:x,"":""}');
    expect(errorOf(() => parse('{a:}', t.dict(t.int())))).toMatchObject({ code: 'NULL_ELEMENT', path: 'a' });
    expect(parse('{a:}', t.dict(t.int().nullable()))).toEqual({ a: null });
  });

  it('type keys with a scalar schema', () => {
    const byId = parse('{1:a,-2:b}', t.dict(t.string(), { key: t.int(), as: 'map' }));
    expect([...byId]).toEqual([[1, 'a'], [-2, 'b']]);
    expect(errorOf(() => parse('{x:a}', t.dict(t.string(), { key: t.int() }))).code).toBe('INVALID_NUMBER');
  });

  it('store a __proto__ key safely', () => {
    const value = parse('{__proto__:{polluted:1}}', t.dict(t.dict(t.int())));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('enums and flags', () => {
  const Color = t.enum(['Red', 'Green'] as const);
  enum Level {
    Low = 1,
    High = 5,
  }

  it('read names in any case with blanks, and integers (§3.7)', () => {
    expect(parse('green', Color)).toBe('Green');
    expect(parse('{c: RED }', t.object({ c: Color }), { whitespace: 'strict' })).toEqual({ c: 'Red' });
    expect(parse('1', Color)).toBe('Green');
    expect(parse('high', t.enum(Level))).toBe(Level.High);
    expect(parse('5', t.enum(Level))).toBe(Level.High);
    expect(stringify(Level.Low, t.enum(Level))).toBe('Low');
  });

  it('reject unknown members and list the allowed ones (R1)', () => {
    const error = errorOf(() => parse('{c:Purple}', t.object({ c: Color })));
    expect(error.code).toBe('INVALID_ENUM');
    expect(error.reason).toContain('Red, Green');
    expect(errorOf(() => parse('7', Color)).code).toBe('INVALID_ENUM');
    expect(errorOf(() => stringify('Blue' as never, Color)).code).toBe('INVALID_ENUM');
  });

  it('write flags as integers and read name lists (§2.8, derived vectors)', () => {
    const Access = t.flags({ None: 0, Read: 1, Write: 2 });
    expect(stringify(3, Access)).toBe('3');
    expect(stringify(0, Access)).toBe('0');
    expect(parse('"Read, Write"', Access)).toBe(3);
    expect(parse('{a:"read, write"}', t.object({ a: Access }))).toEqual({ a: 3 });
    expect(parse('8', Access)).toBe(8);
    expect(errorOf(() => parse('"Read, Exec"', Access)).code).toBe('INVALID_ENUM');
  });
});

describe('errors', () => {
  it('name the field and point at the offending text', () => {
    const text = '{inherit:False,forceClosed:False,rules:[{},{priority:},{priority:0,simpleRuleType:Always,isAllDay:False,interval:1,count:1,frequency:Sometimes}]}';
    const error = errorOf(() => parse(text, Schedule));
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED', path: 'rules[1].priority', offset: text.indexOf('priority:}') + 9 });
    const fixed = text.replace('{priority:}', '{priority:1}');
    const second = errorOf(() => parse(fixed, Schedule));
    expect(second.code).toBe('INVALID_ENUM');
    expect(second.path).toBe('rules[2].frequency');
    const offset = fixed.indexOf('Sometimes');
    expect(second.offset).toBe(offset);
    expect({ line: second.line, column: second.column }).toEqual(lineColumn(fixed, offset));
  });

  it('give lines and columns in pretty text', () => {
    const text = '{\n\tname: x,\n\tcount: 1.5\n}';
    expect(errorOf(() => parse(text, Poco))).toMatchObject({ code: 'INVALID_NUMBER', path: 'count', line: 3, column: 9 });
  });

  it('report every issue with safeParse', () => {
    const result = safeParse('{name:[x],count:abc,on:maybe,extra:1}', Poco, { strict: true });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_NUMBER', 'count'],
      ['INVALID_BOOLEAN', 'on'],
      ['UNKNOWN_PROPERTY', 'extra'],
    ]);
    expect(safeParse('{name:x}', Poco)).toEqual({ success: true, value: { name: 'x' } });
  });

  it('report syntax errors with the typed path, and stop there', () => {
    const result = safeParse('{count:x,name:"abc', Poco);
    expect(result.issues?.map((issue) => [issue.code, issue.path])).toEqual([
      ['INVALID_NUMBER', 'count'],
      ['UNTERMINATED_STRING', 'name'],
    ]);
  });

  it('reject a wrong shape with INVALID_TYPE', () => {
    expect(errorOf(() => parse('[1]', Poco))).toMatchObject({ code: 'INVALID_TYPE', offset: 0 });
    expect(errorOf(() => parse('{count:[1]}', Poco))).toMatchObject({ code: 'INVALID_TYPE', path: 'count' });
    expect(errorOf(() => stringify({ count: 'x' } as never, Poco))).toMatchObject({ code: 'INVALID_TYPE', path: 'count' });
  });

  it('hold the depth limit on read and write', () => {
    const Node = t.object({
      get next() {
        return Node;
      },
    });
    const deep = '{next:'.repeat(300) + '}'.repeat(300);
    expect(errorOf(() => parse(deep, Node)).code).toBe('MAX_DEPTH');
    const nested: Record<string, unknown> = {};
    let cursor = nested;
    for (let i = 0; i < 300; i++) cursor = cursor['next'] = {};
    expect(errorOf(() => stringify(nested as never, Node)).code).toBe('MAX_DEPTH');
    const cyclic: Record<string, unknown> = {};
    cyclic['next'] = cyclic;
    expect(errorOf(() => stringify(cyclic as never, Node)).code).toBe('CIRCULAR_REFERENCE');
    // A limit past what the stack holds still ends in a JsvError.
    expect(errorOf(() => parse('{next:'.repeat(20000) + '}'.repeat(20000), Node, { maxDepth: 1e9 })).code).toBe('MAX_DEPTH');
  });

  it('treat an empty document as null, which only a nullable schema accepts', () => {
    expect(parse('', Poco.nullable())).toBeNull();
    expect(errorOf(() => parse('  ', Poco, { whitespace: 'tolerant' })).code).toBe('UNEXPECTED_END');
    // Blanks are data to a strict reader (the default for text without line breaks), as to ServiceStack.
    expect(errorOf(() => parse('  ', Poco)).code).toBe('INVALID_TYPE');
    expect(stringify(null, Poco.nullable())).toBe('');
  });
});

describe('the untyped overloads', () => {
  it('still parse and stringify without a schema', () => {
    expect(parse('{A:1,B:[x,""]}')).toEqual({ A: '1', B: ['x', ''] });
    expect(parse('{A: 1 }', { whitespace: 'strict' })).toEqual({ A: ' 1 ' });
    expect(stringify({ A: true, B: [1, 'a,b'] })).toBe('{A:True,B:[1,"a,b"]}');
  });
});

describe('Standard Schema', () => {
  it('validates decoded values and reports every issue with its path', async () => {
    const standard = Poco['~standard'];
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('jsvkit');
    expect(await standard.validate({ name: 'x', count: 2 })).toEqual({ value: { name: 'x', count: 2 } });
    const result = await standard.validate({ name: 1, count: 1.5, on: 'yes' });
    expect(result.issues?.map((issue) => issue.path)).toEqual([['name'], ['count'], ['on']]);
    expect(result.issues?.[0]?.message).toContain('Expected a string');
  });

  it('accepts a value that fits the schema even when it has no JSV text (W1)', async () => {
    const Names = t.array(t.string().nullable());
    expect(await Names['~standard'].validate([null])).toEqual({ value: [null] });
    expect(errorOf(() => stringify([null], Names)).code).toBe('UNREPRESENTABLE_VALUE');
  });

  it('returns the first 100 issues of a value with more, as safeParse does, instead of throwing', async () => {
    const Counts = t.array(t.int());
    const words = Array.from({ length: 150 }, (_, i) => `w${i}`);
    const result = await Counts['~standard'].validate(words);
    expect(result.issues?.map((issue) => issue.path)).toEqual(words.slice(0, 100).map((_, i) => [i]));
    const parsed = safeParse(`[${words.join(',')}]`, Counts);
    expect(parsed.success ? [] : parsed.issues.map((issue) => issue.segments)).toEqual(words.slice(0, 100).map((_, i) => [i]));
  });

  it('takes values, not JSV text: a string is not an object', async () => {
    const result = await Poco['~standard'].validate('{name:x}');
    expect(result.issues?.[0]?.message).toContain('Expected an object');
  });
});
