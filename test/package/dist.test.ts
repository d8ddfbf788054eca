import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// Paths held in variables: the typecheck runs before dist/ is built, so it must not resolve them.
const esmEntry = new URL('../../dist/index.js', import.meta.url).href;
const cjsEntry = new URL('../../dist/index.cjs', import.meta.url).pathname;
const moduleTreeEntry = new URL('../../dist/esm/index.js', import.meta.url).href;
const root = new URL('../..', import.meta.url).pathname;

/** The module files esbuild puts code from into a browser bundle of `source` (which imports 'jsvkit'). */
async function bundledModules(source: string): Promise<string[]> {
  // An empty tsconfig: tsconfig.json's `paths` would send 'jsvkit' to the sources.
  const result = await build({ tsconfigRaw: {}, stdin: { contents: source, resolveDir: root, loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return Object.keys(inputs).filter((file) => inputs[file]!.bytesInOutput > 0 && file !== '<stdin>');
}

describe('the built package (dist/)', () => {
  it('ESM and CJS builds expose the same API', async () => {
    const esm = await import(esmEntry);
    const cjs = require(cjsEntry);
    for (const name of ['parse', 'stringify', 'format', 'isJsvError', 'JsvError', 'codeFrame']) {
      expect(typeof esm[name], name).toBe('function');
      expect(typeof cjs[name], name).toBe('function');
    }
    expect(cjs.parse('{A:[1,2]}')).toEqual(esm.parse('{A:[1,2]}'));
    expect(cjs.stringify({ A: 'x,y' })).toBe('{A:"x,y"}');
  });

  it('isJsvError recognises an error from the other copy, where instanceof cannot', async () => {
    const esm = await import(esmEntry);
    const cjs = require(cjsEntry);
    let fromCjs: unknown;
    try {
      cjs.parse('{A:1');
    } catch (error) {
      fromCjs = error;
    }
    expect(fromCjs).not.toBeInstanceOf(esm.JsvError);
    expect(esm.isJsvError(fromCjs)).toBe(true);
    expect(cjs.isJsvError(fromCjs)).toBe(true);
    expect(fromCjs).toMatchObject({ code: 'UNEXPECTED_END', offset: 4, line: 1, column: 5 });
  });

  it('the per-module tree for bundlers (the `module` condition) exposes the same API as the Node build', async () => {
    const tree = await import(moduleTreeEntry);
    const esm = await import(esmEntry);
    expect(Object.keys(tree).sort()).toEqual(Object.keys(esm).sort());
    expect(tree.parse('{A:[1,2]}')).toEqual(esm.parse('{A:[1,2]}'));
  });

  it('a bundle of parse, stringify and format holds no typed layer, HTTP or Chevrotain module', async () => {
    const modules = await bundledModules("export { parse, stringify, format } from 'jsvkit';");
    expect(modules.every((file) => file.startsWith('dist/esm/'))).toBe(true);
    // typed/entry.ts dispatches to the typed API only for a schema, so typed-api stays.
    const foreign = modules.filter((file) => /\/(http|typed\/(composites|scalars)|syntax\/chevrotain)\//.test(file) || /chevrotain/.test(file));
    expect(foreign).toEqual([]);
  });

  it('the main entry never reaches chevrotain; jsvkit/chevrotain does', async () => {
    const modules = await bundledModules("export * from 'jsvkit';");
    expect(modules.filter((file) => file.includes('chevrotain'))).toEqual([]);
    expect((await bundledModules("export * from 'jsvkit/chevrotain';")).some((file) => file.startsWith('node_modules/chevrotain/'))).toBe(true);
  });
});

