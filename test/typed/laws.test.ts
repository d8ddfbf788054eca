/**
 * Laws over `arbitrary(S)` for every Evo Voice type and for primitive-heavy schemas: values round
 * trip; the typed and untyped decoders read the same text the same way; whatever typed decoding
 * accepts fits its schema.
 */
import fc from 'fast-check';
import { deepStrictEqual } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { format, parse, safeParse, stringify, t, type AnySchema, type JsvValue, type TextCase } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import * as dtos from '../../examples/evovoice/dtos.js';
import { isSchema } from '../../src/typed/schema.js';

const Primitives = t.object({
  s: t.string().required(),
  b: t.boolean().required(),
  n: t.number().required(),
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
  ints: t.array(t.int().nullable()),
  matrix: t.array(t.array(t.number())),
  map: t.dict(t.string(), { as: 'map' }),
  byId: t.dict(t.guid(), { key: t.int() }),
  byDay: t.dict(t.boolean(), { key: t.date(), as: 'map' }),
});

/** C# value types as `.default()` members: `arbitrary` always generates them, as decoding always fills them. */
const Defaulted = t.object({
  b: t.boolean().default(false),
  n: t.int().default(0),
  e: t.enum(['Red', 'Green'] as const).default('Red'),
  s: t.string().default(''),
  list: t.array(t.int()).default([]),
  nested: t.object({ on: t.boolean().default(false), label: t.string() }),
});

/** The kinds ServiceStack metadata needs beyond the Evo Voice DTOs. */
const MetadataKinds = t.object({
  b: t.byte(),
  sb: t.sbyte(),
  sh: t.short(),
  us: t.ushort(),
  ui: t.uint(),
  ul: t.ulong(),
  dto: t.dateTimeOffset(),
  d: t.dateOnly(),
  tm: t.timeOnly(),
  wire: t.enum(['Monday', 'Sunday'] as const, { values: { Monday: 1, Sunday: 7 }, wireNames: { Sunday: 'SUN' } }),
  any: t.any(),
  pairs: t.array(t.keyValuePair(t.string(), t.int())),
  byDay: t.dict(t.ushort(), { key: t.dateOnly() }),
});

const schemas: [string, AnySchema][] = [
  ...(Object.entries(dtos).filter(([, value]) => isSchema(value)) as [string, AnySchema][]),
  ['Primitives', Primitives],
  ['Defaulted', Defaulted],
  ['MetadataKinds', MetadataKinds],
  ['list of nullable strings', t.array(t.string().nullable())],
  ['list of nullable objects', t.array(dtos.Tag.nullable())],
];

const runs = { numRuns: 60 };

/**
 * The untyped view of a typed value: what each scalar is written as, and the same shape. The typed
 * decoder agrees with the untyped one when the untyped parse of the text equals this.
 */
function untypedView(value: unknown, schema: AnySchema): JsvValue {
  if (value === null || value === undefined) return null;
  const kind = schema.structuralKind();
  const resolved = kind === schema.kind ? schema : (schema as unknown as { resolve(): AnySchema }).resolve();
  if (kind === 'array') {
    const element = (resolved as unknown as { element: AnySchema }).element;
    // A null map element is written as the token `null` (jsv-spec §2.3), which untyped reading keeps as text.
    const mapLike = element.structuralKind() === 'object' || element.structuralKind() === 'dict';
    return (value as unknown[]).map((item) => (item == null && mapLike ? 'null' : untypedView(item, element)));
  }
  if (kind === 'object') {
    const object = resolved as unknown as { keys(): string[]; member(name: string): AnySchema };
    const out: Record<string, JsvValue> = {};
    for (const name of object.keys()) {
      const item = (value as Record<string, unknown>)[name];
      if (item !== undefined && item !== null) out[name] = untypedView(item, object.member(name));
    }
    return out;
  }
  if (kind === 'dict') {
    const dict = resolved as unknown as { value: AnySchema; key?: AnySchema };
    const out: Record<string, JsvValue> = {};
    const entries = value instanceof Map ? [...value] : Object.entries(value as object);
    for (const [key, item] of entries) {
      if (item === null || item === undefined) continue;
      const keyText = dict.key === undefined || typeof key === 'string' ? (key as string) : (parse(stringify(key, dict.key)) as string);
      out[keyText] = untypedView(item, dict.value);
    }
    return out;
  }
  // A scalar: the untyped reader gives its text, unquoted.
  return parse(stringify(value as never, resolved)) ?? '';
}

describe.each(schemas)('%s', (_name, schema) => {
  it('round-trips: parse(stringify(x, S), S) deep-equals x', () => {
    fc.assert(
      fc.property(arbitrary(schema), (value) => {
        // Strictly: arbitrary builds plain objects, as parse does, so node's deepStrictEqual holds too.
        deepStrictEqual(parse(stringify(value, schema), schema), value);
      }),
      runs,
    );
  });

  it('round-trips through every text case and through format', () => {
    fc.assert(
      fc.property(arbitrary(schema), fc.constantFrom<TextCase>('camelCase', 'PascalCase', 'snake_case', 'default'), (value, textCase) => {
        const text = stringify(value, schema, { textCase });
        // Reading matches names case-insensitively, so camelCase and PascalCase names read back.
        if (textCase !== 'snake_case') expect(parse(text, schema)).toEqual(value);
        expect(parse(format(stringify(value, schema)), schema)).toEqual(value);
      }),
      runs,
    );
  });

  it('agrees with the untyped decoder', () => {
    fc.assert(
      fc.property(arbitrary(schema), (value) => {
        const text = stringify(value, schema);
        expect(parse(text)).toEqual(text === '' ? null : untypedView(value, schema));
      }),
      runs,
    );
  });

  it('Standard Schema validate accepts every value arbitrary makes, and returns it as it is', () => {
    fc.assert(
      fc.property(arbitrary(schema), (value) => {
        const result = schema['~standard'].validate(value) as { value?: unknown; issues?: unknown };
        expect(result.issues).toBeUndefined();
        // arbitrary gives every `.default(value)` member a value, so there is nothing to fill.
        expect(result.value).toBe(value);
      }),
      runs,
    );
  });

  it('never accepts a value that breaks the schema, and never throws anything but a JsvError', () => {
    const mutated = arbitrary(schema).chain((value) => {
      const text = stringify(value, schema);
      return fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.constantFrom('', ',', ':', '{', '}', '[', ']', '"', 'x', ' ', 'null', '1')).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));
    });
    fc.assert(
      fc.property(mutated, (text) => {
        const result = safeParse(text, schema);
        if (result.success) {
          const check = schema['~standard'].validate(result.value);
          expect(check).not.toHaveProperty('issues', expect.anything());
        } else {
          for (const issue of result.issues) {
            expect(issue.code).toMatch(/^[A-Z_]+$/);
            expect(issue.offset).toBeGreaterThanOrEqual(0);
            expect(issue.offset).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      runs,
    );
  });
});

describe('.default() members', () => {
  it('read back equal when excludeDefaultValues leaves the .NET defaults out', () => {
    fc.assert(
      fc.property(arbitrary(Defaulted), (value) => {
        expect(parse(stringify(value, Defaulted, { excludeDefaultValues: true }), Defaulted)).toEqual(value);
      }),
      runs,
    );
  });

  it('are filled by Standard Schema validate as decoding fills them', () => {
    fc.assert(
      fc.property(arbitrary(Defaulted), fc.constantFrom('b', 'n', 'e', 's', 'list'), (value, left) => {
        const partial: Record<string, unknown> = { ...value };
        delete partial[left];
        const checked = Defaulted['~standard'].validate(partial);
        expect(checked).toEqual({ value: parse(stringify(partial as never, Defaulted), Defaulted) });
      }),
      runs,
    );
  });
});

/** `.default()` members at every depth: inside lists, dictionaries (both forms), `t.lazy` and a recursive member. */
const Leaf = t.object({ on: t.boolean().default(false), n: t.int().default(7), label: t.string() }, { name: 'Leaf' });
const DeepDefaults = t.object({
  leaf: Leaf,
  list: t.array(Leaf),
  nullables: t.array(Leaf.nullable()),
  byKey: t.dict(Leaf),
  map: t.dict(Leaf, { as: 'map', key: t.int() }),
  lazy: t.lazy(() => Leaf),
  get children() {
    return t.array(DeepDefaults);
  },
});

/** `value` with each `on` and `n` property dropped where `drop()` says so (a deep copy; `value` is untouched). */
function dropSome(value: unknown, drop: () => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => dropSome(item, drop));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, dropSome(item, drop)]));
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'on' || key === 'n') && drop()) continue;
    Object.defineProperty(copy, key, { value: dropSome(item, drop), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

describe('.default() members at any depth', () => {
  it('are filled by Standard Schema validate exactly as a write and read back fills them, leaving the value untouched', () => {
    fc.assert(
      fc.property(arbitrary(DeepDefaults, { maxDepth: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (value, choices) => {
        let next = 0;
        const partial = dropSome(value, () => choices[next++ % choices.length]!) as Parameters<typeof stringify<typeof DeepDefaults>>[0];
        const before = structuredClone(partial);
        const checked = DeepDefaults['~standard'].validate(partial);
        expect(checked).toEqual({ value: parse(stringify(partial, DeepDefaults), DeepDefaults) });
        expect(partial).toEqual(before);
      }),
      runs,
    );
  });
});
