/**
 * The ServiceStack-shaped host: predefined routes and their formats, verbs, binding of path and
 * query values, batches, auth from the table, and route templates checked at start.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/app.js';
import { apiRoutes, bearerChallenge, predefinedRouteFormat } from '../../src/demo/host.js';
import { DemoService, type ApiKey } from '../../src/demo/service.js';
import { jsv, jsvErrors, notFound } from '../../src/http/express.js';
import { operation, t } from '../../src/index.js';

const KEYS: ApiKey[] = [
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];
const MANAGER = { authorization: 'Bearer manager-key' };

interface Reply {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
}

function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = app.listen(0, '127.0.0.1');
  return new Promise((resolve) => server.once('listening', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

let demo: { server: Server; base: string };
let probe: { server: Server; base: string };
const seen: unknown[] = [];

// An operation that echoes the request it was given, to see what the host bound.
const Probe = t.object({ id: t.int(), name: t.string(), tags: t.array(t.string()), flag: t.boolean() }, { name: 'Probe' });
const probeApi = {
  Probe: operation({ request: Probe, response: Probe, verbs: ['ANY'], routes: [{ path: '/probes/{Id}/{Name*}' }] }),
  Secret: operation({ request: t.object({}, { name: 'Secret' }), response: Probe, requiredRoles: ['Admin', 'Auditor'] }),
};

beforeAll(async () => {
  demo = await listen(createDemoApp(new DemoService(KEYS)));
  const app = express();
  app.use(predefinedRouteFormat(), jsv());
  app.use(
    apiRoutes(
      probeApi,
      {
        Probe: (request) => {
          seen.push(request);
          return request;
        },
        Secret: () => ({}),
      },
      { authenticate: () => ({ roles: ['Admin'] }), roles: (caller) => caller.roles },
    ),
  );
  app.use(notFound(), bearerChallenge(), jsvErrors());
  probe = await listen(app);
});

afterAll(async () => {
  for (const { server } of [demo, probe]) await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function call(base: string, path: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(base + path, init);
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, text: await response.text() };
}

describe('predefined routes', () => {
  it('/json/reply and /api answer JSON and /jsv/reply JSV, whatever Accept says', async () => {
    for (const [path, type] of [
      ['/json/reply/GetCustomer?customerId=x', 'application/json'],
      ['/api/GetCustomer?customerId=x', 'application/json'],
      ['/jsv/reply/GetCustomer?customerId=x', 'application/jsv'],
    ] as const) {
      const reply = await call(demo.base, path, { headers: { ...MANAGER, accept: type === 'application/jsv' ? 'application/json' : 'text/jsv' } });
      expect(reply.status).toBe(404);
      expect(reply.type).toMatch(new RegExp(`^${type}`));
    }
  });

  it('a .jsv suffix or ?format= on /api chooses the format', async () => {
    expect((await call(demo.base, '/api/GetCustomer.jsv?customerId=x', { headers: MANAGER })).type).toMatch(/^text\/jsv/);
    expect((await call(demo.base, '/api/GetCustomer?customerId=x&format=jsv', { headers: MANAGER })).type).toMatch(/^text\/jsv/);
    expect((await call(demo.base, '/jsv/reply/GetCustomer?customerId=x&format=json', { headers: MANAGER })).type).toMatch(/^application\/json/);
  });

  it('match operation names case-insensitively; an unknown name is a 405, as ServiceStack answers it', async () => {
    expect((await call(demo.base, '/api/getcustomer?customerId=x', { headers: MANAGER })).status).toBe(404);
    const unknown = await call(demo.base, '/api/NoSuchThing', { headers: MANAGER });
    // ServiceStack's GenericHandler.AssertOperationExists: NotImplementedException, which is a 405.
    expect(unknown.status).toBe(405);
    expect(JSON.parse(unknown.text).responseStatus).toEqual({ errorCode: 'NotImplementedException', message: 'The operation does not exist for this service' });
  });

  it('answer 405 for a verb the operation does not answer', async () => {
    const reply = await call(demo.base, '/api/NewCustomer', { headers: MANAGER });
    expect(reply.status).toBe(405);
    expect(JSON.parse(reply.text).responseStatus).toEqual({ errorCode: 'NotImplementedException', message: 'Could not find method named Get(NewCustomer) or Any(NewCustomer) on Service CustomersService' });
  });

  it('run a batch in order and stop at the first failure, saying how many completed', async () => {
    const headers = { ...MANAGER, 'content-type': 'text/jsv' };
    const ok = await call(demo.base, '/jsv/reply/NewCustomer[]', { method: 'POST', headers, body: '[{name:A},{name:B}]' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-autobatch-completed')).toBe('2');
    expect([...ok.text.matchAll(/,name:(\w+),/g)].map((m) => m[1])).toEqual(['A', 'B']);
    const failed = await call(demo.base, '/api/NewCustomer[]', { method: 'POST', headers, body: '[{name:A},{name:""},{name:C}]' });
    expect(failed.status).toBe(400);
    expect(failed.headers.get('x-autobatch-completed')).toBe('1');
    const none = await call(demo.base, '/api/NewCustomer[]', { method: 'POST', headers: MANAGER });
    expect([none.status, none.text]).toEqual([200, '[]']);
  });
});

describe('binding', () => {
  it('path variables and the query string override the body on a user route; values are JSV', async () => {
    seen.length = 0;
    const reply = await call(probe.base, '/probes/7/a/b?tags=[x,"y,z"]&flag=true&unknown=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":1,"name":"body","flag":false}' });
    expect(reply.status).toBe(200);
    expect(seen).toEqual([{ id: 7, name: 'a/b', tags: ['x', 'y,z'], flag: true }]);
  });

  it('on a predefined route the query string is the request without a body, and binds over one', async () => {
    seen.length = 0;
    await call(probe.base, '/json/reply/Probe?id=5&name=query');
    await call(probe.base, '/json/reply/Probe?id=5', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"body"}' });
    expect(seen).toEqual([
      { id: 5, name: 'query' },
      { id: 5, name: 'body' },
    ]);
  });

  it('a value that does not read as its member is a 400 naming the member', async () => {
    const reply = await call(probe.base, '/api/Probe?id=seven');
    expect(reply.status).toBe(400);
    const status = JSON.parse(reply.text).responseStatus;
    expect(status.errors[0].fieldName).toBe('id');
  });
});

describe('auth from the table', () => {
  it('401 with WWW-Authenticate: Bearer; Guest 403 on reads and writes', async () => {
    const anonymous = await call(demo.base, '/customers/x');
    expect([anonymous.status, anonymous.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    expect((await call(demo.base, '/customers/x', { headers: { authorization: 'Bearer guest-key' } })).status).toBe(403);
    expect((await call(demo.base, '/api/NewCustomer', { method: 'POST', headers: { authorization: 'Bearer guest-key' } })).status).toBe(403);
  });

  it('requiredRoles needs every role', async () => {
    const reply = await call(probe.base, '/api/Secret');
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.text).responseStatus.message).toBe('Invalid Role');
  });
});

describe('responses', () => {
  it('a read without a body is written with the response schema (a null Struct element as [null])', async () => {
    const seed = readFileSync(new URL('../fixtures/seed/newcustomer.request.jsv', import.meta.url), 'utf8').replace('parentCustomerId: String,', '');
    const created = await call(demo.base, '/customers', { method: 'POST', headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'application/json' }, body: seed });
    const id = JSON.parse(created.text).id as string;
    for (const path of [`/customers/${id}.jsv`, `/jsv/reply/GetCustomer?customerId=${id}`]) {
      const read = await call(demo.base, path, { headers: MANAGER });
      expect(read.status).toBe(200);
      expect(read.text).toContain('listValue:[null]');
    }
  });
});

describe('route templates', () => {
  it('are checked when the routes are built', () => {
    const Req = t.object({ id: t.int() }, { name: 'Req' });
    const build = (path: string) => () => apiRoutes({ Req: operation({ request: Req, routes: [{ path }] }) }, { Req: () => undefined }, { authenticate: () => ({}), roles: () => [] });
    expect(build('/things/{Nope}')).toThrow('{Nope} names no member of Req');
    expect(build('/things/x{Id}')).toThrow('a variable must be a whole path segment');
    expect(build('/things/{Id*}/more')).toThrow('only the last segment may be a wildcard');
    expect(build('/things/{ID}')).not.toThrow();
  });
});
