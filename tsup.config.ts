import { defineConfig } from 'tsup';

export default defineConfig([
  {
  entry: { index: 'src/index.ts', testing: 'src/testing/arbitrary.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // dist/cli.js comes from the second build, which runs at the same time: keep it.
  clean: ['!cli.js', '!cli.js.map'],
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
  },
  // The `jsvkit` bin: one self-contained ESM file; main.ts's `#!/usr/bin/env node` line is kept.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    treeshake: true,
  },
]);
