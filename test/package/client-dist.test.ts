/**
 * The built `jsvkit/client` entry: ESM and CJS expose the same API, and nothing it loads imports a
 * Node built-in, so it runs in browsers, Deno and Bun as well as Node.
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dist = new URL('../../dist/', import.meta.url);

/** Every specifier imported by `file` and the chunks it imports, transitively. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const specifiers = new Set<string>();
  if (seen.has(file)) return specifiers;
  seen.add(file);
  const code = readFileSync(new URL(file, dist), 'utf8');
  for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('./')) for (const inner of importsOf(specifier.slice(2), seen)) specifiers.add(inner);
    else specifiers.add(specifier);
  }
  return specifiers;
}

describe('dist/client', () => {
  it('ESM and CJS builds expose the same API', async () => {
    const esm = await import(new URL('client.js', dist).href);
    const cjs = require(new URL('client.cjs', dist).pathname);
    for (const name of ['createClient', 'ServiceError', 'isServiceError', 'operation', 'JsvError', 'isJsvError', 'escapeDataString']) {
      expect(typeof esm[name], name).toBe('function');
      expect(typeof cjs[name], name).toBe('function');
    }
    expect(esm.MEDIA_TYPES).toEqual({ jsv: 'application/jsv', json: 'application/json' });
  });

  it('imports no Node built-in (ESM and CJS)', () => {
    const builtins = new Set(builtinModules);
    for (const entry of ['client.js', 'client.cjs']) {
      const nodeOnly = [...importsOf(entry)].filter((specifier) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!));
      expect(nodeOnly, entry).toEqual([]);
    }
  });
});
