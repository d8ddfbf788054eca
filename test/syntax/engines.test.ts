/**
 * The two engines agree on every input: the hand-written scanner (default) and the Chevrotain
 * grammar of record give the same value, or both throw a JsvError with the same code and offset
 * (and, as it happens, the same message and path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, isJsvError, parse, stringify, type JsvValue, type WhitespaceMode } from '../../src/index.js';
import { jsvValue, nastyString } from '../helpers/arbitraries.js';
import { compact, seedRequest, seedResponse } from '../helpers/seed.js';

type Outcome = { value: string } | { code: string; offset: number | undefined; path: string | undefined; reason: string };

function run(text: string, engine: 'scanner' | 'chevrotain', whitespace: WhitespaceMode, maxDepth?: number): Outcome {
  try {
    // JSON keeps key order and own `__proto__` keys, so equal text means equal values.
    return { value: JSON.stringify(parse(text, { engine, whitespace, maxDepth }) as JsvValue) };
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path, reason: error.reason };
  }
}

function agree(text: string, maxDepth?: number): void {
  for (const whitespace of ['tolerant', 'strict'] as const) {
    const scanner = run(text, 'scanner', whitespace, maxDepth);
    const chevrotain = run(text, 'chevrotain', whitespace, maxDepth);
    expect({ whitespace, text, ...chevrotain }).toEqual({ whitespace, text, ...scanner });
  }
}

/** The characters that steer JSV's extent rules, plus letters, blanks and a few awkward code units. */
const units = [...'{}[],:"', ' ', '\t', '\n', '\r', 'a', 'b', '1', '\ufeff', 'é', '\ud83d', '😀'];
const jsvish = fc.string({ unit: fc.constantFrom(...units), maxLength: 48 });

/** Valid documents in both layouts: compact (stringify) and pretty (format). */
const document = jsvValue.chain((value) => {
  const text = stringify(value);
  return fc.constantFrom(text, format(text));
});

type Mutation = { at: number; kind: 'delete' | 'insert' | 'replace' | 'truncate' | 'duplicate'; unit: string };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'replace', 'truncate', 'duplicate'),
  unit: fc.constantFrom(...units),
});

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const { at, kind, unit } of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + 1);
    if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (kind === 'insert') out = out.slice(0, i) + unit + out.slice(i);
    else if (kind === 'replace') out = out.slice(0, i) + unit + out.slice(i + 1);
    else if (kind === 'truncate') out = out.slice(0, i);
    else out = out.slice(0, i) + out.slice(i, i + 8) + out.slice(i);
  }
  return out;
}

describe('engine agreement (scanner vs Chevrotain), both whitespace modes', () => {
  it('on random JSV-ish text', () => {
    fc.assert(fc.property(jsvish, (text) => agree(text)), { numRuns: 4000 });
  });

  it('on mutated valid documents', () => {
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, mutations) => agree(mutate(text, mutations))),
      { numRuns: 1500 },
    );
  });

  it('on documents written by stringify and laid out by format', () => {
    fc.assert(fc.property(document, (text) => agree(text)), { numRuns: 800 });
  });

  it('on written strings at every level, including edge blanks and quote-looking text', () => {
    fc.assert(
      fc.property(nastyString, (s) => {
        agree(stringify(s));
        agree(stringify([s, s]));
        agree(stringify({ [s || 'k']: s }));
        agree(s);
      }),
      { numRuns: 800 },
    );
  });

  it('on the seed samples, their compact form and every prefix of the request', () => {
    agree(seedRequest);
    agree(seedResponse);
    agree(compact(seedRequest));
    agree(compact(seedResponse));
    for (let i = 0; i <= seedRequest.length; i++) agree(seedRequest.slice(0, i));
  });

  it('on hand-picked corner cases of the extent rules', () => {
    const cases = [
      '', ' ', '\ufeff', '\ufeff ', '\ufeff\ufeff', '{A:x]y[z}', '{A:a"b}', '{A:a:b:c}', '{A: x }', '{ a : b }', '[ x , y ]',
      '[ ]', '[,]', '[a,]', '[,a]', '[a,,b]', '{}', '{ }', '{a:}', '{a:,b:1}', '{{a:b}:c}', '{{ a : b } : c}', '{"a":b}',
      '{"":x}', '{a:"x"y}', '{a:"x" }', '{a:{b:c} }', '[{X:1}, {X:2}]', '[a}', '[}', '{]', '{[}', '{a]', '{a,b:c}', '{,a:b}',
      '{a:b,,c:d}', '{a:b,a:c}', '{__proto__:x,constructor:y,prototype:z}', '{a:[1,{b:"c""d"}],e:"f}', '"a', '"a""', '"a"b',
      '"a" ', 'x,y', ' ,', ',', '}', ']', '{a:b} x', '{a:b}\n', '{a:b}"', '[[[', '{{{', '{a:{b:{c:', '{a:b,{c:d,c:e}:f}', '{a:b,{c:d}:e,{c:d}:f}', '{{k:""}:""}', '{x:1,{:a}:b}', '{x:{y:1,{:a}:b}}', '["a" , "b"]', '[ "a"]', '["a" ]', '{a:"b" ,c:d}', '{"a" :b}',
      '{"a"x:b}', '{a\n:b}', '{\ta\t:\tb\t}', '\r\n{a:b}\r\n', '{a:\u00a0}', '😀', '{😀:😀}', '[\ud83d]',
    ];
    for (const text of cases) agree(text);
  });

  it('on nesting limits, with the same offset and path', () => {
    const texts = ['[[[[[[]]]]]]', '{a:{b:[{c:[x]}]}}', '[a,[b,[c,[d]]]]', '{{{{a:b}:c}:d}:e}', '[[x', '{a:[,[', '{a:b,{c:[[', '[{a:b},{c:{d:[', 'x', '"x"'];
    for (const maxDepth of [0, 1, 2, 3, 5]) for (const text of texts) agree(text, maxDepth);
    fc.assert(fc.property(jsvish, fc.integer({ min: 0, max: 4 }), agree), { numRuns: 1000 });
  });
});
