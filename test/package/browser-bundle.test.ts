/**
 * `jsvkit/fetch` and `jsvkit/client` run in browsers and edge runtimes: bundled from the sources
 * for the browser (esbuild: ESM, minified), they build, import no `node:` module, and stay within
 * a byte budget (gzip level 9; bytes, not time, so the check is deterministic).
 */
import { describe, expect, it } from 'vitest';
import { browserBundle } from '../../bench/weight.js';

// `jsvkit/fetch`: 26.7 KB before error bodies stopped going through the typed layer and negotiator
// left, then 17.0 KB; the bare-run list reader and the typed number runs (parse speed) brought it
// to 17.5 KB (17,966 bytes). The aim is 15 KB. `jsvkit/client`: 20.7 KB when this budget was set,
// plus 10 %.
const CASES = [
  { name: 'jsvkit/fetch', entry: 'src/http/fetch.ts', budget: 18_500 },
  { name: 'jsvkit/client', entry: 'src/client/index.ts', budget: 22_800 },
];

describe('browser bundles', () => {
  for (const { name, entry, budget } of CASES) {
    it(`${name} bundles for the browser with no node: import, within ${budget} bytes min+gz`, async () => {
      const bundle = await browserBundle(`export * from './${entry}';`, name.replace('/', '-'));
      const imports = bundle.output.imports.map((i) => i.path);
      expect(bundle.errors).toEqual([]);
      expect(bundle.warnings).toEqual([]);
      expect(imports).toEqual([]);
      expect(bundle.code).not.toMatch(/\b(?:from|import|require)\s*\(?\s*["']node:/);
      expect(bundle.gzipped).toBeLessThanOrEqual(budget);
    });
  }
});
