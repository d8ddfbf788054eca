/**
 * Every public entry point is named in four places that must agree: package.json `exports` (what
 * users import) and `typesVersions` (the same for TypeScript's node10 resolution, which ignores
 * `exports`), tsup.config.ts (what gets built) and tsconfig.json `paths` (how the repository's own
 * tests, examples and generated modules import `jsvkit/...` from source, also Vite's alias).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Options } from 'tsup';
import tsupConfig from '../../tsup.config.js';

const readJson = (file: string): any => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
const manifest = readJson('package.json');
const paths: Record<string, string[]> = readJson('tsconfig.json').compilerOptions.paths;

/** The typed build: the tsup config that emits declarations, as `{ name: source file }`. */
const configs = tsupConfig as Options[];
const libraryEntries = configs.find((config) => config.dts)?.entry as Record<string, string>;

/** `.` → `jsvkit`, `./express` → `jsvkit/express`. */
const importName = (subpath: string) => (subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`);
/** `.` → `index`, `./express` → `express`: the file name under dist/. */
const buildName = (subpath: string) => (subpath === '.' ? 'index' : subpath.slice(2));

const subpaths = Object.keys(manifest.exports).filter((subpath) => subpath !== './package.json');

describe('entry points', () => {
  it('each export is built from the source file tsconfig maps its import name to', () => {
    const fromExports = Object.fromEntries(subpaths.map((subpath) => [importName(subpath), `./${libraryEntries[buildName(subpath)]}`]));
    const fromPaths = Object.fromEntries(Object.entries(paths).map(([name, [target]]) => [name, target]));
    expect(fromPaths).toEqual(fromExports);
  });

  it('each export points at the ESM and CJS files and declarations that build writes', () => {
    for (const subpath of subpaths) {
      const name = buildName(subpath);
      const { module: forBundlers, ...forNode } = manifest.exports[subpath];
      expect(forNode, subpath).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
      // Bundlers may get a per-module ESM layout under dist/esm/, with the same declarations.
      if (forBundlers !== undefined) expect(forBundlers, `${subpath} (module)`).toEqual({ types: `./dist/${name}.d.ts`, default: expect.stringMatching(/^\.\/dist\/esm\/.+\.js$/) });
    }
    expect(Object.keys(libraryEntries).sort()).toEqual(subpaths.map(buildName).sort());
  });

  it('TypeScript without exports support (moduleResolution node10) finds the declarations of each subpath', () => {
    const subpathTypes = Object.fromEntries(subpaths.filter((subpath) => subpath !== '.').map((subpath) => [buildName(subpath), [`./dist/${buildName(subpath)}.d.cts`]]));
    expect(manifest.typesVersions).toEqual({ '*': subpathTypes });
    expect(manifest.types).toBe('./dist/index.d.cts');
  });
});
