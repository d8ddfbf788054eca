/**
 * The demo's HTTP surface on `jsvkit/express`: the `api` table's operations at their own routes
 * and at ServiceStack's predefined ones, authenticated by the demo's API keys. Express needs no
 * server-construction option for `.jsv` suffixes (Fastify needs `rewriteUrl`, Hono `getPath`).
 */
import express, { type Express, type Router } from 'express';
import { jsv, jsvErrors, notFound, type JsvExpressOptions } from '../http/express.js';
import { HttpError } from '../http/response-status.js';
import { api } from './api.js';
import { MEMBER_DESCRIPTIONS } from './descriptions.js';
import { metadataRoutes } from './metadata-routes.js';
import { apiRoutes, bearerChallenge, predefinedRouteFormat, type HostSecurity, type OperationHandlers } from './host.js';
import type { ApiKey, DemoService } from './service.js';

/** The demo's answer to each operation of {@link api}. */
export function demoHandlers(service: DemoService): OperationHandlers<typeof api, ApiKey> {
  return {
    NewCustomer: (request, key) => service.create(request, key ?? unauthenticated()),
    GetCustomer: (request) => service.get(request.customerId ?? ''),
  };
}

/** Bearer API keys, one role each. */
export function demoSecurity(service: DemoService): HostSecurity<ApiKey> {
  return {
    authenticate: (authorization) => service.authenticate(authorization),
    roles: (key) => [key.role],
  };
}

/**
 * Every operation of {@link api} (user routes and predefined routes), for an app that already runs
 * `jsv()`. `POST /customers` answers 201 Created.
 */
export function customerRoutes(service: DemoService): Router {
  return apiRoutes(api, demoHandlers(service), demoSecurity(service), { successStatus: { NewCustomer: 201 }, serviceName: 'CustomersService' });
}

/** The whole demo app: negotiation, the operations, the metadata documents and pages, a 404, the Bearer challenge and the error handler. */
export function createDemoApp(service: DemoService, options?: JsvExpressOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(predefinedRouteFormat());
  app.use(jsv(options));
  app.use(customerRoutes(service));
  app.use(metadataRoutes(api, { serviceName: 'Evo Voice', namespace: 'EvoVoice.ServiceModel', memberDescriptions: MEMBER_DESCRIPTIONS }));
  app.use(notFound(), bearerChallenge(), jsvErrors(options));
  return app;
}

function unauthenticated(): never {
  throw new HttpError(401, 'Unauthorized', 'Not Authenticated');
}
