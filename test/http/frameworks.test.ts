/**
 * What only one framework has: Express with `express.json()` before jsvkit, Fastify's own
 * `bodyLimit`, poisoning options and framework errors. The shared behaviour is in contract.test.ts.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import * as expressAdapter from '../../src/http/express.js';
import { jsvPlugin, serverOptions, typed as fastifyTyped } from '../../src/http/fastify.js';
import { parse, t, type Infer } from '../../src/index.js';
import { rawRequest } from './raw.js';

const Order = t.object({ id: t.long().required(), qty: t.int().default(0), note: t.string() }, { name: 'Order' });
type Order = Infer<typeof Order>;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

async function post(base: string, path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(base + path, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

describe('Express', () => {
  async function serve(app: express.Express): Promise<string> {
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    closers.push(() => new Promise<void>((done) => server.close(() => done())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('still checks a typed body that express.json() parsed first', async () => {
    const { jsv, jsvErrors, respond, typed } = expressAdapter;
    const app = express();
    app.use(express.json());
    app.use(jsv());
    app.post('/orders', typed({ body: Order, response: Order }), (req, res) => {
      expectTypeOf(req.body).toEqualTypeOf<Order>();
      respond(res, req.body);
    });
    app.use(jsvErrors());
    const base = await serve(app);

    const wrongType = await post(base, '/orders', '{"id":1,"qty":"many"}');
    expect(wrongType.status).toBe(400);
    expect(JSON.parse(wrongType.text).responseStatus.errors[0].fieldName).toBe('qty');
    const missing = await post(base, '/orders', '{"qty":2}');
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.text).responseStatus.errorCode).toBe('MISSING_REQUIRED');
    const unknown = await post(base, '/orders', '{"id":1,"isAdmin":true}');
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.text)).toEqual({ id: 1, qty: 0 });
  });

  it('types respond against the response schema', () => {
    const { respond } = expressAdapter;
    type Res = Parameters<typeof respond<Order>>[1];
    expectTypeOf<Res>().toEqualTypeOf<Order>();
  });
});

describe('Fastify', () => {
  async function serve(app: ReturnType<typeof Fastify>): Promise<string> {
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.push(() => app.close());
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }

  it("honours the server's bodyLimit when the plugin sets no limit", async () => {
    const app = Fastify({ ...serverOptions, bodyLimit: 100 });
    await app.register(jsvPlugin);
    app.post('/echo', async (request) => ({ body: request.body }));
    const base = await serve(app);
    const over = await post(base, '/echo', `{a:${'x'.repeat(500)}}`, { 'content-type': 'text/jsv' });
    expect(over.status).toBe(413);
    expect(parse(over.text)).toMatchObject({ responseStatus: { errorCode: 'RequestEntityTooLarge' } });
    expect((await post(base, '/echo', '{a:x}', { 'content-type': 'text/jsv' })).status).toBe(200);
  });

  it("honours a route's bodyLimit", async () => {
    const app = Fastify({ ...serverOptions });
    await app.register(jsvPlugin);
    app.post('/small', { bodyLimit: 50 }, async (request) => ({ body: request.body }));
    const base = await serve(app);
    expect((await post(base, '/small', JSON.stringify({ a: 'x'.repeat(100) }))).status).toBe(413);
  });

  it("takes the server's onProtoPoisoning and onConstructorPoisoning", async () => {
    const app = Fastify({ ...serverOptions, onProtoPoisoning: 'remove', onConstructorPoisoning: 'ignore' });
    await app.register(jsvPlugin);
    app.post('/echo', async (request) => ({ keys: Object.keys(request.body as object) }));
    const base = await serve(app);
    const proto = await post(base, '/echo', '{"a":1,"__proto__":{"x":1}}');
    expect(proto.status).toBe(200);
    expect(JSON.parse(proto.text)).toEqual({ keys: ['a'] });
    const ctor = await post(base, '/echo', '{"constructor":{"prototype":{"x":1}}}');
    expect(JSON.parse(ctor.text)).toEqual({ keys: ['constructor'] });

    const strict = Fastify({ ...serverOptions });
    await strict.register(jsvPlugin);
    strict.post('/echo', async (request) => ({ body: request.body }));
    const strictBase = await serve(strict);
    expect((await post(strictBase, '/echo', '{"__proto__":{"x":1}}')).status).toBe(400);
  });

  it("answers Fastify's framework errors (a malformed URL) in ServiceStack's shape", async () => {
    const app = Fastify({ ...serverOptions });
    await app.register(jsvPlugin);
    app.get('/customers/:id', async () => ({}));
    const base = await serve(app);
    const reply = await rawRequest(base, '/customers/%E0%A4%A', { method: 'GET', headers: { accept: 'text/jsv' }, chunks: [], end: true });
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/jsv; charset=utf-8');
    expect(parse(reply.text)).toMatchObject({ responseStatus: { errorCode: 'BadRequest' } });
  });

  it('carries the schemas into request.body and the reply type', async () => {
    const app = Fastify({ ...serverOptions });
    await app.register(jsvPlugin);
    app.post('/orders', fastifyTyped({ body: Order, response: Order }), async (request) => {
      expectTypeOf(request.body).toEqualTypeOf<Order>();
      return { ...request.body, qty: request.body.qty + 1 };
    });
    const base = await serve(app);
    const reply = await post(base, '/orders', '{"id":12345678901234567890,"note":"n"}', { 'content-type': 'application/json', accept: 'application/json' });
    expect(reply.status).toBe(400);
    const ok = await post(base, '/orders', '{"id":1234567890123456789,"note":"n"}', { 'content-type': 'application/json', accept: 'application/json' });
    expect(ok.text).toBe('{"id":1234567890123456789,"qty":1,"note":"n"}');
  });
});
