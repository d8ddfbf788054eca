/**
 * Weight and start-up of the built package (dist/), as users meet them:
 *
 * - browser bundles of typical imports, built by esbuild (one case also by Rollup) from the
 *   published layout (the `module` export condition: one ESM file per source module), minified,
 *   then gzipped (zlib level 9);
 * - the cold `import('jsvkit')` in a fresh Node process (the `import` condition: bundled ESM),
 *   less the same import of an empty module, median over several interleaved processes.
 *
 *   npm run bench:weight            builds dist/ first when a source file is newer than it
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BundleCase {
  id: string;
  what: string;
  source: string;
  /** Largest min+gz size allowed, in bytes, when this case has a target. */
  limit?: number;
  /** The bundler: esbuild by default; Rollup (Vite's production bundler) where the two differ. */
  bundler?: 'rollup';
}

const DTO_SCHEMA = 'const Dto = t.object({ id: t.string(), total: t.number(), lines: t.array(t.number()) }); export const read = (text) => parse(text, Dto);';
/** A DTO of four builders, `t` from the package root. */
const DTO_SOURCE = `import { parse, t } from 'jsvkit'; ${DTO_SCHEMA}`;
/** The same DTO, the builders namespace-imported from their own entry. */
const DTO_T_ENTRY_SOURCE = `import { parse } from 'jsvkit'; import * as t from 'jsvkit/t'; ${DTO_SCHEMA}`;

export const BUNDLE_CASES: BundleCase[] = [
  { id: 'core', what: '`{ parse, stringify, format }`', source: "export { parse, stringify, format } from 'jsvkit';", limit: 10_000 },
  { id: 'parse', what: '`{ parse }`', source: "export { parse } from 'jsvkit';" },
  { id: 'typed', what: "typed API: `{ parse, t }` from `'jsvkit'` (every builder)", source: "export { parse, t } from 'jsvkit';", limit: 20_000 },
  {
    id: 'dto',
    what: "a DTO: `parse` + `t.object`/`string`/`number`/`array`, `t` from `'jsvkit'`",
    source: DTO_SOURCE,
  },
  // esbuild keeps every member of a namespace re-exported by name (`export * as t`, evanw/esbuild#1420),
  // so the row above holds every builder; Rollup and Rolldown keep only the builders used.
  { id: 'dto-rollup', what: "the same DTO, `t` from `'jsvkit'`, bundled by Rollup", source: DTO_SOURCE, bundler: 'rollup' },
  // A namespace the app imports itself is tree-shaken by esbuild too: only the builders read from it stay.
  { id: 'dto-t', what: "the same DTO, `import * as t from 'jsvkit/t'`", source: DTO_T_ENTRY_SOURCE },
  { id: 'typed-t', what: "`{ parse }` + every builder of `'jsvkit/t'`", source: "export { parse } from 'jsvkit'; export * from 'jsvkit/t';" },
  // What `jsvkit codegen` writes, as an app imports it: the builders come from `jsvkit/t`.
  { id: 'evovoice', what: 'the generated Evo Voice DTOs (`examples/evovoice/dtos.ts`) + `parse`', source: "export * from './examples/evovoice/dtos.ts'; export { parse } from 'jsvkit';" },
  { id: 'fetch', what: '`jsvkit/fetch`', source: "export * from 'jsvkit/fetch';", limit: 15_000 },
  { id: 'all', what: 'all of `jsvkit`', source: "export * from 'jsvkit';" },
];

export interface BundleWeight {
  case: BundleCase;
  minified: number;
  gzipped: number;
  /** Module files that put code in the bundle. */
  modules: number;
}

/**
 * `source` bundled as a browser app would be: esbuild, ESM, minified, for the browser platform.
 * `test/package/browser-bundle.test.ts` keeps its budgets with the same build.
 */
export async function browserBundle(source: string, id: string) {
  // 'jsvkit' resolves to this package through its own `exports` (a package may import itself);
  // an empty tsconfig keeps esbuild from following tsconfig.json's `paths` to the sources.
  const result = await build({
    tsconfigRaw: {},
    stdin: { contents: source, resolveDir: ROOT, loader: 'js', sourcefile: `${id}.js` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const file = result.outputFiles[0]!;
  const output = Object.values(result.metafile.outputs)[0]!;
  return { code: file.text, bytes: file.contents, output, gzipped: gzipSync(file.contents, { level: 9 }).length, errors: result.errors, warnings: result.warnings };
}

/** The `module` export condition of a `jsvkit` specifier, from package.json, as a bundler resolves it. */
function moduleEntry(specifier: string): string | undefined {
  if (specifier !== 'jsvkit' && !specifier.startsWith('jsvkit/')) return undefined;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { module: { default: string } }> };
  const entry = pkg.exports[`.${specifier.slice('jsvkit'.length)}`];
  return entry === undefined ? undefined : join(ROOT, entry.module.default);
}

/**
 * `source` bundled by Rollup (tree-shaking, then minified by esbuild as Vite does), from the same
 * published layout; another package's import is an error here, not a silent external.
 */
export async function rollupBundle(source: string, id: string) {
  const entryId = `\0${id}.js`;
  const bundle = await rollup({
    input: entryId,
    plugins: [
      {
        name: 'jsvkit-entry',
        resolveId: (specifier) => (specifier === entryId ? entryId : moduleEntry(specifier)),
        load: (file) => (file === entryId ? source : null),
      },
    ],
    // The package says `sideEffects: false`; only the entry's own code is kept for its effects.
    treeshake: { moduleSideEffects: (file) => file === entryId },
    onwarn(warning) {
      throw new Error(`rollup: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunk = output[0];
  const minified = await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022' });
  const bytes = Buffer.from(minified.code);
  const modules = Object.entries(chunk.modules).filter(([file, m]) => m.renderedLength > 0 && file !== entryId).length;
  return { bytes, gzipped: gzipSync(bytes, { level: 9 }).length, modules };
}

export async function bundleWeight(bundleCase: BundleCase): Promise<BundleWeight> {
  if (bundleCase.bundler === 'rollup') {
    const bundle = await rollupBundle(bundleCase.source, bundleCase.id);
    return { case: bundleCase, minified: bundle.bytes.length, gzipped: bundle.gzipped, modules: bundle.modules };
  }
  const bundle = await browserBundle(bundleCase.source, bundleCase.id);
  const modules = Object.entries(bundle.output.inputs).filter(([file, input]) => input.bytesInOutput > 0 && !file.startsWith('<stdin>')).length;
  return { case: bundleCase, minified: bundle.bytes.length, gzipped: bundle.gzipped, modules };
}

/** Module files Node loads for `import('jsvkit')` (its `import` condition), found by esbuild's resolver. */
export async function nodeImportModules(): Promise<number> {
  const result = await build({
    tsconfigRaw: {},
    stdin: { contents: "import 'jsvkit';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    // Only Node's own conditions: esbuild would otherwise also honour `module`, which Node ignores.
    conditions: [],
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'error',
    treeShaking: false,
  });
  return Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('<stdin>')).length;
}

function importMs(url: string): number {
  const script = `const t = process.hrtime.bigint(); await import(${JSON.stringify(url)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface ImportTime {
  jsvkit: number;
  empty: number;
  /** Median of the per-pair differences. */
  over: number;
  runs: number;
}

/** `import('jsvkit')` in fresh processes, each followed by an empty module's import (interleaved pairs). */
export function coldImport(runs = 10): ImportTime {
  const emptyUrl = `data:text/javascript,${encodeURIComponent('export {};')}`;
  const entryUrl = pathToFileURL(join(ROOT, 'dist/index.js')).href;
  const jsvkit: number[] = [];
  const empty: number[] = [];
  const over: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = importMs(entryUrl);
    const b = importMs(emptyUrl);
    jsvkit.push(a);
    empty.push(b);
    over.push(a - b);
  }
  return { jsvkit: median(jsvkit), empty: median(empty), over: median(over), runs };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than a source file or the build config. */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(ROOT, 'dist/esm/index.js')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'tsup.config.ts')).mtimeMs, statSync(join(ROOT, 'package.json')).mtimeMs);
  if (built > sources) return;
  process.stderr.write('building dist/ (tsup) for the weight and import rows\n');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsup/dist/cli-default.js')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** The markdown section bench/run.ts adds to its report. */
export async function weightSection(): Promise<string> {
  ensureBuilt();
  const weights = [];
  for (const bundleCase of BUNDLE_CASES) weights.push(await bundleWeight(bundleCase));
  const nodeModules = await nodeImportModules();
  const time = coldImport();
  let out = '\n### Weight and start-up\n\n';
  out += 'Browser bundles built by esbuild (or, where marked, Rollup) from the published files (minified, then gzip level 9); `import` is Node ';
  out += `loading \`dist/index.js\` in a fresh process, median of ${time.runs} processes, each paired with the import of an empty module.\n\n`;
  out += '| what | min | min+gz | modules in it | target | |\n|---|---:|---:|---:|---|---|\n';
  for (const w of weights) {
    const target = w.case.limit === undefined ? '' : `≤ ${kb(w.case.limit)}`;
    const met = w.case.limit === undefined ? '' : w.gzipped <= w.case.limit ? 'met' : '**not met**';
    out += `| bundle: ${w.case.what} | ${kb(w.minified)} | ${kb(w.gzipped)} | ${w.modules} | ${target} | ${met} |\n`;
  }
  out += `| cold \`import('jsvkit')\` | ${time.jsvkit.toFixed(1)} ms (empty module: ${time.empty.toFixed(1)} ms) | **${time.over.toFixed(1)} ms** over an empty module | ${nodeModules} | ≤ 40 ms over an empty module | ${time.over <= 40 ? 'met' : '**not met**'} |\n`;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const section = await weightSection();
  process.stdout.write(section);
  const out = process.argv[2];
  if (out !== undefined) writeFileSync(out, section);
}
