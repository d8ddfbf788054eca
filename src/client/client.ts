/**
 * `createClient`: a typed ServiceStack client over the Fetch API (Node 20+, browsers, Bun, Deno).
 * An operation descriptor (from `jsvkit codegen`'s `api` table, or `operation(...)`) gives the verb,
 * the route and the schemas; the client writes the request DTO in JSV (default) or JSON, reads the
 * response with the response schema, and turns anything else into a `ServiceError`.
 */
import { isJsvError, type JsvError } from '../errors/jsv-error.js';
import { ArraySchema } from '../typed/composites/array.js';
import type { Input } from '../typed/input.js';
import type { HttpVerb, Operation, OperationResponse } from '../typed/operation.js';
import type { AnySchema, Infer } from '../typed/schema.js';
import { hasRequestBody, resolvePath, type PredefinedRoutes } from './route.js';
import { errorFromResponse, isServiceError, ServiceError } from './service-error.js';
import { decodeBody, encodeBody, formatOfContentType, MEDIA_TYPES, type WireFormat } from './wire.js';

/** Headers as `new Headers(init)` takes them: a record, `[name, value]` pairs or a `Headers`. */
export type HeadersInit = ConstructorParameters<typeof Headers>[0];

/** What `bearerToken` gets when it is a function. */
export interface TokenContext {
  /** True after a 401: return a fresh token (the call is then retried once), or nothing to give up. */
  refresh: boolean;
}

/** A bearer token, or a function that returns one (and refreshes it when `refresh` is true). */
export type BearerToken = string | ((context: TokenContext) => string | null | undefined | Promise<string | null | undefined>);

/** Default `timeoutMs`: 100 seconds, .NET `HttpClient`'s default timeout. */
export const DEFAULT_TIMEOUT_MS = 100_000;
/** Default `maxResponseBytes`: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface ClientOptions {
  /** The host's base URL, such as `https://api.example.com` or `https://example.com/app/`. */
  baseUrl: string;
  /** Wire format of request and response bodies (default `'jsv'`). */
  format?: WireFormat;
  /**
   * The path prefix of predefined routes, used for operations without `[Route]`s and by `sendAll`.
   * Default `/{format}/reply/`, as `JsvServiceClient` and `JsonServiceClient`; `'/api'` calls
   * `/api/{Name}` as `JsonApiClient` does.
   */
  basePath?: string;
  /** Sent as `Authorization: Bearer <token>`; a function is asked before every request. */
  bearerToken?: BearerToken;
  /** Headers sent with every request (per-call `headers` and the bearer token win over them). */
  headers?: HeadersInit;
  /** The `fetch` to use (default `globalThis.fetch`). */
  fetch?: (request: Request) => Promise<Response>;
  /** Longest a call may take, retries and body reading included (default 100 000; 0: no limit). */
  timeoutMs?: number;
  /** Largest response body read, in bytes (default 32 MiB); a larger one fails with `ResponseTooLarge`. */
  maxResponseBytes?: number;
  /** Sees (and may replace) every request before it is sent. */
  onRequest?: (request: Request, info: RequestInfo) => Request | void | Promise<Request | void>;
  /** Sees every response before its body is read (read it through `response.clone()`, if at all). */
  onResponse?: (response: Response, request: Request, info: RequestInfo) => void | Promise<void>;
  /** Called with the final `ServiceError` of a call that ends in 401, after any token refresh. */
  onUnauthorized?: (error: ServiceError) => void | Promise<void>;
}

/** About the request a hook sees. */
export interface RequestInfo {
  /** The operation's name. */
  operation: string;
  /** 1, or 2 for the retry after a token refresh. */
  attempt: number;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; it then fails with `ServiceError` `Aborted`, the signal's reason as `cause`. */
  signal?: AbortSignal;
  /** Headers for this call only. */
  headers?: HeadersInit;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

/** The request an operation takes: its DTO, members with a `.default(value)` optional. */
export type RequestOf<O extends Operation> = Input<O['request']>;

/** What `sendAll` resolves: the responses in order, or nothing for an operation without a response. */
export type ResponsesOf<O extends Operation> = O['response'] extends AnySchema ? Infer<O['response']>[] : void;

/** What `api` resolves: the response, or the error `send` would have thrown. */
export type ApiResult<O extends Operation> = { ok: true; response: OperationResponse<O>; error?: undefined } | { ok: false; error: ServiceError | JsvError; response?: undefined };

export interface Client {
  readonly baseUrl: string;
  readonly format: WireFormat;
  /**
   * Sends `request` with the operation's preferred verb (`op.method`) to its best route and
   * resolves the decoded response (`undefined` for an operation without one).
   * @throws ServiceError for a non-2xx response, a network error, a timeout, an abort or no route;
   * JsvError for a request that does not fit the request schema or a 2xx body that does not fit
   * the response schema (its message names the operation, its `path` the member).
   */
  send<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  /** `send`, resolving `{ ok: true, response }` or `{ ok: false, error }` instead of throwing a `ServiceError` or `JsvError`. */
  api<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<ApiResult<O>>;
  get<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  post<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  put<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  patch<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  delete<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>>;
  /**
   * Sends all `requests` in one `POST {basePath}{Name}[]` (ServiceStack's auto-batched requests) and
   * resolves their responses in order. No requests: resolves `[]` without a call.
   */
  sendAll<O extends Operation>(op: O, requests: readonly RequestOf<O>[], options?: CallOptions): Promise<ResponsesOf<O>>;
  /** The absolute URL `verb` (default `op.method`) sends `request` to. @throws ServiceError `NoMatchingRoute`, `AmbiguousRoute`. */
  url<O extends Operation>(op: O, request: RequestOf<O>, verb?: HttpVerb): string;
}

const FORMATS: readonly WireFormat[] = ['jsv', 'json'];

/**
 * Creates a client for one ServiceStack host.
 * @throws TypeError for options that could not work (no `baseUrl`, an unknown format, no `fetch`).
 */
export function createClient(options: ClientOptions): Client {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') throw new TypeError('createClient: baseUrl must be a URL, such as "https://api.example.com"');
  const format = options.format ?? 'jsv';
  if (!FORMATS.includes(format)) throw new TypeError(`createClient: format must be 'jsv' or 'json', got ${String(format)}`);
  const fetchImpl = options.fetch ?? (globalThis.fetch as ((request: Request) => Promise<Response>) | undefined);
  if (typeof fetchImpl !== 'function') throw new TypeError('createClient: no fetch in this runtime; pass options.fetch');
  const timeoutMs = checkLimit('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const maxResponseBytes = checkLimit('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const predefined: PredefinedRoutes = { basePath: normalizeBasePath(options.basePath ?? `/${format}/reply/`) };
  return new FetchClient(baseUrl, format, predefined, fetchImpl, timeoutMs, maxResponseBytes, options);
}

function checkLimit(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`createClient: ${name} must be a non-negative number, got ${String(value)}`);
  return value;
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** What one call sends. */
interface Exchange {
  op: Operation;
  verb: HttpVerb;
  path: string;
  body: string | undefined;
  /** The schema to read a 2xx body with; `undefined`: no body is decoded. */
  response: AnySchema | undefined;
}

const arraySchemas = new WeakMap<AnySchema, AnySchema>();

function listOf(schema: AnySchema): AnySchema {
  let list = arraySchemas.get(schema);
  if (list === undefined) {
    list = new ArraySchema(schema);
    arraySchemas.set(schema, list);
  }
  return list;
}

class FetchClient implements Client {
  constructor(
    readonly baseUrl: string,
    readonly format: WireFormat,
    private readonly predefined: PredefinedRoutes,
    private readonly fetchImpl: (request: Request) => Promise<Response>,
    private readonly timeoutMs: number,
    private readonly maxResponseBytes: number,
    private readonly options: ClientOptions,
  ) {}

  send<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, op.method, request, options);
  }

  async api<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<ApiResult<O>> {
    try {
      return { ok: true, response: await this.send(op, request, options) };
    } catch (error) {
      if (isServiceError(error) || isJsvError(error)) return { ok: false, error };
      throw error;
    }
  }

  get<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, 'GET', request, options);
  }

  post<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, 'POST', request, options);
  }

  put<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, 'PUT', request, options);
  }

  patch<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, 'PATCH', request, options);
  }

  delete<O extends Operation>(op: O, request: RequestOf<O>, options?: CallOptions): Promise<OperationResponse<O>> {
    return this.sendWith(op, 'DELETE', request, options);
  }

  async sendAll<O extends Operation>(op: O, requests: readonly RequestOf<O>[], options?: CallOptions): Promise<ResponsesOf<O>> {
    if (!Array.isArray(requests)) throw new TypeError(`sendAll ${op.name}: requests must be an array`);
    if (requests.length === 0) return (op.response === undefined ? undefined : []) as ResponsesOf<O>;
    const body = encodeBody(requests, listOf(op.request), this.format);
    const path = `${this.predefined.basePath}${op.name}[]`;
    const response = op.response === undefined ? undefined : listOf(op.response);
    return (await this.exchange({ op, verb: 'POST', path, body, response }, options)) as ResponsesOf<O>;
  }

  url<O extends Operation>(op: O, request: RequestOf<O>, verb: HttpVerb = op.method): string {
    return this.baseUrl + resolvePath(op, request, verb, this.predefined);
  }

  private async sendWith<O extends Operation>(op: O, verb: HttpVerb, request: RequestOf<O>, options: CallOptions | undefined): Promise<OperationResponse<O>> {
    const path = resolvePath(op, request, verb, this.predefined);
    // C# sends the whole DTO as the body, path variables included; GET and DELETE send none.
    const body = hasRequestBody(verb) ? encodeBody(request ?? {}, op.request, this.format) : undefined;
    return (await this.exchange({ op, verb, path, body, response: op.response }, options)) as OperationResponse<O>;
  }

  private async exchange(exchange: Exchange, options: CallOptions | undefined): Promise<unknown> {
    const signal = options?.signal;
    const controller = new AbortController();
    const limit = checkLimit('timeoutMs', options?.timeoutMs ?? this.timeoutMs);
    if (signal?.aborted) throw aborted(exchange.op, signal);
    let timedOut = false;
    // Timers hold at most 2^31-1 ms; a longer delay would fire at once.
    const timer = limit > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), Math.min(limit, 2 ** 31 - 1)) : undefined;
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    // Turns what fetch and body reading throw into the ServiceError that says why.
    const transport = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        if (isServiceError(error)) throw error;
        if (timedOut) throw new ServiceError({ status: 0, errorCode: 'Timeout', message: `${exchange.op.name}: no response within ${limit} ms`, operation: exchange.op.name, cause: error });
        if (signal?.aborted) throw aborted(exchange.op, signal);
        throw new ServiceError({ status: 0, errorCode: 'NetworkError', message: `${exchange.op.name}: ${describeNetworkError(error)}`, operation: exchange.op.name, cause: error });
      }
    };
    try {
      const token = this.options.bearerToken;
      let bearer = typeof token === 'function' ? await token({ refresh: false }) : token;
      for (let attempt = 1; ; attempt++) {
        const result = await this.attempt(exchange, options, controller.signal, bearer, attempt, transport);
        if (result.ok) return result.value;
        const error = result.error;
        if (error.status === 401 && attempt === 1 && typeof token === 'function') {
          const fresh = await token({ refresh: true });
          if (fresh !== undefined && fresh !== null && fresh !== '') {
            bearer = fresh;
            continue;
          }
        }
        if (error.status === 401) await this.options.onUnauthorized?.(error);
        throw error;
      }
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async attempt(
    exchange: Exchange,
    options: CallOptions | undefined,
    signal: AbortSignal,
    bearer: string | null | undefined,
    attempt: number,
    transport: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: ServiceError }> {
    const { op } = exchange;
    const headers = new Headers(this.options.headers);
    for (const [name, value] of new Headers(options?.headers)) headers.set(name, value);
    // ServiceClientBase sends Accept always and Content-Type only with a body.
    headers.set('Accept', MEDIA_TYPES[this.format]);
    if (exchange.body !== undefined) headers.set('Content-Type', MEDIA_TYPES[this.format]);
    if (bearer !== undefined && bearer !== null && bearer !== '') headers.set('Authorization', `Bearer ${bearer}`);
    let request = new Request(this.baseUrl + exchange.path, { method: exchange.verb, headers, body: exchange.body, signal });
    const info: RequestInfo = { operation: op.name, attempt };
    request = (await this.options.onRequest?.(request, info)) ?? request;
    const response = await transport(() => this.fetchImpl(request));
    await this.options.onResponse?.(response, request, info);
    const text = await transport(() => readText(response, this.maxResponseBytes, op.name));
    if (!response.ok) return { ok: false, error: errorFromResponse(op.name, response.status, response.statusText, text) };
    if (exchange.response === undefined) return { ok: true, value: undefined };
    const format = formatOfContentType(response.headers.get('content-type')) ?? this.format;
    return { ok: true, value: decodeBody(text, exchange.response, format, op.name) };
  }
}

function aborted(op: Operation, signal: AbortSignal): ServiceError {
  return new ServiceError({ status: 0, errorCode: 'Aborted', message: `${op.name}: the call was aborted`, operation: op.name, cause: signal.reason });
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : typeof cause?.message === 'string' ? ` (${cause.message})` : '';
  return `the request failed before a response arrived: ${error instanceof Error ? error.message : String(error)}${detail}`;
}

/**
 * Reads the body as strict UTF-8, at most `limit` bytes: a declared or actual larger body stops
 * the read (and the download) with `ResponseTooLarge`.
 */
async function readText(response: Response, limit: number, operation: string): Promise<string> {
  const tooLarge = (): ServiceError =>
    new ServiceError({ status: response.status, statusText: response.statusText, errorCode: 'ResponseTooLarge', message: `${operation}: the response body is larger than maxResponseBytes (${limit})`, operation });
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  // Fatal: a body that is not UTF-8 is an error, never text with U+FFFD in it. (A leading
  // byte-order mark is dropped, as by `Response.text()`.)
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (error) {
      void reader.cancel().catch(() => undefined);
      throw new ServiceError({ status: response.status, statusText: response.statusText, errorCode: 'InvalidResponseBody', message: `${operation}: the response body is not valid UTF-8`, operation, cause: error });
    }
  };
  let text = '';
  let received = 0;
  for (;;) {
    const step = await reader.read();
    if (step.done) break;
    received += step.value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decode(step.value);
  }
  return text + decode();
}
