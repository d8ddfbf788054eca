/**
 * Who races: jsvkit's entry points and the peers, each as `operation` + `id`. A contender turns a
 * fixture into a task to time and a one-off check of its output, so a fast wrong answer shows.
 */
import type { AnySchema } from '../src/index.js';
import { FIXTURES, scalingText, untypedOf, type Fixture } from './fixtures.js';

export type Operation = 'parse' | 'stringify';

export interface Prepared {
  /** Bytes of the text this task reads or writes (its own format: JSV or JSON). */
  bytes: number;
  run: () => unknown;
  /** Runs once; returns undefined when the output is right, otherwise what is wrong. */
  check: () => string | undefined;
}

export interface Contender {
  operation: Operation;
  id: string;
  /** The baseline the ratios of this operation are taken against. */
  baseline?: boolean;
  /** Loads the implementation; resolves to a reason string when it is not available. */
  load: () => Promise<((fixtureName: string) => Prepared | undefined) | string>;
}

const fixtureCache = new Map<string, Fixture>();
function fixture(name: string): Fixture {
  let result = fixtureCache.get(name);
  if (result === undefined) {
    const build = FIXTURES[name];
    if (build === undefined) throw new Error(`unknown fixture ${name}`);
    result = build();
    fixtureCache.set(name, result);
  }
  return result;
}

/** Where two texts first differ, for a failed check. */
export function firstDifference(actual: string, expected: string): string | undefined {
  if (actual === expected) return undefined;
  let i = 0;
  while (i < actual.length && i < expected.length && actual.charCodeAt(i) === expected.charCodeAt(i)) i++;
  const show = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 20), i + 30));
  return `differs at offset ${i} of ${expected.length}: got ${show(actual)}, expected ${show(expected)}`;
}

function describeOutput(value: unknown): string {
  return typeof value === 'string' ? value : `a ${typeof value}, not a string`;
}

/** A JSV parser: untyped result compared with the fixture's value as text; also runs the scaling check. */
function jsvParser(parse: (text: string) => unknown) {
  return (name: string): Prepared => {
    if (name.startsWith('scale-')) {
      const { jsv, items } = scalingText(Number.parseInt(name.slice('scale-'.length), 10));
      return {
        bytes: Buffer.byteLength(jsv),
        run: () => parse(jsv),
        check: () => {
          const result = parse(jsv);
          return Array.isArray(result) && result.length === items ? undefined : `expected a list of ${items} items`;
        },
      };
    }
    const f = fixture(name);
    return {
      bytes: Buffer.byteLength(f.jsv),
      run: () => parse(f.jsv),
      check: () => firstDifference(JSON.stringify(parse(f.jsv)), JSON.stringify(untypedOf(f.value))),
    };
  };
}

/**
 * A writer's result as a flat string. V8 may hand back a rope (a tree of the appended pieces)
 * and flatten it only when the text is first read, as any write to a socket or file does; timing
 * without this would leave part of a writer's work out, so every writer, JSON's too, pays it.
 */
function flat(text: unknown): unknown {
  if (typeof text === 'string') text.charCodeAt(0);
  return text;
}

function jsvWriter(stringify: (value: unknown) => unknown) {
  return (name: string): Prepared | undefined => {
    if (name.startsWith('scale-')) return undefined;
    const f = fixture(name);
    return {
      bytes: Buffer.byteLength(f.jsv),
      run: () => flat(stringify(f.value)),
      check: () => firstDifference(describeOutput(stringify(f.value)), f.jsv),
    };
  };
}

/**
 * The typed schema for each fixture, from examples/evovoice/dtos.ts; the scaling inputs are
 * customer lists too.
 */
async function typedSchemas(): Promise<Record<string, AnySchema>> {
  const { t } = await import('../src/index.js');
  const { CustomerInfo, Struct } = await import('../examples/evovoice/dtos.js');
  const Series = t.object({ name: t.string(), times: t.array(t.number()), values: t.array(t.number()), counts: t.array(t.number()) });
  return { customer: CustomerInfo, 'customers-10k': t.array(CustomerInfo), deep: t.array(Struct), strings: t.array(t.string()), numbers: t.array(t.number()), series: t.array(Series) };
}

/** Equal data, ignoring key order and undefined members (a typed decoder may order or omit differently). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOf = (x: object) => Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort();
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export const CONTENDERS: Contender[] = [
  {
    operation: 'parse',
    id: 'jsvkit',
    load: async () => {
      const { parse } = await import('../src/index.js');
      return jsvParser((text) => parse(text));
    },
  },
  {
    operation: 'parse',
    id: 'jsvkit chevrotain',
    load: async () => {
      const { parse } = await import('../src/index.js');
      const { chevrotain } = await import('../src/syntax/chevrotain/entry.js');
      const options = { engine: chevrotain } as const;
      return jsvParser((text) => parse(text, options));
    },
  },
  {
    operation: 'parse',
    id: 'jsvkit typed',
    load: async () => {
      const { parse } = await import('../src/index.js');
      const schemas = await typedSchemas();
      return (name: string) => {
        const schema = schemas[name];
        if (schema === undefined) return undefined;
        const f = fixture(name);
        return {
          bytes: Buffer.byteLength(f.jsv),
          run: () => parse(f.jsv, schema),
          check: () => (sameData(parse(f.jsv, schema), f.value) ? undefined : 'typed result differs from the fixture value'),
        };
      };
    },
  },
  {
    operation: 'parse',
    id: 'JSV.js',
    // ServiceStack's 2010 browser parser is in no npm package and jsvkit does not ship it: point
    // JSVJS at a copy of the file (ServiceStack's repository) to race it. The browser script runs
    // as a function body in this realm (a vm context would slow its every global lookup), with a
    // stand-in for the `window` it probes.
    load: async () => {
      const file = process.env.JSVJS;
      if (file === undefined || file === '') return 'set JSVJS=/path/to/JSV.js to race ServiceStack\'s 2010 parser (no npm package ships it)';
      const { readFileSync } = await import('node:fs');
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const script = new Function('window', `${readFileSync(file, 'utf8')}\n;return typeof JSV === 'undefined' ? undefined : JSV;`);
      const JSV = script({}) as { parse?: (text: string) => unknown } | undefined;
      if (JSV === undefined || typeof JSV.parse !== 'function') return `${file} defines no JSV.parse`;
      const parse = JSV.parse.bind(JSV);
      return jsvParser((text) => parse(text));
    },
  },
  {
    operation: 'parse',
    id: 'JSON.parse',
    baseline: true,
    load: async () => (name: string) => {
      if (name.startsWith('scale-')) return undefined;
      const f = fixture(name);
      return {
        bytes: Buffer.byteLength(f.json),
        run: () => JSON.parse(f.json),
        check: () => firstDifference(JSON.stringify(JSON.parse(f.json)), f.json),
      };
    },
  },
  {
    operation: 'stringify',
    id: 'jsvkit',
    load: async () => {
      const { stringify } = await import('../src/index.js');
      return jsvWriter((value) => stringify(value));
    },
  },
  {
    operation: 'stringify',
    id: 'jsvkit typed',
    load: async () => {
      const { stringify } = await import('../src/index.js');
      const schemas = await typedSchemas();
      return (name: string) => {
        const schema = schemas[name];
        if (schema === undefined) return undefined;
        return jsvWriter((value) => stringify(value as never, schema))(name);
      };
    },
  },
  {
    operation: 'stringify',
    id: 'JSON.stringify',
    baseline: true,
    load: async () => (name: string) => {
      if (name.startsWith('scale-')) return undefined;
      const f = fixture(name);
      return {
        bytes: Buffer.byteLength(f.json),
        run: () => flat(JSON.stringify(f.value)),
        check: () => firstDifference(JSON.stringify(f.value), f.json),
      };
    },
  },
  {
    operation: 'stringify',
    id: '@servicestack/client',
    load: async () => {
      const { JSV } = await import('@servicestack/client');
      return jsvWriter((value) => JSV.stringify(value));
    },
  },
];

export function contenderKey(contender: Pick<Contender, 'operation' | 'id'>): string {
  return `${contender.operation}:${contender.id}`;
}
