/**
 * The demo's HTTP surface on `jsvkit/express`: Express needs no server-construction option for
 * `.jsv` suffixes (Fastify needs `rewriteUrl`, Hono `getPath`), so the app reads like any
 * Express app with two extra middlewares.
 */
import express, { type Express } from 'express';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { jsv, jsvErrors, notFound, respond, typed, type JsvExpressOptions } from '../http/express.js';
import { CREATE_ROLES, type ApiKey, type DemoService } from './service.js';

/** Builds the Express app serving `POST /customers` and `GET /customers/:id`. */
export function createDemoApp(service: DemoService, options?: JsvExpressOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(jsv(options));

  // Authentication comes before the body is typed, so a caller without a key learns nothing
  // about the DTO (ServiceStack runs its [Authenticate] filter before validation).
  app.post(
    '/customers',
    (req, res, next) => {
      const key = service.authenticate(req.headers.authorization);
      service.authorize(key, CREATE_ROLES);
      res.locals.apiKey = key;
      next();
    },
    typed({ body: NewCustomer, response: CustomerInfo }),
    (req, res) => {
      respond(res, service.create(req.body as NewCustomer | undefined, res.locals.apiKey as ApiKey), 201);
    },
  );

  app.get('/customers/:id', typed({ response: CustomerInfo }), (req, res) => {
    service.authenticate(req.headers.authorization);
    respond(res, service.get(req.params.id as string));
  });

  app.use(notFound(), jsvErrors(options));
  return app;
}
