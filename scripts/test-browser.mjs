#!/usr/bin/env node
/**
 * `npm run test:browser`: runs test/browser/ in Debian's Chromium (`CHROMIUM_PATH` overrides
 * /usr/bin/chromium). Without a Chromium it says so and exits 0, so machines without one are not
 * failed; CI installs one (.ci/run). It is not part of `npm test`: starting a browser on a loaded
 * 2-core machine takes seconds to tens of seconds, and a browser is a system package npm cannot
 * provide.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(executable, constants.X_OK);
} catch {
  console.log(`test:browser: skipped, no Chromium at ${executable} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.browser.config.ts'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
process.exit(result.status ?? 1);
