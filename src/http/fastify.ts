/**
 * `jsvkit/fastify`: ServiceStack-style content negotiation and JSV request bodies as a Fastify 5
 * plugin, built on Fastify's own hooks: a content-type parser for JSV and JSON bodies, a
 * per-reply serializer for the negotiated format, and an error handler for ServiceStack's error
 * shape. Fastify routes before any hook runs, so `.jsv` suffixes are stripped by the
 * `rewriteUrl` server option:
 *
 *     const app = Fastify({ rewriteUrl });
 *     await app.register(jsvPlugin);
 *     app.post('/customers', { config: { jsv: { body: NewCustomer, response: CustomerInfo } } }, handler);
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyPluginCallback, FastifyRequest } from 'fastify';
import { resolveLimit, type BodyFormat, type BodyOptions } from './body-type.js';
import { decodeBody, type AnySchema } from './codec.js';
import { formatSuffix, negotiate, type NegotiationResult } from './negotiate.js';
import { readBody } from './read-body.js';
import { renderError, renderValue } from './render.js';
import { HttpError, type ErrorResponseOptions } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';

/** Options of {@link jsvPlugin}. */
export interface JsvFastifyOptions extends BodyOptions, ErrorResponseOptions {
  /** Answer unmatched routes with a ServiceStack-shaped 404 (default true). */
  notFound?: boolean;
}

/** Schemas of one route, given as `config: { jsv: { body, response } }`. */
export interface RouteSchemas {
  body?: AnySchema;
  response?: AnySchema;
}

/** What the plugin records on `request.jsv`. */
export interface JsvRequestState {
  negotiation: NegotiationResult;
  bodyFormat?: BodyFormat;
  /** The body text, kept so a route schema can decode it typed. */
  text?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    jsv?: RouteSchemas;
  }
  interface FastifyRequest {
    jsv: JsvRequestState;
  }
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

const DEFAULT_JSON = 'application/json; charset=utf-8';

function plugin(fastify: FastifyInstance, options: JsvFastifyOptions, done: (error?: Error) => void): void {
  const limit = resolveLimit(options);
  const debug = options.debug === true;

  fastify.decorateRequest('jsv', null as unknown as JsvRequestState);

  fastify.addHook('onRequest', (request, reply, hookDone) => {
    const negotiation = negotiate({ url: request.originalUrl, headers: request.headers });
    request.jsv = { negotiation };
    if (negotiation.varyAccept) reply.header('vary', 'Accept');
    hookDone();
  });

  // Replaces Fastify's JSON parser too: it reads latin1 and lone bad bytes without complaint.
  fastify.addContentTypeParser(['text/jsv', 'application/jsv', 'application/json'], (request, payload, parserDone) => {
    readBody(payload, request.headers, limit).then((body) => {
      if (body === undefined) return parserDone(null, undefined);
      request.jsv.bodyFormat = body.format;
      request.jsv.text = body.text;
      let value: unknown;
      try {
        value = decodeBody(body.format, body.text);
      } catch (error) {
        return parserDone(error as Error, undefined);
      }
      parserDone(null, value);
    }, (error: Error) => parserDone(error, undefined));
  });

  // preHandler rather than preValidation: a route's own preValidation hooks (authentication) then
  // run before typed decoding, as ServiceStack runs [Authenticate] before validation.
  fastify.addHook('preHandler', (request, _reply, hookDone) => {
    const schema = routeSchemas(request)?.body;
    const { bodyFormat, text } = request.jsv;
    if (schema !== undefined && bodyFormat !== undefined && text !== undefined) {
      try {
        request.body = decodeBody(bodyFormat, text, schema);
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
      const { format, contentType } = request.jsv.negotiation;
      const schema = routeSchemas(request)?.response;
      reply.header('content-type', contentType);
      reply.serializer((value: unknown) => (typeof value === 'string' ? value : renderValue(value, format, schema).text));
    }
    hookDone(null, payload);
  });

  fastify.setErrorHandler((error, request, reply) => {
    // Errors raised before onRequest (a malformed URL) have no negotiation yet.
    const negotiation = request.jsv?.negotiation ?? negotiate({ url: request.originalUrl, headers: request.headers });
    const rendered = renderError(error, negotiation.format, { debug });
    reply.code(rendered.status).header('content-type', rendered.contentType).send(rendered.text);
  });

  if (options.notFound !== false) {
    fastify.setNotFoundHandler((request, reply) => {
      reply.send(new HttpError(404, 'NotFound', `No route for ${request.method} ${request.url.split('?')[0]}`));
    });
  }

  done();
}

function routeSchemas(request: FastifyRequest): RouteSchemas | undefined {
  return (request.routeOptions.config as { jsv?: RouteSchemas }).jsv;
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
