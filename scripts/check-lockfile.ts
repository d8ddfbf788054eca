/**
 * Fails when package-lock.json does not say what package.json says: npm would then rewrite the
 * committed lock file on the next `npm install` (a `bin`, a peer dependency or a range edited by
 * hand leaves it stale). It asks npm to bring the lock up to date from its own contents, offline and
 * without touching node_modules, and compares; the file is put back as it was either way, so the
 * check never edits the working tree.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockFile = `${root}package-lock.json`;
const committed = readFileSync(lockFile, 'utf8');

let updated: string;
try {
  execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  updated = readFileSync(lockFile, 'utf8');
} catch {
  // Offline, npm cannot resolve a dependency the lock file does not hold yet.
  updated = '';
} finally {
  writeFileSync(lockFile, committed);
}

if (updated !== committed) {
  console.error('package-lock.json is out of date with package.json: run `npm install` and commit package-lock.json.');
  process.exit(1);
}
console.log('package-lock.json matches package.json.');
