/**
 * `jsvkit/client` against a scripted host on 127.0.0.1: what goes on the wire (verb, path, the
 * headers ServiceStack's JsvServiceClient and JsonServiceClient send, the body), how responses in
 * either format are read, and every way a call fails.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { createClient, isServiceError, operation, ServiceError, type Client } from '../../src/client/index.js';
import { isJsvError, type JsvError } from '../../src/errors/jsv-error.js';
import { parse, stringify } from '../../src/typed/entry.js';
import { parseJsonTyped } from '../../src/typed/json.js';
import * as t from '../../src/typed/t.js';
import { json, jsv, startHost, type TestHost } from './host.js';

const GetCustomer = t.object({ customerId: t.string() }, { name: 'GetCustomer' });
const api = {
  NewCustomer: operation({ request: NewCustomer, response: CustomerInfo, routes: [{ path: '/customers', verbs: ['POST'] }], requiresAnyRole: ['SystemAdministrator', 'Manager', 'Customer'] }),
  GetCustomer: operation({ request: GetCustomer, response: CustomerInfo, routes: [{ path: '/customers/{CustomerId}', verbs: ['GET'] }], requiresAuth: true }),
} as const;

const Ledger = t.object({ Id: t.long(), Balance: t.decimal(), Kind: t.enum(['Debit', 'Credit'] as const, 'Kind').default('Debit'), At: t.date({ as: 'Date' }) }, { name: 'Ledger' });
const GetLedger = t.object({ Id: t.long() }, { name: 'GetLedger' });
const getLedger = operation({ request: GetLedger, response: Ledger, routes: [{ path: '/ledgers/{Id}', verbs: ['GET'] }] });
const Ping = t.object({ Note: t.string() }, { name: 'Ping' });
const ping = operation({ request: Ping });

let host: TestHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());
beforeEach(() => {
  host.requests.length = 0;
});

const customer: CustomerInfo = parse('{id:c-1,accountId:acct-1,name:Acme,isStaging:True,tags:[{id:t1,name:Gold,color:Gold}]}', CustomerInfo);

function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await caught(promise);
  if (!isServiceError(error)) throw error;
  return error;
}

describe('JSV, the default format', () => {
  it('POSTs the DTO as JSV with Accept and Content-Type application/jsv (JsvServiceClient.ContentType) and reads the JSV response', async () => {
    host.handle(() => jsv(stringify(customer, CustomerInfo), 201));
    const client = createClient({ baseUrl: host.baseUrl, bearerToken: 'k1' });
    const request: NewCustomer = { accountId: 'acct-1', name: 'Acme, Inc', referenceId: 'r-1' };
    const response = await client.send(api.NewCustomer, request);
    expect(response).toEqual(customer);
    const sent = host.requests[0]!;
    expect(sent).toMatchObject({ method: 'POST', url: '/customers', body: stringify(request, NewCustomer) });
    expect(sent.headers).toMatchObject({ accept: 'application/jsv', 'content-type': 'application/jsv', authorization: 'Bearer k1' });
  });

  it('GETs with the path variable filled and no body or Content-Type', async () => {
    host.handle(() => jsv(stringify(customer, CustomerInfo)));
    const client = createClient({ baseUrl: `${host.baseUrl}/` });
    expect(await client.send(api.GetCustomer, { customerId: 'c 1/2' })).toEqual(customer);
    const sent = host.requests[0]!;
    expect(sent).toMatchObject({ method: 'GET', url: '/customers/c%201%2F2', body: '' });
    expect(sent.headers['content-type']).toBeUndefined();
    expect(sent.headers.accept).toBe('application/jsv');
  });

  it('reads the body in the format the response names, whatever was asked for', async () => {
    host.handle(() => json('{"id":9223372036854775807,"balance":79228162514264337593543950335,"kind":"Credit","at":"2024-01-02T03:04:05Z"}'));
    const client = createClient({ baseUrl: host.baseUrl });
    expect(await client.send(getLedger, { Id: 1n })).toEqual({ Id: 9223372036854775807n, Balance: '79228162514264337593543950335', Kind: 'Credit', At: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
  });
});

describe('JSON', () => {
  const client = (): Client => createClient({ baseUrl: host.baseUrl, format: 'json' });

  it('sends Accept and Content-Type application/json (JsonServiceClient.ContentType) and a body that reads back as the DTO', async () => {
    host.handle(() => json('{}'));
    const big = { Id: 9007199254740993n, Balance: '12345678901234567890.123456789', At: new Date(0) };
    const putLedger = operation({ name: 'PutLedger', request: Ledger, response: Ledger, routes: [{ path: '/ledgers/{Id}', verbs: ['PUT'] }] });
    await client().send(putLedger, big);
    const sent = host.requests[0]!;
    expect(sent).toMatchObject({ method: 'PUT', url: '/ledgers/9007199254740993' });
    expect(sent.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json' });
    expect(sent.body).toContain('"Id":9007199254740993');
    expect(sent.body).toContain('"Balance":12345678901234567890.123456789');
    expect(parseJsonTyped(sent.body, Ledger)).toEqual({ ...big, Kind: 'Debit' });
  });

  it('reads 64-bit integers and decimals exactly, with camelCase or PascalCase keys', async () => {
    host.handle(() => json('{"Id":-9223372036854775808,"BALANCE":0.1000000000000000000000000001,"kind":"Credit","at":"/Date(1700000000000)/"}'));
    expect(await client().send(getLedger, { Id: 5n })).toEqual({ Id: -9223372036854775808n, Balance: '0.1000000000000000000000000001', Kind: 'Credit', At: new Date(1700000000000) });
    expect(host.requests[0]!.url).toBe('/ledgers/5');
  });
});

describe('a 2xx body that does not fit the response schema', () => {
  it('throws a JsvError naming the operation, with the path and the position in the JSV body', async () => {
    host.handle(() => jsv('{Id:1,Balance:12,Kind:Purple}'));
    const error = (await caught(createClient({ baseUrl: host.baseUrl }).send(getLedger, { Id: 1n }))) as JsvError;
    expect(isJsvError(error)).toBe(true);
    // Column 23 is the P of Purple.
    expect(error).toMatchObject({ code: 'INVALID_ENUM', path: 'Kind', line: 1, column: 23 });
    expect(error.message).toContain('The JSV response of GetLedger does not fit Ledger');
  });

  it('in JSON, the position is in the JSON text', async () => {
    host.handle(() => json('{"id":1,\n"balance":"lots"}'));
    const error = (await caught(createClient({ baseUrl: host.baseUrl, format: 'json' }).send(getLedger, { Id: 1n }))) as JsvError;
    expect(error).toMatchObject({ code: 'INVALID_NUMBER', path: 'Balance', line: 2, column: 11 });
    expect(error.message).toContain('The JSON response of GetLedger does not fit Ledger');
  });
});

describe('an empty 2xx body (ServiceStack answers 204 for a null response)', () => {
  it('is null for a nullable response schema, else a JsvError that says the body is empty', async () => {
    host.handle(() => ({ status: 204 }));
    const nullable = operation({ name: 'FindLedger', request: GetLedger, response: Ledger.nullable() });
    expect(await createClient({ baseUrl: host.baseUrl, format: 'json' }).send(nullable, { Id: 1n })).toBeNull();
    const error = await caught(createClient({ baseUrl: host.baseUrl, format: 'json' }).send(getLedger, { Id: 1n }));
    expect(error).toMatchObject({ name: 'JsvError', code: 'UNEXPECTED_END' });
    expect((error as Error).message).toContain('GetLedger');
    expect((error as Error).message).toContain('empty document');
  });
});

describe('operations without a response (IReturnVoid)', () => {
  it('resolve undefined without reading the body as a DTO', async () => {
    host.handle(() => jsv('not {a DTO'));
    const client = createClient({ baseUrl: host.baseUrl });
    await expect(client.send(ping, { Note: 'hi' })).resolves.toBeUndefined();
    expect(host.requests[0]).toMatchObject({ method: 'POST', url: '/jsv/reply/Ping', body: '{Note:hi}' });
  });
});

describe('errors from the host: ServiceError', () => {
  const validation = {
    errorCode: 'NotEmpty',
    message: "'Name' must not be empty.",
    errors: [
      { errorCode: 'NotEmpty', fieldName: 'Name', message: "'Name' must not be empty." },
      { errorCode: 'Length', fieldName: 'AccountId', message: 'Too long', meta: { Max: '10' } },
    ],
  };

  it('reads ResponseStatus from a JSV body with PascalCase keys', async () => {
    host.handle(() =>
      jsv("{ResponseStatus:{ErrorCode:NotEmpty,Message:'Name' must not be empty.,Errors:[{ErrorCode:NotEmpty,FieldName:Name,Message:'Name' must not be empty.},{ErrorCode:Length,FieldName:AccountId,Message:Too long,Meta:{Max:10}}]}}", 400, 'Bad Request'),
    );
    const error = await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.NewCustomer, { name: '' }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 400, statusText: 'Bad Request', errorCode: 'NotEmpty', message: "'Name' must not be empty.", operation: 'NewCustomer' });
    expect(error.fieldErrors).toEqual(validation.errors);
    expect(error.responseStatus).toEqual(validation);
    expect(error.fieldError('accountid')?.message).toBe('Too long');
    expect(error.body).toContain('ResponseStatus');
  });

  it('reads responseStatus from a JSON body with camelCase keys, and response_status in snake_case', async () => {
    host.handle(() => json(JSON.stringify({ responseStatus: validation }), 400));
    const camel = await serviceError(createClient({ baseUrl: host.baseUrl, format: 'json' }).send(api.NewCustomer, {}));
    expect(camel.responseStatus).toEqual(validation);
    host.handle(() => json('{"response_status":{"error_code":"Forbidden","message":"Needs a role","errors":[]}}', 403, 'Forbidden'));
    const snake = await serviceError(createClient({ baseUrl: host.baseUrl, format: 'json' }).send(api.NewCustomer, {}));
    expect(snake).toMatchObject({ status: 403, errorCode: 'Forbidden', message: 'Needs a role', fieldErrors: [] });
  });

  it('reads a JSON error body even from a JSV client, as WebServiceException tries both', async () => {
    host.handle(() => json('{"responseStatus":{"errorCode":"NotFound","message":"No customer c-9"}}', 404, 'Not Found'));
    const error = await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.GetCustomer, { customerId: 'c-9' }));
    expect(error).toMatchObject({ status: 404, errorCode: 'NotFound', message: 'No customer c-9' });
  });

  it('without a ResponseStatus, the reason phrase is the code and the message (WebServiceException.ErrorCode)', async () => {
    host.handle(() => ({ status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' }, body: '<h1>upstream down</h1>' }));
    const error = await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.GetCustomer, { customerId: 'c' }));
    expect(error).toMatchObject({ status: 502, errorCode: 'Bad Gateway', message: 'Bad Gateway', responseStatus: undefined, body: '<h1>upstream down</h1>' });
  });

  it('api() resolves { ok: false, error } where send throws, and { ok: true, response } otherwise', async () => {
    const client = createClient({ baseUrl: host.baseUrl });
    host.handle(() => jsv('{ResponseStatus:{ErrorCode:NotFound,Message:gone}}', 404));
    const failed = await client.api(api.GetCustomer, { customerId: 'x' });
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatchObject({ errorCode: 'NotFound', status: 404 });
    host.handle(() => jsv(stringify(customer, CustomerInfo)));
    expect(await client.api(api.GetCustomer, { customerId: 'x' })).toEqual({ ok: true, response: customer });
  });
});

describe('bearer tokens and 401', () => {
  it('a token function is asked before the call, refreshed after a 401, and the call retried once with the new token', async () => {
    host.handle((request) => (request.headers.authorization === 'Bearer fresh' ? jsv(stringify(customer, CustomerInfo)) : jsv('{ResponseStatus:{ErrorCode:TokenException,Message:expired}}', 401)));
    const asked: boolean[] = [];
    const client = createClient({
      baseUrl: host.baseUrl,
      bearerToken: async ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
    });
    expect(await client.send(api.NewCustomer, { name: 'Acme' })).toEqual(customer);
    expect(asked).toEqual([false, true]);
    expect(host.requests.map((r) => [r.headers.authorization, r.body])).toEqual([
      ['Bearer stale', '{name:Acme}'],
      ['Bearer fresh', '{name:Acme}'],
    ]);
  });

  it('retries only once; a 401 that stays calls onUnauthorized with the final error', async () => {
    host.handle(() => jsv('{ResponseStatus:{ErrorCode:Unauthorized,Message:no}}', 401));
    const seen: ServiceError[] = [];
    let refreshes = 0;
    const client = createClient({ baseUrl: host.baseUrl, bearerToken: ({ refresh }) => (refresh ? `t${++refreshes}` : 't0'), onUnauthorized: (error) => void seen.push(error) });
    const error = await serviceError(client.send(api.GetCustomer, { customerId: 'c' }));
    expect(error).toMatchObject({ status: 401, errorCode: 'Unauthorized' });
    expect(host.requests).toHaveLength(2);
    expect(refreshes).toBe(1);
    expect(seen).toEqual([error]);
  });

  it('a string token, or a refresh that returns nothing, gives up after the first 401', async () => {
    host.handle(() => jsv('', 401));
    const seen: number[] = [];
    await serviceError(createClient({ baseUrl: host.baseUrl, bearerToken: 'fixed', onUnauthorized: (e) => void seen.push(e.status) }).send(api.GetCustomer, { customerId: 'c' }));
    await serviceError(createClient({ baseUrl: host.baseUrl, bearerToken: ({ refresh }) => (refresh ? undefined : 'a') }).send(api.GetCustomer, { customerId: 'c' }));
    expect(host.requests).toHaveLength(2);
    expect(seen).toEqual([401]);
  });
});

describe('no response: network errors, timeouts and aborts are told apart', () => {
  it('a refused connection is NetworkError with the runtime error as cause', async () => {
    const closed = await startHost();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await serviceError(createClient({ baseUrl }).send(api.GetCustomer, { customerId: 'c' }));
    expect(error).toMatchObject({ status: 0, errorCode: 'NetworkError', operation: 'GetCustomer' });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('a host that never answers is Timeout after timeoutMs', async () => {
    host.handle(() => undefined);
    const error = await serviceError(createClient({ baseUrl: host.baseUrl, timeoutMs: 50 }).send(api.GetCustomer, { customerId: 'c' }));
    expect(error).toMatchObject({ status: 0, errorCode: 'Timeout' });
  });

  it('a per-call timeoutMs overrides the client one', async () => {
    host.handle(() => undefined);
    const error = await serviceError(createClient({ baseUrl: host.baseUrl, timeoutMs: 0 }).send(api.GetCustomer, { customerId: 'c' }, { timeoutMs: 20 }));
    expect(error.errorCode).toBe('Timeout');
  });

  it("the caller's signal aborts the call: Aborted, the signal's reason as cause", async () => {
    const controller = new AbortController();
    host.handle(() => {
      controller.abort(new Error('user left the page'));
      return undefined;
    });
    const error = await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.GetCustomer, { customerId: 'c' }, { signal: controller.signal }));
    expect(error).toMatchObject({ status: 0, errorCode: 'Aborted' });
    expect((error.cause as Error).message).toBe('user left the page');
  });

  it('an already aborted signal sends nothing', async () => {
    const error = await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.GetCustomer, { customerId: 'c' }, { signal: AbortSignal.abort() }));
    expect(error.errorCode).toBe('Aborted');
    expect(host.requests).toHaveLength(0);
  });

  it('a body over maxResponseBytes is ResponseTooLarge, declared or streamed', async () => {
    host.handle(() => jsv(`{id:${'x'.repeat(200)}}`));
    const small = createClient({ baseUrl: host.baseUrl, maxResponseBytes: 100 });
    expect(await serviceError(small.send(api.GetCustomer, { customerId: 'c' }))).toMatchObject({ status: 200, errorCode: 'ResponseTooLarge' });
    host.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/jsv' });
      response.write(`{id:${'x'.repeat(80)}`);
      response.end(`${'y'.repeat(80)}}`);
      return undefined;
    });
    expect(await serviceError(small.send(api.GetCustomer, { customerId: 'c' }))).toMatchObject({ errorCode: 'ResponseTooLarge' });
  });

  it('a body that is not UTF-8 is InvalidResponseBody, never text with U+FFFD in it', async () => {
    host.handle(() => ({ status: 200, headers: { 'content-type': 'application/jsv' }, body: new Uint8Array([0x7b, 0x69, 0x64, 0x3a, 0xff, 0x7d]) }));
    expect(await serviceError(createClient({ baseUrl: host.baseUrl }).send(api.GetCustomer, { customerId: 'c' }))).toMatchObject({ status: 200, errorCode: 'InvalidResponseBody' });
  });
});

describe('sendAll: ServiceStack\'s batched requests', () => {
  it('POSTs the list to /{format}/reply/{Name}[] and reads the list of responses', async () => {
    const ledgers = [
      { Id: 1n, Balance: '1.5', Kind: 'Debit' as const, At: new Date(0) },
      { Id: 2n, Balance: '2', Kind: 'Credit' as const, At: new Date(1000) },
    ];
    host.handle(() => jsv(stringify(ledgers, t.array(Ledger))));
    expect(await createClient({ baseUrl: host.baseUrl }).sendAll(getLedger, [{ Id: 1n }, { Id: 2n }])).toEqual(ledgers);
    expect(host.requests[0]).toMatchObject({ method: 'POST', url: '/jsv/reply/GetLedger[]', body: '[{Id:1},{Id:2}]' });

    host.handle(() => json('[{"id":1,"balance":1.5,"kind":"Debit","at":"1970-01-01T00:00:00Z"}]'));
    const api = createClient({ baseUrl: host.baseUrl, format: 'json', basePath: '/api' });
    expect(await api.sendAll(getLedger, [{ Id: 9223372036854775807n }])).toEqual([ledgers[0]]);
    expect(host.requests[1]).toMatchObject({ url: '/api/GetLedger[]', body: '[{"Id":9223372036854775807}]' });
  });

  it('no requests: [] without a call', async () => {
    expect(await createClient({ baseUrl: host.baseUrl }).sendAll(getLedger, [])).toEqual([]);
    expect(host.requests).toHaveLength(0);
  });
});

describe('verb overrides, hooks and headers', () => {
  it('get/post/put/patch/delete route with that verb; DELETE puts the members in the query', async () => {
    host.handle(() => ({ status: 204 }));
    const client = createClient({ baseUrl: host.baseUrl });
    const note = operation({ request: Ping, routes: [{ path: '/notes' }] });
    await client.get(note, { Note: 'a' });
    await client.delete(note, { Note: 'b' });
    await client.post(note, { Note: 'c' });
    await client.put(note, { Note: 'd' });
    await client.patch(note, { Note: 'e' });
    expect(host.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual(['GET /notes?note=a ', 'DELETE /notes?note=b ', 'POST /notes {Note:c}', 'PUT /notes {Note:d}', 'PATCH /notes {Note:e}']);
  });

  it('client headers, then call headers; onRequest may replace the request; onResponse sees the response', async () => {
    host.handle(() => ({ status: 204 }));
    const statuses: number[] = [];
    const client = createClient({
      baseUrl: host.baseUrl,
      headers: { 'X-App': 'demo', 'X-Call': 'client' },
      onRequest: (request, info) => {
        const headers = new Headers(request.headers);
        headers.set('X-Attempt', `${info.operation}#${info.attempt}`);
        return new Request(request, { headers });
      },
      onResponse: (response) => void statuses.push(response.status),
    });
    await client.send(ping, {}, { headers: { 'X-Call': 'call' } });
    expect(host.requests[0]!.headers).toMatchObject({ 'x-app': 'demo', 'x-call': 'call', 'x-attempt': 'Ping#1' });
    expect(statuses).toEqual([204]);
  });

  it('a request that does not fit its schema is a JsvError and nothing is sent', async () => {
    const error = await caught(createClient({ baseUrl: host.baseUrl }).send(api.NewCustomer, { name: 42 as unknown as string }));
    expect(error).toMatchObject({ name: 'JsvError', code: 'INVALID_TYPE', path: 'name' });
    expect(host.requests).toHaveLength(0);
  });

  it('rejects options that could not work', () => {
    expect(() => createClient({ baseUrl: '' })).toThrow(TypeError);
    expect(() => createClient({ baseUrl: 'http://x', format: 'xml' as 'json' })).toThrow(/format/);
    expect(() => createClient({ baseUrl: 'http://x', timeoutMs: -1 })).toThrow(/timeoutMs/);
  });
});
