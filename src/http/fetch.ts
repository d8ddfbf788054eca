/**
 * `jsvkit/fetch`: ServiceStack-style content negotiation and JSV request bodies for Fetch API
 * handlers `(Request) => Response` (Deno, Bun, workers, `@hono/node-server`) and as Hono
 * middleware. Web APIs only (`br` bodies load `node:zlib` where the runtime's
 * `DecompressionStream` lacks it).
 *
 *     export default { fetch: withJsv(async (request, jsv) => jsv.respond(await route(request, jsv))) };
 *
 *     const app = new Hono<{ Variables: JsvVariables }>({ getPath });
 *     app.use(jsvMiddleware());
 *     app.notFound(jsvNotFound);
 *     app.onError(jsvOnError);
 *     app.post('/customers', (c) => c.var.jsv.respond(create(c.var.jsv.decode(NewCustomer)), { status: 201, schema: CustomerInfo }));
 *
 * The exchange itself (negotiation, body reading, decoding, rendering) is `exchange.ts`.
 */
import type { Infer } from '../typed/schema.js';
import type { BodyFormat } from './body-type.js';
import type { AnySchema } from './codec.js';
import { Exchange, queryOf, resolveSettings, type ExchangeOptions, type ResponseInit } from './exchange.js';
import { formatSuffix, negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';
import { readWebBody } from './read-web-body.js';
import type { RenderedError } from './render.js';
import { HttpError } from './response-status.js';

export { HttpError, isHttpError, toErrorResponse, type ErrorResponse, type HttpErrorOptions, type ResponseError, type ResponseStatus } from './response-status.js';
export { negotiate, type NegotiationResult, type WireFormat } from './negotiate.js';
export type { PoisoningAction } from './body-type.js';
export type { WriteOptions } from './render.js';

/** Options of {@link withJsv} and {@link jsvMiddleware}. */
export interface JsvFetchOptions extends ExchangeOptions {}

/** Options of {@link JsvExchange.respond}. */
export interface RespondInit extends ResponseInit {
  headers?: ConstructorParameters<typeof Headers>[0];
}

/** One negotiated request: its format, its body, and response builders in that format. */
export interface JsvExchange {
  readonly negotiation: NegotiationResult;
  /** The response format: `negotiation.format`. */
  readonly format: WireFormat;
  /** The request body's format, when it had a JSV, JSON or form body. */
  readonly bodyFormat: BodyFormat | undefined;
  /**
   * The body decoded untyped (JSV tree, `JSON.parse` value, form fields) on first read;
   * `undefined` without one.
   * @throws HttpError 415 for a body of a type jsvkit does not read, 400 when it does not parse.
   */
  readonly body: unknown;
  /**
   * The body decoded with a DTO schema, with the route's path variables (`params`), then the
   * query string, then form fields bound over it as ServiceStack binds them. An absent or empty
   * body is an empty DTO.
   * @throws HttpError 400 listing every issue, 415 for a body type jsvkit does not read.
   */
  decode<S extends AnySchema>(schema: S, params?: Readonly<Record<string, unknown>>): Infer<S>;
  /** `value` as a `Response` in the negotiated format, written with `init.schema` when given. */
  respond<S extends AnySchema>(value: NoInfer<Infer<S>>, init: RespondInit & { schema: S }): Response;
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
 * from the URL the handler sees, reads JSV, JSON and form bodies under the body rules (413, 415,
 * 408, 400), adds `Vary: Accept` when `Accept` decided, and renders anything the handler throws
 * as ServiceStack's error body.
 */
export function withJsv(handler: JsvFetchHandler, options?: JsvFetchOptions): (request: Request) => Promise<Response> {
  const settings = resolveSettings(options);
  return async (request) => {
    const core = new Exchange(negotiate({ url: pathAndQuery(request.url), headers: headersOf(request) }), settings);
    let forwarded: Request;
    try {
      core.body = await readWebBody(request, settings.rules);
      forwarded = forward(request, core);
    } catch (error) {
      return errorResponse(core.renderError(error), core.negotiation);
    }
    const exchange = exchangeOf(core, request);
    try {
      return withVary(await handler(forwarded, exchange), core.negotiation);
    } catch (error) {
      return exchange.error(error);
    }
  };
}

/** The slice of Hono's `Context` the middleware and handlers use. */
export interface HonoContextLike {
  req: { raw: Request };
  set(key: 'jsv', value: JsvExchange): void;
  get?(key: 'jsv'): JsvExchange | undefined;
  var?: { jsv?: JsvExchange };
  error?: Error | undefined;
  res: Response;
}

/**
 * Hono middleware: the same negotiation, body rules and error rendering as {@link withJsv}, with
 * the exchange in `c.var.jsv`. Pass {@link getPath} to `new Hono({ getPath })` so that suffixed
 * paths route without the suffix, and {@link jsvNotFound} and {@link jsvOnError} to
 * `app.notFound` and `app.onError`, so unknown routes and thrown errors answer in ServiceStack's
 * shape (and Hono does not log expected 4xx errors).
 */
export function jsvMiddleware(options?: JsvFetchOptions): (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | void> {
  const settings = resolveSettings(options);
  return async (c, next) => {
    const request = c.req.raw;
    const core = new Exchange(negotiate({ url: pathAndQuery(request.url), headers: headersOf(request) }), settings);
    try {
      core.body = await readWebBody(request, settings.rules);
    } catch (error) {
      return errorResponse(core.renderError(error), core.negotiation);
    }
    const exchange = exchangeOf(core, request);
    c.set('jsv', exchange);
    await next();
    // Without `app.onError(jsvOnError)`, Hono's own handler answered: answer again, in shape.
    if (c.error !== undefined && !c.res.headers.get('content-type')?.startsWith(core.negotiation.contentType)) c.res = exchange.error(c.error);
    else if (core.negotiation.varyAccept && !c.res.headers.has('vary')) c.res = withVary(c.res, core.negotiation);
  };
}

/** Hono's `app.notFound` handler: a ServiceStack-shaped 404, negotiated like any answer. */
export function jsvNotFound(c: HonoContextLike): Response {
  const request = c.req.raw;
  const path = new URL(request.url).pathname;
  return exchangeFor(c).error(new HttpError(404, 'NotFound', `No route for ${request.method} ${path}`));
}

/** Hono's `app.onError` handler: any thrown error in ServiceStack's shape, nothing logged. */
export function jsvOnError(error: unknown, c: HonoContextLike): Response {
  return exchangeFor(c).error(error);
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

// The exchange of a context, or (a request the middleware never saw) a fresh one.
function exchangeFor(c: HonoContextLike): JsvExchange {
  const existing = c.var?.jsv ?? c.get?.('jsv');
  if (existing !== undefined) return existing;
  const request = c.req.raw;
  return exchangeOf(new Exchange(negotiate({ url: pathAndQuery(request.url), headers: headersOf(request) }), resolveSettings(undefined)), request);
}

function exchangeOf(core: Exchange, request: Request): JsvExchange {
  const negotiation = core.negotiation;
  const query = queryOf(request.url);
  return {
    negotiation,
    format: negotiation.format,
    bodyFormat: core.body.kind === 'text' ? core.body.format : undefined,
    get body() {
      return core.untypedBody();
    },
    decode<S extends AnySchema>(schema: S, params?: Readonly<Record<string, unknown>>): Infer<S> {
      return core.typedBody(schema, { params, query }) as Infer<S>;
    },
    respond(value: unknown, init?: RespondInit): Response {
      const rendered = core.render(value, init);
      const headers = new Headers(init?.headers);
      headers.set('content-type', rendered.contentType);
      if (negotiation.varyAccept) headers.append('vary', 'Accept');
      return new Response(rendered.text, { status: init?.status ?? 200, headers });
    },
    error(error: unknown): Response {
      return errorResponse(core.renderError(error), negotiation);
    },
  };
}

function errorResponse(rendered: RenderedError, negotiation: NegotiationResult): Response {
  const headers = new Headers(rendered.headers);
  headers.set('content-type', rendered.contentType);
  if (negotiation.varyAccept) headers.set('vary', 'Accept');
  return new Response(rendered.text, { status: rendered.status, headers, ...(rendered.statusDescription === undefined ? {} : { statusText: rendered.statusDescription }) });
}

// The handler sees the URL without the suffix, and a body it can still read: the text jsvkit
// read (inflated, so without Content-Encoding), or the untouched stream of a type it left alone.
function forward(request: Request, core: Exchange): Request {
  const negotiation = core.negotiation;
  const url = negotiation.source === 'suffix' ? originOf(request.url) + negotiation.url : request.url;
  const text = core.body.kind === 'text' ? core.body.text : undefined;
  if (url === request.url && text === undefined) return request;
  const headers = new Headers(request.headers);
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers, signal: request.signal };
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody && text !== undefined) {
    headers.delete('content-encoding');
    headers.delete('content-length');
    init.body = text;
  } else if (hasBody && request.body !== null) {
    init.body = request.body;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

function withVary(response: Response, negotiation: NegotiationResult): Response {
  if (!negotiation.varyAccept) return response;
  // One `Accept` is enough, whoever added it first.
  if (/(^|,)\s*accept\s*(,|$)/i.test(response.headers.get('vary') ?? '')) return response;
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

