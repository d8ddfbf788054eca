/**
 * `jsvkit/express`: ServiceStack-style content negotiation and JSV request bodies for Express 5
 * (and Connect-style stacks). `jsv()` goes first, `jsvErrors()` last:
 *
 *     app.use(jsv());
 *     app.post('/customers', typed({ body: NewCustomer, response: CustomerInfo }), (req, res) =>
 *       respond(res, create(req.body), 201));
 *     app.use(notFound(), jsvErrors());
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { resolveLimit, type BodyFormat, type BodyOptions } from './body-type.js';
import { decodeBody, type AnySchema } from './codec.js';
import { negotiate, type NegotiationResult } from './negotiate.js';
import { readBody } from './read-body.js';
import { renderError, renderValue } from './render.js';
import { HttpError, type ErrorResponseOptions } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';

/** Options of {@link jsv}. */
export interface JsvExpressOptions extends BodyOptions, ErrorResponseOptions {}

/** Schemas of one route: the request DTO and the response DTO. */
export interface RouteSchemas {
  body?: AnySchema;
  response?: AnySchema;
}

interface JsvState {
  negotiation: NegotiationResult;
  debug: boolean;
  bodyFormat?: BodyFormat;
  text?: string;
  response?: AnySchema;
}

// A registry symbol, so a CJS and an ESM copy of this module see the same state.
const STATE = Symbol.for('jsvkit.express.state');

/**
 * The negotiation and body middleware. Per request it:
 * - chooses the response format (`.jsv`/`.json` suffix, `?format=`, `Accept`, else JSON) and
 *   strips the suffix from `req.url`, so `/customers.jsv` routes as `/customers`;
 * - adds `Vary: Accept` when `Accept` decided;
 * - reads JSV (`text/jsv`, `application/jsv`) and JSON bodies itself, bounded by `limit` (default
 *   1 MiB, 413), UTF-8 only (415), strictly decoded (400), into `req.body` (untyped; see
 *   {@link typed}). Malformed JSV or JSON answers 400. Other content types are left alone.
 *
 * Errors go to `next(error)`; {@link jsvErrors} renders them in ServiceStack's shape.
 */
export function jsv(options?: JsvExpressOptions): RequestHandler {
  const limit = resolveLimit(options);
  const debug = options?.debug === true;
  return (req, _res, next) => {
    const negotiation = negotiate({ url: req.url, headers: req.headers });
    const state: JsvState = { negotiation, debug };
    (req as unknown as Record<symbol, JsvState>)[STATE] = state;
    req.url = negotiation.url;
    if (negotiation.varyAccept) _res.vary('Accept');
    // Another body parser already consumed the stream.
    if ((req as { _body?: boolean })._body === true || req.readableEnded) return next();

    readBody(req, req.headers, limit).then((body) => {
      if (body === undefined) return next();
      state.bodyFormat = body.format;
      state.text = body.text;
      try {
        req.body = decodeBody(body.format, body.text);
      } catch (error) {
        return next(error);
      }
      next();
    }, next);
  };
}

/**
 * Route-level middleware: decodes `req.body` with the `body` schema (400 with every issue when it
 * does not match) and makes {@link respond} write JSV with the `response` schema.
 */
export function typed(schemas: RouteSchemas): RequestHandler {
  return (req, _res, next) => {
    const state = stateOf(req);
    if (schemas.response !== undefined) state.response = schemas.response;
    if (schemas.body !== undefined && state.bodyFormat !== undefined && state.text !== undefined) {
      try {
        req.body = decodeBody(state.bodyFormat, state.text, schemas.body);
      } catch (error) {
        return next(error);
      }
    }
    next();
  };
}

/**
 * Sends `value` in the negotiated format with `status` (default 200). JSV uses the route's
 * response schema when {@link typed} declared one.
 *
 * @throws Error when {@link jsv} did not run for this request.
 */
export function respond(res: Response, value: unknown, status = 200): void {
  const state = stateOf(res.req);
  const body = renderValue(value, state.negotiation.format, state.response);
  res.status(status).type(body.contentType).send(body.text);
}

/** The negotiation result of a request that passed through {@link jsv}. */
export function negotiationOf(req: Request): NegotiationResult {
  return stateOf(req).negotiation;
}

/** A final handler that answers 404 in ServiceStack's error shape for unmatched routes. */
export function notFound(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, 'NotFound', `No route for ${req.method} ${req.path}`));
}

/**
 * The error handler: renders any error as `{responseStatus:{errorCode,message,errors}}` in the
 * negotiated format (see `toErrorResponse` for the status mapping). Stack traces only with `debug`.
 */
export function jsvErrors(options?: ErrorResponseOptions): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const state = (req as unknown as Record<symbol, JsvState | undefined>)[STATE];
    const format = (state?.negotiation ?? negotiate({ url: req.originalUrl, headers: req.headers })).format;
    const rendered = renderError(error, format, { debug: options?.debug ?? state?.debug ?? false });
    res.status(rendered.status).type(rendered.contentType).send(rendered.text);
  };
}

function stateOf(req: Request): JsvState {
  const state = (req as unknown as Record<symbol, JsvState | undefined>)[STATE];
  if (state === undefined) throw new Error('jsvkit/express: add app.use(jsv()) before the routes');
  return state;
}
