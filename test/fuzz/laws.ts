/**
 * The fuzz laws, shared by the quick vitest run (test/fuzz/laws.test.ts), the replay of saved
 * counterexamples (test/fuzz/regressions.test.ts) and the timed campaigns (`npm run fuzz`).
 * A law's `check` throws when the law is broken; every input it is given is plain JSON so that a
 * counterexample can be saved under test/fuzz/regressions/ and replayed as it was.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as dtos from '../../examples/evovoice/dtos.js';
import { createScanner, NULL_SINK, walkJsv, type JsvSink } from '../../src/syntax/walk.js';
import { FormatSink } from '../../src/syntax/format.js';
import { JsonSink } from '../../src/cli/json-sink.js';
import { JsonToJsv } from '../../src/syntax/json-to-jsv.js';
import { codeFrame } from '../../src/errors/code-frame.js';
import { format, isJsvError, parse, safeParse, stringify, t, type JsvError, type ParseOptions } from '../../src/index.js';
import { chevrotain as chevrotainEngine } from '../../src/syntax/chevrotain/entry.js';
import { isSchema, type AnySchema } from '../../src/typed/schema.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { codegenLaw } from './codegen-law.js';
import { anyTextArb, familyArb, familyText, hostileValueArb, jsvValueArb, mutate, mutationArb, scalarTextArb, type Family, type Mutation } from './arbitraries.js';

/** What a campaign observed, for the coverage part of its summary. */
export interface Tally {
  /** JsvError codes thrown, by code. */
  codes: Record<string, number>;
  /** Grammar rules (jsv-spec §3.2) reached by valid documents, and other named features. */
  rules: Record<string, number>;
}

export function newTally(): Tally {
  return { codes: {}, rules: {} };
}

export function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

export interface Law<I> {
  name: string;
  /** The law, in one sentence, for reports. */
  statement: string;
  /** Share of campaign time (relative). */
  weight: number;
  arbitrary: fc.Arbitrary<I>;
  /** Throws when `input` breaks the law. */
  check(input: I, tally: Tally): void;
  /** The plain-JSON form a counterexample is saved as (default: the input itself). */
  save?(input: I): unknown;
  /** False when shrinking is too costly (each step re-times large documents). */
  shrink?: boolean;
  /** Replays a saved counterexample (default: `check`). */
  replay?(saved: unknown, tally: Tally): void;
}

export class LawBroken extends Error {
  override readonly name = 'LawBroken';
  /** The kind of failure, without the input: a campaign counts repeats of a known kind instead of stopping on them. */
  readonly kind: string;
  constructor(message: string, kind: string) {
    super(message);
    this.kind = kind;
  }
}

export function fail(message: string, detail?: unknown): never {
  const shown = detail === undefined ? '' : describe(detail);
  // The message without quoted inputs and numbers, plus the JsvError code the detail names, if any.
  const kind = message.replace(/"(?:[^"\\]|\\.)*"/g, '…').replace(/[0-9]+(?:\.[0-9]+)?/g, 'N') + (/^"?([A-Z_]{4,})@/.exec(shown)?.[1] ?? '');
  throw new LawBroken(detail === undefined ? message : `${message}: ${shown}`, kind);
}

/** The kind of a failure of `law` (see LawBroken.kind); other errors by their name. */
export function failureKind(lawName: string, error: unknown): string {
  return `${lawName}: ${error instanceof LawBroken ? error.kind : error instanceof Error ? error.name : typeof error}`;
}

function describe(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 400);
  } catch {
    return String(value);
  }
}

/** Runs `f`; returns its result, or the JsvError it threw. Anything else breaks the law. */
function attempt<T>(what: string, f: () => T, tally: Tally): { ok: true; value: T } | { ok: false; error: JsvError } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    if (isJsvError(error)) {
      count(tally.codes, error.code);
      return { ok: false, error };
    }
    fail(`${what} threw a non-JsvError`, error instanceof Error ? `${error.name}: ${error.message}` : error);
  }
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).length;
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype).length;

/** No input may add to the shared prototypes (prototype pollution). */
function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  if (Object.getOwnPropertyNames(Object.prototype).length !== PROTO_KEYS || probe.polluted !== undefined || Object.getOwnPropertyNames(Array.prototype).length !== ARRAY_PROTO_KEYS) {
    fail('Object.prototype or Array.prototype was modified');
  }
}

/**
 * Typed values compared as data: fast-check's records may have a null prototype where the
 * decoder builds ordinary objects, so plain objects are compared by their entries only.
 */
function sameData(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(plain(a), plain(b));
}

function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: plain((value as Record<string, unknown>)[key]), writable: true, enumerable: true, configurable: true });
    return out;
  }
  return value;
}

function sameError(a: JsvError, b: JsvError): boolean {
  return a.code === b.code && a.offset === b.offset && a.reason === b.reason && a.path === b.path;
}

function errorSummary(e: JsvError): string {
  return `${e.code}@${e.offset}${e.path ? ` at ${e.path}` : ''}: ${e.reason}`;
}

/** Counts the grammar rules a walk passes through (jsv-spec §3.2 names). */
class RuleSink implements JsvSink {
  private readonly contexts: string[] = ['top'];
  constructor(private readonly rules: Record<string, number>) {}
  private where(): string {
    return this.contexts[this.contexts.length - 1]!;
  }
  openMap(): void {
    count(this.rules, `map in ${this.where()}`);
    this.contexts.push('map');
  }
  key(text: string, start: number): void {
    const c = text[start];
    count(this.rules, c === '"' ? 'key: quoted' : c === '{' ? 'key: map' : 'key: barekey');
  }
  closeMap(): void {
    this.contexts.pop();
  }
  openList(): void {
    count(this.rules, `list in ${this.where()}`);
    this.contexts.push('list');
  }
  closeList(): void {
    this.contexts.pop();
  }
  emptyMap(): void {
    count(this.rules, `empty map in ${this.where()}`);
  }
  emptyList(): void {
    count(this.rules, `empty list in ${this.where()}`);
  }
  quoted(text: string, start: number, end: number): void {
    count(this.rules, `quoted in ${this.where()}`);
    if (text.slice(start + 1, end - 1).includes('""')) count(this.rules, 'quoted with ""');
  }
  bare(): void {
    count(this.rules, `bare in ${this.where()}`);
  }
  empty(): void {
    count(this.rules, `empty in ${this.where()}`);
  }
}

export function walk<S extends JsvSink>(text: string, options: ParseOptions, sink: S): S {
  const steps = walkJsv(createScanner(text, options), sink);
  while (!steps.next().done);
  return sink;
}

// ---------------------------------------------------------------------------------------------
// Untyped laws

/** The value `parse(stringify(v))` gives, by jsv-spec §2: null map entries are left out. */
function expectedRoundTrip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expectedRoundTrip);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== null) Object.defineProperty(out, key, { value: expectedRoundTrip(item), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** W1: a list whose only item is null has no text. */
function hasLoneNull(value: unknown): boolean {
  if (Array.isArray(value)) return (value.length === 1 && value[0] === null) || value.some(hasLoneNull);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasLoneNull);
  return false;
}

export const roundTripUntyped: Law<unknown> = {
  name: 'roundtrip-untyped',
  statement: 'parse(stringify(v)) deep-equals v without its null map entries, stringify(parse(s)) === s, and both engines read s alike; a list whose only item is null is UNREPRESENTABLE_VALUE',
  weight: 2,
  arbitrary: jsvValueArb,
  check(value, tally) {
    const written = attempt('stringify', () => stringify(value), tally);
    if (hasLoneNull(value)) {
      if (written.ok || written.error.code !== 'UNREPRESENTABLE_VALUE') fail('a list with a lone null must be UNREPRESENTABLE_VALUE', written.ok ? written.value : written.error.code);
      return;
    }
    if (!written.ok) return fail('stringify rejected a JSV value', errorSummary(written.error));
    const text = written.value;
    const back = attempt('parse', () => parse(text), tally);
    if (!back.ok) return fail(`parse rejected stringify's text ${JSON.stringify(text)}`, errorSummary(back.error));
    if (!isDeepStrictEqual(back.value, expectedRoundTrip(value))) fail(`parse(stringify(v)) differs; text ${JSON.stringify(text)}`, back.value);
    const again = stringify(back.value);
    if (again !== text) fail(`stringify(parse(s)) !== s for ${JSON.stringify(text)}`, again);
    const chevrotain = attempt('parse (chevrotain)', () => parse(text, { engine: chevrotainEngine }), tally);
    if (!chevrotain.ok || !isDeepStrictEqual(chevrotain.value, back.value)) fail(`the engines disagree on ${JSON.stringify(text)}`, chevrotain.ok ? chevrotain.value : errorSummary(chevrotain.error));
    assertNoPollution();
  },
};

/** Whether `inferred` is `value` with some strings turned into the booleans or numbers they spell. */
function inferredFrom(inferred: unknown, value: unknown): boolean {
  if (typeof inferred === 'boolean') return typeof value === 'string' && value.toLowerCase() === String(inferred);
  if (typeof inferred === 'number') return typeof value === 'string' && Number(value) === inferred;
  if (Array.isArray(inferred)) return Array.isArray(value) && value.length === inferred.length && inferred.every((item, i) => inferredFrom(item, value[i]));
  if (inferred !== null && typeof inferred === 'object') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const keys = Object.keys(inferred);
    return keys.length === Object.keys(value).length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k) && inferredFrom((inferred as Record<string, unknown>)[k], (value as Record<string, unknown>)[k]));
  }
  return inferred === value;
}

export interface TextInput {
  text: string;
  strict: boolean;
}

export const textLaw: Law<TextInput> = {
  name: 'text',
  statement:
    'on any text (valid, mutated, noise, random) parse, format and the CLI walk throw only JsvError; both engines and the walk agree (same value or same error); format output parses to the same value, is idempotent, and equals the streamed fmt layout; no prototype is touched',
  weight: 6,
  arbitrary: fc.record({ text: anyTextArb, strict: fc.boolean() }),
  check({ text, strict }, tally) {
    const options: ParseOptions = strict ? { whitespace: 'strict' } : {};
    const scanner = attempt('parse', () => parse(text, options), tally);
    const chevrotain = attempt('parse (chevrotain)', () => parse(text, { ...options, engine: chevrotainEngine }), tally);
    if (scanner.ok !== chevrotain.ok || (scanner.ok && chevrotain.ok && !isDeepStrictEqual(scanner.value, chevrotain.value)) || (!scanner.ok && !chevrotain.ok && !sameError(scanner.error, chevrotain.error))) {
      fail(
        `the engines disagree (${strict ? 'strict' : 'tolerant'}) on ${JSON.stringify(text)}`,
        `scanner ${scanner.ok ? describe(scanner.value) : errorSummary(scanner.error)} / chevrotain ${chevrotain.ok ? describe(chevrotain.value) : errorSummary(chevrotain.error)}`,
      );
    }
    const json = attempt('the CLI walk', () => walk(text, options, new JsonSink()).out, tally);
    const walkAgrees = scanner.ok ? json.ok && isDeepStrictEqual(JSON.parse(json.value), scanner.value) : !json.ok && sameError(scanner.error, json.error);
    if (!walkAgrees) {
      fail(`the CLI walk disagrees with parse on ${JSON.stringify(text)}`, `${json.ok ? json.value : errorSummary(json.error)} vs ${scanner.ok ? describe(scanner.value) : errorSummary(scanner.error)}`);
    }
    if (json.ok) {
      const inferred = attempt('the CLI walk (--infer)', () => walk(text, options, new JsonSink(true)).out, tally);
      if (!inferred.ok) return fail(`to-json --infer rejected what to-json accepts: ${JSON.stringify(text)}`, errorSummary(inferred.error));
      if (!inferredFrom(JSON.parse(inferred.value), scanner.ok ? scanner.value : null)) fail(`to-json --infer changed more than scalar types on ${JSON.stringify(text)}`, inferred.value);
    }
    const checked = attempt('jsvkit check', () => walk(text, options, NULL_SINK), tally);
    if (checked.ok !== json.ok) fail(`jsvkit check and to-json disagree on ${JSON.stringify(text)}`);
    const formatted = attempt('format', () => format(text, options), tally);
    if (formatted.ok !== scanner.ok || (!formatted.ok && !scanner.ok && (formatted.error.code !== scanner.error.code || formatted.error.offset !== scanner.error.offset))) {
      fail(`format and parse disagree on ${JSON.stringify(text)}`, formatted.ok ? 'format accepted it' : errorSummary(formatted.error));
    }
    if (!scanner.ok) {
      const frame = codeFrame(text, scanner.error);
      if (frame.split('\n')[2]?.trimEnd().endsWith('^') !== true) fail('codeFrame has no caret line', frame);
      count(tally.rules, strict ? 'rejected (strict)' : 'rejected (tolerant)');
    } else if (formatted.ok) {
      walk(text, options, new RuleSink(tally.rules));
      count(tally.rules, strict ? 'accepted (strict)' : 'accepted (tolerant)');
      if (text.charCodeAt(0) === 0xfeff) count(tally.rules, 'text: BOM');
      const layout = formatted.value;
      const reread = attempt('parse(format(s))', () => parse(layout), tally);
      if (!reread.ok || !isDeepStrictEqual(reread.value, scanner.value)) fail(`parse(format(s)) differs for ${JSON.stringify(text)}`, reread.ok ? reread.value : errorSummary(reread.error));
      const twice = attempt('format(format(s))', () => format(layout), tally);
      if (!twice.ok || twice.value !== layout) fail(`format is not idempotent on ${JSON.stringify(text)}`, twice.ok ? twice.value : errorSummary(twice.error));
      const streamed = walk(text, options, new FormatSink()).out;
      if (streamed !== layout) fail(`jsvkit fmt's streamed layout differs from format() on ${JSON.stringify(text)}`, streamed);
    }
    assertNoPollution();
  },
};

// ---------------------------------------------------------------------------------------------
// Typed laws

/** Schemas that put every scalar conversion in one place. */
const Colour = t.enum(['Red', 'Green', 'Blue'] as const, 'Colour');
const Access = t.flags({ None: 0, Read: 1, Write: 2, Execute: 4 }, 'Access');
export const Primitives = t.object(
  {
    b: t.boolean(),
    n: t.number(),
    f: t.float(),
    i: t.int(),
    l: t.long(),
    d: t.decimal(),
    dt: t.date(),
    ts: t.timeSpan(),
    g: t.guid(),
    c: t.char(),
    by: t.bytes(),
    e: Colour,
    fl: Access,
    s: t.string(),
    ints: t.array(t.int()),
    names: t.dict(t.string()),
    ordered: t.dict(t.int(), { as: 'map' }),
    required: t.int().required(),
  },
  { name: 'Primitives' },
);

/** Every Evo Voice schema, by export name, plus the primitive-heavy ones. */
export const SCHEMAS: Record<string, AnySchema> = {
  ...Object.fromEntries(Object.entries(dtos).filter(([, value]) => isSchema(value)) as [string, AnySchema][]),
  Primitives,
};

/** One scalar schema per conversion, for the scalar law. */
export const SCALARS: Record<string, AnySchema> = {
  boolean: t.boolean(),
  number: t.number(),
  float: t.float(),
  int: t.int(),
  long: t.long(),
  decimal: t.decimal(),
  date: t.date(),
  dateAsDate: t.date({ as: 'Date' }),
  timeSpan: t.timeSpan(),
  guid: t.guid(),
  char: t.char(),
  bytes: t.bytes(),
  enum: Colour,
  flags: Access,
  string: t.string(),
};

function schemaNamed(name: string, table: Record<string, AnySchema>): AnySchema {
  const schema = table[name];
  if (schema === undefined) throw new Error(`no schema named ${name}`);
  return schema;
}

/**
 * A value read with `schema` must write, and that text is canonical: it reads back to a value
 * that writes the same text and equals the first read. (The first value itself may differ from
 * what its text reads: a midnight DateTime is written as a bare date and drops its kind,
 * jsv-spec §2.6 row 3; arbitrary(S) values, which avoid those, are held to equality.)
 */
function checkDecoded(value: unknown, schema: AnySchema, label: string, tally: Tally): void {
  const written = attempt(`stringify(…, ${label})`, () => stringify(value as never, schema), tally);
  if (!written.ok) {
    // A read value may hold what no JSV text carries back, e.g. the seed's `[null]` (jsv-spec
    // §8.4 reads it; W1 forbids writing it): the writer must say so, and nothing else may fail.
    if (written.error.code === 'UNREPRESENTABLE_VALUE') return count(tally.rules, 'decoded value without JSV text (W1-W3)');
    return fail(`a value ${label} decoded does not write`, `${errorSummary(written.error)}: ${describe(value)}`);
  }
  const back = attempt(`parse(…, ${label})`, () => parse(written.value, schema), tally);
  if (!back.ok) return fail(`text ${label} wrote does not read back: ${JSON.stringify(written.value)}`, errorSummary(back.error));
  const again = attempt(`stringify(…, ${label})`, () => stringify(back.value as never, schema), tally);
  if (!again.ok || again.value !== written.value) return fail(`${label}: the written text is not canonical: ${JSON.stringify(written.value)}`, again.ok ? again.value : errorSummary(again.error));
  const third = parse(again.value, schema);
  if (!sameData(third, back.value)) fail(`${label}: canonical text ${JSON.stringify(written.value)} reads differently twice`, { first: back.value, second: third });
}

export interface TypedRoundTripInput {
  schema: string;
  /** The value, as generated (not plain JSON: saved as the text it writes). */
  value: unknown;
}

export const roundTripTyped: Law<TypedRoundTripInput> = {
  name: 'roundtrip-typed',
  statement: 'for every Evo Voice schema S and x from arbitrary(S): parse(stringify(x, S), S) deep-equals x, the text is canonical, survives format, and reads with the untyped parser',
  weight: 4,
  arbitrary: fc.constantFrom(...Object.keys(SCHEMAS)).chain((name) => arbitrary(SCHEMAS[name]!).map((value) => ({ schema: name, value }))),
  check({ schema: name, value }, tally) {
    const schema = schemaNamed(name, SCHEMAS);
    count(tally.rules, `schema ${name}`);
    const written = attempt(`stringify(x, ${name})`, () => stringify(value as never, schema), tally);
    if (!written.ok) return fail(`stringify rejected a value arbitrary(${name}) generated`, `${describe(value)}: ${errorSummary(written.error)}`);
    const text = written.value;
    const back = attempt(`parse(s, ${name})`, () => parse(text, schema), tally);
    if (!back.ok) return fail(`parse(stringify(x, ${name})) failed on ${JSON.stringify(text)}`, errorSummary(back.error));
    if (!sameData(back.value, value)) fail(`parse(stringify(x, ${name}), ${name}) differs from x; text ${JSON.stringify(text)}`, { x: value, back: back.value });
    checkCanonical(text, schema, name, tally);
  },
  save: ({ schema, value }) => ({ schema, text: stringify(value as never, SCHEMAS[schema]!), value: describe(value) }),
  replay(saved, tally) {
    const { schema, text } = saved as { schema: string; text: string };
    checkCanonical(text, schemaNamed(schema, SCHEMAS), schema, tally);
  },
};

function checkCanonical(text: string, schema: AnySchema, name: string, tally: Tally): void {
  const value = attempt(`parse(s, ${name})`, () => parse(text, schema), tally);
  if (!value.ok) return fail(`canonical text of ${name} does not read: ${JSON.stringify(text)}`, errorSummary(value.error));
  const again = stringify(value.value as never, schema);
  if (again !== text) fail(`stringify(parse(s, ${name}), ${name}) !== s for ${JSON.stringify(text)}`, again);
  const layout = format(text);
  const pretty = attempt(`parse(format(s), ${name})`, () => parse(layout, schema), tally);
  if (!pretty.ok || !sameData(pretty.value, value.value)) fail(`${name}: format(s) reads differently for ${JSON.stringify(text)}`, pretty.ok ? pretty.value : errorSummary(pretty.error));
  const untyped = attempt('parse(s)', () => parse(text), tally);
  if (!untyped.ok) fail(`typed text of ${name} is rejected by the untyped parser: ${JSON.stringify(text)}`, errorSummary(untyped.error));
}

export interface TypedTextInput {
  schema: string;
  text: string;
  strict: boolean;
}

/** Valid typed text, mutated; or noise. */
const typedTextArb: fc.Arbitrary<TypedTextInput> = fc.constantFrom(...Object.keys(SCHEMAS)).chain((name) =>
  fc.record({
    schema: fc.constant(name),
    text: fc.oneof(
      fc.tuple(arbitrary(SCHEMAS[name]!), fc.array(mutationArb, { minLength: 0, maxLength: 3 })).map(([value, mutations]: [unknown, Mutation[]]) => {
        try {
          return mutate(stringify(value as never, SCHEMAS[name]!), mutations);
        } catch {
          return '';
        }
      }),
      anyTextArb,
    ),
    strict: fc.boolean(),
  }),
);

export const typedText: Law<TypedTextInput> = {
  name: 'typed-text',
  statement: 'parse(text, S) on valid, mutated and random text throws only JsvError, agrees with safeParse, accepts only what the untyped parser accepts, and every value it returns writes and reads back equal',
  weight: 4,
  arbitrary: typedTextArb,
  check({ schema: name, text, strict }, tally) {
    const schema = schemaNamed(name, SCHEMAS);
    const options = { strict };
    const typed = attempt(`parse(text, ${name})`, () => parse(text, schema, options), tally);
    let safe: ReturnType<typeof safeParse>;
    try {
      safe = safeParse(text, schema, options);
    } catch (error) {
      return fail(`safeParse threw on ${JSON.stringify(text)}`, error instanceof Error ? error.message : error);
    }
    if (safe.success !== typed.ok) fail(`safeParse and parse disagree on ${JSON.stringify(text)} (${name})`, safe);
    if (!safe.success) for (const issue of safe.issues) count(tally.codes, issue.code);
    if (typed.ok) {
      count(tally.rules, `typed accepted ${name}`);
      const untyped = attempt('parse(text)', () => parse(text), tally);
      if (!untyped.ok) fail(`${name} accepted text the untyped parser rejects: ${JSON.stringify(text)}`, errorSummary(untyped.error));
      checkDecoded(typed.value, schema, name, tally);
    }
    assertNoPollution();
  },
};

export interface ScalarInput {
  scalar: string;
  text: string;
  quoted: boolean;
}

export const scalars: Law<ScalarInput> = {
  name: 'scalars',
  statement: 'every scalar conversion, on number-, date-, duration-, Guid-, base64-, enum- and boolean-like text, throws only JsvError, and what it reads writes back and reads equal',
  weight: 3,
  arbitrary: fc.record({ scalar: fc.constantFrom(...Object.keys(SCALARS)), text: scalarTextArb, quoted: fc.boolean() }),
  check({ scalar, text, quoted }, tally) {
    const schema = schemaNamed(scalar, SCALARS);
    const item = quoted ? `"${text.replaceAll('"', '""')}"` : text;
    for (const [shape, wrapped, doc] of [
      ['object', t.object({ v: schema }), `{v:${item}}`],
      ['list', t.array(schema), `[${item}]`],
    ] as const) {
      const read = attempt(`parse(${doc}, ${scalar})`, () => parse(doc, wrapped as AnySchema), tally);
      count(tally.rules, `scalar ${scalar} ${read.ok ? 'read' : `rejected ${read.error.code}`}`);
      if (read.ok) checkDecoded(read.value, wrapped as AnySchema, `${scalar} in ${shape}`, tally);
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Writer, converters, time

export interface HostileInput {
  value: unknown;
}

export const writer: Law<unknown> = {
  name: 'writer',
  statement: 'stringify of any JavaScript value (functions, symbols, cycles, Maps, typed arrays, invalid dates) returns text or throws JsvError, and its text always parses',
  weight: 1,
  arbitrary: hostileValueArb,
  check(value, tally) {
    const written = attempt('stringify', () => stringify(value), tally);
    if (written.ok) {
      const back = attempt('parse(stringify(v))', () => parse(written.value), tally);
      if (!back.ok) fail(`stringify wrote text that does not parse: ${JSON.stringify(written.value)}`, errorSummary(back.error));
    }
    assertNoPollution();
  },
  save: (value) => ({ source: describe(value) }),
  replay(saved, tally) {
    // The saved source is fast-check's rendering of the value, written by this law.
    const value: unknown = new Function(`return (${(saved as { source: string }).source});`)();
    writer.check(value, tally);
  },
};

export interface FromJsonInput {
  json: string;
  mutations: Mutation[];
}

/** What parse(from-json(JSON.stringify(v))) must read: jsv-spec §2 applied to JSON values. */
function matchesJson(read: unknown, json: unknown): boolean {
  if (json === null) return read === null;
  if (typeof json === 'boolean') return read === (json ? 'True' : 'False');
  if (typeof json === 'number') return typeof read === 'string' && Number(read) === json;
  if (typeof json === 'string') return read === json;
  if (Array.isArray(json)) return Array.isArray(read) && read.length === json.length && json.every((item, i) => matchesJson(read[i], item));
  if (typeof read !== 'object' || read === null || Array.isArray(read)) return false;
  const entries = Object.entries(json as Record<string, unknown>).filter(([, v]) => v !== null);
  return Object.keys(read).length === entries.length && entries.every(([k, v]) => Object.prototype.hasOwnProperty.call(read, k) && matchesJson((read as Record<string, unknown>)[k], v));
}

function fromJson(text: string): string {
  const converter = new JsonToJsv(text);
  const steps = converter.convert();
  let out = '';
  while (!steps.next().done) {
    out += converter.out;
    converter.out = '';
  }
  return out + converter.out;
}

export const fromJsonLaw: Law<FromJsonInput> = {
  name: 'from-json',
  statement: "jsvkit from-json on JSON text gives JSV that parses to the same data (booleans as True/False, numbers whose text reads back as the same double, null entries left out); on mutated JSON it throws only JsvError, exactly when JSON.parse rejects or the value has no JSV text",
  weight: 2,
  arbitrary: fc.record({
    json: fc.oneof(
      { arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), fc.constantFrom('', '', '\uFEFF')).map(([value, indent, bom]) => bom + JSON.stringify(value, null, indent)), weight: 8 },
      // Deeper than the default maxDepth (256): MAX_DEPTH, never a stack overflow.
      { arbitrary: fc.integer({ min: 250, max: 300 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)), weight: 1 },
    ),
    mutations: fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutationArb, { minLength: 1, maxLength: 2 })),
  }),
  check({ json, mutations }, tally) {
    const text = mutate(json, mutations);
    let expected: unknown;
    let valid = true;
    try {
      // from-json reads past one leading byte-order mark, as the JSV reader does.
      expected = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      valid = false;
    }
    const converted = attempt('from-json', () => fromJson(text), tally);
    if (!valid) {
      if (converted.ok) fail(`from-json accepted JSON that JSON.parse rejects: ${JSON.stringify(text)}`, converted.value);
      return;
    }
    if (depthOf(expected) > 256) {
      if (converted.ok || converted.error.code !== 'MAX_DEPTH') fail(`from-json must reject JSON nested deeper than 256 with MAX_DEPTH`, converted.ok ? 'accepted' : errorSummary(converted.error));
      return;
    }
    const duplicate = hasDuplicateKeys(text);
    if (hasLoneNull(expected) || duplicate) {
      if (converted.ok) fail(`from-json must reject ${JSON.stringify(text)} (a lone null or a repeated key)`, converted.value);
      return;
    }
    if (!converted.ok) return fail(`from-json rejected valid JSON ${JSON.stringify(text)}`, errorSummary(converted.error));
    const read = attempt('parse(from-json)', () => parse(converted.value), tally);
    if (!read.ok) return fail(`from-json wrote unreadable JSV ${JSON.stringify(converted.value)}`, errorSummary(read.error));
    if (!matchesJson(read.value, expected)) fail(`from-json changed the data of ${JSON.stringify(text)}`, converted.value);
  },
};

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

/** Whether some object in the (valid) JSON `text` repeats a key: JSON.parse keeps the last, JSV cannot. */
function hasDuplicateKeys(text: string): boolean {
  const stack: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.keys !== undefined && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return true;
        top.keys.add(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{') stack.push({ keys: new Set(), expectKey: true });
    else if (c === '[') stack.push({ keys: undefined, expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top !== undefined) top.expectKey = top.keys !== undefined;
  }
  return false;
}

/**
 * The laws `npm test` runs (short, fixed-seed) and every campaign runs. All of them are deterministic:
 * the campaign-only time law lives in scripts/fuzz/time-law.ts, because a wall-clock measure can
 * fail on a busy machine.
 */
export const LAWS: Law<never>[] = [roundTripUntyped, textLaw, roundTripTyped, typedText, scalars, writer, fromJsonLaw, codegenLaw] as Law<never>[];

export function lawNamed(name: string): Law<unknown> {
  const law = LAWS.find((l) => l.name === name);
  if (law === undefined) throw new Error(`no fuzz law named ${name}`);
  return law as Law<unknown>;
}
