/**
 * The scanner remembers keys across documents (recent keys by hash, and which key followed which)
 * so it can hand back a key it has seen instead of a fresh copy. That memory must never show: a
 * document reads the same whatever was read before it. The Chevrotain engine has no such memory,
 * so it is the reference here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsvError, parse } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { largeDocument } from '../../src/syntax/large-document.js';

function read(text: string, engine: 'scanner' | 'chevrotain'): unknown {
  try {
    return { value: JSON.stringify(parse(text, { engine: engine === 'chevrotain' ? chevrotain : engine })) };
  } catch (error) {
    if (!isJsvError(error)) throw error;
    return { code: error.code, offset: error.offset, path: error.path };
  }
}

/** Reads `texts` in order with the scanner, each checked against a memoryless read. */
function readInTurn(...texts: string[]): void {
  for (const text of texts) expect({ text, ...(read(text, 'scanner') as object) }).toEqual({ text, ...(read(text, 'chevrotain') as object) });
}

describe('remembered keys', () => {
  it('a key that extends, shortens or respells the remembered one is read as written', () => {
    readInTurn('{a:1,b:2}', '{a:1,bc:2}', '{a:1,b:2}', '{a:1,b :2}', '{a:1, b:2}', '{a:1,b}', '{a:1,b');
    readInTurn('{a:1,b:2}', '{a:1,"b":2}', '{a:1,"b,c":2}', '{"b,c":1,b:2}', '{"b,c":1,b:2}');
    readInTurn('{a:1,bb:2}', '{a:1,b:2}', '{a:1,b,:2}', '{a:1,b{:2}', '{a:1,bb', '{a:1,b');
  });

  it('keys whose hashes collide stay apart', () => {
    // "Aa" and "BB" have the same 31-based hash, so they compete for one slot.
    readInTurn('{Aa:1,BB:2}', '{BB:1,Aa:2}', '{Aa:1,BB:2,AaBB:3,BBAa:4}', '{x:{Aa:1},y:{BB:2}}');
  });

  it('a repeated key is still a duplicate when it was predicted', () => {
    readInTurn('{a:1,b:2,a:3}', '{b:1,a:2}', '{a:1,b:2,a:3}', '{b:1,a:2,b:3}');
    expect(() => parse('{a:1,b:2,a:3}')).toThrow(/Duplicate key "a"/);
  });

  it('__proto__ and other Object.prototype names stay own data keys', () => {
    readInTurn('{__proto__:1,constructor:2}', '{x:1,__proto__:{polluted:yes}}', '{x:1,__proto__:2}');
    const value = parse('{x:1,__proto__:{polluted:yes}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['x', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('long keys and keys after long keys are read as written', () => {
    const long = 'k'.repeat(41);
    readInTurn(`{${long}:1,a:2}`, `{${long}:1,a:2}`, `{a:1,${long}:2}`, `{a:1,${long}:2}`, `{"${long}":1,a:2}`);
  });

  it('a document of ever-new keys (a large dictionary) reads the same once the memories are dropped for it', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => `k${i}:${i}`);
    const big = `{${entries.join(',')},nested:{a:1,b:2}}`;
    readInTurn('{a:1,b:2}', big, '{a:1,b:2}', big);
    expect(Object.keys(parse(big) as object)).toHaveLength(3001);
  });

  it('keys are compared in place in large documents, and read the same', () => {
    const largeFrom = largeDocument.minLength;
    largeDocument.minLength = 0;
    try {
      readInTurn('{a:1,b:2}', '{a:1,bc:2}', '{a:1,b:2}', '{a:1,b :2}', '{a:1, b:2}', '{a:1,b}', '{a:1,b', '{Aa:1,BB:2}', '{BB:1,Aa:2}', '{a:1,b:2,a:3}');
    } finally {
      largeDocument.minLength = largeFrom;
    }
  });

  it('law: a document reads the same whatever documents were read before it', () => {
    // Few distinct key spellings, so predictions both come true and fail.
    const key = fc.constantFrom('a', 'b', 'ab', 'ba', 'Aa', 'BB', 'a b', '"a"', '"b,"', ' a', 'a ', '__proto__');
    const entry = fc.tuple(key, fc.constantFrom('1', '', '{a:1,b:2}', '[x]', '"v"')).map(([k, v]) => `${k}:${v}`);
    const map = fc.array(entry, { maxLength: 5 }).map((entries) => `{${entries.join(',')}}`);
    fc.assert(
      fc.property(fc.array(map, { minLength: 2, maxLength: 6 }), (texts) => {
        readInTurn(...texts);
      }),
      { numRuns: 300 },
    );
  });
});
