/**
 * The scanner remembers short values across documents (value-memory.ts) and hands back the
 * remembered string when the same characters stand in the text. That must never show: a document
 * reads the same, value or error, whatever was read before it, with the memory on or off, and as
 * the Chevrotain engine (which has no memory) reads it.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, type WhitespaceMode } from '../../src/index.js';
import { chevrotain } from '../../src/syntax/chevrotain/entry.js';
import { largeDocument } from '../../src/syntax/large-document.js';
import { Scanner, TOP } from '../../src/syntax/scanner.js';
import { readTree } from '../../src/syntax/tree-builder.js';
import { MAX_REMEMBERED_VALUE, valueMemoryUse } from '../../src/syntax/value-memory.js';
import { readOutcome } from '../helpers/errors.js';

function withMemory(enabled: boolean, text: string, whitespace: WhitespaceMode): unknown {
  valueMemoryUse.enabled = enabled;
  try {
    return readOutcome(() => parse(text, { whitespace }));
  } finally {
    valueMemoryUse.enabled = true;
  }
}

/** Reads `texts` in order with the memory, each checked against a read without it and against Chevrotain. */
function readInTurn(...texts: string[]): void {
  for (const text of texts) {
    for (const whitespace of ['tolerant', 'strict'] as const) {
      const remembered = withMemory(true, text, whitespace);
      expect({ whitespace, text, remembered }).toEqual({ whitespace, text, remembered: withMemory(false, text, whitespace) });
      expect({ whitespace, text, remembered }).toEqual({ whitespace, text, remembered: readOutcome(() => parse(text, { whitespace, engine: chevrotain })) });
    }
  }
}

/** How often one read of `text` found its values in the memory, and how many were new to it. */
function memoryUse(text: string): { recalled: number; fresh: number } {
  const scanner = new Scanner(text);
  readTree(scanner, TOP);
  return { recalled: scanner.valueMemory.recalled, fresh: scanner.valueMemory.fresh };
}

describe('remembered values', () => {
  // The memory serves large documents only; here every document counts as large.
  const largeFrom = largeDocument.minLength;
  beforeAll(() => {
    largeDocument.minLength = 0;
  });
  afterAll(() => {
    largeDocument.minLength = largeFrom;
  });
  afterEach(() => {
    valueMemoryUse.enabled = true;
  });

  it('a document under the large-document size does not consult the memory', () => {
    const text = '[True,True,True,{a:True}]';
    memoryUse(text);
    largeDocument.minLength = text.length + 1;
    try {
      expect(memoryUse(text)).toEqual({ recalled: 0, fresh: 0 });
    } finally {
      largeDocument.minLength = 0;
    }
    expect(memoryUse(text)).toEqual({ recalled: 4, fresh: 0 });
  });

  it('a value that extends, shortens or respells a remembered one is read as written', () => {
    readInTurn('{a:True,b:[1,2]}', '{a:Tru,b:[12,2]}', '{a:True ,b:[1 ,2]}', '{a:Truex}', '{a: True}', '[True,Tru,True]', '{a:True');
    readInTurn('[1,12,123,1234,12,1]', '[123,12,1]', '{a:"1",b:1,c:[ 1]}', '[1,,1]', '[1');
  });

  it('values of the length limit and just past it are read as written', () => {
    const atLimit = 'v'.repeat(MAX_REMEMBERED_VALUE);
    const past = 'v'.repeat(MAX_REMEMBERED_VALUE + 1);
    readInTurn(`{a:${atLimit},b:${past}}`, `[${past},${atLimit},${past}]`, `{a:${past},b:${atLimit}}`);
  });

  it('a repeated short value is handed back from the memory, a long one never', () => {
    const records = Array.from({ length: 50 }, (_, i) => `{on:True,off:False,n:${i % 3},id:${'x'.repeat(MAX_REMEMBERED_VALUE + 1)}}`);
    const text = `[${records.join(',')}]`;
    memoryUse(text);
    // Read again, every short value (True, False and a digit in each of 50 records) comes from the memory.
    expect(memoryUse(text)).toEqual({ recalled: 150, fresh: 0 });
  });

  it('a document whose values keep being new stops consulting the memory', () => {
    const text = `[${Array.from({ length: 5000 }, (_, i) => String(1_000_000 + i)).join(',')}]`;
    const { recalled, fresh } = memoryUse(text);
    expect(recalled).toBe(0);
    expect(fresh).toBeLessThan(300);
    expect((parse(text) as string[])[4999]).toBe('1004999');
  });

  it('each list decides for itself: counts that repeat are recalled after a list of unique times', () => {
    const times = Array.from({ length: 2000 }, (_, i) => String(1_700_000_000 + 60 * i)).join(',');
    const counts = Array.from({ length: 2000 }, (_, i) => String(i % 7)).join(',');
    const { recalled, fresh } = memoryUse(`{times:[${times}],counts:[${counts}]}`);
    // The times list gives up after 64 new items; of the counts at most the 7 spellings are new.
    expect(fresh).toBeLessThan(100);
    expect(recalled).toBeGreaterThanOrEqual(2000 - 7);
  });

  it('law: a document reads the same whatever documents were read before it', () => {
    // Few spellings, so the same slot sees the same and different texts.
    const scalar = fc.constantFrom('1', '12', '21', 'True', 'Tru', 'True ', ' True', 'False', '"1"', 'a b', 'x'.repeat(12), 'x'.repeat(13), '');
    const list = fc.array(scalar, { maxLength: 6 }).map((items) => `[${items.join(',')}]`);
    const entry = fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.oneof(scalar, list)).map(([k, v]) => `${k}:${v}`);
    const map = fc.array(entry, { maxLength: 5 }).map((entries) => `{${entries.join(',')}}`);
    const document = fc.tuple(fc.oneof(map, list), fc.nat(), fc.boolean()).map(([text, cut, truncate]) => (truncate ? text.slice(0, cut % (text.length + 1)) : text));
    fc.assert(
      fc.property(fc.array(document, { minLength: 2, maxLength: 6 }), (texts) => {
        readInTurn(...texts);
      }),
      { numRuns: 300 },
    );
  });
});
