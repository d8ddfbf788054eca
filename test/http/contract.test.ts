/**
 * One contract, four servers: Express, Fastify, the Fetch wrapper and Hono, each over real HTTP
 * on 127.0.0.1. Expected values come from issue 4 and ServiceStack's behaviour, not from the code.
 */
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { parse } from '../../src/index.js';
import { LIMIT, start, TARGETS, type Running } from './servers.js';

const JSV = 'text/jsv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const SEED_REQUEST = readFileSync(new URL('../fixtures/seed/newcustomer.request.jsv', import.meta.url), 'utf8');
const MANAGER = { authorization: 'Bearer manager-key' };

interface Reply {
  status: number;
  type: string | null;
  vary: string | null;
  text: string;
  /** The body read in the format its Content-Type names. */
  value: any;
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
    if (type?.startsWith('text/jsv')) value = parse(text);
    else if (type?.startsWith('application/json')) value = JSON.parse(text);
    return { status: response.status, type, vary: response.headers.get('vary'), text, value };
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
        expect(reply.text).toBe('{responseStatus:{errorCode:Unauthorized,message:Not Authenticated}}');
      }
    });

    it('403 for a Guest key, which has none of the roles NewCustomer requires', async () => {
      const reply = await call('/customers', { headers: { authorization: 'Bearer guest-key', 'content-type': 'application/json' }, body: '{"name":"X"}' });
      expect(reply.status).toBe(403);
      expect(reply.value).toEqual({ responseStatus: { errorCode: 'Forbidden', message: 'Invalid Role' } });
    });

    it('reads the body before authenticating and types it after, as ServiceStack orders them', async () => {
      // ServiceStack deserializes the request, then runs [Authenticate], then validation.
      const malformed = await call('/customers', { headers: { 'content-type': 'text/jsv' }, body: '{name:{' });
      expect(malformed.status).toBe(400);
      const illTyped = await call('/customers', { headers: { 'content-type': 'text/jsv' }, body: '{data:{x:{boolValue:maybe}}}' });
      expect(illTyped.status).toBe(401);
    });

    it('404 for an unknown customer id, in JSV and JSON', async () => {
      const jsv = await call('/customers/c-404.jsv', { headers: MANAGER });
      expect(jsv.status).toBe(404);
      expect(jsv.text).toBe("{responseStatus:{errorCode:NotFound,message:Customer 'c-404' does not exist}}");
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
      const body = '{name:Acme,data:{plan:{boolValue:maybe,stringValue:gold,numberValue:}}}';
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'text/jsv' }, body });
      expect(reply.status).toBe(400);
      const status = reply.value.responseStatus;
      // The Evo Voice value members are nullable (`double?`): an empty value is null, not an error.
      expect(status.errors.map((e: { fieldName: string }) => e.fieldName)).toEqual(['data.plan.boolValue']);
      expect(status.errors.map((e: { errorCode: string }) => e.errorCode)).toEqual(['INVALID_BOOLEAN']);
      expect(status.errorCode).toBe(status.errors[0].errorCode);
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
      expect(info.data).toEqual(sent.data);
      // The seed's innermost `[null]`: one element, a null Struct (jsv-spec §5.2).
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

    it('leaves out the members a Value leaves out (they are nullable), from JSV and from JSON', async () => {
      // Protobuf-style Values carry one field. The Evo Voice members are `bool?` and `double?`, so
      // the others stay absent instead of becoming False and 0. (The service itself requires a name.)
      const jsv = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv', accept: 'text/jsv' }, body: '{name:Acme,data:{k:{stringValue:x}}}' });
      expect(jsv.status).toBe(201);
      expect(parse(jsv.text, CustomerInfo).data).toEqual({ k: { stringValue: 'x' } });
      expect(jsv.text).toContain('data:{k:{stringValue:x}}');
      const json = await call('/customers', {
        headers: { ...MANAGER, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ name: 'Acme', data: { k: { stringValue: 'x' } } }),
      });
      expect(json.status).toBe(201);
      expect(json.value.data).toEqual({ k: { stringValue: 'x' } });
      // The service sets these itself.
      expect(json.value).toMatchObject({ isStaging: false, overrideBillingSettings: false, overrideAppSettings: false });
    });

    it('answers 400 naming parentCustomerId when the parent does not exist', async () => {
      const reply = await call('/customers', { headers: { ...MANAGER, 'content-type': 'text/jsv' }, body: '{name:Orphan,parentCustomerId:c-none}' });
      expect(reply.status).toBe(400);
      expect(reply.value.responseStatus.errors[0].fieldName).toBe('parentCustomerId');
    });
  });
});
