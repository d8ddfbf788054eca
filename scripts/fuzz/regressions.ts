/** Saved counterexamples: one JSON file per failure under test/fuzz/regressions/, replayed by npm test. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REGRESSIONS = resolve(import.meta.dirname, '../../test/fuzz/regressions');

export interface Regression {
  law: string;
  /** The input in the law's saved form (see Law.save). */
  input: unknown;
  /** What went wrong when it was found. */
  failure: string;
  /** The kind of failure (LawBroken.kind): later campaigns count it instead of stopping on it. */
  kind?: string;
  found: string;
  /** fast-check's seed and shrink path, to reproduce the run itself. */
  seed?: number;
  path?: string;
}

/** Saves `regression` unless the same input is already saved; returns the file name. */
export function saveRegression(regression: Regression): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const hash = createHash('sha256').update(`${regression.law}\n${JSON.stringify(regression.input)}`).digest('hex').slice(0, 12);
  const name = `${regression.law}-${hash}.json`;
  const path = join(REGRESSIONS, name);
  if (!existsSync(path)) writeFileSync(path, `${JSON.stringify(regression, null, 2)}\n`);
  return name;
}

export function loadRegressions(): { name: string; regression: Regression }[] {
  if (!existsSync(REGRESSIONS)) return [];
  return readdirSync(REGRESSIONS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, regression: JSON.parse(readFileSync(join(REGRESSIONS, name), 'utf8')) as Regression }));
}
