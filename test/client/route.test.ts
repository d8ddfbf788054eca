/**
 * Routing as ServiceStack's C# clients route (ServiceStack.Client UrlExtensions.ToUrl, RestRoute,
 * ServiceClientBase.ResolveTypedUrl): each rule below names the C# behaviour it mirrors. URLs are
 * built with `client.url`, which sends nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient, escapeDataString, isServiceError } from '../../src/client/index.js';
import { JsvDateTime } from '../../src/typed/scalars/date-time.js';
import { operation } from '../../src/typed/operation.js';
import * as t from '../../src/typed/t.js';
import { thrownBy } from '../helpers/errors.js';

const client = createClient({ baseUrl: 'http://host.test/' });
const json = createClient({ baseUrl: 'http://host.test', format: 'json' });

const Search = t.object({ Name: t.string(), Take: t.int().default(0), Active: t.boolean().default(false), Ids: t.array(t.int()), Kind: t.enum(['None', 'Gold'] as const, 'Kind').default('None') }, { name: 'Search' });
const search = operation({ request: Search, response: t.object({}, { name: 'SearchResponse' }) });

function routeError(run: () => unknown): { errorCode: string; status: number; message: string } {
  return thrownBy(run, isServiceError, 'a ServiceError');
}

describe('operations without routes: the predefined route', () => {
  it('POST goes to /{format}/reply/{Name} with no query (ServiceClientBase: SyncReplyBaseUri + Name)', () => {
    expect(client.url(search, { Name: 'x', Take: 3 }, 'POST')).toBe('http://host.test/jsv/reply/Search');
    expect(json.url(search, { Name: 'x' }, 'POST')).toBe('http://host.test/json/reply/Search');
  });

  it('GET and DELETE put the set members in the query: camelCase names, nulls and .NET defaults left out (GetQueryString, excludeDefault)', () => {
    expect(client.url(search, { Name: 'x y', Take: 3, Active: true, Ids: [1, 2] }, 'GET')).toBe('http://host.test/jsv/reply/Search?name=x%20y&take=3&active=True&ids=1%2C2');
    expect(client.url(search, { Take: 0, Active: false, Kind: 'None' }, 'DELETE')).toBe('http://host.test/jsv/reply/Search');
    expect(client.url(search, { Kind: 'Gold' }, 'GET')).toBe('http://host.test/jsv/reply/Search?kind=Gold');
  });

  it('an empty list stays [] in the query (FormatQueryParameterValue keeps EmptyArray)', () => {
    expect(client.url(search, { Ids: [] }, 'GET')).toBe('http://host.test/jsv/reply/Search?ids=%5B%5D');
  });

  it('basePath /api gives JsonApiClient\'s /api/{Name}', () => {
    const api = createClient({ baseUrl: 'http://host.test/app/', basePath: '/api' });
    expect(api.url(search, { Name: 'x' }, 'GET')).toBe('http://host.test/app/api/Search?name=x');
  });

  it('the default verb is op.method, POST without routes or verbs (Operation.Method)', () => {
    expect(search.method).toBe('POST');
    expect(client.url(search, { Name: 'x' })).toBe('http://host.test/jsv/reply/Search');
  });
});

const Item = t.object({ Id: t.long(), Code: t.string(), Name: t.string(), Page: t.int().default(0), Path: t.string() }, { name: 'Item' });

describe('operations with routes (RestRoute.Apply, UrlExtensions.FindMostSpecificRoute)', () => {
  const item = operation({
    request: Item,
    routes: [
      { path: '/items', verbs: ['GET', 'POST'] },
      { path: '/items/{Id}', verbs: ['GET', 'PUT', 'DELETE'] },
      { path: '/items/{Id}/codes/{Code}' },
    ],
  });

  it('the route with the most variables that all have values wins; the rest of the DTO goes to the query for GET', () => {
    expect(client.url(item, { Id: 7n, Code: 'a', Name: 'n' }, 'GET')).toBe('http://host.test/items/7/codes/a?name=n');
    expect(client.url(item, { Id: 7n, Name: 'n' }, 'GET')).toBe('http://host.test/items/7?name=n');
    expect(client.url(item, { Name: 'n' }, 'GET')).toBe('http://host.test/items?name=n');
  });

  it('a route only answers its verbs; one without verbs answers every verb', () => {
    expect(client.url(item, { Id: 7n }, 'POST')).toBe('http://host.test/items');
    expect(client.url(item, { Id: 7n, Code: 'c' }, 'PATCH')).toBe('http://host.test/items/7/codes/c');
    expect(client.url(item, { Id: 7n }, 'PUT')).toBe('http://host.test/items/7');
  });

  it('verbs with a body send no query string (HttpUtils.HasRequestBody)', () => {
    expect(client.url(item, { Id: 7n, Name: 'n' }, 'PUT')).toBe('http://host.test/items/7');
  });

  it('no fitting route is an error, not a fallback to the predefined route (ToUrl throws)', () => {
    const error = routeError(() => client.url(item, { Name: 'n' }, 'DELETE'));
    expect(error).toMatchObject({ status: 0, errorCode: 'NoMatchingRoute' });
    expect(error.message).toContain('/items/{Id}: no value for Id');
    expect(error.message).toContain('/items: allows GET, POST, not DELETE');
  });

  it('of routes with as many variables the shorter path wins; different variables are ambiguous', () => {
    const lines = operation({ name: 'Lines', request: Item, routes: [{ path: '/products/{Id}/product-lines/{Code}' }, { path: '/product-lines/{Id}/{Code}' }] });
    expect(client.url(lines, { Id: 1n, Code: 'c' }, 'GET')).toBe('http://host.test/product-lines/1/c');
    const ambiguous = operation({ name: 'Ambiguous', request: Item, routes: [{ path: '/x/{Id}' }, { path: '/x/{Code}' }] });
    expect(routeError(() => client.url(ambiguous, { Id: 1n, Code: 'c' }, 'GET'))).toMatchObject({ errorCode: 'AmbiguousRoute' });
  });

  it('variables match members case-insensitively (variablesMap is OrdinalIgnoreCase)', () => {
    const lower = operation({ name: 'Lower', request: Item, routes: [{ path: '/items/{id}' }] });
    expect(client.url(lower, { Id: 42n }, 'GET')).toBe('http://host.test/items/42');
  });

  it('a variable that names no member, or a part that is not one whole {name}, makes the route unusable', () => {
    const bad = operation({ name: 'Bad', request: Item, routes: [{ path: '/items/{Nope}' }, { path: '/items/x{Id}' }] });
    const error = routeError(() => client.url(bad, { Id: 1n }, 'GET'));
    expect(error.message).toContain("variable 'Nope' does not match any member");
    expect(error.message).toContain("part 'x{Id}' cannot be parsed");
  });

  it('a variable may end a part before a dot (paths split at / and .)', () => {
    const dotted = operation({ name: 'Dotted', request: Item, routes: [{ path: '/files/{Name}.{Code}' }] });
    expect(client.url(dotted, { Name: 'report', Code: 'csv' }, 'GET')).toBe('http://host.test/files/report.csv');
  });

  it('a wildcard variable may be empty; a value-type member fills its variable with its default', () => {
    const wild = operation({ name: 'Wild', request: Item, routes: [{ path: '/files/{Path*}' }] });
    expect(client.url(wild, {}, 'GET')).toBe('http://host.test/files/');
    expect(client.url(wild, { Path: 'a/b c' }, 'GET')).toBe('http://host.test/files/a%2Fb%20c');
    const paged = operation({ name: 'Paged', request: Item, routes: [{ path: '/pages/{Page}' }] });
    expect(client.url(paged, {}, 'GET')).toBe('http://host.test/pages/0');
  });

  it('variable values: a string as it is, anything else as its JSV with list brackets trimmed, then Uri.EscapeDataString (FormatVariable)', () => {
    const Many = t.object({ Ids: t.array(t.long()), When: t.date(), Name: t.string(), Amount: t.decimal() }, { name: 'Many' });
    const many = operation({ request: Many, routes: [{ path: '/m/{Ids}/{When}/{Name}/{Amount}' }] });
    const when = JsvDateTime.fromDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
    expect(client.url(many, { Ids: [9007199254740993n, 2n], When: when, Name: "it's (a) [list]*!", Amount: '1.50' }, 'GET')).toBe(
      "http://host.test/m/9007199254740993%2C2/2024-01-02T03%3A04%3A05Z/it%27s%20%28a%29%20%5Blist%5D%2A%21/1.50",
    );
  });

  it('a member that does not fit its schema is a JsvError with its path, before anything is sent', () => {
    expect(() => client.url(item, { Id: 'seven' as unknown as bigint }, 'GET')).toThrow(expect.objectContaining({ name: 'JsvError', code: 'INVALID_TYPE' }));
  });
});

describe('op.method: the verb send uses (ServiceClientUtils.GetHttpMethod / Operation.Method)', () => {
  it('the one verb of single-verb routes, else the first action that is not ANY, else POST', () => {
    expect(operation({ request: Item, routes: [{ path: '/a', verbs: ['GET'] }, { path: '/b/{Id}', verbs: ['GET'] }] }).method).toBe('GET');
    // Two routes naming different verbs: no single route verb; the actions decide.
    expect(operation({ request: Item, verbs: ['ANY', 'PUT'], routes: [{ path: '/a', verbs: ['GET'] }, { path: '/b', verbs: ['POST'] }] }).method).toBe('PUT');
    // A route naming two verbs is not a single-verb route.
    expect(operation({ request: Item, verbs: ['ANY'], routes: [{ path: '/a', verbs: ['GET', 'POST'] }] }).method).toBe('POST');
    expect(operation({ request: Item, method: 'DELETE', routes: [{ path: '/a' }] }).method).toBe('DELETE');
  });
});

describe('escapeDataString (.NET Uri.EscapeDataString)', () => {
  it('leaves only RFC 3986 unreserved characters and %XX escapes, and decodes back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeDataString(text);
        expect(escaped).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(escaped)).toBe(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
      }),
    );
  });

  it("escapes what encodeURIComponent leaves: ! ' ( ) *", () => {
    expect(escapeDataString("!'()*~-._")).toBe('%21%27%28%29%2A~-._');
  });
});
