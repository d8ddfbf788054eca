/**
 * The object decoder tries the member it expects next straight on the text
 * (`Scanner.readKnownKey`) before reading a key as a string and looking it up. The two ways must be
 * indistinguishable: the same value (same keys, same order, same prototype) or the same errors
 * (code, offset, path, reason), for parse and safeParse, in both whitespace modes, strict or not.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { isJsvError, parse, safeParse, t, type AnySchema } from '../../src/index.js';
import { knownKeys } from '../../src/typed/composites/object.js';

/** `id` and `Id` are both declared: `Id` in the text is the second member, never the first's PascalCase. */
const Twins = t.object({ id: t.int(), Id: t.string(), accountId: t.string() }, { name: 'Twins' });

const Base = t.object({ id: t.string(), dateCreated: t.string() }, { name: 'Base' });
const Customer = Base.extend(
  {
    accountId: t.string().required(),
    ['__proto__']: t.string(),
    isStaging: t.boolean().default(false),
    count: t.int(),
    tags: t.array(t.int()),
    child: t.object({ name: t.string(), x: t.number() }, { name: 'Child' }).nullable(),
    ['first name']: t.string(),
  },
  { name: 'Customer' },
);

const SCHEMAS: AnySchema[] = [Customer, Twins];

type Outcome = unknown;

function describeValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(describeValue);
  return { proto: Object.getPrototypeOf(value) === Object.prototype, entries: Object.entries(value).map(([k, v]) => [k, describeValue(v)]) };
}

function outcomes(text: string, schema: AnySchema, whitespace: 'tolerant' | 'strict', strict: boolean): Outcome[] {
  const options = { whitespace, strict };
  let thrown: Outcome;
  try {
    thrown = { value: describeValue(parse(text, schema, options)) };
  } catch (error) {
    if (!isJsvError(error)) throw error;
    thrown = { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
  const collected = safeParse(text, schema, options);
  return [thrown, collected.success ? { value: describeValue(collected.value) } : { issues: collected.issues }];
}

function withKnownKeys(enabled: boolean, read: () => Outcome[]): Outcome[] {
  knownKeys.enabled = enabled;
  try {
    return read();
  } finally {
    knownKeys.enabled = true;
  }
}

function same(text: string): void {
  for (const schema of SCHEMAS) {
    for (const whitespace of ['tolerant', 'strict'] as const) {
      for (const strict of [false, true]) {
        const fast = withKnownKeys(true, () => outcomes(text, schema, whitespace, strict));
        const general = withKnownKeys(false, () => outcomes(text, schema, whitespace, strict));
        expect({ schema: schema.name, whitespace, strict, text, fast }).toEqual({ schema: schema.name, whitespace, strict, text, fast: general });
      }
    }
  }
}

/** Keys as declared, respelled, with blanks, quoted, misspelled, unknown, and prefixes of declared ones. */
const key = fc.constantFrom(
  'id', 'Id', 'ID', 'dateCreated', 'DateCreated', 'accountId', 'AccountId', 'ACCOUNTID', 'account', 'accountIdX',
  '__proto__', 'isStaging', 'IsStaging', 'count', 'Count', 'tags', 'child', 'first name', 'First name',
  ' id', 'id ', ' accountId ', '"accountId"', '"id"', 'x', 'name',
);
const value = fc.constantFrom('', '1', 'abc', 'True', 'False', 'null', '"q,"', '[1,2]', '[]', '[x]', '{name:n,x:1.5}', '{}', '{Name:n}', ' 2 ', '-3');
const entry = fc.tuple(key, value, fc.constantFrom('', ' ')).map(([k, v, blank]) => `${k}${blank}:${v}`);
const map = fc.array(entry, { maxLength: 9 }).map((entries) => `{${entries.join(',')}}`);
const document = fc.oneof(map, map.map((text) => ` ${text} `), map.map((text) => text.slice(0, Math.max(1, text.length - 3))));

describe('known keys read objects exactly as keys read as text do', () => {
  afterEach(() => {
    knownKeys.enabled = true;
  });

  it('law: same value or same errors on maps of declared, respelled, unknown and repeated keys, whole or cut', () => {
    fc.assert(fc.property(document, (text) => same(text)), { numRuns: 400 });
  });

  it('reads declared, camelCase and PascalCase keys, and keeps twins apart', () => {
    same('{accountId:a,id:1,dateCreated:d}');
    same('{AccountId:a,Id:1,DateCreated:d,IsStaging:True,Count:2,Tags:[1],Child:{Name:n,X:1}}');
    same('{id:1,Id:two,accountId:a}');
    same('{Id:two,id:1}');
    same('{ID:1}');
    expect(parse('{id:1,Id:two,accountId:a}', Twins)).toEqual({ id: 1, Id: 'two', accountId: 'a' });
    expect(parse('{Id:two}', Twins)).toEqual({ Id: 'two' });
  });

  it('keeps __proto__ an own data key and reports repeats at the repeated key', () => {
    same('{accountId:a,__proto__:p,__proto__:q}');
    const value = parse('{accountId:a,__proto__:p}', Customer) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain('__proto__');
    same('{accountId:a,accountId:b}');
    same('{accountId:a,isStaging:True,isStaging:False}');
  });
});
