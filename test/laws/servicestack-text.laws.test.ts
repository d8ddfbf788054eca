/**
 * The law behind strict reading: whatever ServiceStack's writer makes of a value reads back, in
 * strict mode (and in the default 'auto' mode, which sees no unquoted line break in it), to
 * exactly that value. `serviceStackText` writes by ServiceStack's rules (WriteType, WriteLists,
 * WriteDictionary, JsvTypeSerializer.WriteString): strings and string keys bare unless they hold
 * one of `" : , { } [ ] CR LF` (so edge blanks, TABs and keys with blanks go out bare), `""` for
 * the empty string, null members and dictionary entries left out, a null dictionary or object in
 * a list spelt `null`, other null elements empty slots. Scalars other than strings use jsvkit's
 * writer, which matches ServiceStack's except where ServiceStack's own text does not read back
 * (a special or blank char, an empty byte[], a date-time dictionary key).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepStrictEqual } from 'node:assert';
import { parse, stringify, t, type AnySchema } from '../../src/index.js';
import { isSchema } from '../../src/typed/schema.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import type { ArraySchema } from '../../src/typed/composites/array.js';
import type { DictSchema } from '../../src/typed/composites/dict.js';
import type { LazySchema } from '../../src/typed/composites/lazy.js';
import type { ObjectSchema } from '../../src/typed/composites/object.js';
import * as dtos from '../../examples/evovoice/dtos.js';

const ESCAPE = /[":,{}[\]\r\n]/;

/** JsvTypeSerializer.WriteString: `""` for empty, quoted (quotes doubled) with an escape char, else bare. */
function serviceStackString(text: string): string {
  if (text === '') return '""';
  return ESCAPE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function serviceStackText(value: unknown, schema: AnySchema): string {
  switch (schema.kind) {
    case 'lazy':
      return serviceStackText(value, (schema as LazySchema).resolve());
    case 'string':
      return serviceStackString(value as string);
    case 'object': {
      const object = schema as ObjectSchema;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const name of object.keys()) {
        const member = record[name];
        if (member !== null && member !== undefined) parts.push(`${name}:${serviceStackText(member, object.member(name)!)}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'array': {
      const element = (schema as ArraySchema).element;
      const mapLike = element.structuralKind() === 'object' || element.structuralKind() === 'dict';
      const items = (value as unknown[]).map((item) => (item === null || item === undefined ? (mapLike ? 'null' : '') : serviceStackText(item, element)));
      return `[${items.join(',')}]`;
    }
    case 'dict': {
      const dict = schema as DictSchema<AnySchema, any, 'object' | 'map'>;
      const entries = value instanceof Map ? [...value] : Object.entries(value as Record<string, unknown>);
      const parts: string[] = [];
      for (const [key, item] of entries) {
        if (item === null || item === undefined) continue;
        // A plain-object dictionary holds every key as its text; a Map holds typed keys.
        const keyText = typeof key === 'string' ? serviceStackString(key) : stringify(key as never, dict.key!);
        parts.push(`${keyText}:${serviceStackText(item, dict.value)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      return stringify(value as never, schema);
  }
}

/** A list whose only item is blanks: ServiceStack's StripList reads `[  ]` as empty, losing it. */
function hasBlankOnlyList(value: unknown): boolean {
  if (Array.isArray(value)) {
    if (value.length === 1 && typeof value[0] === 'string' && value[0] !== '' && /^[ \t]+$/.test(value[0])) return true;
    return value.some(hasBlankOnlyList);
  }
  if (value instanceof Map) return [...value.values()].some(hasBlankOnlyList);
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) return Object.values(value).some(hasBlankOnlyList);
  return false;
}

/** Every scalar kind, and keys that are strings with blanks. */
const EveryScalar = t.object({
  s: t.string().required(),
  b: t.boolean(),
  n: t.number(),
  f: t.float(),
  i: t.int(),
  l: t.long(),
  m: t.decimal(),
  d: t.date(),
  js: t.date({ as: 'Date' }),
  ts: t.timeSpan(),
  g: t.guid(),
  c: t.char(),
  y: t.bytes(),
  e: t.enum(['Red', 'Green', 'Blue'] as const),
  fl: t.flags({ None: 0, Read: 1, Write: 2 }),
  strings: t.array(t.string().nullable()),
  byName: t.dict(t.string()),
  maps: t.array(t.dict(t.int()).nullable()),
  byId: t.dict(t.guid(), { key: t.int(), as: 'map' }),
});

const schemas: [string, AnySchema][] = [...(Object.entries(dtos).filter(([, value]) => isSchema(value)) as [string, AnySchema][]), ['EveryScalar', EveryScalar]];

describe.each(schemas)('%s: ServiceStack-written text reads back exactly in strict mode', (_name, schema) => {
  it('parse(serviceStackText(x), S, strict) deep-equals x, and so does the default auto mode', () => {
    fc.assert(
      fc.property(
        arbitrary(schema).filter((value) => !hasBlankOnlyList(value)),
        (value) => {
          const text = serviceStackText(value, schema);
          deepStrictEqual(parse(text, schema, { whitespace: 'strict' }), value);
          deepStrictEqual(parse(text, schema), value);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('the writer rules themselves', () => {
  it('write edge blanks, TABs and keys with blanks bare, and a null dictionary in a list as null', () => {
    const Dict = t.dict(t.array(t.dict(t.string()).nullable()));
    const value = { ' spaced key ': [{ '\tk': '  padded  ' }, null, { a: '' }] };
    const text = serviceStackText(value, Dict);
    expect(text).toBe('{ spaced key :[{\tk:  padded  },null,{a:""}]}');
    expect(parse(text, Dict, { whitespace: 'strict' })).toEqual(value);
  });
});
