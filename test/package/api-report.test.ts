/**
 * The public API as users' TypeScript sees it (dist/*.d.ts) must match the committed report in
 * api/, so every change to the public surface shows in review as a diff of api/. After an intended
 * change: `npm run api:update` (builds if needed, rewrites api/) and commit api/ with it.
 */
import { describe, expect, it } from 'vitest';
import { committedReport, expectedReport } from '../../scripts/api-report.js';

describe('the public API report (api/)', () => {
  it('matches the built declarations', async () => {
    const expected = await expectedReport();
    const committed = committedReport();
    expect([...committed.keys()].sort(), 'entry points in api/ (run `npm run api:update`)').toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) {
      expect(committed.get(file), `api/${file} is out of date: if the API change is intended, run \`npm run api:update\``).toBe(text);
    }
  });

  it('shows no internal machinery', async () => {
    for (const [file, text] of await expectedReport()) {
      for (const internal of ['Scanner', 'Decoding', 'Encoding', 'Decoder', 'Encoder', 'ScalarCodec', 'compileDecoder', 'compileEncoder', 'IssueLimit']) {
        expect(text.includes(internal), `${internal} in api/${file}`).toBe(false);
      }
    }
  });
});
