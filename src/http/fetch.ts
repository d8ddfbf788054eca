/**
 * `jsvkit/fetch`: ServiceStack-style content negotiation and JSV request bodies for Fetch API
 * handlers `(Request) => Response` (Deno, Bun, workers, `@hono/node-server`) and as Hono
 * middleware. Web APIs only: no Node modules.
 *
 *     export default { fetch: withJsv(async (request, jsv) => jsv.respond(await route(request, jsv))) };
 *
 *     const app = new Hono<{ Variables: JsvVariables }>({ getPath });
 *     app.use(jsvMiddleware());
 *     app.post('/customers', (c) => c.var.jsv.respond(create(c.var.jsv.decode(NewCustomer)), { status: 201 }));
 */
import type { Infer } from '../typed/schema.js';
import { resolveLimit, type BodyFormat, type BodyOptions } from './body-type.js';
import { decodeBody, type AnySchema } from './codec.js';
import { formatSuffix, negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';
import { readWebBody } from './read-web-body.js';
import { renderError, renderValue } from './render.js';
import type { ErrorResponseOptions } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';

/** Options of {@link withJsv} and {@link jsvMiddleware}. */
export interface JsvFetchOptions extends BodyOptions, ErrorResponseOptions {}

/** Options of {@link JsvExchange.respond}. */
export interface RespondInit {
  /** Default 200. */
  status?: number;
  headers?: ConstructorParameters<typeof Headers>[0];
  /** Write JSV with this DTO schema's typed writer. */
  schema?: AnySchema;
}

/** One negotiated request: its format, its body, and response builders in that format. */
export interface JsvExchange {
  readonly negotiation: NegotiationResult;
  /** The response format: `negotiation.format`. */
  readonly format: WireFormat;
  /** The request body's format, when it had a JSV or JSON body. */
  readonly bodyFormat: BodyFormat | undefined;
  /** The body decoded untyped (JSV tree or `JSON.parse` value); `undefined` without one. */
  readonly body: unknown;
  /**
   * The body decoded with a DTO schema.
   * @throws HttpError 400 listing every issue.
   */
  decode<S extends AnySchema>(schema: S): Infer<S>;
  /** `value` as a `Response` in the negotiated format. */
  respond(value: unknown, init?: RespondInit): Response;
  /** Any error as a ServiceStack-shaped error `Response` in the negotiated format. */
  error(error: unknown): Response;
}

/** Hono context variables set by {@link jsvMiddleware}: `new Hono<{ Variables: JsvVariables }>()`. */
export interface JsvVariables {
  jsv: JsvExchange;
}

/** A Fetch API handler that also receives the exchange. */
export type JsvFetchHandler = (request: Request, jsv: JsvExchange) => Response | Promise<Response>;

/**
 * Wraps a Fetch API handler. Per request it negotiates the format, strips a `.jsv`/`.json` suffix
 * from the URL the handler sees, reads JSV and JSON bodies under the body rules (413, 415, 400),
 * adds `Vary: Accept` when `Accept` decided, and renders anything the handler throws as
 * ServiceStack's error body.
 */
export function withJsv(handler: JsvFetchHandler, options?: JsvFetchOptions): (request: Request) => Promise<Response> {
  const limit = resolveLimit(options);
  const debug = options?.debug === true;
  return async (request) => {
    const negotiation = negotiate({ url: pathAndQuery(request.url), headers: headersOf(request) });
    let exchange: JsvExchange;
    let forwarded: Request;
    try {
      const body = await readWebBody(request, limit);
      exchange = createExchange(negotiation, body?.format, body?.text, debug);
      forwarded = forward(request, negotiation, body?.text);
    } catch (error) {
      return errorResponse(error, negotiation, debug);
    }
    try {
      return withVary(await handler(forwarded, exchange), negotiation);
    } catch (error) {
      return exchange.error(error);
    }
  };
}

/** The slice of Hono's `Context` the middleware uses. */
export interface HonoContextLike {
  req: { raw: Request };
  set(key: 'jsv', value: JsvExchange): void;
  error?: Error | undefined;
  res: Response;
}

/**
 * Hono middleware: the same negotiation, body rules and error rendering as {@link withJsv}, with
 * the exchange in `c.var.jsv`. Pass {@link getPath} to `new Hono({ getPath })` so that suffixed
 * paths route without the suffix. Errors thrown by later handlers are re-rendered in the
 * negotiated format.
 */
export function jsvMiddleware(options?: JsvFetchOptions): (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | void> {
  const limit = resolveLimit(options);
  const debug = options?.debug === true;
  return async (c, next) => {
    const request = c.req.raw;
    const negotiation = negotiate({ url: pathAndQuery(request.url), headers: headersOf(request) });
    let exchange: JsvExchange;
    try {
      const body = await readWebBody(request, limit);
      exchange = createExchange(negotiation, body?.format, body?.text, debug);
    } catch (error) {
      return errorResponse(error, negotiation, debug);
    }
    c.set('jsv', exchange);
    await next();
    if (c.error !== undefined) c.res = exchange.error(c.error);
    else if (negotiation.varyAccept && !c.res.headers.has('vary')) c.res = withVary(c.res, negotiation);
  };
}

/**
 * Hono's `getPath` option: the request path without a `.jsv`/`.json` suffix, percent-decoded as
 * Hono's own `getPath` does, so `/customers.jsv` routes as `/customers`.
 */
export function getPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  let path = query < 0 ? url.slice(start) : url.slice(start, query);
  const suffix = formatSuffix(path);
  if (suffix !== undefined) path = path.slice(0, path.length - suffix.length - 1);
  if (!path.includes('%')) return path;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function createExchange(negotiation: NegotiationResult, bodyFormat: BodyFormat | undefined, text: string | undefined, debug: boolean): JsvExchange {
  const body = bodyFormat === undefined || text === undefined ? undefined : decodeBody(bodyFormat, text);
  return {
    negotiation,
    format: negotiation.format,
    bodyFormat,
    body,
    decode<S extends AnySchema>(schema: S): Infer<S> {
      if (bodyFormat === undefined || text === undefined) return decodeBody('jsv', '', schema) as Infer<S>;
      return decodeBody(bodyFormat, text, schema) as Infer<S>;
    },
    respond(value, init) {
      const rendered = renderValue(value, negotiation.format, init?.schema);
      const headers = new Headers(init?.headers);
      headers.set('content-type', rendered.contentType);
      if (negotiation.varyAccept) headers.append('vary', 'Accept');
      return new Response(rendered.text, { status: init?.status ?? 200, headers });
    },
    error(error) {
      return errorResponse(error, negotiation, debug);
    },
  };
}

function errorResponse(error: unknown, negotiation: NegotiationResult, debug: boolean): Response {
  const rendered = renderError(error, negotiation.format, { debug });
  const headers = new Headers({ 'content-type': rendered.contentType });
  if (negotiation.varyAccept) headers.set('vary', 'Accept');
  return new Response(rendered.text, { status: rendered.status, headers });
}

// The handler sees the URL without the suffix, and a body it can still read.
function forward(request: Request, negotiation: NegotiationResult, text: string | undefined): Request {
  const url = negotiation.source === 'suffix' ? originOf(request.url) + negotiation.url : request.url;
  if (url === request.url && text === undefined) return request;
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers: request.headers, signal: request.signal };
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody && text !== undefined) init.body = text;
  else if (hasBody && request.body !== null) {
    init.body = request.body;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

function withVary(response: Response, negotiation: NegotiationResult): Response {
  if (!negotiation.varyAccept) return response;
  try {
    response.headers.append('vary', 'Accept');
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response): copy it.
    const copy = new Response(response.body, response);
    copy.headers.append('vary', 'Accept');
    return copy;
  }
}

function headersOf(request: Request): { accept: string | undefined; 'content-type': string | undefined } {
  return { accept: request.headers.get('accept') ?? undefined, 'content-type': request.headers.get('content-type') ?? undefined };
}

function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  return start < 0 ? '/' : url.slice(start);
}

function originOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  return start < 0 ? url : url.slice(0, start);
}
