/**
 * The same small service behind each adapter, listening on 127.0.0.1 on an ephemeral port, each
 * set up as its documentation says:
 * - the Evo Voice routes (DemoService): the body is decoded before authentication, as
 *   ServiceStack deserializes a request before its [Authenticate] filter;
 * - `POST /echo` (the untyped body back), `GET /boom` (an unexpected error);
 * - `GET|POST /bind/:id` (a typed DTO bound from body, path, query and form, sent back);
 * - `GET /public/{leak,broken,cased}` (a response schema applied to what a handler returns).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { CREATE_ROLES, DemoService, type ApiKey } from '../../src/demo/service.js';
import * as expressAdapter from '../../src/http/express.js';
import * as fastifyAdapter from '../../src/http/fastify.js';
import { getPath, HttpError, jsvMiddleware, jsvNotFound, jsvOnError, withJsv, type JsvVariables } from '../../src/http/fetch.js';
import { t, type Infer } from '../../src/index.js';

export const KEYS: ApiKey[] = [
  { key: 'admin-key', role: 'SystemAdministrator', user: 'demo-systemadministrator' },
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'customer-key', role: 'Customer', user: 'demo-customer' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];

/** Body limit of the test servers: small, so a 413 needs few bytes. */
export const LIMIT = 4096;
/** Body timeout of the test servers: short, so a 408 comes soon (no test measures it). */
export const BODY_TIMEOUT = 800;

/** A request DTO with a path variable, a 64-bit integer and value-type members. */
export const Bound = t.object(
  { id: t.long().required(), name: t.string(), count: t.int().default(0), on: t.boolean().default(false), tags: t.array(t.string()), big: t.long() },
  { name: 'Bound' },
);
export type Bound = Infer<typeof Bound>;

/** A response DTO: what a handler returns beyond it must not leave the server. */
export const Public = t.object({ name: t.string(), count: t.int().default(0), isStaging: t.boolean().default(false) }, { name: 'Public' });

/** What `/public/:mode` handlers return: `passwordHash` is not in `Public`, `count` breaks it. */
export function publicValue(mode: string): Infer<typeof Public> {
  if (mode === 'leak') return { name: 'Ann', count: 2, isStaging: false, passwordHash: 'secret-hash' } as Infer<typeof Public>;
  if (mode === 'broken') return { name: 'Ann', count: 'many' } as unknown as Infer<typeof Public>;
  return { name: 'Ann', count: 0, isStaging: false };
}
const CASED = { textCase: 'PascalCase', excludeDefaultValues: true } as const;

export interface Running {
  base: string;
  close(): Promise<void>;
}

export type Target = 'express' | 'fastify' | 'fetch' | 'hono';
export const TARGETS: Target[] = ['express', 'fastify', 'fetch', 'hono'];
const OPTIONS = { limit: LIMIT, bodyTimeout: BODY_TIMEOUT };

export async function start(target: Target): Promise<Running> {
  const service = new DemoService(KEYS);
  switch (target) {
    case 'express':
      return listen(expressApp(service).listen(0, '127.0.0.1'));
    case 'fastify':
      return startFastify(service);
    case 'fetch':
      return listen(createAdaptorServer({ fetch: fetchHandler(service) }).listen(0, '127.0.0.1') as Server);
    case 'hono':
      return listen(createAdaptorServer({ fetch: honoApp(service).fetch }).listen(0, '127.0.0.1') as Server);
  }
}

function boom(): never {
  throw new Error('secret detail from the database layer');
}

function expressApp(service: DemoService) {
  const { jsv, jsvErrors, notFound, respond, typed } = expressAdapter;
  const app = express();
  app.use(jsv(OPTIONS));
  app.post('/echo', (req, res) => respond(res, { body: req.body }));
  app.get('/boom', () => boom());
  app.post('/customers', typed({ body: NewCustomer, response: CustomerInfo }), (req, res) => {
    const key = service.authenticate(req.headers.authorization);
    service.authorize(key, CREATE_ROLES);
    respond(res, service.create(req.body, key), 201);
  });
  app.get('/customers/:id', typed({ response: CustomerInfo }), (req, res) => {
    service.authenticate(req.headers.authorization);
    respond(res, service.get(String(req.params.id)));
  });
  app.all('/bind/:id', typed({ body: Bound, response: Bound }), (req, res) => respond(res, req.body));
  app.get('/public/cased', typed({ response: Public, ...CASED }), (_req, res) => respond(res, publicValue('cased')));
  app.get('/public/:mode', typed({ response: Public }), (req, res) => respond(res, publicValue(String(req.params.mode))));
  app.use(notFound(), jsvErrors());
  return app;
}

async function startFastify(service: DemoService): Promise<Running> {
  const { jsvPlugin, serverOptions, typed } = fastifyAdapter;
  const app = Fastify({ ...serverOptions });
  await app.register(jsvPlugin, OPTIONS);
  app.post('/echo', async (request) => ({ body: request.body }));
  app.get('/boom', async () => boom());
  app.post('/customers', typed({ body: NewCustomer, response: CustomerInfo }), async (request, reply) => {
    const key = service.authenticate(request.headers.authorization);
    service.authorize(key, CREATE_ROLES);
    reply.code(201);
    return service.create(request.body, key);
  });
  app.get('/customers/:id', typed({ response: CustomerInfo }), async (request) => {
    service.authenticate(request.headers.authorization);
    return service.get((request.params as { id: string }).id);
  });
  app.route({ method: ['GET', 'POST'], url: '/bind/:id', ...typed({ body: Bound, response: Bound }), handler: async (request) => request.body });
  app.get('/public/cased', typed({ response: Public, ...CASED }), async () => publicValue('cased'));
  app.get('/public/:mode', typed({ response: Public }), async (request) => publicValue((request.params as { mode: string }).mode));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

function fetchHandler(service: DemoService) {
  return withJsv((request, jsv) => {
    const { pathname } = new URL(request.url);
    const authorization = request.headers.get('authorization') ?? undefined;
    if (pathname === '/echo' && request.method === 'POST') return jsv.respond({ body: jsv.body });
    if (pathname === '/boom') boom();
    if (pathname === '/customers' && request.method === 'POST') {
      const body = jsv.decode(NewCustomer);
      const key = service.authenticate(authorization);
      service.authorize(key, CREATE_ROLES);
      return jsv.respond(service.create(body, key), { status: 201, schema: CustomerInfo });
    }
    const customer = /^\/customers\/([^/]+)$/.exec(pathname);
    if (customer !== null && request.method === 'GET') {
      service.authenticate(authorization);
      return jsv.respond(service.get(decodeURIComponent(customer[1]!)), { schema: CustomerInfo });
    }
    const bind = /^\/bind\/([^/]+)$/.exec(pathname);
    if (bind !== null) return jsv.respond(jsv.decode(Bound, { id: decodeURIComponent(bind[1]!) }), { schema: Bound });
    if (pathname === '/public/cased') return jsv.respond(publicValue('cased'), { schema: Public, ...CASED });
    const mode = /^\/public\/([^/]+)$/.exec(pathname);
    if (mode !== null) return jsv.respond(publicValue(mode[1]!), { schema: Public });
    throw new HttpError(404, 'NotFound', `No route for ${request.method} ${pathname}`);
  }, OPTIONS);
}

function honoApp(service: DemoService) {
  const app = new Hono<{ Variables: JsvVariables }>({ getPath });
  app.use(jsvMiddleware(OPTIONS));
  app.notFound(jsvNotFound);
  app.onError(jsvOnError);
  app.post('/echo', (c) => c.var.jsv.respond({ body: c.var.jsv.body }));
  app.get('/boom', () => boom());
  app.post('/customers', (c) => {
    const body = c.var.jsv.decode(NewCustomer);
    const key = service.authenticate(c.req.header('authorization'));
    service.authorize(key, CREATE_ROLES);
    return c.var.jsv.respond(service.create(body, key), { status: 201, schema: CustomerInfo });
  });
  app.get('/customers/:id', (c) => {
    service.authenticate(c.req.header('authorization'));
    return c.var.jsv.respond(service.get(c.req.param('id')), { schema: CustomerInfo });
  });
  app.on(['GET', 'POST'], '/bind/:id', (c) => c.var.jsv.respond(c.var.jsv.decode(Bound, c.req.param()), { schema: Bound }));
  app.get('/public/cased', (c) => c.var.jsv.respond(publicValue('cased'), { schema: Public, ...CASED }));
  app.get('/public/:mode', (c) => c.var.jsv.respond(publicValue(c.req.param('mode')), { schema: Public }));
  return app;
}

function listen(server: Server): Promise<Running> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    };
    if (server.listening) ready();
    else server.once('listening', ready);
  });
}
