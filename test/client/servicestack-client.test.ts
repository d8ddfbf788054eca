/**
 * The same calls made with `@servicestack/client`'s JsonServiceClient (ServiceStack's TypeScript
 * client) and with `jsvkit/client` in JSON against one recording host: the same verb, URL, body
 * and error reading. The TypeScript client never uses `[Route]`s (it always calls `/api/{Name}`, or
 * `/json/reply/{Name}` with `useBasePath(null)`), so the operations here have no routes.
 */
import { JsonServiceClient } from '@servicestack/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isServiceError, operation } from '../../src/client/index.js';
import * as t from '../../src/typed/t.js';
import { json, startHost, type Recorded, type TestHost } from './host.js';

class SearchResponse {
  total?: number;
}

/** What ServiceStack's TypeScript generator writes for a request DTO. */
class SearchCustomers {
  name?: string;
  take?: number;
  ids?: string;
  constructor(init?: Partial<SearchCustomers>) {
    Object.assign(this, init);
  }
  getTypeName(): string {
    return 'SearchCustomers';
  }
  getMethod(): string {
    return 'GET';
  }
  createResponse(): SearchResponse {
    return new SearchResponse();
  }
}

class RenameCustomer {
  customerId?: string;
  name?: string;
  constructor(init?: Partial<RenameCustomer>) {
    Object.assign(this, init);
  }
  getTypeName(): string {
    return 'RenameCustomer';
  }
  getMethod(): string {
    return 'POST';
  }
  createResponse(): SearchResponse {
    return new SearchResponse();
  }
}

const Search = t.object({ name: t.string(), take: t.int(), ids: t.string() }, { name: 'SearchCustomers' });
const Rename = t.object({ customerId: t.string(), name: t.string() }, { name: 'RenameCustomer' });
const Response = t.object({ total: t.int() }, { name: 'SearchResponse' });
const search = operation({ request: Search, response: Response, method: 'GET' });
const rename = operation({ request: Rename, response: Response, method: 'POST' });

let host: TestHost;
beforeAll(async () => {
  host = await startHost(() => json('{"total":2}'));
});
afterAll(() => host.close());
beforeEach(() => {
  host.requests.length = 0;
});

/** Verb, URL and body of the last request, with the body parsed when there is one. */
function last(): { method: string; url: string; body: unknown; contentType: string | undefined } {
  const request: Recorded = host.requests.at(-1)!;
  return { method: request.method, url: request.url, body: request.body === '' ? undefined : JSON.parse(request.body), contentType: request.headers['content-type'] };
}

describe('jsvkit/client and @servicestack/client send the same requests', () => {
  it('send with GET: /api/{Name} with the members in the query (basePath /api, as JsonApiClient)', async () => {
    const theirs = new JsonServiceClient(host.baseUrl);
    expect(await theirs.send(new SearchCustomers({ name: 'Acme & Co', take: 3, ids: 'a,b' }))).toEqual({ total: 2 });
    const expected = last();
    const ours = createClient({ baseUrl: host.baseUrl, format: 'json', basePath: '/api' });
    expect(await ours.send(search, { name: 'Acme & Co', take: 3, ids: 'a,b' })).toEqual({ total: 2 });
    // The one difference: the TypeScript client sends its default `Content-Type: application/json`
    // even without a body; C#'s ServiceClientBase (which jsvkit follows) sends it only with one.
    expect(last()).toEqual({ ...expected, contentType: undefined });
    expect(expected.url).toBe('/api/SearchCustomers?name=Acme%20%26%20Co&take=3&ids=a%2Cb');
  });

  it('send with POST to the predefined /json/reply/{Name} (useBasePath(null)): the DTO as the JSON body', async () => {
    const theirs = new JsonServiceClient(host.baseUrl).useBasePath(null as unknown as string);
    await theirs.send(new RenameCustomer({ customerId: 'c-1', name: 'Acme' }));
    const expected = last();
    await createClient({ baseUrl: host.baseUrl, format: 'json' }).send(rename, { customerId: 'c-1', name: 'Acme' });
    expect(last()).toEqual(expected);
    expect(expected).toMatchObject({ method: 'POST', url: '/json/reply/RenameCustomer', contentType: 'application/json' });
  });

  it('sendAll: one POST of the list to /api/{Name}[]', async () => {
    host.handle(() => json('[{"total":1},{"total":2}]'));
    const theirs = new JsonServiceClient(host.baseUrl);
    await theirs.sendAll([new RenameCustomer({ customerId: 'a' }), new RenameCustomer({ customerId: 'b' })]);
    const expected = last();
    const ours = createClient({ baseUrl: host.baseUrl, format: 'json', basePath: '/api' });
    expect(await ours.sendAll(rename, [{ customerId: 'a' }, { customerId: 'b' }])).toEqual([{ total: 1 }, { total: 2 }]);
    expect(last()).toEqual(expected);
    expect(expected.url).toBe('/api/RenameCustomer[]');
    host.handle(() => json('{"total":2}'));
  });

  it('both read the same ResponseStatus from a JSON error body', async () => {
    const body = { responseStatus: { errorCode: 'NotEmpty', message: 'Name is required', errors: [{ errorCode: 'NotEmpty', fieldName: 'Name', message: 'Name is required' }] } };
    host.handle(() => json(JSON.stringify(body), 400, 'Bad Request'));
    const theirs = (await new JsonServiceClient(host.baseUrl).send(new RenameCustomer({})).catch((error: unknown) => error)) as { responseStatus: unknown };
    const ours = await createClient({ baseUrl: host.baseUrl, format: 'json', basePath: '/api' })
      .send(rename, {})
      .catch((error: unknown) => error);
    expect(isServiceError(ours)).toBe(true);
    expect(theirs.responseStatus).toMatchObject(body.responseStatus);
    expect(isServiceError(ours) && ours.responseStatus).toEqual(body.responseStatus);
    host.handle(() => json('{"total":2}'));
  });
});
