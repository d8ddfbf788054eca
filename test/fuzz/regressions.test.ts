/**
 * Replays every counterexample a fuzz campaign saved under test/fuzz/regressions/ (see
 * scripts/fuzz): each must now satisfy the law it once broke.
 */
import { describe, expect, it } from 'vitest';
import { loadRegressions } from '../../scripts/fuzz/regressions.js';
import { LAWS, lawNamed, newTally } from './laws.js';

const saved = loadRegressions();

describe('saved fuzz counterexamples', () => {
  it('each names a law that still exists', () => {
    const names = new Set(LAWS.map((law) => law.name));
    for (const { name, regression } of saved) expect(names.has(regression.law), name).toBe(true);
  });

  for (const { name, regression } of saved) {
    it(`${name}: ${regression.failure.slice(0, 120)}`, () => {
      const law = lawNamed(regression.law);
      const tally = newTally();
      if (law.replay) law.replay(regression.input, tally);
      else law.check(regression.input, tally);
    });
  }
});
