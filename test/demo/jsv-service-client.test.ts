/**
 * The demo host as ServiceStack's C# clients meet it. .NET cannot run here, so each test sends the
 * bytes and headers that `JsvServiceClient`, `JsonServiceClient` (ServiceClientBase over
 * HttpWebRequest) or `JsonApiClient` (HttpClient) send for one call, and reads the answer the way
 * that client reads it: the body through a case-insensitive property lookup into the C# DTO (as
 * ServiceStack.Text's `TypeAccessorUtils.Get` does), an error through the steps of
 * `ServiceClientBase.ToWebServiceException` and `WebServiceException.ResponseStatus`.
 *
 * What the clients send, from their source:
 * - `PrepareWebRequest`: `Accept` = the client's content type (`application/jsv`, `application/json`),
 *   `Accept-Encoding: gzip,deflate` (`PclExport.AddCompression`), `Authorization: Bearer <token>`,
 *   and `Content-Type` (+ `Content-Encoding` with `RequestCompressionType`) only for verbs with a
 *   body (`HttpUtils.HasRequestBody`: not GET, DELETE, HEAD, OPTIONS);
 * - the URL from `UrlExtensions.ToUrl`: the `[Route]` matching the verb, path variables escaped by
 *   `Uri.EscapeDataString`, other members in the query (GET/DELETE) under camelCase names; without
 *   routes the predefined `/{format}/reply/{Name}` (`/api/{Name}` for JsonApiClient); `Send(dto)`
 *   takes the verb from the DTO's `IVerb` marker (`ServiceClientUtils.GetHttpMethod`);
 * - bodies from `TypeSerializer` with the client's defaults: PascalCase keys in declaration order,
 *   nulls left out, `True`/`False`, doubles by `double.ToString(InvariantCulture)` (`1E+20`),
 *   strings quoted only around `"`, `:`, `,`, `{`, `}`, `[`, `]`, CR, LF, and `""` for empty.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/app.js';
import { DemoService, type ApiKey } from '../../src/demo/service.js';
import { parse } from '../../src/index.js';

const KEYS: ApiKey[] = [
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'customer-key', role: 'Customer', user: 'demo-customer' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];

/** `ServiceClientBase.DefaultUserAgent`: "ServiceStackClient/" + `Env.VersionString`. */
const USER_AGENT = 'ServiceStackClient/10.15';
/** What ServiceStack answers: `MimeTypes.Jsv` as is; JSON with `; charset=utf-8` (`HostConfig.AppendUtf8CharsetOnContentTypes`). */
const JSV_ANSWER = 'application/jsv';
const JSON_ANSWER = 'application/json; charset=utf-8';

type Client = 'jsv' | 'json' | 'api';

/** The content type each client sends and accepts (`ServiceClientBase.ContentType`, `JsonApiClient.ContentType`). */
const CLIENT_TYPE: Record<Client, string> = { jsv: 'application/jsv', json: 'application/json', api: 'application/json' };

interface Call {
  method: string;
  /** Path and query exactly as the client writes them. */
  path: string;
  body?: string;
  /** `BearerToken`; none when absent. */
  bearer?: string;
  /** `RequestCompressionType`. */
  compression?: 'gzip' | 'deflate' | 'br';
  /** Replaces the Authorization header (the client's retry after a 401). */
  authorization?: string;
}

interface Reply {
  status: number;
  /** The reason phrase: `WebServiceException.StatusDescription`. */
  reason: string;
  headers: IncomingHttpHeaders;
  /** The body as the client's decompressing stream gives it. */
  text: string;
}

let server: Server;
let port: number;

beforeAll(async () => {
  server = createDemoApp(new DemoService(KEYS)).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function hasRequestBody(method: string): boolean {
  return !['GET', 'DELETE', 'HEAD', 'OPTIONS'].includes(method);
}

/** The headers and bytes of one call, as the client writes them. */
function wire(client: Client, call: Call): { headers: Record<string, string>; bytes?: Buffer } {
  const type = CLIENT_TYPE[client];
  const headers: Record<string, string> =
    client === 'api'
      ? // HttpClientHandler with AutomaticDecompression = Brotli | Deflate | GZip; the Accept header JsonApiClient adds.
        { Accept: type, 'Accept-Encoding': 'gzip, deflate, br' }
      : { Accept: type, 'User-Agent': USER_AGENT, 'Accept-Encoding': 'gzip,deflate' };
  if (call.bearer !== undefined) headers.Authorization = `Bearer ${call.bearer}`;
  if (call.authorization !== undefined) headers.Authorization = call.authorization;
  if (!hasRequestBody(call.method) || call.body === undefined) return { headers };
  // JsonApiClient: new StringContent(json, Encoding.UTF8, "application/json").
  headers['Content-Type'] = client === 'api' ? `${type}; charset=utf-8` : type;
  let bytes = Buffer.from(call.body, 'utf8');
  if (call.compression !== undefined) {
    headers['Content-Encoding'] = call.compression;
    // .NET 6+: GZipStream, ZLibStream for "deflate", BrotliStream (StreamCompressors).
    bytes = call.compression === 'gzip' ? gzipSync(bytes) : call.compression === 'deflate' ? deflateSync(bytes) : brotliCompressSync(bytes);
  }
  return { headers, bytes };
}

function send(client: Client, call: Call): Promise<Reply> {
  const { headers, bytes } = wire(client, call);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: call.method, path: call.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // HttpWebRequest.AutomaticDecompression = GZip | Deflate.
        const coding = res.headers['content-encoding'];
        const body = coding === 'gzip' ? gunzipSync(raw) : coding === 'deflate' ? inflateSync(raw) : raw;
        resolve({ status: res.statusCode!, reason: res.statusMessage ?? '', headers: res.headers, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(bytes);
  });
}

// ---- Reading as the C# client does -------------------------------------------------------------

/** A C# member type, as ServiceStack's C# generator writes the demo's DTOs from /types/metadata. */
type CsType = 'string' | 'bool' | 'double' | `List<${string}>` | string;

const DTOS: Record<string, Record<string, CsType>> = {
  EntityInfo: { Id: 'string', DateCreated: 'string', DateLastModified: 'string', CreatedBy: 'string', LastModifiedBy: 'string' },
  CustomerInfo: {
    Id: 'string',
    DateCreated: 'string',
    DateLastModified: 'string',
    CreatedBy: 'string',
    LastModifiedBy: 'string',
    AccountId: 'string',
    ParentCustomerId: 'string',
    Breadcrumb: 'List<CustomerBreadcrumb>',
    AccountName: 'string',
    IsStaging: 'bool',
    Name: 'string',
    ReferenceId: 'string',
    Data: 'Struct',
    Tags: 'object',
    Schedule: 'object',
    IntegrationData: 'object',
    OverrideBillingSettings: 'bool',
    BillingSettings: 'object',
    OverrideAppSettings: 'bool',
    AppSettings: 'object',
  },
  CustomerBreadcrumb: { Id: 'string', Name: 'string' },
  Value: { BoolValue: 'bool', StringValue: 'string', NumberValue: 'double', ListValue: 'List<Struct>', StructValue: 'Struct' },
  ErrorResponse: { ResponseStatus: 'ResponseStatus' },
  ResponseStatus: { ErrorCode: 'string', Message: 'string', StackTrace: 'string', Errors: 'List<ResponseError>', Meta: 'object' },
  ResponseError: { ErrorCode: 'string', FieldName: 'string', Message: 'string', Meta: 'object' },
};

type Cs = { [member: string]: unknown };

/**
 * `value` (JSV read untyped, or JSON) read into C# `type`: members found case-insensitively, as
 * `TypeAccessorUtils.Get` finds them. A key that names no member fails the test (ServiceStack
 * would skip it; the host must not send what the DTO does not declare).
 */
function readAs(type: CsType, value: unknown, path = type): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'object') return value;
  if (type === 'string') {
    expect(typeof value, path).toBe('string');
    return value;
  }
  if (type === 'bool') {
    // bool.Parse is case-insensitive; JSON has true/false.
    if (typeof value === 'boolean') return value;
    expect(String(value).toLowerCase(), path).toMatch(/^(true|false)$/);
    return String(value).toLowerCase() === 'true';
  }
  if (type === 'double') {
    const number = Number(value);
    expect(Number.isFinite(number), `${path}: ${String(value)}`).toBe(true);
    return number;
  }
  const list = /^List<(.+)>$/.exec(type);
  if (list !== null) {
    expect(Array.isArray(value), path).toBe(true);
    return (value as unknown[]).map((item, index) => readAs(list[1]!, item, `${path}[${index}]`));
  }
  if (type === 'Struct') {
    expect(typeof value, path).toBe('object');
    return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, readAs('Value', item, `${path}.${key}`)]));
  }
  const members = DTOS[type];
  expect(members, `no C# DTO ${type}`).toBeDefined();
  expect(typeof value === 'object' && !Array.isArray(value), path).toBe(true);
  const read: Cs = {};
  for (const [key, item] of Object.entries(value as object)) {
    const member = Object.keys(members!).find((name) => name.toLowerCase() === key.toLowerCase());
    expect(member, `${path}: "${key}" names no member of the C# ${type}`).toBeDefined();
    read[member!] = readAs(members![member!]!, item, `${path}.${member}`);
  }
  return read;
}

function bodyOf(client: Client, text: string): unknown {
  return client === 'jsv' ? parse(text) : JSON.parse(text);
}

/** `DeserializeFromStream<T>` of a 2xx answer. */
function response(client: Client, reply: Reply, type: CsType): any {
  expect(reply.status, reply.text).toBeGreaterThanOrEqual(200);
  expect(reply.status, reply.text).toBeLessThan(300);
  return readAs(type, bodyOf(client, reply.text));
}

/** `MimeTypes.MatchesContentType`: case-insensitive, trimmed, up to the `;`. */
function matchesContentType(contentType: string, wanted: string): boolean {
  const mediaType = (text: string) => text.split(';')[0]!.trim().toLowerCase();
  return mediaType(contentType) === mediaType(wanted);
}

interface WebServiceException {
  StatusCode: number;
  StatusDescription: string;
  ErrorCode: string;
  Message: string;
  ServerStackTrace: unknown;
  FieldErrors: { ErrorCode?: unknown; FieldName?: unknown; Message?: unknown }[];
  /** Whether the client deserialized the body into ResponseDto (the content type matched its own). */
  parsedResponseDto: boolean;
}

/**
 * What the client throws for a non-2xx answer. ServiceClientBase.ToWebServiceException reads the
 * body into the error DTO only when the answer has no Content-Type or one matching the client's
 * (JsonApiClient: JSON, or no type and a body starting with `{`); WebServiceException.ResponseStatus
 * then takes `ResponseStatus` from it, else tries the raw body as JSON and JSV, else makes one
 * from StatusDescription.
 */
function thrown(client: Client, reply: Reply): WebServiceException {
  expect(reply.status, reply.text).toBeGreaterThanOrEqual(400);
  const contentType = reply.headers['content-type'];
  const parsedResponseDto =
    client === 'api'
      ? (contentType !== undefined && matchesContentType(contentType, 'application/json')) || (contentType === undefined && reply.text.trimStart().startsWith('{'))
      : contentType === undefined || matchesContentType(contentType, CLIENT_TYPE[client]);
  let status: Cs | undefined;
  if (parsedResponseDto && reply.text !== '') status = (readAs('ErrorResponse', bodyOf(client, reply.text)) as Cs).ResponseStatus as Cs | undefined;
  if (status?.ErrorCode === undefined && reply.text !== '') {
    const read = (text: string, asJson: boolean) => {
      try {
        return (readAs('ErrorResponse', asJson ? JSON.parse(text) : parse(text)) as Cs).ResponseStatus as Cs | undefined;
      } catch {
        return undefined;
      }
    };
    status = read(reply.text, reply.text.startsWith('{"')) ?? read(reply.text, !reply.text.startsWith('{"'));
  }
  if (status?.ErrorCode === undefined) status = { ErrorCode: reply.reason, Message: reply.reason };
  return {
    StatusCode: reply.status,
    StatusDescription: reply.reason,
    ErrorCode: String(status.ErrorCode ?? reply.reason),
    Message: String(status.Message ?? reply.reason),
    ServerStackTrace: status.StackTrace,
    FieldErrors: (status.Errors as WebServiceException['FieldErrors'] | null | undefined) ?? [],
    parsedResponseDto,
  };
}

// ---- The calls ---------------------------------------------------------------------------------

/**
 * `new NewCustomer { AccountId = "acct-1", Name = "Acme, Inc.", ReferenceId = "2026-12-04T19:30:00.0000000Z",
 * Data = new Struct { ["plan"] = new Value { BoolValue = true, StringValue = "[gold]", NumberValue = 1e20,
 * ListValue = new List<Struct> { new Struct { ["tier"] = new Value { NumberValue = 0.1 } } }, StructValue = new Struct() },
 * ["note"] = new Value { StringValue = "" } } }` as TypeSerializer writes it. The reference id
 * is a DateTime's round-trip text and a string member: taken as it is, never converted.
 */
const NEW_CUSTOMER_JSV =
  '{AccountId:acct-1,Name:"Acme, Inc.",ReferenceId:"2026-12-04T19:30:00.0000000Z",Data:{plan:{BoolValue:True,StringValue:"[gold]",NumberValue:1E+20,ListValue:[{tier:{BoolValue:False,NumberValue:0.1}}],StructValue:{}},note:{BoolValue:False,StringValue:"",NumberValue:0}}}';
/** The same DTO as JsonServiceClient's JsonSerializer writes it. */
const NEW_CUSTOMER_JSON =
  '{"AccountId":"acct-1","Name":"Acme, Inc.","ReferenceId":"2026-12-04T19:30:00.0000000Z","Data":{"plan":{"BoolValue":true,"StringValue":"[gold]","NumberValue":1E+20,"ListValue":[{"tier":{"BoolValue":false,"NumberValue":0.1}}],"StructValue":{}},"note":{"BoolValue":false,"StringValue":"","NumberValue":0}}}';

function expectNewCustomer(customer: any, user = 'demo-manager'): void {
  expect(customer).toMatchObject({
    AccountId: 'acct-1',
    AccountName: 'Evo Voice Demo Account',
    Name: 'Acme, Inc.',
    ReferenceId: '2026-12-04T19:30:00.0000000Z',
    IsStaging: false,
    CreatedBy: user,
    LastModifiedBy: user,
  });
  expect(customer.Id).toMatch(/^[0-9a-f-]{36}$/);
  expect(customer.Breadcrumb).toEqual([{ Id: customer.Id, Name: 'Acme, Inc.' }]);
  expect(customer.Data).toEqual({
    plan: { BoolValue: true, StringValue: '[gold]', NumberValue: 1e20, ListValue: [{ tier: { BoolValue: false, NumberValue: 0.1 } }], StructValue: {} },
    note: { BoolValue: false, StringValue: '', NumberValue: 0 },
  });
  expect(new Date(customer.DateCreated).toISOString()).toBe(customer.DateCreated);
}

async function create(client: Client, name: string, bearer = 'manager-key'): Promise<any> {
  const body = client === 'jsv' ? `{Name:${name}}` : `{"Name":"${name}"}`;
  return response(client, await send(client, { method: 'POST', path: '/customers', body, bearer }), 'CustomerInfo');
}

describe('JsvServiceClient', () => {
  describe('Post(dto) and Send(dto) of NewCustomer : IReturn<CustomerInfo>, IPost', () => {
    it('with [Route("/customers", "POST")]: POST /customers, the body read back member for member', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/customers', body: NEW_CUSTOMER_JSV, bearer: 'manager-key' });
      expect(reply.status).toBe(201);
      expect(reply.headers['content-type']).toBe(JSV_ANSWER);
      // No [CompressResponse]: ServiceStack answers uncompressed whatever Accept-Encoding says.
      expect(reply.headers['content-encoding']).toBeUndefined();
      expectNewCustomer(response('jsv', reply, 'CustomerInfo'));
    });

    it('without routes: POST /jsv/reply/NewCustomer (the predefined route of SetBaseUri)', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/jsv/reply/NewCustomer', body: NEW_CUSTOMER_JSV, bearer: 'customer-key' });
      expect(reply.status).toBe(201);
      expect(reply.headers['content-type']).toBe(JSV_ANSWER);
      expectNewCustomer(response('jsv', reply, 'CustomerInfo'), 'demo-customer');
    });

    it('new NewCustomer() writes {}: 400 NotEmpty with the C# field name, read from ResponseDto', async () => {
      for (const path of ['/customers', '/jsv/reply/NewCustomer']) {
        const reply = await send('jsv', { method: 'POST', path, body: '{}', bearer: 'manager-key' });
        expect(reply.status).toBe(400);
        expect(reply.headers['content-type']).toBe(JSV_ANSWER);
        // The host writes its keys camelCase, as the Evo Voice host does; the client matches them case-insensitively.
        expect(reply.text).toMatch(/^\{responseStatus:\{errorCode:NotEmpty,/);
        expect(thrown('jsv', reply)).toEqual({
          StatusCode: 400,
          StatusDescription: 'NotEmpty',
          ErrorCode: 'NotEmpty',
          Message: "'Name' must not be empty.",
          ServerStackTrace: undefined,
          FieldErrors: [{ ErrorCode: 'NotEmpty', FieldName: 'Name', Message: "'Name' must not be empty." }],
          parsedResponseDto: true,
        });
      }
    });

    it('a ParentCustomerId that names no customer: 400 with FieldName ParentCustomerId', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/customers', body: '{Name:Child,ParentCustomerId:0123456789abcdef0123456789abcdef}', bearer: 'manager-key' });
      const error = thrown('jsv', reply);
      expect([error.StatusCode, error.ErrorCode, error.FieldErrors.map((e) => e.FieldName)]).toEqual([400, 'NotFound', ['ParentCustomerId']]);
      expect(error.Message).toBe("Parent customer '0123456789abcdef0123456789abcdef' does not exist");
    });

    it('a parent that exists: the breadcrumb runs from the root', async () => {
      const parent = await create('jsv', 'Root Co');
      const reply = await send('jsv', { method: 'POST', path: '/customers', body: `{Name:Child Co,ParentCustomerId:${parent.Id}}`, bearer: 'manager-key' });
      const child = response('jsv', reply, 'CustomerInfo');
      expect(child.ParentCustomerId).toBe(parent.Id);
      expect(child.Breadcrumb.map((crumb: any) => crumb.Name)).toEqual(['Root Co', 'Child Co']);
    });

    it('RequestCompressionType gzip, deflate (ZLibStream on .NET 6+) and br: the body inflated', async () => {
      for (const compression of ['gzip', 'deflate', 'br'] as const) {
        const reply = await send('jsv', { method: 'POST', path: '/customers', body: NEW_CUSTOMER_JSV, bearer: 'manager-key', compression });
        expect(reply.status, compression).toBe(201);
        expectNewCustomer(response('jsv', reply, 'CustomerInfo'));
      }
    });
  });

  describe('Get(dto) and Send(dto) of GetCustomer : IReturn<CustomerInfo>, IGet', () => {
    it('with [Route("/customers/{CustomerId}", "GET")]: GET /customers/{id}, no body, no Content-Type', async () => {
      const created = await create('jsv', 'Lookup Co');
      const reply = await send('jsv', { method: 'GET', path: `/customers/${encodeURIComponent(created.Id)}`, bearer: 'manager-key' });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(JSV_ANSWER);
      expect(response('jsv', reply, 'CustomerInfo')).toEqual(created);
    });

    it('without routes: GET /jsv/reply/GetCustomer?customerId=… (RestRoute.GetQueryProperties camelCases the names)', async () => {
      const created = await create('jsv', 'Query Co');
      const reply = await send('jsv', { method: 'GET', path: `/jsv/reply/GetCustomer?customerId=${created.Id}`, bearer: 'manager-key' });
      expect(reply.headers['content-type']).toBe(JSV_ANSWER);
      expect(response('jsv', reply, 'CustomerInfo')).toEqual(created);
    });

    it('an id Uri.EscapeDataString escaped in the path comes back unescaped in the message', async () => {
      // FormatVariable: a string is escaped as it is ("acme, inc" -> acme%2C%20inc).
      const reply = await send('jsv', { method: 'GET', path: '/customers/acme%2C%20inc', bearer: 'manager-key' });
      expect(thrown('jsv', reply)).toMatchObject({ StatusCode: 404, StatusDescription: 'NotFound', ErrorCode: 'NotFound', Message: "Customer 'acme, inc' does not exist", FieldErrors: [] });
    });

    it('CustomerId null without routes: ToUrl leaves a bare "?"; the service gets no id', async () => {
      const reply = await send('jsv', { method: 'GET', path: '/jsv/reply/GetCustomer?', bearer: 'manager-key' });
      expect(thrown('jsv', reply)).toMatchObject({ StatusCode: 404, ErrorCode: 'NotFound', Message: "Customer '' does not exist" });
    });

    it('Get<CustomerInfo>(relativeUrl): the URL as given, the same answer', async () => {
      const created = await create('jsv', 'Relative Co');
      const reply = await send('jsv', { method: 'GET', path: `/customers/${created.Id}`, bearer: 'customer-key' });
      expect(response('jsv', reply, 'CustomerInfo')).toEqual(created);
    });
  });

  describe('SendAll(requests): POST /jsv/reply/NewCustomer[]', () => {
    it('a List<NewCustomer> answered by a List<CustomerInfo>, in order, with X-AutoBatch-Completed', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/jsv/reply/NewCustomer[]', body: '[{Name:First},{Name:"Second, Ltd"}]', bearer: 'manager-key' });
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe(JSV_ANSWER);
      expect(reply.headers['x-autobatch-completed']).toBe('2');
      expect(response('jsv', reply, 'List<CustomerInfo>').map((customer: any) => customer.Name)).toEqual(['First', 'Second, Ltd']);
    });

    it('the first failure is the answer, with how many completed before it', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/jsv/reply/NewCustomer[]', body: '[{Name:First},{Name:""},{Name:Third}]', bearer: 'manager-key' });
      expect(reply.headers['x-autobatch-completed']).toBe('1');
      expect(thrown('jsv', reply)).toMatchObject({ StatusCode: 400, ErrorCode: 'NotEmpty', FieldErrors: [{ FieldName: 'Name' }] });
    });
  });

  describe('verbs NewCustomer does not answer (DTOs without routes; with [Route] ToUrl throws before sending)', () => {
    it('Put(dto), Patch(dto): a body; Delete(dto): the members in the query. 405 NotImplementedException in ServiceStack\'s words', async () => {
      const calls: Call[] = [
        { method: 'PUT', path: '/jsv/reply/NewCustomer', body: '{Name:X}', bearer: 'manager-key' },
        { method: 'PATCH', path: '/jsv/reply/NewCustomer', body: '{Name:X}', bearer: 'manager-key' },
        { method: 'DELETE', path: '/jsv/reply/NewCustomer?name=X', bearer: 'manager-key' },
      ];
      for (const call of calls) {
        const reply = await send('jsv', call);
        expect(reply.headers['content-type'], call.method).toBe(JSV_ANSWER);
        const verb = call.method.charAt(0) + call.method.slice(1).toLowerCase();
        expect(thrown('jsv', reply)).toEqual({
          StatusCode: 405,
          StatusDescription: 'Method Not Allowed',
          ErrorCode: 'NotImplementedException',
          Message: `Could not find method named ${verb}(NewCustomer) or Any(NewCustomer) on Service CustomersService`,
          ServerStackTrace: undefined,
          FieldErrors: [],
          parsedResponseDto: true,
        });
      }
    });

    it('CustomMethod("POST", GetCustomer) without routes: 405 for Post(GetCustomer)', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/jsv/reply/GetCustomer', body: '{CustomerId:x}', bearer: 'manager-key' });
      expect(thrown('jsv', reply)).toMatchObject({ StatusCode: 405, ErrorCode: 'NotImplementedException', Message: 'Could not find method named Post(GetCustomer) or Any(GetCustomer) on Service CustomersService' });
    });

    it('authentication comes first: 401 and 403 before 405, as the request filters run before ServiceExec', async () => {
      expect(thrown('jsv', await send('jsv', { method: 'PUT', path: '/jsv/reply/NewCustomer', body: '{Name:X}' })).StatusCode).toBe(401);
      expect(thrown('jsv', await send('jsv', { method: 'PUT', path: '/jsv/reply/NewCustomer', body: '{Name:X}', bearer: 'guest-key' })).StatusCode).toBe(403);
    });

    it('an operation the host does not have: 405, "The operation does not exist for this service"', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/jsv/reply/DeleteCustomer', body: '{CustomerId:x}', bearer: 'manager-key' });
      expect(thrown('jsv', reply)).toMatchObject({ StatusCode: 405, StatusDescription: 'Method Not Allowed', ErrorCode: 'NotImplementedException', Message: 'The operation does not exist for this service' });
    });
  });

  describe('API keys', () => {
    it('no BearerToken: 401 with a challenge, no retry (ShouldAuthenticate needs credentials)', async () => {
      const reply = await send('jsv', { method: 'POST', path: '/customers', body: '{Name:X}' });
      expect(reply.headers['www-authenticate']).toBe('Bearer');
      expect(thrown('jsv', reply)).toEqual({
        StatusCode: 401,
        StatusDescription: 'Unauthorized',
        ErrorCode: 'Unauthorized',
        Message: 'Not Authenticated',
        ServerStackTrace: undefined,
        FieldErrors: [],
        parsedResponseDto: true,
      });
    });

    it('an unknown key: 401; the client retries once (HandleAuthException) and the retry is refused the same way', async () => {
      const first = await send('jsv', { method: 'GET', path: '/customers/any', bearer: 'stolen-key' });
      expect(first.status).toBe(401);
      // No "realm" in WWW-Authenticate, no UserName/Password: AddBasicAuth adds nothing, the retry carries the same Bearer.
      const retry = await send('jsv', { method: 'GET', path: '/customers/any', bearer: 'stolen-key' });
      expect(thrown('jsv', retry)).toMatchObject({ StatusCode: 401, ErrorCode: 'Unauthorized', Message: 'Not Authenticated' });
      // With UserName and Password set the retry is Basic, which these keys are not.
      const basic = await send('jsv', { method: 'GET', path: '/customers/any', authorization: `Basic ${Buffer.from('manager:manager-key').toString('base64')}` });
      expect(thrown('jsv', basic).StatusCode).toBe(401);
    });

    it('a Guest key: 403 Invalid Role, for reads and writes', async () => {
      for (const call of [
        { method: 'POST', path: '/customers', body: '{Name:X}', bearer: 'guest-key' },
        { method: 'GET', path: '/customers/any', bearer: 'guest-key' },
      ]) {
        expect(thrown('jsv', await send('jsv', call))).toMatchObject({ StatusCode: 403, StatusDescription: 'Forbidden', ErrorCode: 'Forbidden', Message: 'Invalid Role', FieldErrors: [] });
      }
    });
  });

  it('a body TypeSerializer cannot have written is a 400 the client still reads', async () => {
    const reply = await send('jsv', { method: 'POST', path: '/customers', body: '{Name:X,Data:{a:{NumberValue:lots}}}', bearer: 'manager-key' });
    const error = thrown('jsv', reply);
    expect([error.StatusCode, error.ErrorCode, error.parsedResponseDto]).toEqual([400, 'INVALID_NUMBER', true]);
    expect(error.FieldErrors.length).toBe(1);
  });
});

describe('JsonServiceClient', () => {
  it('Post(dto): PascalCase JSON in, camelCase JSON out, read member for member', async () => {
    const reply = await send('json', { method: 'POST', path: '/customers', body: NEW_CUSTOMER_JSON, bearer: 'manager-key' });
    expect(reply.status).toBe(201);
    expect(reply.headers['content-type']).toBe(JSON_ANSWER);
    expectNewCustomer(response('json', reply, 'CustomerInfo'));
  });

  it('Send(dto) without routes: POST /json/reply/NewCustomer; Get(dto): GET /json/reply/GetCustomer?customerId=', async () => {
    const created = response('json', await send('json', { method: 'POST', path: '/json/reply/NewCustomer', body: NEW_CUSTOMER_JSON, bearer: 'manager-key' }), 'CustomerInfo');
    expectNewCustomer(created);
    const reply = await send('json', { method: 'GET', path: `/json/reply/GetCustomer?customerId=${created.Id}`, bearer: 'manager-key' });
    expect(reply.headers['content-type']).toBe(JSON_ANSWER);
    expect(response('json', reply, 'CustomerInfo')).toEqual(created);
  });

  it('errors as WebServiceException: validation, 401, 403, 404, 405', async () => {
    const cases: [Call, Partial<WebServiceException>][] = [
      [{ method: 'POST', path: '/customers', body: '{}', bearer: 'manager-key' }, { StatusCode: 400, StatusDescription: 'NotEmpty', ErrorCode: 'NotEmpty', FieldErrors: [{ ErrorCode: 'NotEmpty', FieldName: 'Name', Message: "'Name' must not be empty." }] }],
      [{ method: 'POST', path: '/customers', body: '{"Name":"X"}' }, { StatusCode: 401, ErrorCode: 'Unauthorized', Message: 'Not Authenticated' }],
      [{ method: 'GET', path: '/customers/x', bearer: 'guest-key' }, { StatusCode: 403, ErrorCode: 'Forbidden', Message: 'Invalid Role' }],
      [{ method: 'GET', path: '/customers/x', bearer: 'manager-key' }, { StatusCode: 404, StatusDescription: 'NotFound', ErrorCode: 'NotFound', Message: "Customer 'x' does not exist" }],
      [{ method: 'PUT', path: '/json/reply/NewCustomer', body: '{"Name":"X"}', bearer: 'manager-key' }, { StatusCode: 405, ErrorCode: 'NotImplementedException' }],
    ];
    for (const [call, expected] of cases) {
      const reply = await send('json', call);
      expect(reply.headers['content-type'], `${call.method} ${call.path}`).toBe(JSON_ANSWER);
      expect(thrown('json', reply), `${call.method} ${call.path}`).toMatchObject({ ...expected, parsedResponseDto: true, ServerStackTrace: undefined });
    }
  });

  it('SendAll: POST /json/reply/NewCustomer[]', async () => {
    const reply = await send('json', { method: 'POST', path: '/json/reply/NewCustomer[]', body: '[{"Name":"One"},{"Name":"Two"}]', bearer: 'manager-key' });
    expect(reply.headers['content-type']).toBe(JSON_ANSWER);
    expect(response('json', reply, 'List<CustomerInfo>').map((customer: any) => customer.Name)).toEqual(['One', 'Two']);
  });
});

describe('JsonApiClient (HttpClient)', () => {
  it('routes when the DTO has them, else /api/{Name}; Content-Type with charset; the same answers', async () => {
    const routed = await send('api', { method: 'POST', path: '/customers', body: NEW_CUSTOMER_JSON, bearer: 'manager-key', compression: 'br' });
    expectNewCustomer(response('api', routed, 'CustomerInfo'));
    const predefined = await send('api', { method: 'POST', path: '/api/NewCustomer', body: NEW_CUSTOMER_JSON, bearer: 'manager-key' });
    expect(predefined.headers['content-type']).toBe(JSON_ANSWER);
    const created = response('api', predefined, 'CustomerInfo');
    expectNewCustomer(created);
    const got = await send('api', { method: 'GET', path: `/api/GetCustomer?customerId=${created.Id}`, bearer: 'manager-key' });
    expect(response('api', got, 'CustomerInfo')).toEqual(created);
    const batch = await send('api', { method: 'POST', path: '/api/NewCustomer[]', body: '[{"Name":"A"}]', bearer: 'manager-key' });
    expect(response('api', batch, 'List<CustomerInfo>').map((customer: any) => customer.Name)).toEqual(['A']);
  });

  it('errors read from the JSON body', async () => {
    const reply = await send('api', { method: 'POST', path: '/api/NewCustomer', body: '{"Name":""}', bearer: 'manager-key' });
    expect(thrown('api', reply)).toMatchObject({ StatusCode: 400, ErrorCode: 'NotEmpty', FieldErrors: [{ FieldName: 'Name' }], parsedResponseDto: true });
  });
});

describe('/types/metadata, what "Add ServiceStack Reference" generates the C# DTOs from', () => {
  it('lists each request DTO\'s verb marker, so Send(dto) picks the verb as with the Evo Voice DTOs', async () => {
    const reply = await send('json', { method: 'GET', path: '/types/metadata' });
    const document = JSON.parse(reply.text) as { operations: { request: { name: string; implements?: { name: string; namespace?: string }[] } }[] };
    const markers = Object.fromEntries(document.operations.map((op) => [op.request.name, op.request.implements]));
    expect(markers).toEqual({ NewCustomer: [{ name: 'IPost', namespace: 'ServiceStack' }], GetCustomer: [{ name: 'IGet', namespace: 'ServiceStack' }] });
  });
});
