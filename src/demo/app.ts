/**
 * The demo's HTTP surface on `jsvkit/express`: Express needs no server-construction option for
 * `.jsv` suffixes (Fastify needs `rewriteUrl`, Hono `getPath`), so the app reads like any
 * Express app with two extra middlewares.
 */
import express, { Router, type Express } from 'express';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { jsv, jsvErrors, notFound, respond, typed, type JsvExpressOptions } from '../http/express.js';
import { CREATE_ROLES, type ApiKey, type DemoService } from './service.js';

/** `POST /customers` and `GET /customers/:id`, for an app that already runs `jsv()`. */
export function customerRoutes(service: DemoService): Router {
  const router = Router();

  // Authentication comes before the body is typed, so a caller without a key learns nothing
  // about the DTO (ServiceStack runs its [Authenticate] filter before validation).
  router.post(
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

  router.get('/customers/:id', typed({ response: CustomerInfo }), (req, res) => {
    service.authenticate(req.headers.authorization);
    respond(res, service.get(req.params.id as string));
  });

  return router;
}

/** The whole demo app: negotiation, the customer routes, a 404 and the error handler. */
export function createDemoApp(service: DemoService, options?: JsvExpressOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(jsv(options));
  app.use(customerRoutes(service));
  app.use(notFound(), jsvErrors(options));
  return app;
}
