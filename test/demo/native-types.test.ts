/**
 * "Add ServiceStack Reference" against the demo: `GET /types/typescript` written as ServiceStack's
 * TypeScriptGenerator writes it, compiled by `tsc --strict` next to a module that uses it with
 * `@servicestack/client`, and that module run against the demo; `GET /types/csharp` as its
 * CSharpGenerator writes it (checked here as text; no C# compiler runs in this suite).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeCSharp } from '../../src/codegen/native-csharp.js';
import { nativeTypeScript } from '../../src/codegen/native-typescript.js';
import type { MetadataTypes } from '../../src/codegen/metadata.js';
import { createDemoApp } from '../../src/demo/app.js';
import { DemoService, type ApiKey } from '../../src/demo/service.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEYS: ApiKey[] = [{ key: 'manager-key', role: 'Manager', user: 'demo-manager' }];

let server: Server;
let base: string;
let work: string;

beforeAll(async () => {
  server = createDemoApp(new DemoService(KEYS)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Under node_modules, so that the generated module's imports resolve to this repository's packages.
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = mkdtempSync(join(ROOT, 'node_modules/.cache/jsvkit-native-types-'));
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// What a user writes against the DTOs: the response types come from IReturn<T>.
const CONSUMER = `import { JsonServiceClient } from '@servicestack/client';
import { CustomerInfo, GetCustomer, NewCustomer } from './dtos';

export async function run(baseUrl: string, key: string): Promise<[CustomerInfo, CustomerInfo, string]> {
  const client = new JsonServiceClient(baseUrl);
  client.bearerToken = key;
  const created: CustomerInfo = await client.post(new NewCustomer({ name: 'Typed Co', accountId: 'acct-1', data: { plan: { numberValue: 2.5 } } }));
  const read: CustomerInfo = await client.get(new GetCustomer({ customerId: created.id }));
  let errorCode = '';
  try {
    await client.post(new NewCustomer({}));
  } catch (error) {
    errorCode = (error as { responseStatus: { errorCode: string } }).responseStatus.errorCode;
  }
  return [created, read, errorCode];
}
`;

describe('GET /types/typescript', () => {
  it('starts with the options header the reference tools read (BaseUrl, Version, commented defaults)', async () => {
    const response = await fetch(`${base}/types/typescript`);
    expect(response.status).toBe(200);
    // NativeTypesService: [AddHeader(ContentType = MimeTypes.PlainText)], no charset appended.
    expect(response.headers.get('content-type')).toBe('text/plain');
    const text = await response.text();
    const header = text.slice(0, text.indexOf('*/') + 2).split('\n');
    expect(header[0]).toBe('/* Options:');
    expect(header[1]).toMatch(/^Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(header.slice(2, 6)).toEqual(['Version: 10.15', 'Tip: To override a DTO option, remove "//" prefix before updating', `BaseUrl: ${base}`, '']);
    expect(header).toContain('//MakePropertiesOptional: False');
    expect(header.at(-1)).toBe('*/');
  });

  it('writes each request DTO with its description, route, markers and the members @servicestack/client calls', async () => {
    const text = await (await fetch(`${base}/types/typescript`)).text();
    const start = text.indexOf('/** @description Creates a new customer */');
    expect(start).toBeGreaterThan(0);
    const block = text.slice(start, text.indexOf('\n}\n', start) + 2).split('\n');
    expect(block.slice(0, 4)).toEqual([
      '/** @description Creates a new customer */',
      '// @Route("/customers", "POST")',
      'export class NewCustomer implements IReturn<CustomerInfo>, IPost',
      '{',
    ]);
    expect(block).toContain('    /** @description The name of the customer */');
    expect(block).toContain('    public name?: string;');
    expect(block).toContain('    public data?: { [index:string]: Value; };');
    expect(block.slice(-5)).toEqual([
      '    public constructor(init?: Partial<NewCustomer>) { (Object as any).assign(this, init); }',
      "    public getTypeName() { return 'NewCustomer'; }",
      "    public getMethod() { return 'POST'; }",
      '    public createResponse() { return new CustomerInfo(); }',
      '}',
    ]);
    expect(text).toContain('export class CustomerInfo extends EntityInfo\n{');
    expect(text.indexOf('export class EntityInfo')).toBeLessThan(text.indexOf('export class CustomerInfo'));
    expect(text).toContain("export enum TagColors\n{\n    Magenta = 'Magenta',");
    expect(text).toContain('    public constructor(init?: Partial<CustomerInfo>) { super(init); (Object as any).assign(this, init); }');
  });

  it('compiles under tsc --strict with a module that uses it, which then talks to the demo', async () => {
    writeFileSync(join(work, 'dtos.ts'), await (await fetch(`${base}/types/typescript`)).text());
    writeFileSync(join(work, 'consumer.ts'), CONSUMER);
    const program = ts.createProgram([join(work, 'consumer.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      // As a bundler-built app imports its DTOs: './dtos', no extension.
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);

    const consumer = (await import(pathToFileURL(join(work, 'consumer.ts')).href)) as { run(baseUrl: string, key: string): Promise<[Record<string, unknown>, Record<string, unknown>, string]> };
    const [created, read, errorCode] = await consumer.run(base, 'manager-key');
    expect(created).toMatchObject({ name: 'Typed Co', accountId: 'acct-1', accountName: 'Evo Voice Demo Account', data: { plan: { numberValue: 2.5 } } });
    expect(read).toEqual(created);
    expect(errorCode).toBe('NotEmpty');
  });
});

describe('GET /types/typescript.d', () => {
  it('writes the DTOs as interfaces with optional members and string enums as unions, as without ExportAsTypes', async () => {
    const text = await (await fetch(`${base}/types/typescript.d`)).text();
    expect(text).toContain('//MakePropertiesOptional: True\n');
    expect(text).toContain('interface IReturn<T>\n{\n}\n');
    expect(text).toContain('// @Route("/customers", "POST")\ninterface NewCustomer extends IReturn<CustomerInfo>, IPost\n{\n');
    expect(text).toContain('interface CustomerInfo extends EntityInfo\n{');
    expect(text).toContain('    /** @description The name of the customer */\n    name?: string;\n');
    expect(text).toContain('type TagColors = "Magenta" | "Red" | "Volcano"');
    expect(text).not.toMatch(/constructor|getTypeName|export /);
  });
});

describe('nativeTypeScript', () => {
  const document = (types: MetadataTypes['types'], operations: MetadataTypes['operations'] = []): MetadataTypes => ({ namespaces: [], types, operations });
  const write = (doc: MetadataTypes) => nativeTypeScript(doc, { baseUrl: 'http://h', date: new Date(Date.UTC(2026, 11, 4, 19, 30, 5)) });

  it('writes the date as ServiceStack formats it, and the same text for the same input', () => {
    const doc = document([{ name: 'A', properties: [{ name: 'Id', type: 'Int32' }] }]);
    expect(write(doc)).toContain('Date: 2026-12-04 19:30:05\n');
    expect(write(doc)).toBe(write(doc));
  });

  it('maps .NET types as TypeScriptGenerator.TypeAliases does, and int enums with their values', () => {
    const text = write(
      document([
        {
          name: 'All',
          properties: [
            { name: 'When', type: 'DateTime' },
            { name: 'Span', type: 'TimeSpan' },
            { name: 'Key', type: 'Guid' },
            { name: 'Big', type: 'Int64' },
            { name: 'Money', type: 'Nullable`1', genericArgs: ['Decimal'] },
            { name: 'ById', type: 'Dictionary`2', genericArgs: ['Int32', 'List<String>'] },
            { name: 'Bytes', type: 'Byte[]' },
            { name: 'Must', type: 'String', isRequired: true },
          ],
        },
        { name: 'Flags', isEnum: true, isEnumInt: true, enumNames: ['A', 'B'], enumValues: ['1', '2'] },
      ]),
    );
    for (const line of ['public when?: string;', 'public span?: string;', 'public key?: string;', 'public big?: number;', 'public money?: number;', 'public byId?: { [index:number]: string[]; };', 'public bytes?: string;', 'public must: string;', 'A = 1,']) {
      expect(text).toContain(line);
    }
  });

  it('puts a base before the types that extend it, and survives a cycle of bases and deep type texts', () => {
    const text = write(document([{ name: 'Derived', inherits: { name: 'Base' } }, { name: 'Base' }]));
    expect(text.indexOf('export class Base\n')).toBeLessThan(text.indexOf('export class Derived extends Base'));
    const cyclic = write(document([{ name: 'A', inherits: { name: 'B' } }, { name: 'B', inherits: { name: 'A' } }]));
    expect(cyclic.match(/export class [AB] /g)).toHaveLength(2);
    const deep = `${'List<'.repeat(40)}String${'>'.repeat(40)}`;
    expect(() => write(document([{ name: 'Deep', properties: [{ name: 'X', type: 'List`1', genericArgs: [deep] }] }]))).toThrow(/nests deeper/);
  });
});

describe('GET /types/csharp', () => {
  it('writes the options header, the usings and the DTOs in their namespace as CSharpGenerator does', async () => {
    const response = await fetch(`${base}/types/csharp`);
    expect(response.headers.get('content-type')).toBe('text/plain');
    const text = await response.text();
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['/* Options:', expect.stringMatching(/^Date: /), 'Version: 10.15', 'Tip: To override a DTO option, remove "//" prefix before updating', `BaseUrl: ${base}`]);
    expect(lines).toContain('//MakePartial: True');
    expect(lines).toContain('//AddDefaultXmlNamespace: http://schemas.servicestack.net/types');
    expect(lines).toContain('using ServiceStack;');
    expect(lines).toContain('using EvoVoice.ServiceModel;');
    const start = lines.indexOf('    [Route("/customers", "POST")]');
    expect(lines.slice(start - 3, start + 10)).toEqual([
      '    ///<summary>',
      '    ///Creates a new customer',
      '    ///</summary>',
      '    [Route("/customers", "POST")]',
      '    public partial class NewCustomer',
      '        : IReturn<CustomerInfo>, IPost',
      '    {',
      '        ///<summary>',
      '        ///The account ID to associate this customer with',
      '        ///</summary>',
      '        public virtual string AccountId { get; set; }',
      '        ///<summary>',
      '        ///The name of the customer',
    ]);
    expect(lines).toContain('        public virtual Dictionary<string, Value> Data { get; set; }');
    expect(lines).toContain('    public partial class CustomerInfo');
    expect(lines).toContain('        : EntityInfo');
    expect(lines).toContain('        public virtual bool? IsStaging { get; set; }');
    expect(lines).toContain('    [Route("/customers/{CustomerId}", "GET")]');
    expect(lines).toContain('        : IReturn<CustomerInfo>, IGet');
  });

  it('GET /types links the documents the host serves, as ServiceStack\'s TypeLinks does', async () => {
    const links = (await (await fetch(`${base}/types`, { headers: { accept: 'application/json' } })).json()) as Record<string, string>;
    expect(links).toEqual({ Metadata: `${base}/types/metadata`, CSharp: `${base}/types/csharp`, TypeScript: `${base}/types/typescript`, TypeScriptDefinition: `${base}/types/typescript.d` });
  });
});

describe('nativeCSharp', () => {
  const write = (types: MetadataTypes['types']) => nativeCSharp({ namespaces: [], types, operations: [] }, { baseUrl: 'http://h', date: new Date(0) });

  it('writes C# keywords, nullables, generic collections, enums with values and EnumMember names, ordered by namespace and name', () => {
    const text = write([
      { name: 'Zed', namespace: 'B.Model', properties: [{ name: 'Id', type: 'Int64' }] },
      {
        name: 'All',
        namespace: 'A.Model',
        properties: [
          { name: 'When', type: 'Nullable`1', genericArgs: ['DateTime'] },
          { name: 'Ids', type: 'List`1', genericArgs: ['Int32'] },
          { name: 'Map', type: 'Dictionary`2', genericArgs: ['String', 'List<Decimal>'] },
        ],
      },
      { name: 'Color', namespace: 'A.Model', isEnum: true, enumNames: ['Red', 'DarkBlue'], enumMemberValues: ['Red', 'dark-blue'] },
      { name: 'Flags', namespace: 'A.Model', isEnum: true, isEnumInt: true, enumNames: ['A', 'B'], enumValues: ['1', '2'] },
    ]);
    for (const line of [
      '        public virtual DateTime? When { get; set; }',
      '        public virtual List<int> Ids { get; set; }',
      '        public virtual Dictionary<string, List<decimal>> Map { get; set; }',
      '        [EnumMember(Value="dark-blue")]',
      '        DarkBlue,',
      '        B = 2,',
      '        public virtual long Id { get; set; }',
    ]) {
      expect(text).toContain(line);
    }
    const order = ['class All', 'enum Color', 'enum Flags', 'namespace B.Model', 'class Zed'].map((needle) => text.indexOf(needle));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps descriptions and route text from closing the comment or the string', () => {
    const text = nativeCSharp(
      {
        namespaces: [],
        types: [],
        operations: [{ request: { name: 'Op', namespace: 'M', description: 'a </summary> b\nc' }, routes: [{ path: '/a"b', verbs: 'GET' }] }],
      },
      { baseUrl: 'http://h', date: new Date(0) },
    );
    expect(text).toContain('    ///a &lt;/summary&gt; b c');
    expect(text).toContain('    [Route("/a\\"b", "GET")]');
  });
});
