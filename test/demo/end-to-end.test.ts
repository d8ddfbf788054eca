/**
 * The whole loop on a running demo: its `/types/metadata` goes through `jsvkit codegen`, the
 * generated module is imported, and every operation is called with `jsvkit/client` in JSV and in
 * JSON, and with `@servicestack/client`'s `JsonServiceClient`; each outcome (success, 400 with field
 * errors, 401, 403, 404) must be the same answer for all three.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JsonServiceClient } from '@servicestack/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo as CustomerInfoSchema, NewCustomer as NewCustomerSchema } from '../../examples/evovoice/dtos.js';
import { codegen } from '../../src/codegen/codegen.js';
import { createClient, isServiceError, type Client } from '../../src/client/index.js';
import { createDemoApp } from '../../src/demo/app.js';
import { sampleValue } from '../../src/demo/samples.js';
import { DemoService, type ApiKey } from '../../src/demo/service.js';
import { stringify } from '../../src/index.js';
import type { ApiTable } from '../../src/typed/operation.js';

const KEYS: ApiKey[] = [
  { key: 'admin-key', role: 'SystemAdministrator', user: 'demo-systemadministrator' },
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'customer-key', role: 'Customer', user: 'demo-customer' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let server: Server;
let base: string;
let workDir: string;
let generated: { api: ApiTable; [name: string]: unknown };
let generatedText: string;

beforeAll(async () => {
  server = createDemoApp(new DemoService(KEYS)).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // What `jsvkit codegen <url>` does: read the host's /types/metadata and write one module, here
  // importing `t` from this checkout's sources so the generated schemas are the classes the client reads.
  workDir = mkdtempSync(join(tmpdir(), 'jsvkit-demo-e2e-'));
  const out = join(workDir, 'dtos.ts');
  const metadata = await (await fetch(`${base}/types/metadata`)).text();
  writeFileSync(out, codegen(metadata, { source: base, importFrom: join(ROOT, 'src/index.ts') }));
  generatedText = readFileSync(out, 'utf8');
  generated = (await import(pathToFileURL(out).href)) as typeof generated;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(workDir, { recursive: true, force: true });
});

describe('jsvkit codegen against the demo', () => {
  it('regenerates the demo operations: names, routes, verbs, auth and roles', () => {
    const ops = Object.values(generated.api).map((op) => ({
      name: op.name,
      routes: op.routes.map((route) => ({ path: route.path, verbs: [...(route.verbs ?? [])] })),
      verbs: [...op.verbs],
      requiresAuth: op.requiresAuth,
      requiresAnyRole: [...op.requiresAnyRole],
      description: op.description,
    }));
    const roles = ['SystemAdministrator', 'Manager', 'Customer'];
    expect(ops).toEqual([
      { name: 'NewCustomer', routes: [{ path: '/customers', verbs: ['POST'] }], verbs: ['POST'], requiresAuth: true, requiresAnyRole: roles, description: 'Creates a new customer' },
      { name: 'GetCustomer', routes: [{ path: '/customers/{CustomerId}', verbs: ['GET'] }], verbs: ['GET'], requiresAuth: true, requiresAnyRole: roles, description: 'Get a specific customer' },
    ]);
    // The member descriptions the host serves come back as documentation.
    expect(generatedText).toContain('The account ID to associate this customer with');
  });

  it('regenerates DTOs that write the seed samples exactly as the demo schemas do', () => {
    const op = generated.api.NewCustomer!;
    for (const [mine, theirs] of [
      [NewCustomerSchema, op.request],
      [CustomerInfoSchema, op.response!],
    ] as const) {
      const sample = sampleValue(mine) as never;
      expect(stringify(sample, theirs)).toBe(stringify(sample, mine));
    }
  });
});

/** One call's outcome, as any of the three clients saw it. */
type Outcome = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; errorCode: string; message: string; fieldErrors: { errorCode?: string; fieldName?: string; message?: string }[] };

async function viaJsvkit(client: Client, call: (client: Client) => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: (await call(client)) as Record<string, unknown> };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return { ok: false, status: error.status, errorCode: error.errorCode, message: error.message, fieldErrors: error.fieldErrors.map((e) => ({ ...e })) };
  }
}

async function viaServiceStack(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: (await call()) as Record<string, unknown> };
  } catch (error) {
    const { responseStatus } = error as { responseStatus: { errorCode: string; message: string; errors?: Outcome[] } };
    return { ok: false, status: -1, errorCode: responseStatus.errorCode, message: responseStatus.message, fieldErrors: (responseStatus.errors ?? []) as never };
  }
}

/** A ServiceStack DTO instance as its TypeScript generator writes them: name, verb, members. */
function dto(name: string, method: string, members: Record<string, unknown>): object {
  return Object.assign({ getTypeName: () => name, getMethod: () => method, createResponse: () => ({}) }, members);
}

function jsonServiceClient(key: string | undefined): JsonServiceClient {
  const client = new JsonServiceClient(base);
  if (key !== undefined) client.bearerToken = key;
  return client;
}

describe.each(['jsv', 'json'] as const)('jsvkit/client (%s) with the generated api, and JsonServiceClient', (format) => {
  const client = (key?: string): Client => createClient({ baseUrl: base, format, ...(key === undefined ? {} : { bearerToken: key }) });
  const api = () => generated.api as Record<'NewCustomer' | 'GetCustomer', ApiTable[string]>;

  it('success: creates and reads a customer, the same customer for both clients', async () => {
    const data = { plan: { boolValue: true, stringValue: 'gold, "quoted" [x]', numberValue: 2.5 } };
    const created = await viaJsvkit(client('manager-key'), (c) => c.send(api().NewCustomer, { name: `Acme ${format}`, referenceId: 'r-1', data }));
    expect(created.ok).toBe(true);
    const info = (created as { value: Record<string, unknown> }).value;
    expect(info).toMatchObject({ name: `Acme ${format}`, referenceId: 'r-1', data, createdBy: 'demo-manager', isStaging: false });

    const read = await viaJsvkit(client('customer-key'), (c) => c.send(api().GetCustomer, { customerId: info.id as string }));
    const readBySs = await viaServiceStack(() => jsonServiceClient('customer-key').get(dto('GetCustomer', 'GET', { customerId: info.id }) as never));
    expect(read).toEqual({ ok: true, value: info });
    // JsonServiceClient reads plain JSON: no defaults filled, nothing typed, but the same members.
    expect(readBySs).toEqual({ ok: true, value: JSON.parse(JSON.stringify(info)) });

    const batch = await client('admin-key').sendAll(api().NewCustomer, [{ name: 'B1' }, { name: 'B2' }]);
    expect((batch as unknown as { name: string }[]).map((r) => r.name)).toEqual(['B1', 'B2']);
  });

  it.each([
    ['400 with field errors', 'manager-key', 'NewCustomer', { name: '' }, 400],
    ['401 without a key', undefined, 'NewCustomer', { name: 'X' }, 401],
    ['403 for the Guest key', 'guest-key', 'NewCustomer', { name: 'X' }, 403],
    ['401 on a read without a key', undefined, 'GetCustomer', { customerId: 'c-1' }, 401],
    ['403 on a read with the Guest key', 'guest-key', 'GetCustomer', { customerId: 'c-1' }, 403],
    ['404 for a missing customer', 'manager-key', 'GetCustomer', { customerId: 'missing' }, 404],
  ] as const)('%s: the same answer from both clients', async (_case, key, name, request, status) => {
    const mine = await viaJsvkit(client(key), (c) => c.send(api()[name], request as never));
    const theirs = await viaServiceStack(() => jsonServiceClient(key).send(dto(name, name === 'GetCustomer' ? 'GET' : 'POST', request) as never));
    expect(mine.ok).toBe(false);
    expect(mine).toMatchObject({ status });
    expect({ ...theirs, status }).toEqual(mine);
  });
});

describe('the jsvkit client sees what a browser would', () => {
  it('api() gives the ServiceError with its field error', async () => {
    const result = await createClient({ baseUrl: base, bearerToken: 'admin-key' }).api(generated.api.NewCustomer!, { name: ' ' } as never);
    expect(result.ok).toBe(false);
    expect(isServiceError(result.error) && result.error.fieldError('name')?.errorCode).toBe('NotEmpty');
  });
});
