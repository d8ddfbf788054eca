/**
 * `jsvkit/fastify`: ServiceStack-style content negotiation and JSV request bodies as a Fastify 5
 * plugin, built on Fastify's own hooks: content-type parsers for JSV, JSON and form bodies, a
 * per-reply serializer for the negotiated format, and an error handler for ServiceStack's error
 * shape. Fastify routes before any hook runs, so `.jsv` suffixes are stripped by the
 * `rewriteUrl` server option, and errors Fastify raises before routing reach
 * `frameworkErrors`; `serverOptions` holds both:
 *
 *     const app = Fastify({ ...serverOptions });
 *     await app.register(jsvPlugin);
 *     app.post('/customers', typed({ body: NewCustomer, response: CustomerInfo }), async (request) => create(request.body));
 *
 * The exchange itself (negotiation, body reading, decoding, rendering) is `exchange.ts`.
 */
import type { IncomingMessage } from 'node:http';
import type {
  FastifyInstance,
  FastifyPluginCallback,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteShorthandOptions,
} from 'fastify';
import type { Infer } from '../typed/schema.js';
import { unsupportedType, type PoisoningAction } from './body-type.js';
import type { AnySchema } from './codec.js';
import { Exchange, queryOf, resolveSettings, type ExchangeOptions, type ExchangeSettings } from './exchange.js';
import { formatSuffix, negotiate, type NegotiationResult } from './negotiate.js';
import { readBody } from './read-body.js';
import type { WriteOptions } from './render.js';
import { HttpError } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type HttpErrorOptions, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';
export type { PoisoningAction } from './body-type.js';
export type { WriteOptions } from './render.js';

/**
 * Options of {@link jsvPlugin}. Without `limit`, a route's body limit is Fastify's own `bodyLimit`
 * (the route's, else the server's); with it, the smaller of the two. Without
 * `onProtoPoisoning`/`onConstructorPoisoning`, the server's options of those names apply.
 */
export interface JsvFastifyOptions extends ExchangeOptions {
  /** Answer unmatched routes with a ServiceStack-shaped 404 (default true). */
  notFound?: boolean;
}

/** Schemas of one route, given as `config: { jsv: { body, response } }` or with {@link typed}. */
export interface RouteSchemas extends WriteOptions {
  body?: AnySchema;
  response?: AnySchema;
}

/** What the plugin records on `request.jsv`. */
export interface JsvRequestState {
  negotiation: NegotiationResult;
  /** The exchange: the body as read, its decoding and rendering. */
  exchange: Exchange;
  /** True once jsvkit's content-type parser handled the body. */
  parsed?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    jsv?: RouteSchemas;
  }
  interface FastifyRequest {
    jsv: JsvRequestState;
  }
}

type BodyOf<S> = S extends AnySchema ? Infer<S> : unknown;

/** Route options whose generic carries the schemas' types into the handler. */
export type TypedRouteOptions<Body, Res> = RouteShorthandOptions<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  { Body: Body; Reply: Res }
> & { config: { jsv: RouteSchemas } };

/**
 * Route options for a typed route: `app.post(path, typed({ body, response }), handler)` gives the
 * handler `request.body` as `Infer<typeof body>` and checks its return value against
 * `Infer<typeof response>`. Spread it to add options: `{ ...typed({ body }), preValidation }`.
 */
export function typed<Body extends AnySchema | undefined = undefined, Res extends AnySchema | undefined = undefined>(
  schemas: { body?: Body; response?: Res } & WriteOptions,
): TypedRouteOptions<BodyOf<Body>, BodyOf<Res>> {
  return { config: { jsv: schemas as RouteSchemas } } as TypedRouteOptions<BodyOf<Body>, BodyOf<Res>>;
}

/**
 * The `rewriteUrl` server option: removes a `.jsv`/`.json` suffix from the path so that
 * `/customers.jsv` routes as `/customers`. The plugin still sees the suffix in
 * `request.originalUrl` and negotiates from it.
 */
export function rewriteUrl(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const suffix = formatSuffix(path);
  return suffix === undefined ? url : path.slice(0, path.length - suffix.length - 1) + url.slice(path.length);
}

/**
 * The `frameworkErrors` server option: errors Fastify raises before any hook runs (a malformed
 * URL, `FST_ERR_BAD_URL`; a path parameter over `maxParamLength`; a failed constraint) answered
 * in ServiceStack's shape, negotiated like any other answer.
 */
export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const exchange = new Exchange(negotiate({ url: request.raw.url ?? '/', headers: request.headers }), resolveSettings(undefined));
  sendError(reply, exchange, error);
}

/** The Fastify server options jsvkit needs: `Fastify({ ...serverOptions })`. */
export const serverOptions = { rewriteUrl, frameworkErrors } as const;

const DEFAULT_JSON = 'application/json; charset=utf-8';
const BODY_TYPES = ['text/jsv', 'application/jsv', 'application/json', 'application/x-www-form-urlencoded'];

function plugin(fastify: FastifyInstance, options: JsvFastifyOptions, done: (error?: Error) => void): void {
  const initial = fastify.initialConfig as { bodyLimit?: number; onProtoPoisoning?: PoisoningAction; onConstructorPoisoning?: PoisoningAction };
  const settings: ExchangeSettings = resolveSettings({
    ...options,
    limit: options.limit ?? initial.bodyLimit,
    onProtoPoisoning: options.onProtoPoisoning ?? initial.onProtoPoisoning,
    onConstructorPoisoning: options.onConstructorPoisoning ?? initial.onConstructorPoisoning,
  });

  fastify.decorateRequest('jsv', null as unknown as JsvRequestState);

  fastify.addHook('onRequest', (request, reply, hookDone) => {
    const negotiation = negotiate({ url: request.originalUrl, headers: request.headers });
    request.jsv = { negotiation, exchange: new Exchange(negotiation, settings) };
    if (negotiation.varyAccept) reply.header('vary', 'Accept');
    hookDone();
  });

  // Replaces Fastify's JSON parser too: it reads latin1 and lone bad bytes without complaint and
  // inflates nothing. Fastify's `bodyLimit` and poisoning options still apply (see the options).
  fastify.addContentTypeParser(BODY_TYPES, (request, payload, parserDone) => {
    const exchange = request.jsv.exchange;
    const routeLimit = request.routeOptions.bodyLimit;
    const limit = options.limit === undefined ? (routeLimit ?? settings.rules.limit) : Math.min(options.limit, routeLimit ?? options.limit);
    readBody(payload, request.headers, { limit, bodyTimeout: settings.rules.bodyTimeout }).then(
      (body) => {
        exchange.body = body;
        request.jsv.parsed = true;
        let value: unknown;
        try {
          value = decodeFor(request);
        } catch (error) {
          return parserDone(error as Error, undefined);
        }
        parserDone(null, value);
      },
      (error: Error) => parserDone(error, undefined),
    );
  });

  // A typed route without a body (a GET, an empty POST) still gets its DTO, bound from the path
  // and query. Global hooks run before a route's own, so this comes before its authentication,
  // as ServiceStack deserializes before its request filters.
  fastify.addHook('preValidation', (request, _reply, hookDone) => {
    const schema = routeSchemas(request)?.body;
    if (schema !== undefined && request.jsv.parsed !== true) {
      try {
        // Another parser (Fastify's text/plain one, a user's) read a body jsvkit does not read.
        if (request.body !== undefined && request.body !== null) throw unsupportedType(request.headers['content-type']);
        request.body = decodeFor(request);
      } catch (error) {
        return hookDone(error as Error);
      }
    }
    hookDone();
  });

  // Runs for object payloads only (never strings, buffers or streams), after Fastify set its default
  // JSON type: a route that chose its own content type keeps it.
  fastify.addHook('preSerialization', (request, reply, payload, hookDone) => {
    const type = reply.getHeader('content-type');
    if (type === undefined || type === DEFAULT_JSON) {
      const route = routeSchemas(request);
      const exchange = request.jsv.exchange;
      reply.header('content-type', exchange.negotiation.contentType);
      reply.serializer((value: unknown) =>
        typeof value === 'string' ? value : exchange.render(value, { schema: route?.response, textCase: route?.textCase, excludeDefaultValues: route?.excludeDefaultValues }).text,
      );
    }
    hookDone(null, payload);
  });

  fastify.setErrorHandler((error, request, reply) => {
    // Errors raised before onRequest have no exchange yet.
    const exchange = request.jsv?.exchange ?? new Exchange(negotiate({ url: request.originalUrl, headers: request.headers }), settings);
    sendError(reply, exchange, error);
  });

  if (options.notFound !== false) {
    fastify.setNotFoundHandler((request, reply) => {
      reply.send(new HttpError(404, 'NotFound', `No route for ${request.method} ${request.url.split('?')[0]}`));
    });
  }

  done();
}

function decodeFor(request: FastifyRequest): unknown {
  const exchange = request.jsv.exchange;
  const schema = routeSchemas(request)?.body;
  if (schema === undefined) return exchange.untypedBody();
  return exchange.typedBody(schema, { params: request.params as Record<string, unknown>, query: queryOf(request.url) });
}

function sendError(reply: FastifyReply, exchange: Exchange, error: unknown): void {
  const rendered = exchange.renderError(error);
  if (rendered.statusDescription !== undefined) reply.raw.statusMessage = rendered.statusDescription;
  reply.code(rendered.status).headers(rendered.headers).header('content-type', rendered.contentType).send(rendered.text);
}

function routeSchemas(request: FastifyRequest): RouteSchemas | undefined {
  return (request.routeOptions.config as { jsv?: RouteSchemas } | undefined)?.jsv;
}

// What `fastify-plugin` does: register into the parent scope instead of an encapsulated child, so
// the hooks, parser and error handler apply to every route of the app.
Object.assign(plugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'jsvkit',
  [Symbol.for('plugin-meta')]: { name: 'jsvkit', fastify: '5.x' },
});

/** The Fastify 5 plugin (unencapsulated: it applies to the whole app). */
export const jsvPlugin: FastifyPluginCallback<JsvFastifyOptions> = plugin;
