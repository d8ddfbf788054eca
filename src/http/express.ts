/**
 * `jsvkit/express`: ServiceStack-style content negotiation and JSV request bodies for Express 5
 * (and Connect-style stacks). `jsv()` goes first, `jsvErrors()` last:
 *
 *     app.use(jsv());
 *     app.post('/customers', typed({ body: NewCustomer, response: CustomerInfo }), (req, res) =>
 *       respond(res, create(req.body), 201));
 *     app.use(notFound(), jsvErrors());
 *
 * The exchange itself (negotiation, body reading, decoding, rendering) is `exchange.ts`; this
 * module only moves it in and out of Express's `req` and `res`.
 */
import type { IncomingMessage } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Infer } from '../typed/schema.js';
import { decodeParsedTyped, type AnySchema } from './codec.js';
import { Exchange, queryOf, resolveSettings, type ExchangeOptions } from './exchange.js';
import { negotiate, type NegotiationResult } from './negotiate.js';
import { readBody } from './read-body.js';
import type { RenderedError, WriteOptions } from './render.js';
import { HttpError, type ErrorResponseOptions } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type HttpErrorOptions, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';
export type { PoisoningAction } from './body-type.js';
export type { WriteOptions } from './render.js';

/** Options of {@link jsv}: `limit`, `bodyTimeout`, `onProtoPoisoning`, `onConstructorPoisoning`, `debug`. */
export interface JsvExpressOptions extends ExchangeOptions {}

/** Schemas of one route (the request DTO and the response DTO) and how the response is written. */
export interface RouteSchemas<Body extends AnySchema | undefined = AnySchema | undefined, Res extends AnySchema | undefined = AnySchema | undefined>
  extends WriteOptions {
  body?: Body;
  response?: Res;
  /**
   * Bind the route's path variables and the query string over the body (default true, as
   * ServiceStack binds a user route); false for a caller that binds them itself.
   */
  bind?: boolean;
}

/** Options of {@link respond}. */
export interface RespondOptions extends WriteOptions {
  /** Default 200. */
  status?: number;
}

type BodyOf<S> = S extends AnySchema ? Infer<S> : any;

interface JsvState {
  exchange: Exchange;
  /** Another body parser (`express.json()`, …) read the body before `jsv()`. */
  parsedElsewhere: boolean;
  response?: AnySchema;
  write?: WriteOptions;
}

// A registry symbol, so a CJS and an ESM copy of this module see the same state.
const STATE = Symbol.for('jsvkit.express.state');

/**
 * The negotiation and body middleware. Per request it:
 * - chooses the response format (`.jsv`/`.json` suffix, `?format=`, `Accept`, else JSON) and
 *   strips the suffix from `req.url`, so `/customers.jsv` routes as `/customers`;
 * - adds `Vary: Accept` when `Accept` decided;
 * - reads JSV, JSON and form bodies under the body rules (limit on inflated bytes 413, codings
 *   415, charset 415, `bodyTimeout` 408, strict UTF-8 400). `req.body` is then the body decoded
 *   untyped, on first read; {@link typed} decodes it with the route's schema instead, so each
 *   body is decoded once. A body of another type is left unread for other middleware; reading
 *   `req.body` without one having parsed it answers 415.
 *
 * Errors go to `next(error)`; {@link jsvErrors} renders them in ServiceStack's shape.
 */
export function jsv(options?: JsvExpressOptions): RequestHandler {
  const settings = resolveSettings(options);
  return (req, res, next) => {
    const negotiation = negotiate({ url: req.url, headers: req.headers });
    const exchange = new Exchange(negotiation, settings);
    const parsedElsewhere = (req as { _body?: boolean })._body === true || req.readableEnded;
    const state: JsvState = { exchange, parsedElsewhere };
    (req as unknown as Record<symbol, JsvState>)[STATE] = state;
    req.url = negotiation.url;
    if (negotiation.varyAccept) res.vary('Accept');
    if (parsedElsewhere) return next();

    readBody(req, req.headers, settings.rules).then((body) => {
      exchange.body = body;
      lazyBody(req, exchange);
      next();
    }, next);
  };
}

// `req.body` decodes on first read, so a route whose `typed()` decodes with a schema never pays
// for an untyped decode too. Assigning `req.body` (another parser, a handler) replaces it.
function lazyBody(req: IncomingMessage & { body?: unknown }, exchange: Exchange): void {
  Object.defineProperty(req, 'body', {
    configurable: true,
    enumerable: true,
    get: () => exchange.untypedBody(),
    set: (value: unknown) => {
      Object.defineProperty(req, 'body', { configurable: true, enumerable: true, writable: true, value });
    },
  });
}

/**
 * Route-level middleware: decodes the body with the `body` schema, with the route's path
 * variables, then the query string, then form fields bound over it as ServiceStack binds them
 * (400 with every issue when it does not fit; 415 for a body type jsvkit does not read), and
 * makes {@link respond} write with the `response` schema, as JSV and as JSON. When another
 * parser (`express.json()`) read the body first, its value is checked against the schema all
 * the same. Place it where ServiceStack would deserialize: before authentication filters.
 */
export function typed<Body extends AnySchema | undefined = undefined, Res extends AnySchema | undefined = undefined>(
  schemas: RouteSchemas<Body, Res>,
): RequestHandler<Request['params'], BodyOf<Res>, BodyOf<Body>> {
  const write: WriteOptions = { textCase: schemas.textCase, excludeDefaultValues: schemas.excludeDefaultValues };
  return (req, _res, next) => {
    const state = stateOf(req);
    if (schemas.response !== undefined) state.response = schemas.response;
    state.write = write;
    if (schemas.body !== undefined) {
      const binding = schemas.bind === false ? undefined : { params: req.params, query: queryOf(req.url) };
      try {
        req.body = (
          state.parsedElsewhere
            ? decodeParsedTyped(schemas.body, req.body, req.headers['content-type'], binding)
            : state.exchange.typedBody(schemas.body, binding)
        ) as BodyOf<Body>;
      } catch (error) {
        return next(error);
      }
    }
    next();
  };
}

/**
 * Sends `value` in the negotiated format with a status (default 200), written with the route's
 * response schema when {@link typed} declared one (then `value` is checked against it: a value
 * that breaks it answers 500, in JSON as in JSV).
 *
 * @throws Error when {@link jsv} did not run for this request.
 */
export function respond<T>(res: Response<T>, value: NoInfer<T>, statusOrOptions?: number | RespondOptions): void {
  const state = stateOf(res.req);
  const options: RespondOptions = typeof statusOrOptions === 'number' ? { status: statusOrOptions } : (statusOrOptions ?? {});
  const body = state.exchange.render(value, {
    schema: state.response,
    textCase: options.textCase ?? state.write?.textCase,
    excludeDefaultValues: options.excludeDefaultValues ?? state.write?.excludeDefaultValues,
  });
  (res as Response).status(options.status ?? 200).type(body.contentType).send(wireText(body.text));
}

/** The negotiation result of a request that passed through {@link jsv}. */
export function negotiationOf(req: Request): NegotiationResult {
  return stateOf(req).exchange.negotiation;
}

/** A final handler that answers 404 in ServiceStack's error shape for unmatched routes. */
export function notFound(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'NotFound', `No route for ${req.method} ${req.path}`));
}

/**
 * The error handler: renders any error as `{responseStatus:{errorCode,message,errors}}` in the
 * negotiated format (see `toErrorResponse` for the status mapping), with the headers the error
 * needs (`WWW-Authenticate` on a 401). Stack traces only with `debug`.
 */
export function jsvErrors(options?: ErrorResponseOptions): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const state = (req as unknown as Record<symbol, JsvState | undefined>)[STATE];
    const exchange = state?.exchange ?? new Exchange(negotiate({ url: req.originalUrl, headers: req.headers }), resolveSettings(options));
    const rendered: RenderedError =
      options?.debug === undefined ? exchange.renderError(error) : new Exchange(exchange.negotiation, { ...exchange.settings, debug: options.debug }).renderError(error);
    if (rendered.statusDescription !== undefined) res.statusMessage = rendered.statusDescription;
    res.status(rendered.status).set(rendered.headers).type(rendered.contentType).send(wireText(rendered.text));
  };
}

// Express appends `; charset=utf-8` to the Content-Type of a string body; as bytes the negotiated
// type goes out as it is (`application/jsv` has none, as ServiceStack sends it).
function wireText(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function stateOf(req: IncomingMessage): JsvState {
  const state = (req as unknown as Record<symbol, JsvState | undefined>)[STATE];
  if (state === undefined) throw new Error('jsvkit/express: add app.use(jsv()) before the routes');
  return state;
}
