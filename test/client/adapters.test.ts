/**
 * `jsvkit/client` against jsvkit's own HTTP adapters (Express, Fastify, Fetch, Hono), each serving
 * the Evo Voice customer routes on 127.0.0.1: create and read a customer in JSV and in JSON, and
 * the 400, 401, 403 and 404 the routes answer, as ServiceErrors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { createClient, isServiceError, operation, type ServiceError } from '../../src/client/index.js';
import * as t from '../../src/typed/t.js';
import { start, TARGETS, type Running } from '../http/servers.js';

const GetCustomer = t.object({ customerId: t.string() }, { name: 'GetCustomer' });
const api = {
  NewCustomer: operation({ request: NewCustomer, response: CustomerInfo, routes: [{ path: '/customers', verbs: ['POST'] }] }),
  GetCustomer: operation({ request: GetCustomer, response: CustomerInfo, routes: [{ path: '/customers/{CustomerId}', verbs: ['GET'] }] }),
} as const;

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isServiceError(error)) throw new Error(`expected a ServiceError, got ${String(error)}`);
  return error;
}

for (const target of TARGETS) {
  describe(`against jsvkit/${target}`, () => {
    let server: Running;
    beforeAll(async () => {
      server = await start(target);
    });
    afterAll(() => server.close());

    for (const format of ['jsv', 'json'] as const) {
      it(`${format}: creates a customer and reads it back through its route`, async () => {
        const client = createClient({ baseUrl: server.base, format, bearerToken: 'manager-key' });
        const data = { plan: { boolValue: true, stringValue: 'gold, "best"', numberValue: 2.5 } };
        const created = await client.send(api.NewCustomer, { name: 'Acme, Inc', accountId: 'acct-1', data });
        expect(created).toMatchObject({ name: 'Acme, Inc', accountId: 'acct-1', accountName: 'Evo Voice Demo Account', createdBy: 'demo-manager', data });
        expect(await client.send(api.GetCustomer, { customerId: created.id! })).toEqual(created);
      });

      it(`${format}: 401, 403, 404 and a 400 with field errors arrive as ServiceErrors`, async () => {
        const anonymous = createClient({ baseUrl: server.base, format });
        expect(await failure(anonymous.send(api.NewCustomer, { name: 'x' }))).toMatchObject({ status: 401 });
        const guest = createClient({ baseUrl: server.base, format, bearerToken: 'guest-key' });
        expect(await failure(guest.send(api.NewCustomer, { name: 'x' }))).toMatchObject({ status: 403 });
        const manager = createClient({ baseUrl: server.base, format, bearerToken: 'manager-key' });
        expect(await failure(manager.send(api.GetCustomer, { customerId: 'no-such-id' }))).toMatchObject({ status: 404, errorCode: 'NotFound' });
        // A body the typed route rejects: the request schema is bypassed with a raw body.
        const raw = createClient({ baseUrl: server.base, format, bearerToken: 'manager-key', onRequest: (request) => new Request(request, { body: format === 'jsv' ? '{name:x,data:[1]}' : '{"name":"x","data":[1]}' }) });
        const invalid = await failure(raw.send(api.NewCustomer, { name: 'x' }));
        expect(invalid).toMatchObject({ status: 400, errorCode: 'INVALID_TYPE' });
        expect(invalid.fieldErrors).toEqual([expect.objectContaining({ errorCode: 'INVALID_TYPE', fieldName: 'data' })]);
      });
    }
  });
}
