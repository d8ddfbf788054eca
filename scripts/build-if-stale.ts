/**
 * Builds dist/ unless it was built from exactly the sources there are now: `npm start`, `prepare`
 * and the test suite run it, so the 30–45 s build happens once per change rather than once per
 * command. "Exactly" is a hash of every file the build reads (src/, examples/ which the demo
 * bundles, and the build's configuration and locked tool versions), written to dist/ after a build
 * succeeds; the build also runs when a file package.json promises is missing. `--force` always builds.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'examples', 'tsup.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

function* filesUnder(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) yield* filesUnder(join(path, name));
}

function inputHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Every file package.json names under dist/: entry points, declarations, the bin. */
function promisedFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^(\.\/)?dist\//.test(value)) found.add(value);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect([manifest.exports, manifest.bin, manifest.main, manifest.module, manifest.types]);
  return [...found].map((file) => join(root, file));
}

/** Builds when dist/ is stale; says which it did. `quiet` keeps tsup's progress lines off stdout. */
export function buildIfStale({ force = false, quiet = false } = {}): 'built' | 'up to date' {
  const hash = inputHash();
  const fresh =
    !force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && promisedFiles().every((file) => existsSync(file));
  if (fresh) return 'up to date';
  rmSync(stampFile, { force: true });
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')], {
      cwd: root,
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    });
  } catch (error) {
    // The one build failure tsc does not catch first: declarations are built with stripInternal.
    console.error(
      'The build failed. If it says `"X" is not exported by "src/..."`, a declaration the published types keep ' +
        'refers to X, which is tagged @internal (a new schema class overriding compileDecoder, compileEncoder or ' +
        'isDefault must tag the override `/** @internal */` as well; see tsup.config.ts).',
    );
    throw error;
  }
  writeFileSync(stampFile, hash);
  return 'built';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (buildIfStale({ force: process.argv.includes('--force') }) === 'up to date') console.log('dist/ is up to date with the sources.');
}
