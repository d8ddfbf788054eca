/**
 * Generators for the fuzz laws: untyped JSV values, valid documents in every layout, JSV-like
 * noise, mutations of valid documents (byte flips, truncation, duplication, bracket insertion),
 * scalar texts for every typed conversion, hostile JavaScript values for the writer, and
 * families of growing documents for the time law. They are biased by what the coverage report
 * of a campaign showed unreached (see scripts/fuzz/README section in the main README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { format, stringify } from '../../src/index.js';
import type { JsvValue } from '../../src/syntax/value.js';

/** Keys that attack prototypes, look like other things, or need quoting. */
const KEY_PIECES = ['a', 'B', 'Id', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '0', '1', '10', '', ' k ', 'a:b', 'x,y', '"q', '{', '}', '[', ']', 'null', '\n', '\uFEFF', '\u200b'];

/** Pieces of scalar text that stress quoting and the extent rules. */
const SCALAR_PIECES = [
  ' ', '\t', '\r', '\n', '"', '""', ',', ':', '[', ']', '{', '}', '{}', '[]', 'null', 'True', 'false', '0', '-0', '1E+17',
  '5E-324', 'NaN', '\u200b', '\u00a0', '\u2028', '\\', "'", '😀', '\ud800', 'é', 'a', 'Z', '\0', '%', '\uFEFF',
];

export const keyArb: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...KEY_PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));

export const scalarArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...SCALAR_PIECES, ''),
  fc.array(fc.constantFrom(...SCALAR_PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** An object with exactly these own entries; `__proto__` becomes an own key, never the prototype. */
export function mapOf(entries: [string, unknown][]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  return map;
}

/** Untyped JSV values as `parse` returns them (plus nulls in maps, which the writer leaves out). */
export const jsvValueArb: fc.Arbitrary<JsvValue> = fc.letrec<{ value: JsvValue; list: JsvValue[]; map: Record<string, JsvValue> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 5 }),
  map: fc.uniqueArray(fc.tuple(keyArb, tie('value')), { selector: (entry) => entry[0], maxLength: 5 }).map((entries) => mapOf(entries) as Record<string, JsvValue>),
})).value;

/** Text of a valid document: compact, formatted, or with layout blanks sprinkled where tolerant mode allows them. */
export const validTextArb: fc.Arbitrary<string> = fc
  .tuple(jsvValueArb, fc.constantFrom('compact', 'format', 'blanks', 'bom'), fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { minLength: 1, maxLength: 3 }))
  .map(([value, layout, blanks]) => {
    let text: string;
    try {
      text = stringify(value);
    } catch {
      return '[a,,b]';
    }
    if (layout === 'format') return format(text);
    // One leading byte-order mark is not data (jsv-spec §3.1).
    if (layout === 'bom') return `\uFEFF${text}`;
    if (layout === 'blanks') {
      // Blanks next to structure only (never inside quotes), as tolerant mode reads them.
      let out = '';
      let quoted = false;
      let n = 0;
      for (const c of text) {
        if (c === '"') quoted = !quoted;
        const blank = quoted ? '' : blanks[n++ % blanks.length]!;
        out += !quoted && '{}[],:'.includes(c) ? blank + c + blank : c;
      }
      return out;
    }
    return text;
  });

const SEED_DIR = join(import.meta.dirname, '../fixtures/seed');
/** The seed's pretty samples and their compact forms (jsv-spec §4: drop each newline with its TABs, then the space after each line's first colon). */
export const SEED_TEXTS: string[] = ['newcustomer.request.jsv', 'customerinfo.response.jsv'].flatMap((name) => {
  const pretty = readFileSync(join(SEED_DIR, name), 'utf8');
  const compact = pretty
    .split('\n')
    .map((line) => line.replace(/^\t*/, '').replace(': ', ':'))
    .join('');
  return [pretty, compact];
});

/** Maps used as keys (`{{a:1}:x}`), which ServiceStack's reader accepts (jsv-spec §3.2). */
const mapKeyTextArb: fc.Arbitrary<string> = fc.tuple(jsvValueArb, jsvValueArb).map(([key, value]) => {
  try {
    const keyText = stringify(key);
    return `{${keyText.startsWith('{') ? keyText : `{k:${keyText || 'v'}}`}:${stringify(value)}}`;
  } catch {
    return '{{a:1}:b}';
  }
});

/** JSV-looking noise: structure characters, blanks, quotes and scalar pieces in any order. */
export const noiseTextArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '""', ' ', '\t', '\n', '\r', 'a', 'B', '1', '-', '.', 'E', '+', '\uFEFF', 'null', 'True', '__proto__', '\u200b', '😀', '{a:', '[{', '}]', ':{', ',,', '{a:}', '{a:,b:}', ':,', ':}', '{{a:1}:', '{{', '"a"":'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const BRACKETS = ['{', '}', '[', ']', '"', ',', ':'];

export type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; from: number; to: number; at: number }
  | { kind: 'bracket'; at: number; char: string }
  | { kind: 'delete'; at: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), char: fc.oneof(fc.constantFrom(...BRACKETS, ' ', '\n', 'x'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), from: fc.nat(), to: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('bracket' as const), at: fc.nat(), char: fc.constantFrom(...BRACKETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

/** Applies mutations in turn; positions wrap around the current text. */
export function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const n = out.length + 1;
    switch (m.kind) {
      case 'flip': {
        const at = m.at % n;
        out = out.slice(0, at) + m.char + out.slice(at + 1);
        break;
      }
      case 'truncate':
        out = out.slice(0, m.at % n);
        break;
      case 'duplicate': {
        const a = m.from % n;
        const b = m.to % n;
        const at = m.at % n;
        out = out.slice(0, at) + out.slice(Math.min(a, b), Math.max(a, b)) + out.slice(at);
        break;
      }
      case 'bracket': {
        const at = m.at % n;
        out = out.slice(0, at) + m.char + out.slice(at);
        break;
      }
      case 'delete': {
        const at = m.at % n;
        out = out.slice(0, at) + out.slice(at + 1);
        break;
      }
    }
  }
  return out;
}

/** Valid text from every source: generated values in every layout, map keys, the seed samples. */
const sourceTextArb: fc.Arbitrary<string> = fc.oneof({ arbitrary: validTextArb, weight: 6 }, { arbitrary: mapKeyTextArb, weight: 1 }, { arbitrary: fc.constantFrom(...SEED_TEXTS), weight: 1 });

export const mutatedTextArb: fc.Arbitrary<string> = fc.tuple(sourceTextArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([text, mutations]) => mutate(text, mutations));

/** Any text: valid, mutated, noise, or fully random code units. */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(sourceTextArb, mutatedTextArb, mutatedTextArb, noiseTextArb, fc.string({ unit: 'binary', maxLength: 30 }));

/** Text for scalar conversions: numbers, dates, durations, Guids, base64, booleans, chars, in valid and broken forms. */
const SCALAR_TEXT_PIECES = [
  '0', '1', '7', '9', '12', '255', '2147483647', '2147483648', '-2147483649', '9223372036854775807', '9223372036854775808', '18446744073709551616',
  '-', '+', '.', 'E', 'e', 'E+', 'E-', '05', '1E+308', '1E+309', '5E-324', '1e-400', 'NaN', 'Infinity', '-Infinity', 'nan', '∞', ',', ' ',
  'True', 'False', 'true', 'FALSE', 't', 'f', 'y', 'N', '1', 'on', 'off', 'of', 'yes',
  '2021', '-03', '-04', 'T', '05:06:07', '.1234567', '.5', 'Z', '+00:00', '-05:00', '/Date(', '1614834367000', '-0500', ')/', '\\/Date(', ')\\/', '0001-01-01', '9999-12-31T23:59:59.9999999', '06/01/2010', '28/06/2015', ' 21:52:59',
  'P', '-P', 'T', '1D', '2H', '3M', '4S', '4.5S', '1Y', '2W', 'PT1.5H', 'PT1h', 'P10675199DT2H48M5.4775391S', '1.02:03:04', '02:30:00',
  '96d7a49f7a0f46918661217995c5e4cc', '40DFA5A2-8054-4b3e-B7F5-06E61FF387EF', '{', '}', '(', ')', 'g', '0x1F',
  'AEFh/w==', 'AEFh/w', '=', '/', 'QQ==', 'Red', 'Green', 'red', 'Purple', 'Read, Write', 'Read', '"', '""', 'ab', '\\u0041', '😀',
];

export const scalarTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...SCALAR_TEXT_PIECES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  fc.constantFrom(...SCALAR_TEXT_PIECES),
  fc.string({ maxLength: 6 }),
);

/** JavaScript values for the writer, hostile ones included (functions, symbols, cycles, Maps, typed arrays). */
export const hostileValueArb: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
    fc.constantFrom('plain', 'function', 'symbol', 'cycle', 'single-null', 'map-keys', 'invalid-date', 'regexp'),
  )
  .map(([value, twist]) => {
    switch (twist) {
      case 'function':
        return { f: () => 1, value };
      case 'symbol':
        return [value, Symbol('s')];
      case 'cycle': {
        const cycle: Record<string, unknown> = { value };
        cycle.self = cycle;
        return cycle;
      }
      case 'single-null':
        return { list: [null], value };
      case 'map-keys':
        return new Map<unknown, unknown>([[1, value], [new Date(0), 'd'], [{ k: 1 }, 'object key']]);
      case 'invalid-date':
        return [new Date(Number.NaN), value];
      case 'regexp':
        return { r: /x/, value };
      default:
        return value;
    }
  });

/** A growing document for the time law: `unit` repeated, listed, or keyed `count` times. */
export interface Family {
  shape: 'repeat' | 'list' | 'map' | 'nest';
  unit: string;
}

export const familyArb: fc.Arbitrary<Family> = fc.record({
  shape: fc.constantFrom('repeat', 'list', 'map', 'nest'),
  unit: fc.oneof(anyTextArb.map((t) => t.slice(0, 24)), fc.constantFrom('"', '""', '{a:', '[', ',', ':', '{', 'a:b:c', '"x"y', ' ', '\n', '{"":', '[{}', '__proto__:1,', 'a\r\n')),
});

/** The family member with about `size` characters. */
export function familyText(family: Family, size: number): string {
  const unit = family.unit.length === 0 ? 'a' : family.unit;
  const count = Math.max(1, Math.floor(size / (unit.length + 4)));
  switch (family.shape) {
    case 'repeat':
      return unit.repeat(count);
    case 'list':
      return `[${Array(count).fill(unit).join(',')}]`;
    case 'map':
      return `{${Array.from({ length: count }, (_, i) => `k${i}:${unit}`).join(',')}}`;
    case 'nest': {
      // Nesting is bounded by maxDepth, so depth grows only to 200; the rest is width.
      const depth = Math.min(200, count);
      return '['.repeat(depth) + Array(Math.max(1, count - depth)).fill(unit).join(',') + ']'.repeat(depth);
    }
  }
}
