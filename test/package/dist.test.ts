import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// Paths held in variables: the typecheck runs before dist/ is built, so it must not resolve them.
const esmEntry = new URL('../../dist/index.js', import.meta.url).href;
const cjsEntry = new URL('../../dist/index.cjs', import.meta.url).pathname;

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
});
