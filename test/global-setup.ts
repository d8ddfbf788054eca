/** Builds `dist/` before the suite when the sources changed since the last build, so the tests of the published files and the CLI bin run against fresh output. */
import { buildIfStale } from '../scripts/build-if-stale.js';

export default function setup(): void {
  buildIfStale({ quiet: true });
}
