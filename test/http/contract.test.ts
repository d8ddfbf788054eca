/**
 * One contract, four servers: Express, Fastify, the Fetch wrapper and Hono, each over real HTTP
 * on 127.0.0.1. Expected values come from issue 4 and ServiceStack's behaviour, not from the code.
 */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { parse } from '../../src/index.js';
import { LIMIT, start, TARGETS, type Running } from './servers.js';
import { rawRequest } from './raw.js';

const JSV = 'text/jsv; charset=utf-8';
// ServiceStack sends MimeTypes.Jsv as it is: only JSON gets a charset (AppendUtf8CharsetOnContentTypes).
const APPLICATION_JSV = 'application/jsv';
const JSON_TYPE = 'application/json; charset=utf-8';
const SEED_REQUEST = readFileSync(new URL('../fixtures/seed/newcustomer.request.jsv', import.meta.url), 'utf8');
const MANAGER = { authorization: 'Bearer manager-key' };

interface Reply {
  status: number;
  /** The reason phrase of the status line. */
  statusText: string;
  type: string | null;
  vary: string | null;
  text: string;
  /** The body read in the format its Content-Type names. */
  value: any;
  headers: Headers;
}

describe.each(TARGETS)('%s adapter', (target) => {
  let server: Running;

  beforeAll(async () => {
    server = await start(target);
  });
  afterAll(async () => {
    await server.close();
  });

  async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}): Promise<Reply> {
    const response = await fetch(server.base + path, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: init.headers, body: init.body });
    const text = await response.text();
    const type = response.headers.get('content-type');
    let value: unknown;
    if (type?.startsWith('text/jsv') || type?.startsWith('application/jsv')) value = parse(text);
    else if (type?.startsWith('application/json')) value = JSON.parse(text);
    return { status: response.status, statusText: response.statusText, type, vary: response.headers.get('vary'), text, value, headers: response.headers };
  }

  async function createParent(): Promise<string> {
    const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv' }, body: '{name:Parent Co}' });
    expect(reply.status).toBe(201);
    return reply.value.id;
  }

  describe('response format', () => {
    it('answers JSON when nothing asks for a format, and says it varies by Accept', async () => {
      const reply = await call('/customers/none', { headers: MANAGER });
      expect(reply.status).toBe(404);
      expect(reply.type).toBe(JSON_TYPE);
      expect(reply.vary).toMatch(/accept/i);
    });

    it('answers JSV for Accept: text/jsv, with or without the charset parameter', async () => {
      for (const accept of ['text/jsv', 'text/jsv; charset=utf-8', 'text/jsv;charset=UTF-8']) {
        const reply = await call('/customers/none', { headers: { ...MANAGER, accept } });
        expect(reply.type, accept).toBe(JSV);
        expect(reply.vary).toMatch(/accept/i);
        expect(reply.text).toBe("{responseStatus:{errorCode:NotFound,message:Customer 'none' does not exist}}");
      }
    });

    it('takes the .jsv suffix first, strips it before routing, and does not vary by Accept', async () => {
      const reply = await call('/customers/none.jsv', { headers: { ...MANAGER, accept: 'application/json' } });
      expect(reply.status).toBe(404);
      expect(reply.type).toBe(JSV);
      expect(reply.value).toEqual({ responseStatus: { errorCode: 'NotFound', message: "Customer 'none' does not exist" } });
      expect(reply.vary ?? '').not.toMatch(/accept/i);
    });

    it('takes the .json suffix over Accept and over ?format', async () => {
      const reply = await call('/customers/none.json?format=jsv', { headers: { ...MANAGER, accept: 'text/jsv' } });
      expect(reply.type).toBe(JSON_TYPE);
      expect(reply.value.responseStatus.errorCode).toBe('NotFound');
    });

    it('takes ?format=jsv over Accept, case-insensitively and with a modifier after a dot', async () => {
      for (const query of ['?format=jsv', '?format=JSV', '?format=jsv.pretty']) {
        const reply = await call(`/customers/none${query}`, { headers: { ...MANAGER, accept: 'application/json' } });
        expect(reply.type, query).toBe(JSV);
        expect(reply.vary ?? '', query).not.toMatch(/accept/i);
      }
      const json = await call('/customers/none?format=json', { headers: { ...MANAGER, accept: 'text/jsv' } });
      expect(json.type).toBe(JSON_TYPE);
    });

    it('falls back to Accept for a ?format it does not serve', async () => {
      const reply = await call('/customers/none?format=xml', { headers: { ...MANAGER, accept: 'text/jsv' } });
      expect(reply.type).toBe(JSV);
      expect(reply.vary).toMatch(/accept/i);
    });

    it('honours q-values, unlike ServiceStack', async () => {
      const cases: [string, string][] = [
        ['text/jsv;q=0.5, application/json;q=0.9', JSON_TYPE],
        ['application/json;q=0.5, text/jsv', JSV],
        ['application/json, text/jsv;q=0.8', JSON_TYPE],
        ['text/jsv;q=0, */*', JSON_TYPE],
        ['text/jsv, application/json', JSV],
        ['text/*', JSV],
      ];
      for (const [accept, type] of cases) {
        const reply = await call('/customers/none', { headers: { ...MANAGER, accept } });
        expect(reply.type, accept).toBe(type);
      }
    });

    it('answers */* in the request body\'s own format, and JSON for a type it cannot serve', async () => {
      const jsvBody = await call('/echo', { headers: { accept: '*/*', 'content-type': 'text/jsv' }, body: '{a:1}' });
      expect(jsvBody.type).toBe(JSV);
      const jsonBody = await call('/echo', { headers: { accept: '*/*', 'content-type': 'application/json' }, body: '{"a":1}' });
      expect(jsonBody.type).toBe(JSON_TYPE);
      const xml = await call('/echo', { headers: { accept: 'application/xml', 'content-type': 'text/jsv' }, body: '{a:1}' });
      expect(xml.type).toBe(JSON_TYPE);
    });
  });

  describe('request bodies', () => {
    it('reads a JSV body untyped (every scalar is text) and a JSON body as JSON', async () => {
      const jsv = await call('/echo', { headers: { 'content-type': 'text/jsv' }, body: '{a:1,b:[x,"y,z"],c:{d:True}}' });
      expect(jsv.status).toBe(200);
      expect(jsv.value).toEqual({ body: { a: '1', b: ['x', 'y,z'], c: { d: 'True' } } });
      const json = await call('/echo', { headers: { 'content-type': 'application/json' }, body: '{"a":1,"b":[true]}' });
      expect(json.value).toEqual({ body: { a: 1, b: [true] } });
    });

    it('reads application/jsv and an explicit UTF-8 charset, and non-ASCII text', async () => {
      const reply = await call('/echo', { headers: { 'content-type': 'application/jsv; charset=UTF-8', accept: 'text/jsv' }, body: '{name:Zoë Ωmega}' });
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('{body:{name:Zoë Ωmega}}');
    });

    it('writes a JSV answer for a JSON body, quoting as ServiceStack does', async () => {
      const reply = await call('/echo', { headers: { 'content-type': 'application/json', accept: 'text/jsv' }, body: '{"name":"Me, Junior","n":1.5,"on":false}' });
      expect(reply.text).toBe('{body:{name:"Me, Junior",n:1.5,on:False}}');
    });

    it('answers 400 with the error position for malformed JSV', async () => {
      const reply = await call('/echo', { headers: { 'content-type': 'text/jsv', accept: 'text/jsv' }, body: '{a:{b:1}' });
      expect(reply.status).toBe(400);
      expect(reply.type).toBe(JSV);
      const status = reply.value.responseStatus;
      expect(status.errorCode).toBe('UNEXPECTED_END');
      expect(status.errors).toHaveLength(1);
      expect(status.errors[0].errorCode).toBe('UNEXPECTED_END');
      expect(status.errors[0].meta).toEqual({ line: '1', column: '9', offset: '8' });
      expect(status.stackTrace).toBeUndefined();
    });

    it('answers 400 for malformed JSON', async () => {
      const reply = await call('/echo', { headers: { 'content-type': 'application/json' }, body: '{"a":' });
      expect(reply.status).toBe(400);
      expect(reply.value.responseStatus.errorCode).toBe('SerializationException');
    });

    it('answers 415 for a charset other than UTF-8, for JSV and JSON', async () => {
      for (const type of ['text/jsv; charset=latin1', 'application/json; charset=iso-8859-1', 'application/jsv; charset=utf-16']) {
        const reply = await call('/echo', { headers: { 'content-type': type, accept: 'text/jsv' }, body: '{a:1}' });
        expect(reply.status, type).toBe(415);
        expect(reply.value.responseStatus.errorCode, type).toBe('UnsupportedMediaType');
      }
    });

    it('answers 400 for bytes that are not UTF-8, never substituting U+FFFD', async () => {
      // "{a:caf" + latin1 é (0xE9) + "}"
      const bytes = new Uint8Array([0x7b, 0x61, 0x3a, 0x63, 0x61, 0x66, 0xe9, 0x7d]);
      for (const type of ['text/jsv', 'application/json']) {
        const reply = await call('/echo', { headers: { 'content-type': type }, body: bytes });
        expect(reply.status, type).toBe(400);
        expect(reply.value.responseStatus.message, type).toMatch(/UTF-8/);
      }
    });

    it('answers 413 for a body over the limit, JSV or JSON', async () => {
      const big = `{a:${'x'.repeat(LIMIT)}}`;
      const reply = await call('/echo', { headers: { 'content-type': 'text/jsv', accept: 'text/jsv' }, body: big });
      expect(reply.status).toBe(413);
      expect(reply.value.responseStatus.errorCode).toBe('RequestEntityTooLarge');
      const json = await call('/echo', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 'x'.repeat(LIMIT) }) });
      expect(json.status).toBe(413);
      const atLimit = await call('/echo', { headers: { 'content-type': 'text/jsv' }, body: `{a:${'x'.repeat(LIMIT - 5)}}` });
      expect(atLimit.status).toBe(200);
    });

    it('answers 413 from Content-Length alone, before the body arrives', async () => {
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(`${server.base}/echo`, {
          method: 'POST',
          headers: { 'content-type': 'text/jsv', 'content-length': String(50 * 1024 * 1024), accept: 'text/jsv' },
        });
        req.on('response', (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode!, text: body });
            req.destroy();
          });
        });
        req.on('error', reject);
        req.write('{a:1'); // a start, never the 50 MiB promised
      });
      expect(status).toBe(413);
      expect(parse(text)).toMatchObject({ responseStatus: { errorCode: 'RequestEntityTooLarge' } });
    });
  });

  describe('errors in ServiceStack\'s shape', () => {
    it('401 without credentials and with an unknown key', async () => {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-key' }, { authorization: 'Basic bWFuYWdlcjprZXk=' }];
      for (const headers of attempts) {
        const reply = await call('/customers', { headers: { ...headers, 'content-type': 'text/jsv', accept: 'text/jsv' }, body: '{name:X}' });
        expect(reply.status).toBe(401);
        expect(reply.headers.get('www-authenticate')).toBe('Bearer');
        expect(reply.text).toBe('{responseStatus:{errorCode:Unauthorized,message:Not Authenticated}}');
      }
    });

    it('403 for a Guest key, which has none of the roles NewCustomer requires', async () => {
      const reply = await call('/customers', { headers: { authorization: 'Bearer guest-key', 'content-type': 'application/json' }, body: '{"name":"X"}' });
      expect(reply.status).toBe(403);
      expect(reply.value).toEqual({ responseStatus: { errorCode: 'Forbidden', message: 'Invalid Role' } });
    });

    it('decodes the body before authenticating, as ServiceStack deserializes before its [Authenticate] filter', async () => {
      // ServiceStack's RestHandler creates the request DTO, then applies the request filters.
      const malformed = await call('/customers', { headers: { 'content-type': 'text/jsv' }, body: '{name:{' });
      expect(malformed.status).toBe(400);
      const illTyped = await call('/customers', { headers: { 'content-type': 'text/jsv' }, body: '{data:{x:{boolValue:maybe}}}' });
      expect(illTyped.status).toBe(400);
      expect(illTyped.value.responseStatus.errorCode).toBe('INVALID_BOOLEAN');
      const wellFormed = await call('/customers', { headers: { 'content-type': 'text/jsv' }, body: '{name:X}' });
      expect(wellFormed.status).toBe(401);
    });

    it('404 for an unknown route, in the negotiated format', async () => {
      const jsv = await call('/no/such/route', { headers: { accept: 'text/jsv' } });
      expect(jsv.status).toBe(404);
      expect(jsv.type).toBe(JSV);
      expect(jsv.value.responseStatus.errorCode).toBe('NotFound');
      const json = await call('/no/such/route.json', { method: 'DELETE' });
      expect(json.status).toBe(404);
      expect(json.value.responseStatus.errorCode).toBe('NotFound');
    });

    it('404 for an unknown customer id, in JSV and JSON', async () => {
      const jsv = await call('/customers/c-404.jsv', { headers: MANAGER });
      expect(jsv.status).toBe(404);
      expect(jsv.text).toBe("{responseStatus:{errorCode:NotFound,message:Customer 'c-404' does not exist}}");
      // ServiceStack's HttpError puts its code in the status line (C# clients: StatusDescription).
      // The fetch adapters set Response.statusText; @hono/node-server, which serves them here,
      // writes the standard phrase instead (Deno and Bun send statusText).
      expect(jsv.statusText).toBe(target === 'express' || target === 'fastify' ? 'NotFound' : 'Not Found');
      const json = await call('/customers/c-404', { headers: { ...MANAGER, accept: 'application/json' } });
      expect(json.text).toBe('{"responseStatus":{"errorCode":"NotFound","message":"Customer \'c-404\' does not exist"}}');
    });

    it('500 hides the message and the stack of an unexpected error', async () => {
      const reply = await call('/boom.jsv');
      expect(reply.status).toBe(500);
      expect(reply.value).toEqual({ responseStatus: { errorCode: 'Error', message: 'Internal Server Error' } });
      expect(reply.text).not.toMatch(/secret|at /);
    });

    it('400 lists every typed issue with its field name', async () => {
      const body = '{name:Acme,data:{plan:{boolValue:maybe,stringValue:gold,numberValue:lots}}}';
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'text/jsv' }, body });
      expect(reply.status).toBe(400);
      const status = reply.value.responseStatus;
      expect(status.errors.map((e: { fieldName: string }) => e.fieldName)).toEqual(['data.plan.boolValue', 'data.plan.numberValue']);
      expect(status.errors.map((e: { errorCode: string }) => e.errorCode)).toEqual(['INVALID_BOOLEAN', 'INVALID_NUMBER']);
      expect(status.errorCode).toBe(status.errors[0].errorCode);
    });
  });

  describe('media types', () => {
    it("answers application/jsv to what ServiceStack's JsvServiceClient sends (Accept and Content-Type application/jsv)", async () => {
      const reply = await call('/customers', { headers: { ...MANAGER, accept: 'application/jsv', 'content-type': 'application/jsv' }, body: '{name:Jsv Client Co}' });
      expect(reply.status).toBe(201);
      expect(reply.type).toBe(APPLICATION_JSV);
      expect(parse(reply.text, CustomerInfo).name).toBe('Jsv Client Co');
      const error = await call('/customers/none', { headers: { ...MANAGER, accept: 'application/jsv' } });
      expect(error.type).toBe(APPLICATION_JSV);
      expect(error.text).toBe("{responseStatus:{errorCode:NotFound,message:Customer 'none' does not exist}}");
    });

    it('answers text/jsv to text/jsv, and an application/jsv body without Accept in application/jsv', async () => {
      const text = await call('/echo', { headers: { accept: 'text/jsv', 'content-type': 'application/jsv' }, body: '{a:1}' });
      expect(text.type).toBe(JSV);
      const implicit = await call('/echo', { headers: { 'content-type': 'application/jsv' }, body: '{a:1}' });
      expect(implicit.type).toBe(APPLICATION_JSV);
    });

    it('sends Vary: Accept once', async () => {
      for (const path of ['/customers/none', '/echo']) {
        const reply = await call(path, { headers: { ...MANAGER, accept: 'text/jsv', 'content-type': 'text/jsv' }, body: path === '/echo' ? '{a:1}' : undefined });
        expect(reply.vary, path).toBe('Accept');
      }
    });
  });

  describe('compressed and refused bodies', () => {
    const text = '{name:Zoë,tags:[a,"b,c"]}';
    const codings: [string, (input: Buffer) => Buffer][] = [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ];

    it.each(codings)('inflates a %s body', async (coding, compress) => {
      const reply = await call('/echo', { headers: { 'content-type': 'text/jsv', 'content-encoding': coding, accept: 'text/jsv' }, body: compress(Buffer.from(text)) });
      expect(reply.status).toBe(200);
      expect(reply.value).toEqual({ body: { name: 'Zoë', tags: ['a', 'b,c'] } });
    });

    it('answers 415 for a coding it does not know, and 400 for a body that is not what its coding says', async () => {
      const unknown = await call('/echo', { headers: { 'content-type': 'text/jsv', 'content-encoding': 'x-foo' }, body: text });
      expect(unknown.status).toBe(415);
      expect(unknown.value.responseStatus.errorCode).toBe('UnsupportedMediaType');
      const corrupt = await call('/echo', { headers: { 'content-type': 'text/jsv', 'content-encoding': 'gzip' }, body: text });
      expect(corrupt.status).toBe(400);
      const truncated = gzipSync(Buffer.from(text));
      const cut = await call('/echo', { headers: { 'content-type': 'text/jsv', 'content-encoding': 'gzip' }, body: truncated.subarray(0, truncated.length - 6) });
      expect(cut.status).toBe(400);
    });

    it('applies the limit to the inflated bytes: a small gzip bomb is a 413', async () => {
      const bomb = gzipSync(Buffer.from(`{a:${'0'.repeat(2 * 1024 * 1024)}}`));
      expect(bomb.length).toBeLessThan(LIMIT);
      for (const path of ['/echo', '/customers']) {
        const reply = await call(path, { headers: { ...MANAGER, 'content-type': 'text/jsv', 'content-encoding': 'gzip' }, body: bomb });
        expect(reply.status, path).toBe(413);
        expect(reply.value.responseStatus.errorCode).toBe('RequestEntityTooLarge');
      }
    });

    it('answers 415 for a body of a type it does not read on a typed route, whatever the type', async () => {
      const bodies: [Record<string, string>, string][] = [
        [{ 'content-type': 'text/xml' }, '<NewCustomer><Name>X</Name></NewCustomer>'],
        [{ 'content-type': 'text/plain' }, '{name:X}'],
        [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
        [{}, '{name:X}'],
      ];
      for (const [headers, body] of bodies) {
        // node:http, as fetch would add text/plain to a string body without a type.
        const reply = await rawRequest(server.base, '/customers', { headers: { ...MANAGER, ...headers, 'content-length': String(Buffer.byteLength(body)) }, chunks: [body], end: true });
        expect(reply.status, JSON.stringify(headers)).toBe(415);
        expect(JSON.parse(reply.text).responseStatus.errorCode).toBe('UnsupportedMediaType');
      }
    });

    it('answers 408 when the body does not arrive within the body timeout, and closes the connection', async () => {
      const reply = await rawRequest(server.base, '/echo', { headers: { 'content-type': 'text/jsv', 'content-length': '100', accept: 'text/jsv' }, chunks: ['{a:'], end: false });
      expect(reply.status).toBe(408);
      expect(parse(reply.text)).toMatchObject({ responseStatus: { errorCode: 'RequestTimeout' } });
      expect(reply.headers.connection).toBe('close');
    });

    it('answers 413 to a chunked upload over the limit while the client is still sending, then reads the rest', async () => {
      const chunks = Array.from({ length: 48 }, () => 'x'.repeat(1024));
      const reply = await rawRequest(server.base, '/echo', { headers: { 'content-type': 'text/jsv', accept: 'text/jsv' }, chunks: ['{a:', ...chunks, '}'], end: true });
      expect(reply.error).toBeUndefined();
      expect(reply.status).toBe(413);
      expect(parse(reply.text)).toMatchObject({ responseStatus: { errorCode: 'RequestEntityTooLarge' } });
      // Every chunk went out: the server read (and dropped) them instead of resetting.
      expect(reply.written).toBe(chunks.length + 2);
    });
  });

  describe('decoding once, and binding as ServiceStack does', () => {
    it('binds an empty DTO for an empty JSV or JSON body, and for no body', async () => {
      for (const type of ['text/jsv', 'application/json', 'application/jsv']) {
        const reply = await call('/bind/7', { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body: '' });
        expect(reply.status, type).toBe(200);
        expect(reply.value, type).toEqual({ id: 7, count: 0, on: false });
      }
      const get = await call('/bind/7.jsv');
      expect(get.text).toBe('{id:7,count:0,on:False}');
    });

    it('binds path variables, then the query string, then form fields over the body (later wins)', async () => {
      const body = '{id:1,name:fromBody,count:1,tags:[a,b]}';
      const jsv = await call('/bind/7?name=fromQuery&count=3', { headers: { 'content-type': 'text/jsv', accept: 'text/jsv' }, body });
      expect(jsv.text).toBe('{id:7,name:fromQuery,count:3,on:False,tags:[a,b]}');
      const queryOverPath = await call('/bind/7?ID=8', { headers: { accept: 'text/jsv' } });
      expect(queryOverPath.text).toBe('{id:8,count:0,on:False}');
      const form = await call('/bind/7?name=fromQuery&on=false', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'name=from+Form&on=true&on=false&tags=%5Bx%2C%22y%2Cz%22%5D&unknown=1',
      });
      expect(form.status).toBe(200);
      // A bool takes the first of repeated values (an HTML checkbox posts a hidden field too).
      expect(form.value).toEqual({ id: 7, name: 'from Form', count: 0, on: true, tags: ['x', 'y,z'] });
    });

    it('reads bound values as JSV for the member type (strings as they are) and names bad ones', async () => {
      const text = await call('/bind/7?name=%7Bnot%20parsed%7D', { headers: { accept: 'application/json' } });
      expect(text.value.name).toBe('{not parsed}');
      const bad = await call('/bind/x?count=many', { headers: { accept: 'application/json' } });
      expect(bad.status).toBe(400);
      expect(bad.value.responseStatus.errors.map((e: { fieldName: string }) => e.fieldName).sort()).toEqual(['count', 'id']);
    });

    it('keeps every digit of a 64-bit integer from a JSON body, in JSON and JSV answers', async () => {
      const body = '{"big":9007199254740993,"tags":["a"]}';
      const json = await call('/bind/9223372036854775807', { headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
      expect(json.text).toBe('{"id":9223372036854775807,"count":0,"on":false,"tags":["a"],"big":9007199254740993}');
      const jsv = await call('/bind/1', { headers: { 'content-type': 'application/json', accept: 'text/jsv' }, body });
      expect(jsv.text).toBe('{id:1,count:0,on:False,tags:[a],big:9007199254740993}');
    });

    it('refuses a __proto__ or constructor.prototype key in an untyped body, JSON or JSV', async () => {
      const bodies: [string, string][] = [
        ['application/json', '{"a":{"__proto__":{"polluted":true}}}'],
        ['application/json', '{"constructor":{"prototype":{"polluted":true}}}'],
        ['text/jsv', '{a:{__proto__:{polluted:true}}}'],
      ];
      for (const [type, body] of bodies) {
        const reply = await call('/echo', { headers: { 'content-type': type }, body });
        expect(reply.status, body).toBe(400);
        expect(reply.value.responseStatus.message).toMatch(/prototype/);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('the response schema shapes JSON and JSV alike', () => {
    it('writes the declared members only', async () => {
      const json = await call('/public/leak', { headers: { accept: 'application/json' } });
      expect(json.status).toBe(200);
      expect(json.text).toBe('{"name":"Ann","count":2,"isStaging":false}');
      const jsv = await call('/public/leak.jsv');
      expect(jsv.text).toBe('{name:Ann,count:2,isStaging:False}');
    });

    it('answers 500 for a value that breaks the schema, in both formats', async () => {
      for (const path of ['/public/broken.json', '/public/broken.jsv']) {
        const reply = await call(path);
        expect(reply.status, path).toBe(500);
        expect(reply.value.responseStatus.errors[0].fieldName, path).toBe('count');
        expect(reply.text).not.toContain('many');
      }
    });

    it('takes textCase and excludeDefaultValues', async () => {
      const json = await call('/public/cased.json');
      expect(json.text).toBe('{"Name":"Ann"}');
      const jsv = await call('/public/cased.jsv');
      expect(jsv.text).toBe('{Name:Ann}');
    });
  });

  describe('the Evo Voice service', () => {
    it('round-trips the seed\'s NewCustomer sample: typed JSV in, JSON out', async () => {
      const parentId = await createParent();
      // The seed's text, byte for byte, but for a parent that exists.
      const body = SEED_REQUEST.replace('parentCustomerId: String', `parentCustomerId: ${parentId}`);
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'application/json' }, body });
      expect(reply.status).toBe(201);
      expect(reply.type).toBe(JSON_TYPE);

      const sent = parse(body, NewCustomer);
      const info = reply.value;
      expect(info).toMatchObject({ accountId: 'String', name: 'String', referenceId: 'String', parentCustomerId: parentId });
      expect(info.data.String.stringValue).toBe(sent.data!.String!.stringValue);
      expect(info.data.String.listValue[0].String.stringValue).toBe('String');
      // The seed's innermost `[null]` (one element, a null Struct) is JSON null.
      expect(info.data.String.listValue[0].String.listValue[0].String.listValue).toEqual([null]);
      expect(info).toMatchObject({ createdBy: 'demo-manager', lastModifiedBy: 'demo-manager', isStaging: false, overrideBillingSettings: false });
      expect(Date.parse(info.dateCreated)).not.toBeNaN();
      expect(info.breadcrumb).toEqual([
        { id: parentId, name: 'Parent Co' },
        { id: info.id, name: 'String' },
      ]);

      const fetched = await call(`/customers/${info.id}.json`, { headers: MANAGER });
      expect(fetched.value).toEqual(info);
    });

    it('round-trips the seed\'s NewCustomer sample as typed JSV both ways', async () => {
      const parentId = await createParent();
      const body = SEED_REQUEST.replace('parentCustomerId: String', `parentCustomerId: ${parentId}`);
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'text/jsv' }, body });
      expect(reply.status).toBe(201);
      expect(reply.type).toBe(JSV);

      const sent = parse(body, NewCustomer);
      const info = parse(reply.text, CustomerInfo);
      expect(info.data).toEqual(sent.data);
      expect(info.name).toBe('String');
      expect(info.breadcrumb).toEqual([
        { id: parentId, name: 'Parent Co' },
        { id: info.id, name: 'String' },
      ]);
      // A null Struct element is written `null`, as ServiceStack writes a null dictionary.
      expect(reply.text).toContain('listValue:[null]');
      // ServiceStack's member order: CustomerInfo's own members, then EntityInfo's.
      expect(reply.text.startsWith(`{accountId:String,parentCustomerId:${parentId},breadcrumb:[`)).toBe(true);
      expect(reply.text.indexOf(',id:')).toBeGreaterThan(reply.text.indexOf('overrideAppSettings:'));

      const fetched = await call(`/customers/${info.id}?format=jsv`, { headers: MANAGER });
      expect(fetched.status).toBe(200);
      expect(fetched.text).toBe(reply.text);
    });

    it('answers 500 naming the field when the answer has no JSV text (a list holding only null)', async () => {
      const reply = await call('/echo', { headers: { 'content-type': 'application/json', accept: 'text/jsv' }, body: '{"tags":[null]}' });
      expect(reply.status).toBe(500);
      expect(reply.type).toBe(JSV);
      expect(reply.value.responseStatus.errorCode).toBe('UNREPRESENTABLE_VALUE');
      expect(reply.value.responseStatus.errors[0].fieldName).toBe('body.tags[0]');
    });

    it('creates from a JSON body and answers JSON', async () => {
      const reply = await call('/customers', {
        headers: { authorization: 'Bearer customer-key', 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ name: 'Json Co', data: { tier: { boolValue: true, numberValue: 2.5, stringValue: 'a,b' } } }),
      });
      expect(reply.status).toBe(201);
      expect(reply.value).toMatchObject({ name: 'Json Co', createdBy: 'demo-customer', data: { tier: { boolValue: true, numberValue: 2.5, stringValue: 'a,b' } } });
    });

    it('keeps a Value to the one member it carries (the metadata declares them nullable), from JSV and from JSON', async () => {
      // Protobuf-style Values carry one field; the Evo Voice metadata types the others `bool?`/`double?`.
      const filled = { stringValue: 'x' };
      const jsv = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'text/jsv' }, body: '{name:Acme,data:{k:{stringValue:x}}}' });
      expect(jsv.status).toBe(201);
      expect(parse(jsv.text, CustomerInfo).data).toEqual({ k: filled });
      expect(jsv.text).toContain('data:{k:{stringValue:x}}');
      const json = await call('/customers', {
        headers: { ...MANAGER, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ name: 'Acme', data: { k: { stringValue: 'x' } } }),
      });
      expect(json.status).toBe(201);
      expect(json.value.data).toEqual({ k: filled });
      expect(json.value).toMatchObject({ isStaging: false, overrideBillingSettings: false, overrideAppSettings: false });
    });

    it('answers 400 naming parentCustomerId when the parent does not exist', async () => {
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv' }, body: '{name:Orphan,parentCustomerId:c-none}' });
      expect(reply.status).toBe(400);
      expect(reply.value.responseStatus.errors[0].fieldName).toBe('ParentCustomerId');
    });
  });
});
