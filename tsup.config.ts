import { defineConfig, type Options } from 'tsup';

/** The package's entry points (`package.json` `exports`): name in dist/ -> source. */
const ENTRIES = {
  index: 'src/index.ts',
  testing: 'src/testing/arbitrary.ts',
  express: 'src/http/express.ts',
  fastify: 'src/http/fastify.ts',
  fetch: 'src/http/fetch.ts',
  chevrotain: 'src/syntax/chevrotain/entry.ts',
  servicestack: 'src/servicestack/index.ts',
  client: 'src/client/index.ts',
  codegen: 'src/codegen/index.ts',
  // The `t` builders as named exports: `import * as t from 'jsvkit/t'` lets every bundler keep only
  // the builders an app calls (esbuild keeps all of a namespace re-exported as `export * as t`).
  t: 'src/typed/t.ts',
};

/** A single-file ESM program (no types, not a package entry point's shape). */
const program = (name: string, entry: string): Options => ({
  entry: { [name]: entry },
  format: ['esm'],
  dts: false,
  clean: false,
  sourcemap: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});

export default defineConfig([
  {
    // What Node loads (`import` and `require`): one file per entry plus shared chunks. Node pays for
    // every module file it resolves and links, so this is several times faster to import than the
    // per-module tree below (~25 ms against ~130 ms over an empty module; see docs/performance.md).
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    // Declarations carry the documented API only: what is tagged `@internal` (the compiled decoders
    // and encoders, the scanner and the decode/encode state they work on) is left out.
    dts: { compilerOptions: { stripInternal: true } },
    // dist/cli.js, dist/demo.js and dist/esm/ come from the other builds, which run at the same
    // time: keep them.
    clean: ['!cli.js', '!cli.js.map', '!demo.js', '!demo.js.map', '!esm/**'],
    sourcemap: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // What bundlers load (the `module` export condition, which webpack, esbuild, Rollup and Vite
    // honour and Node ignores): ESM, one file per source module at its relative path
    // (src/syntax/parse.ts -> dist/esm/syntax/parse.js). With `sideEffects: false` a bundler drops
    // every module an app does not reach; a bundled file would build the whole `t` namespace at its
    // top level, and a bundler would keep all of it.
    entry: ['src/**/*.ts', '!src/cli/**', '!src/demo/**'],
    outDir: 'dist/esm',
    format: ['esm'],
    bundle: false,
    dts: false,
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  // The `jsvkit` bin; main.ts's `#!/usr/bin/env node` line is kept.
  program('cli', 'src/cli/main.ts'),
  // `npm start`: the Evo Voice demo server.
  program('demo', 'src/demo/main.ts'),
]);
