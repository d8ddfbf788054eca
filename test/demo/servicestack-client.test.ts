/**
 * The demo as a ServiceStack user meets it: `@servicestack/client`'s `JsonServiceClient` with DTO
 * classes shaped as ServiceStack's TypeScript "Add ServiceStack Reference" writes them. The client
 * calls `/api/{Name}` (its default base path) or `/json/reply/{Name}` (`useBasePath()`), sends
 * `Content-Type: application/json` and no `Accept`, and reads errors from `responseStatus`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonServiceClient, type IReturn } from '@servicestack/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/app.js';
import { DemoService, type ApiKey } from '../../src/demo/service.js';

const KEYS: ApiKey[] = [
  { key: 'admin-key', role: 'SystemAdministrator', user: 'demo-systemadministrator' },
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'customer-key', role: 'Customer', user: 'demo-customer' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];

// What ServiceStack's TypeScript DTO generator writes for the seed's operations (trimmed to the
// members used here).
class CustomerBreadcrumb {
  id?: string;
  name?: string;
}

class CustomerInfo {
  accountId?: string;
  parentCustomerId?: string;
  breadcrumb?: CustomerBreadcrumb[];
  isStaging?: boolean;
  name?: string;
  referenceId?: string;
  data?: Record<string, { boolValue?: boolean; stringValue?: string; numberValue?: number }>;
  id?: string;
  createdBy?: string;
  lastModifiedBy?: string;
  dateCreated?: string;
}

class NewCustomer implements IReturn<CustomerInfo> {
  accountId?: string;
  name?: string;
  parentCustomerId?: string;
  referenceId?: string;
  data?: CustomerInfo['data'];
  constructor(init?: Partial<NewCustomer>) {
    Object.assign(this, init);
  }
  getTypeName() {
    return 'NewCustomer';
  }
  getMethod() {
    return 'POST';
  }
  createResponse() {
    return new CustomerInfo();
  }
}

class GetCustomer implements IReturn<CustomerInfo> {
  customerId?: string;
  constructor(init?: Partial<GetCustomer>) {
    Object.assign(this, init);
  }
  getTypeName() {
    return 'GetCustomer';
  }
  getMethod() {
    return 'GET';
  }
  createResponse() {
    return new CustomerInfo();
  }
}

interface ThrownError {
  responseStatus?: { errorCode?: string; message?: string; errors?: { errorCode?: string; fieldName?: string; message?: string }[] };
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createDemoApp(new DemoService(KEYS)).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(key?: string, basePath?: string): JsonServiceClient {
  const c = new JsonServiceClient(base);
  if (basePath !== undefined) c.useBasePath(basePath);
  if (key !== undefined) c.bearerToken = key;
  return c;
}

async function failure(call: Promise<unknown>): Promise<ThrownError> {
  try {
    await call;
  } catch (error) {
    return error as ThrownError;
  }
  throw new Error('expected the call to fail');
}

// `/api/{Name}` is the client's default; an empty base path gives `/json/reply/{Name}`.
describe.each([
  ['/api/{Name}', undefined],
  ['/json/reply/{Name}', ''],
])('JsonServiceClient against the demo at %s', (_route, basePath) => {
  it('creates a customer and reads it back, every value intact', async () => {
    const manager = client('manager-key', basePath);
    const data = { plan: { boolValue: true, stringValue: 'gold, "quoted"', numberValue: 2.5 } };
    const created = await manager.post(new NewCustomer({ name: 'Acme, Inc.', referenceId: 'ref-1', data }));
    expect(created).toMatchObject({ name: 'Acme, Inc.', referenceId: 'ref-1', data, createdBy: 'demo-manager', isStaging: false });
    expect(created.breadcrumb).toEqual([{ id: created.id, name: 'Acme, Inc.' }]);

    const read = await client('customer-key', basePath).get(new GetCustomer({ customerId: created.id }));
    expect(read).toEqual(created);
    // send() uses the verb the DTO declares.
    expect(await manager.send(new GetCustomer({ customerId: created.id }))).toEqual(created);
  });

  it('gets 400 with the field error when the name is empty', async () => {
    const error = await failure(client('admin-key', basePath).post(new NewCustomer({ name: ' ' })));
    expect(error.responseStatus).toEqual({
      errorCode: 'NotEmpty',
      message: "'Name' must not be empty.",
      errors: [{ errorCode: 'NotEmpty', fieldName: 'Name', message: "'Name' must not be empty." }],
    });
  });

  it('gets 400 naming the member when a value has the wrong type', async () => {
    const error = await failure(client('admin-key', basePath).post(new NewCustomer({ name: 'X', data: { a: { numberValue: 'many' as unknown as number } } })));
    expect(error.responseStatus?.errors?.[0]?.fieldName).toBe('data.a.numberValue');
  });

  it('gets 401 without a key, 403 with the Guest key, on writes and reads', async () => {
    expect((await failure(client(undefined, basePath).post(new NewCustomer({ name: 'X' })))).responseStatus).toMatchObject({ errorCode: 'Unauthorized', message: 'Not Authenticated' });
    expect((await failure(client('guest-key', basePath).post(new NewCustomer({ name: 'X' })))).responseStatus).toMatchObject({ errorCode: 'Forbidden', message: 'Invalid Role' });
    expect((await failure(client(undefined, basePath).get(new GetCustomer({ customerId: 'c-1' })))).responseStatus).toMatchObject({ errorCode: 'Unauthorized' });
    expect((await failure(client('guest-key', basePath).get(new GetCustomer({ customerId: 'c-1' })))).responseStatus).toMatchObject({ errorCode: 'Forbidden', message: 'Invalid Role' });
  });

  it('gets 404 for a customer that does not exist', async () => {
    const error = await failure(client('manager-key', basePath).get(new GetCustomer({ customerId: 'no-such-id' })));
    expect(error.responseStatus).toMatchObject({ errorCode: 'NotFound', message: "Customer 'no-such-id' does not exist" });
  });

  it('api() gives ApiResult: the response, or the error with its field errors', async () => {
    const ok = await client('manager-key', basePath).api(new NewCustomer({ name: 'Api Co' }));
    expect(ok.succeeded).toBe(true);
    expect(ok.response?.name).toBe('Api Co');
    const bad = await client('manager-key', basePath).api(new NewCustomer({ name: '' }));
    expect(bad.failed).toBe(true);
    expect(bad.errorCode).toBe('NotEmpty');
    expect(bad.fieldError('name')?.message).toBe("'Name' must not be empty.");
  });

  it('sendAll() posts the batch to {Name}[] and gets the responses in order', async () => {
    const responses = await client('customer-key', basePath).sendAll([new NewCustomer({ name: 'One' }), new NewCustomer({ name: 'Two' })]);
    expect(responses.map((r) => r.name)).toEqual(['One', 'Two']);
    expect(responses.map((r) => r.createdBy)).toEqual(['demo-customer', 'demo-customer']);
  });
});

describe('the wire as JsonServiceClient sees it', () => {
  it('a 401 carries WWW-Authenticate: Bearer; the batch says how many completed', async () => {
    const unauthorized = await fetch(`${base}/api/GetCustomer?customerId=x`);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');

    const batch = await fetch(`${base}/json/reply/NewCustomer[]`, {
      method: 'POST',
      headers: { authorization: 'Bearer manager-key', 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'a' }, { name: '' }, { name: 'c' }]),
    });
    expect(batch.status).toBe(400);
    expect(batch.headers.get('x-autobatch-completed')).toBe('1');
  });
});
