import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests, examples and generated modules import the package by its own name (`jsvkit`,
 * `jsvkit/express`, ...) as a user would. tsconfig.json's `paths` maps each of those names to its
 * source file so nothing needs a build first; the same map, read from there, is Vite's alias, so the
 * type checker and the test runner resolve every name to the same module.
 */
const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')) as {
  compilerOptions: { paths: Record<string, [string]> };
};
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => ({
  // Exact names only: `jsvkit` must not also catch `jsvkit/express`.
  find: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
  replacement: fileURLToPath(new URL(target, import.meta.url)),
}));

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's modules instead of importing every source module again:
    // the suite ran in 102 s isolated, 40 s shared, on 2 cores. What is process-wide by design
    // (key and value memories, map sizes) never changes a result, and a test that switches a
    // fast path off or lowers a threshold restores it in `finally`/`afterEach`; the suite passes
    // with files and tests in shuffled order (`--sequence.shuffle`).
    isolate: false,
  },
});
