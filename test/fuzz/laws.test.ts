/**
 * A short, fixed-seed run of every fuzz law, so `npm test` exercises them; the long campaigns
 * are `npm run fuzz` (FUZZ_SECONDS). Also checks the generators themselves.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyText, mutate } from './arbitraries.js';
import { LAWS, newTally } from './laws.js';

const RUNS: Record<string, number> = { 'roundtrip-typed': 100, 'typed-text': 150, writer: 100, codegen: 150 };

describe('fuzz laws (short run)', () => {
  for (const law of LAWS) {
    it(`${law.name}: ${law.statement.slice(0, 100)}`, () => {
      const tally = newTally();
      fc.assert(
        fc.property(law.arbitrary, (input) => law.check(input, tally)),
        { seed: 20251127, numRuns: RUNS[law.name] ?? 300 },
      );
    });
  }
});

describe('fuzz generators', () => {
  it('mutate applies each mutation kind at wrapped positions', () => {
    expect(mutate('abc', [{ kind: 'flip', at: 4, char: 'X' }])).toBe('Xbc');
    expect(mutate('abc', [{ kind: 'truncate', at: 2 }])).toBe('ab');
    expect(mutate('abc', [{ kind: 'duplicate', from: 0, to: 2, at: 3 }])).toBe('abcab');
    expect(mutate('abc', [{ kind: 'bracket', at: 1, char: '{' }])).toBe('a{bc');
    expect(mutate('abc', [{ kind: 'delete', at: 0 }])).toBe('bc');
  });

  it('families grow with the requested size', () => {
    for (const shape of ['repeat', 'list', 'map', 'nest'] as const) {
      const small = familyText({ shape, unit: '{a:' }, 1000).length;
      const large = familyText({ shape, unit: '{a:' }, 8000).length;
      expect(large / small).toBeGreaterThan(6);
    }
  });
});
