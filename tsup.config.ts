import { defineConfig, type Options } from 'tsup';

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
    entry: {
      index: 'src/index.ts',
      testing: 'src/testing/arbitrary.ts',
      express: 'src/http/express.ts',
      fastify: 'src/http/fastify.ts',
      fetch: 'src/http/fetch.ts',
      servicestack: 'src/servicestack/index.ts',
      client: 'src/client/index.ts',
      codegen: 'src/codegen/index.ts',
    },
    format: ['esm', 'cjs'],
    // Declarations carry the documented API only: what is tagged `@internal` (the compiled decoders
    // and encoders, the scanner and the decode/encode state they work on) is left out.
    dts: { compilerOptions: { stripInternal: true } },
    // dist/cli.js and dist/demo.js come from the other builds, which run at the same time: keep them.
    clean: ['!cli.js', '!cli.js.map', '!demo.js', '!demo.js.map'],
    sourcemap: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  // The `jsvkit` bin; main.ts's `#!/usr/bin/env node` line is kept.
  program('cli', 'src/cli/main.ts'),
  // `npm start`: the Evo Voice demo server.
  program('demo', 'src/demo/main.ts'),
]);
