/**
 * `jsvkit/fetch` and `jsvkit/client` run in browsers and edge runtimes: bundled from the sources
 * for the browser (esbuild: ESM, minified), they build, import no `node:` module, and stay within
 * a byte budget (gzip level 9; bytes, not time, so the check is deterministic).
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_CASES, browserBundle, bundleWeight } from '../../bench/weight.js';

// `jsvkit/fetch`: 26.7 KB before error bodies stopped going through the typed layer and negotiator
// left, then 17.0 KB; the bare-run list reader and the typed number runs (parse speed) brought it
// to 17.5 KB (17,966 bytes); reaching the typed run through the schema, to 17,014 bytes; the
// untyped parser's value memory and map sizes (src/syntax/value-memory.ts, map-sizes.ts), to 17,621
// bytes. The aim is 15 KB. `jsvkit/client`: 20.7 KB when this budget was set, plus 10 %.
const CASES = [
  { name: 'jsvkit/fetch', entry: 'src/http/fetch.ts', budget: 18_000 },
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

// The typed rows of bench/weight.ts, built from dist/ (the `module` condition) as an app would:
// `{ parse, t }` 24,517 bytes and a four-builder DTO 24,555 bytes with esbuild, which keeps every
// builder of the `t` namespace; the same DTO 14,442 bytes with Rollup, which keeps only those used,
// and 14,266 bytes with esbuild through `import * as t from 'jsvkit/t'`; `{ parse }` with every
// builder of `jsvkit/t`, 24,433 bytes; the generated Evo Voice module with `parse`, 18,944 bytes
// (25,858 when codegen imported `t` from the root, before the value memory and map sizes added
// about 600 bytes to every row). Each budget is that size plus about 2 %; the aims are 20 KB for
// `{ parse, t }`.
const TYPED_BUDGETS: Record<string, number> = { typed: 25_000, dto: 25_050, 'dto-rollup': 14_750, 'dto-t': 14_550, 'typed-t': 24_900, evovoice: 19_300 };

describe('typed bundles', () => {
  for (const bundleCase of BUNDLE_CASES.filter((c) => TYPED_BUDGETS[c.id] !== undefined)) {
    const budget = TYPED_BUDGETS[bundleCase.id]!;
    it(`${bundleCase.what}${bundleCase.bundler === undefined ? ', bundled by esbuild' : ''}: within ${budget} bytes min+gz`, async () => {
      const weight = await bundleWeight(bundleCase);
      expect(weight.gzipped).toBeLessThanOrEqual(budget);
    });
  }

  it("`jsvkit/t` costs nothing over the root's `t`: every builder from it weighs no more than `{ parse, t }`", async () => {
    const [fromRoot, fromEntry] = await Promise.all(['typed', 'typed-t'].map((id) => bundleWeight(BUNDLE_CASES.find((c) => c.id === id)!)));
    expect(fromEntry!.gzipped).toBeLessThanOrEqual(fromRoot!.gzipped);
  });
});
