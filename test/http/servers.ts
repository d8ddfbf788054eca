/**
 * The same small service behind each adapter, listening on 127.0.0.1 on an ephemeral port:
 * the Evo Voice routes (DemoService), `POST /echo` (the untyped body back, with its format) and
 * `GET /boom` (an unexpected error).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { customerRoutes } from '../../src/demo/app.js';
import { CREATE_ROLES, DemoService, type ApiKey } from '../../src/demo/service.js';
import { jsv, jsvErrors, notFound, respond } from '../../src/http/express.js';
import { jsvPlugin, rewriteUrl } from '../../src/http/fastify.js';
import { getPath, HttpError, jsvMiddleware, withJsv, type JsvVariables } from '../../src/http/fetch.js';

export const KEYS: ApiKey[] = [
  { key: 'admin-key', role: 'SystemAdministrator', user: 'demo-systemadministrator' },
  { key: 'manager-key', role: 'Manager', user: 'demo-manager' },
  { key: 'customer-key', role: 'Customer', user: 'demo-customer' },
  { key: 'guest-key', role: 'Guest', user: 'demo-guest' },
];

/** Body limit of the test servers: small, so a 413 needs few bytes. */
export const LIMIT = 4096;

export interface Running {
  base: string;
  close(): Promise<void>;
}

export type Target = 'express' | 'fastify' | 'fetch' | 'hono';
export const TARGETS: Target[] = ['express', 'fastify', 'fetch', 'hono'];

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
  const app = express();
  app.use(jsv({ limit: LIMIT }));
  app.post('/echo', (req, res) => respond(res, { body: req.body }));
  app.get('/boom', () => boom());
  app.use(customerRoutes(service));
  app.use(notFound(), jsvErrors());
  return app;
}

async function startFastify(service: DemoService): Promise<Running> {
  const app = Fastify({ rewriteUrl });
  await app.register(jsvPlugin, { limit: LIMIT });
  app.post('/echo', async (request) => ({ body: request.body }));
  app.get('/boom', async () => boom());
  app.post(
    '/customers',
    {
      config: { jsv: { body: NewCustomer, response: CustomerInfo } },
      preValidation: async (request) => {
        const key = service.authenticate(request.headers.authorization);
        service.authorize(key, CREATE_ROLES);
      },
    },
    async (request, reply) => {
      const key = service.authenticate(request.headers.authorization);
      reply.code(201);
      return service.create(request.body as NewCustomer | undefined, key);
    },
  );
  app.get<{ Params: { id: string } }>('/customers/:id', { config: { jsv: { response: CustomerInfo } } }, async (request) => {
    service.authenticate(request.headers.authorization);
    return service.get(request.params.id);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

function fetchHandler(service: DemoService) {
  return withJsv(
    (request, jsv) => {
      const { pathname } = new URL(request.url);
      const authorization = request.headers.get('authorization') ?? undefined;
      if (pathname === '/echo' && request.method === 'POST') return jsv.respond({ body: jsv.body });
      if (pathname === '/boom') boom();
      if (pathname === '/customers' && request.method === 'POST') {
        const key = service.authenticate(authorization);
        service.authorize(key, CREATE_ROLES);
        return jsv.respond(service.create(jsv.decode(NewCustomer), key), { status: 201, schema: CustomerInfo });
      }
      const match = /^\/customers\/([^/]+)$/.exec(pathname);
      if (match !== null && request.method === 'GET') {
        service.authenticate(authorization);
        return jsv.respond(service.get(decodeURIComponent(match[1]!)), { schema: CustomerInfo });
      }
      throw new HttpError(404, 'NotFound', `No route for ${request.method} ${pathname}`);
    },
    { limit: LIMIT },
  );
}

function honoApp(service: DemoService) {
  const app = new Hono<{ Variables: JsvVariables }>({ getPath });
  app.use(jsvMiddleware({ limit: LIMIT }));
  app.post('/echo', (c) => c.var.jsv.respond({ body: c.var.jsv.body }));
  app.get('/boom', () => boom());
  app.post('/customers', (c) => {
    const key = service.authenticate(c.req.header('authorization'));
    service.authorize(key, CREATE_ROLES);
    return c.var.jsv.respond(service.create(c.var.jsv.decode(NewCustomer), key), { status: 201, schema: CustomerInfo });
  });
  app.get('/customers/:id', (c) => {
    service.authenticate(c.req.header('authorization'));
    return c.var.jsv.respond(service.get(c.req.param('id')), { schema: CustomerInfo });
  });
  app.notFound((c) => c.var.jsv.error(new HttpError(404, 'NotFound', `No route for ${c.req.method} ${c.req.path}`)));
  // Hono's default handler logs every thrown error before the middleware renders it.
  app.onError((error, c) => c.var.jsv.error(error));
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
