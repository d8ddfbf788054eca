/** `codegen`: golden output, compile and round-trip laws over a real host's metadata, located errors, the CLI. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { codegen } from '../../src/codegen/codegen.js';
import { isCodegenError, type CodegenError } from '../../src/codegen/codegen-error.js';
import { describeApi } from '../../src/codegen/describe.js';
import { parse, stringify } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { isSchema, type AnySchema } from '../../src/typed/schema.js';
import * as evovoice from '../../examples/evovoice/dtos.js';
import * as sample from './sample-api.js';
import { cli, ROOT } from '../cli/harness.js';
import { thrownBy } from '../helpers/errors.js';

const fixture = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/metadata', name), 'utf8');
const BLAZOR = fixture('blazor-gallery.app.json');
const EVOVOICE = fixture('evovoice-metadata.json');
const UNSEEN = fixture('unseen-host.json');
const EVOVOICE_NULLABLE = readFileSync(join(ROOT, 'examples/evovoice/metadata.json'), 'utf8');

// Generated modules are written inside the repository, so `jsvkit` resolves as it does for users.
const work = mkdtempSync(join(ROOT, 'test/codegen/.out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function codegenError(run: () => unknown): CodegenError {
  return thrownBy(run, isCodegenError, 'a CodegenError');
}

/** A minimal MetadataTypes document with these types and no operations. */
function doc(types: unknown[], operations: unknown[] = []): string {
  return JSON.stringify({ types, operations });
}

describe('codegen output', () => {
  it('is the golden module for the Evo Voice metadata', () => {
    const golden = readFileSync(join(ROOT, 'test/codegen/evovoice.golden.ts'), 'utf8');
    expect(codegen(EVOVOICE, { case: 'camel', source: '../fixtures/metadata/evovoice-metadata.json' })).toBe(golden);
  });

  it('gives the nullable Evo Voice members no defaults, and keeps them otherwise', () => {
    const nullable = codegen(EVOVOICE_NULLABLE);
    expect(nullable).not.toMatch(/\.default\(/);
    expect(nullable).toMatch(/boolValue: t\.boolean\(\),/);
    expect(codegen(EVOVOICE)).toMatch(/boolValue: t\.boolean\(\)\.default\(false\),/);
  });

  it('makes examples/evovoice/dtos.ts (checked by codegen --check)', async () => {
    const result = await cli(['codegen', '--check', join(ROOT, 'examples/evovoice/dtos.ts')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('reads JSV metadata as JSON metadata, and PascalCase keys as camelCase ones', () => {
    const jsv = stringify(JSON.parse(EVOVOICE));
    expect(codegen(jsv, { case: 'camel' })).toBe(codegen(EVOVOICE, { case: 'camel' }));
    const pascal = EVOVOICE.replace(/"([a-z])(\w*)":/g, (_, first: string, rest: string) => `"${first.toUpperCase()}${rest}":`);
    expect(codegen(pascal, { case: 'camel' })).toBe(codegen(EVOVOICE, { case: 'camel' }));
    // auto: the document's own key case when no host text case is known.
    expect(codegen(pascal)).toMatch(/BoolValue: t\.boolean/);
  });

  it('ignores unknown fields and takes the app.json wrapper', () => {
    const extra = JSON.parse(EVOVOICE) as { types: Record<string, unknown>[] };
    extra.types[0]!.someFutureField = { nested: [1, 2] };
    const wrapped = JSON.stringify({ app: { jsTextCase: 'PascalCase' }, api: extra });
    expect(codegen(wrapped, { case: 'camel' })).toBe(codegen(EVOVOICE, { case: 'camel' }));
    expect(codegen(wrapped)).toMatch(/BoolValue: t\.boolean/);
  });

  it('imports the builders as a namespace from their own entry (`jsvkit/t`), beside a path to jsvkit too', () => {
    const lines = (text: string) => text.split('\n').filter((line) => line.startsWith('import '));
    expect(lines(codegen(EVOVOICE))).toEqual(["import { operation, type Infer } from 'jsvkit';", "import * as t from 'jsvkit/t';", "import { DayOfWeek } from 'jsvkit/servicestack';"]);
    // No operations: the root gives only types.
    expect(lines(codegen(doc([{ name: 'A', properties: [{ name: 'X', type: 'String' }] }])))).toEqual(["import type { Infer } from 'jsvkit';", "import * as t from 'jsvkit/t';"]);
    // A path to jsvkit's entry module: each entry's module beside it (the tsc check below resolves them).
    expect(lines(codegen(EVOVOICE, { importFrom: '../src/index.js' }))).toEqual([
      "import { operation, type Infer } from '../src/index.js';",
      "import * as t from '../src/typed/t.js';",
      "import { DayOfWeek } from '../src/servicestack/index.js';",
    ]);
  });

  it('writes colliding names by its rules', () => {
    const text = codegen(
      doc([
        { name: 'Customers', namespace: 'A.Types', properties: [{ name: '__proto__', type: 'String' }, { name: 'constructor', type: 'Int32', isValueType: true }] },
        { name: 'Customers', namespace: 'B.Model', properties: [{ name: 'Default', type: 'Customers', namespace: 'A.Types' }] },
        { name: 'class', namespace: 'A.Types', properties: [] },
      ]),
      { case: 'camel' },
    );
    expect(text).toMatch(/export const TypesCustomers = t\.object\(\{\n  \['__proto__'\]: t\.string\(\),\n  constructor: t\.int\(\)\.default\(0\),/);
    expect(text).toMatch(/export const ModelCustomers = t\.object\(\{\n  default: TypesCustomers,/);
    expect(text).toMatch(/export const class_ = /);
  });
});

describe('errors with paths', () => {
  it('an unknown type (under strict)', () => {
    const error = codegenError(() => codegen(doc([{ name: 'A', properties: [{ name: 'X', type: 'Int32' }, { name: 'Y', type: 'List`1', genericArgs: ['Nope'] }] }]), { strict: true }));
    expect(error).toMatchObject({ code: 'UNKNOWN_TYPE', path: 'types[0].properties[1].type' });
    expect(error.message).toMatch(/Unknown type Nope/);
  });

  it('a generic type that refers to itself', () => {
    const error = codegenError(() => codegen(doc([{ name: 'Node`1', genericArgs: ['T'], properties: [{ name: 'Children', type: 'List`1', genericArgs: ['Node<T>'] }] }])));
    expect(error).toMatchObject({ code: 'GENERIC_CYCLE', path: 'types[0].properties[0].type' });
  });

  it('a class that inherits from itself', () => {
    const error = codegenError(() => codegen(doc([{ name: 'A', inherits: { name: 'B' }, properties: [] }, { name: 'B', inherits: { name: 'A' }, properties: [] }])));
    expect(error.code).toBe('INHERITANCE_CYCLE');
  });

  it('duplicate names', () => {
    const twice = doc([{ name: 'A', namespace: 'N' }, { name: 'A', namespace: 'N', properties: [{ name: 'X', type: 'String' }] }]);
    expect(codegenError(() => codegen(twice, { strict: true }))).toMatchObject({ code: 'DUPLICATE_TYPE', path: 'types[1].name' });
    expect(codegenError(() => codegen(doc([{ name: 'A', properties: [{ name: 'Id', type: 'String' }, { name: 'ID', type: 'String' }] }])))).toMatchObject({ code: 'DUPLICATE_TYPE', path: 'types[0].properties[1].name' });
  });

  it('missing fields, malformed members and text, in JSON and JSV', () => {
    expect(codegenError(() => codegen(doc([{ name: 'A', properties: [{ name: 'X' }] }])))).toMatchObject({ code: 'INVALID_DOCUMENT', path: 'types[0].properties[0].type' });
    expect(codegenError(() => codegen('{Types:[{Name:A,Properties:[{Name:X,IsValueType:maybe}]}],Operations:[]}'))).toMatchObject({ code: 'INVALID_DOCUMENT', path: 'types[0].properties[0].isValueType' });
    expect(codegenError(() => codegen('{"operations":[]}'))).toMatchObject({ code: 'INVALID_DOCUMENT', path: 'types' });
    expect(codegenError(() => codegen(doc([{ name: 'A', properties: [{ name: 'X', type: 'List<Int32' }] }])))).toMatchObject({ code: 'INVALID_DOCUMENT', path: 'types[0].properties[0].type' });
    expect(codegenError(() => codegen('{"types": [}')).code).toBe('INVALID_DOCUMENT');
  });
});

describe('every blazor-gallery type', () => {
  const modules = {
    blazor: codegen(BLAZOR),
    evovoice: codegen(EVOVOICE),
    unseen: codegen(UNSEEN),
    described: codegen(describeApi(evovoice.api), { case: 'camel' }),
    sample: codegen(describeApi(sample.api), { case: 'camel' }),
    // jsvkit imported by the path of its source entry from the module's folder, not by name.
    local: codegen(EVOVOICE, { importFrom: `${relative(work, join(ROOT, 'src')).split(sep).join('/')}/index.js` }),
  };
  for (const [name, text] of Object.entries(modules)) writeFileSync(join(work, `${name}.ts`), text);

  it('typechecks under tsc --strict', () => {
    const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config as { compilerOptions: object };
    const { options } = ts.convertCompilerOptionsFromJson({ ...config.compilerOptions, noEmit: true, strict: true }, ROOT);
    const program = ts.createProgram(Object.keys(modules).map((name) => join(work, `${name}.ts`)), options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('round-trips arbitrary values through stringify and parse', async () => {
    const module = (await import(pathToFileURL(join(work, 'blazor.ts')).href)) as Record<string, unknown>;
    const schemas = Object.entries(module).filter((entry): entry is [string, AnySchema] => isSchema(entry[1]));
    expect(schemas.length).toBeGreaterThan(50);
    for (const [, schema] of schemas) {
      fc.assert(
        fc.property(arbitrary(schema, { maxDepth: 2, maxLength: 2 }), (value) => {
          expect(parse(stringify(value as never, schema), schema)).toEqual(value);
        }),
        { numRuns: 15 },
      );
    }
    const api = module.api as Record<string, { request: AnySchema }>;
    expect(Object.keys(api)).toHaveLength(116);
  });

  it('describeApi: the regenerated schemas decode and encode the same values', async () => {
    const described = (await import(pathToFileURL(join(work, 'described.ts')).href)) as Record<string, AnySchema>;
    const resampled = (await import(pathToFileURL(join(work, 'sample.ts')).href)) as Record<string, AnySchema>;
    const pairs: [AnySchema, AnySchema][] = [
      [evovoice.NewCustomer, described.NewCustomer!],
      [evovoice.CustomerInfo, described.CustomerInfo!],
      [sample.Booking, resampled.Booking!],
      [sample.CreateBooking, resampled.CreateBooking!],
      [sample.CreateBookingResponse, resampled.CreateBookingResponse!],
    ];
    for (const [original, regenerated] of pairs) {
      fc.assert(
        fc.property(arbitrary(original, { maxDepth: 3, maxLength: 2 }), (value) => {
          const text = stringify(value as never, original);
          expect(stringify(value as never, regenerated)).toBe(text);
          expect(parse(text, regenerated)).toEqual(parse(text, original));
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('jsvkit codegen', () => {
  it('writes -o whole, and leaves nothing on failure', async () => {
    const source = join(work, 'doc.json');
    const out = join(work, 'out.ts');
    writeFileSync(source, EVOVOICE);
    expect((await cli(['codegen', source, '-o', out, '--case', 'camel'])).status).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect(first).toMatch(/"source":"doc.json"/);
    writeFileSync(source, doc([{ name: 'A', properties: [{ name: 'X', type: 'Nope' }] }]));
    const failed = await cli(['codegen', source, '-o', out, '--strict']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/Unknown type Nope: .* at types\[0\]\.properties\[0\]\.type \[UNKNOWN_TYPE\]/);
    expect(readFileSync(out, 'utf8')).toBe(first);
    // Without --strict the member is t.any(), and the warning names it on standard error.
    const lenient = await cli(['codegen', source]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/x: t\.any\(\),/i);
    expect(lenient.stderr).toMatch(/warning: Unknown type Nope: .* at types\[0\]\.properties\[0\]\.type/);
  });

  it('--check reports a stale file with a diff; --update regenerates it from its header', async () => {
    const source = join(work, 'check.json');
    const out = join(work, 'check.ts');
    writeFileSync(source, EVOVOICE);
    await cli(['codegen', source, '-o', out, '--include', 'Tag.*', '--case', 'pascal']);
    expect((await cli(['codegen', '--check', out])).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/export const Tag = /);
    expect(text).not.toMatch(/CustomerInfo/);
    writeFileSync(out, text.replace('Color: TagColors', 'Colour: TagColors'));
    const stale = await cli(['codegen', '--check', out]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/^-  Colour: TagColors.*\n\+  Color: TagColors/m);
    expect(stale.stderr).toMatch(/is stale/);
    expect((await cli(['codegen', '--update', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('fetches /types/metadata from a host, with --header', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.url, request.headers.authorization);
      if (request.headers.authorization !== 'Bearer k') {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(EVOVOICE);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await cli(['codegen', url, '--header', 'Authorization: Bearer k', '--case', 'camel']);
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('export const api = {');
      expect(seen.slice(0, 2)).toEqual(['/types/metadata', 'Bearer k']);
      const denied = await cli(['codegen', url]);
      expect(denied.status).toBe(1);
      expect(denied.stderr).toMatch(/answered 401 .*--header/);
    } finally {
      server.close();
    }
  });
});
