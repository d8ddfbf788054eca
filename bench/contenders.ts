/**
 * Who races: jsvkit's entry points and the peers, each as `operation` + `id`. A contender turns a
 * fixture into a task to time and a one-off check of its output, so a fast wrong answer shows.
 */
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

function jsvWriter(stringify: (value: unknown) => unknown) {
  return (name: string): Prepared | undefined => {
    if (name.startsWith('scale-')) return undefined;
    const f = fixture(name);
    return {
      bytes: Buffer.byteLength(f.jsv),
      run: () => stringify(f.value),
      check: () => firstDifference(describeOutput(stringify(f.value)), f.jsv),
    };
  };
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
      const options = { engine: 'chevrotain' } as const;
      try {
        parse('{a:b}', options);
      } catch (error) {
        return `parse(text, { engine: 'chevrotain' }) is not available yet (${(error as Error).message})`;
      }
      return jsvParser((text) => parse(text, options));
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
    id: 'JSON.stringify',
    baseline: true,
    load: async () => (name: string) => {
      if (name.startsWith('scale-')) return undefined;
      const f = fixture(name);
      return {
        bytes: Buffer.byteLength(f.json),
        run: () => JSON.stringify(f.value),
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
