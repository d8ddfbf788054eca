/**
 * `npm run test:package`: installs the package the way a user does and uses it. It packs the
 * repository (`npm pack`, which runs `prepare`, so dist/ is fresh), installs the tarball in an empty
 * project, then
 * - runs it from ESM (`import`) and CommonJS (`require`), the root and subpaths (a schema built from
 *   `jsvkit/t` decoded by the root's `parse`);
 * - type-checks one consumer file under TypeScript's `moduleResolution` node10 (which ignores
 *   `exports` and relies on `types`/`typesVersions`), node16 from ESM and from CommonJS, and bundler.
 * With `--git` it also installs from a git URL (`git+file://` of this repository's HEAD), which runs
 * `prepare` in a fresh clone: the path for `npm install github:owner/repo` users. That builds from
 * scratch (about a minute more), so it is opt-in.
 *
 * Not part of `npm test` (it takes 30–60 s on a loaded 2-core machine and needs the npm cache);
 * `.ci/run` runs it. `npm test` already checks every resolution mode against the packed files with
 * attw, without installing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const work = mkdtempSync(join(tmpdir(), 'jsvkit-package-'));
const quietNpm = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

const run = (command: string, args: string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const step = (what: string): void => console.log(`· ${what}`);

/**
 * What each runtime consumer prints: an untyped parse (scalars stay text), a write, a subpath export,
 * a typed parse with builders from `jsvkit/t` (numbers decoded).
 */
const expected = '{"A":["1","2"]} 42 function {"A":[1,2]}';

function makeConsumer(dir: string, installFrom: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  run('npm', ['install', installFrom, ...quietNpm], dir);
}

const typedParse = "JSON.stringify(parse('{A:[1,2]}', t.object({ A: t.array(t.int()) })))";

function checkRuntime(dir: string): void {
  writeFileSync(
    join(dir, 'esm.mjs'),
    `import { parse, stringify } from 'jsvkit';\nimport { withJsv } from 'jsvkit/fetch';\nimport * as t from 'jsvkit/t';\n` +
      `console.log(JSON.stringify(parse('{A:[1,2]}')), stringify(42), typeof withJsv, ${typedParse});\n`,
  );
  writeFileSync(
    join(dir, 'cjs.cjs'),
    `const { parse, stringify } = require('jsvkit');\nconst { withJsv } = require('jsvkit/fetch');\nconst t = require('jsvkit/t');\n` +
      `console.log(JSON.stringify(parse('{A:[1,2]}')), stringify(42), typeof withJsv, ${typedParse});\n`,
  );
  for (const program of ['esm.mjs', 'cjs.cjs']) {
    const output = run(process.execPath, [program], dir).trim();
    if (output !== expected) throw new Error(`${program} printed ${JSON.stringify(output)}, expected ${JSON.stringify(expected)}`);
    step(`runs from ${program.endsWith('.mjs') ? 'ESM' : 'CommonJS'}`);
  }
}

/** One consumer source, type-checked under each resolution mode; it must see real types, not `any`. */
const consumerSource = `
import { parse, stringify, t, type Infer } from 'jsvkit';
import { withJsv, type JsvFetchOptions } from 'jsvkit/fetch';
import * as tb from 'jsvkit/t';

const Customer = t.object({ name: t.string(), age: t.int() });
type Customer = Infer<typeof Customer>;
const customer: Customer = { name: 'Ada', age: 36 };
const options: JsvFetchOptions = {};
const value: unknown = parse(stringify(customer));
// @ts-expect-error: a string is not a Customer's age, which proves the types are not \`any\`.
const wrong: Customer = { name: 'Ada', age: 'old' };
// Builders from \`jsvkit/t\` and the root's \`t\` make the same schemas; \`Infer\` comes from the root.
const Order = tb.object({ id: tb.guid(), customer: Customer, lines: tb.array(tb.int()) });
const order: Infer<typeof Order> = parse('{lines:[1]}', Order);
// @ts-expect-error: lines are numbers.
const wrongOrder: Infer<typeof Order> = { lines: ['one'] };
export { value, options, wrong, withJsv, order, wrongOrder };
`;

const resolutions: { name: string; file: string; compilerOptions: Record<string, unknown> }[] = [
  { name: 'node10', file: 'consumer.ts', compilerOptions: { module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '5.0' } },
  { name: 'node16 from ESM', file: 'consumer.mts', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'node16 from CommonJS', file: 'consumer.cts', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'bundler', file: 'consumer.ts', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
];

function checkTypes(dir: string): void {
  for (const { name, file, compilerOptions } of resolutions) {
    writeFileSync(join(dir, file), consumerSource);
    const config = {
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, ...compilerOptions },
      files: [file],
    };
    const configFile = `tsconfig.${name.replace(/\W+/g, '-')}.json`;
    writeFileSync(join(dir, configFile), JSON.stringify(config, null, 2));
    try {
      run(process.execPath, [tsc, '-p', configFile], dir);
    } catch (error) {
      throw new Error(`TypeScript (${name}) rejected the consumer:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
    step(`type-checks under moduleResolution ${name}`);
  }
}

try {
  step(`packing into ${work}`);
  run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], root);
  const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');

  const fromTarball = join(work, 'from-tarball');
  makeConsumer(fromTarball, join(work, tarball));
  step('installs from the packed tarball');
  checkRuntime(fromTarball);
  checkTypes(fromTarball);

  if (process.argv.includes('--git')) {
    const fromGit = join(work, 'from-git');
    makeConsumer(fromGit, `git+file://${root}`);
    step('installs from a git URL (prepare builds dist/ in the clone)');
    checkRuntime(fromGit);
  }
  console.log('The package installs and works as published.');
} finally {
  rmSync(work, { recursive: true, force: true });
}
