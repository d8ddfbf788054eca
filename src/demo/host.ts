/**
 * A ServiceStack-shaped host on `jsvkit/express`, driven by an `api` table of `operation(...)`
 * descriptors: every operation answers at its own `[Route]`s and at the predefined routes
 * `/json/reply/{Name}`, `/jsv/reply/{Name}`, `/api/{Name}` (`.jsv`/`.json` suffix or `?format=`
 * to choose the format) and, for a list of requests, `/json/reply/{Name}[]`, `/jsv/reply/{Name}[]`
 * and `/api/{Name}[]`. Authentication and roles are checked from the table before the body is read.
 *
 *     app.use(predefinedRouteFormat());   // before jsv()
 *     app.use(jsv());
 *     app.use(apiRoutes(api, handlers, security));
 *     app.use(notFound(), bearerChallenge(), jsvErrors());
 */
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { isHttpError, respond, typed } from '../http/express.js';
import { JSON_CONTENT_TYPE, JSV_APPLICATION_CONTENT_TYPE } from '../http/negotiate.js';
import { HttpError } from '../http/response-status.js';
import * as t from '../typed/t.js';
import type { ApiTable, HttpVerb, Operation, OperationResponse } from '../typed/operation.js';
import type { Infer } from '../typed/schema.js';
import { answersVerb, expressPath, predefinedCall, predefinedFormat } from './routes.js';

/** How the host learns who calls: the demo's API keys, a JWT check, a session lookup. */
export interface HostSecurity<Caller> {
  /**
   * The caller an `Authorization` header presents.
   * @throws HttpError 401 when it presents none (the host adds `WWW-Authenticate: Bearer`).
   */
  authenticate(authorization: string | undefined): Caller;
  /** The caller's roles, for `requiredRoles` and `requiresAnyRole`. */
  roles(caller: Caller): readonly string[];
  /** The caller's permissions, for `requiredPermissions` and `requiresAnyPermission` (default none). */
  permissions?(caller: Caller): readonly string[];
}

/**
 * What answers one operation: its request DTO in (as decoded: `Infer`, defaults filled in), its
 * response out (or thrown `HttpError`s).
 */
export type OperationHandler<O extends Operation, Caller> = (
  request: Infer<O['request']>,
  caller: Caller | undefined,
) => OperationResponse<O> | Promise<OperationResponse<O>>;

/** One handler per operation of the table. */
export type OperationHandlers<A extends ApiTable, Caller> = { [K in keyof A]: OperationHandler<A[K], Caller> };

export interface ApiRoutesOptions<A extends ApiTable> {
  /** The status of a successful single call, per operation (default 200; 204 for an operation without response). */
  successStatus?: { [K in keyof A]?: number };
  /**
   * The name of the service class, for the message of a 405 as ServiceStack words it ("… on
   * Service CustomersService"); default `{Operation}Service`.
   */
  serviceName?: string;
}

/** `X-AutoBatch-Completed`: how many requests of a batch ran before the first failure (ServiceStack's header). */
export const AUTO_BATCH_COMPLETED = 'X-AutoBatch-Completed';

/**
 * Makes the predefined routes answer in their own format when neither a suffix nor `?format=`
 * names one, by standing in for `Accept` (which ServiceStack does not consult on those routes).
 * `/jsv/reply` answers `application/jsv`, ServiceStack's `MimeTypes.Jsv` for the `jsv` format: its
 * JsvServiceClient reads an error body only when the response's type matches its own
 * (`ServiceClientBase.ToWebServiceException`, `MimeTypes.MatchesContentType`), and `text/jsv`
 * does not. Must run before `jsv()`, which negotiates.
 */
export function predefinedRouteFormat(): RequestHandler {
  return (req, _res, next) => {
    const format = predefinedFormat(req.path);
    if (format !== undefined) req.headers.accept = format === 'jsv' ? JSV_APPLICATION_CONTENT_TYPE : JSON_CONTENT_TYPE;
    next();
  };
}

/** An error handler (before `jsvErrors()`) that adds `WWW-Authenticate: Bearer` to every 401. */
export function bearerChallenge(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (isHttpError(error) && error.status === 401 && !res.headersSent) res.setHeader('WWW-Authenticate', 'Bearer');
    next(error);
  };
}

interface Compiled<Caller> {
  op: Operation;
  serviceName: string;
  handler: OperationHandler<Operation, Caller>;
  status: number;
  /** Types the body, binds path variables and the query string over it, declares the response schema. */
  decode: RequestHandler;
  /** The same for a list of requests (nothing bound: the values would fit no one item). */
  decodeBatch: RequestHandler;
}

/**
 * The routes of every operation in `api`, answered by `handlers`.
 * @throws TypeError at construction for a route template that names no request member, or an
 * operation without a handler.
 */
export function apiRoutes<A extends ApiTable, Caller>(
  api: A,
  handlers: OperationHandlers<A, Caller>,
  security: HostSecurity<Caller>,
  options?: ApiRoutesOptions<A>,
): Router {
  const router = Router();
  const byName = new Map<string, Compiled<Caller>>();

  for (const [key, op] of Object.entries(api)) {
    const handler = (handlers as Record<string, OperationHandler<Operation, Caller> | undefined>)[key];
    if (typeof handler !== 'function') throw new TypeError(`apiRoutes: no handler for operation ${op.name}`);
    const compiled: Compiled<Caller> = {
      op,
      serviceName: options?.serviceName ?? `${op.name}Service`,
      handler,
      status: (options?.successStatus as Record<string, number | undefined> | undefined)?.[key] ?? (op.response === undefined ? 204 : 200),
      // Path variables, then the query string, over the body: ServiceStack's RestPath order.
      decode: typed({ body: op.request, response: op.response }),
      // No body is an empty batch.
      decodeBatch: typed({ body: t.array(op.request).nullable(), response: op.response === undefined ? undefined : t.array(op.response), bind: false }),
    };
    byName.set(op.name.toLowerCase(), compiled);

    for (const route of op.routes) {
      const path = expressPath(op, route.path);
      const verbs: readonly HttpVerb[] = route.verbs !== undefined && route.verbs.length > 0 ? route.verbs : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
      for (const verb of verbs) router[verb.toLowerCase() as Lowercase<HttpVerb>](path, (req, res, next) => call(compiled, security, req, res, next));
    }
  }

  // Mounted with `use`, so `req.params` is empty and only the query string is bound: without a
  // body it is the request, as ServiceStack's GenericHandler reads it.
  const predefined: RequestHandler = (req, res, next) => {
    const found = predefinedCall(req.path);
    if (found === undefined) return next();
    const compiled = byName.get(found.name.toLowerCase());
    // ServiceStack's GenericHandler: AssertOperationExists throws NotImplementedException (405).
    if (compiled === undefined) return next(new HttpError(405, 'NotImplementedException', 'The operation does not exist for this service', undefined, { statusDescription: 'Method Not Allowed' }));
    if (found.batch) callBatch(compiled, security, req, res, next);
    else call(compiled, security, req, res, next);
  };
  router.use('/json/reply', predefined);
  router.use('/jsv/reply', predefined);
  router.use('/api', predefined);

  return router;
}

/**
 * The caller, once the operation's auth and verb checks pass; `undefined` after handing the failure
 * to `next`. ServiceStack runs its auth filters before it looks for the verb's method (401/403
 * before 405).
 */
function admit<Caller>(compiled: Compiled<Caller>, security: HostSecurity<Caller>, req: Request, next: (error?: unknown) => void): { caller: Caller | undefined } | undefined {
  try {
    const caller = authorize(compiled.op, security, req);
    assertVerb(compiled, req.method);
    return { caller };
  } catch (error) {
    next(error);
    return undefined;
  }
}

function call<Caller>(compiled: Compiled<Caller>, security: HostSecurity<Caller>, req: Request, res: Response, next: (error?: unknown) => void): void {
  const admitted = admit(compiled, security, req, next);
  if (admitted === undefined) return;
  const { caller } = admitted;
  compiled.decode(req, res, (error?: unknown) => {
    if (error !== undefined) return next(error);
    run(async () => {
      const value = await compiled.handler((req.body ?? {}) as never, caller);
      if (compiled.op.response === undefined) res.status(compiled.status === 200 ? 204 : compiled.status).end();
      else respond(res, value, compiled.status);
    }, next);
  });
}

/**
 * `{Name}[]`: the requests of a list one after another, answered by the list of responses, as
 * ServiceStack's auto-batching does. The first failure stops the batch and is the answer;
 * `X-AutoBatch-Completed` says how many completed before it.
 */
function callBatch<Caller>(compiled: Compiled<Caller>, security: HostSecurity<Caller>, req: Request, res: Response, next: (error?: unknown) => void): void {
  const admitted = admit(compiled, security, req, next);
  if (admitted === undefined) return;
  const { caller } = admitted;
  compiled.decodeBatch(req, res, (error?: unknown) => {
    if (error !== undefined) return next(error);
    const requests = Array.isArray(req.body) ? (req.body as unknown[]) : [];
    run(async () => {
      const responses: unknown[] = [];
      for (const request of requests) {
        try {
          responses.push(await compiled.handler((request ?? {}) as never, caller));
        } catch (failure) {
          res.setHeader(AUTO_BATCH_COMPLETED, String(responses.length));
          throw failure;
        }
      }
      res.setHeader(AUTO_BATCH_COMPLETED, String(responses.length));
      if (compiled.op.response === undefined) res.status(204).end();
      else respond(res, responses, 200);
    }, next);
  });
}

/**
 * The verbs an operation answers: another verb is ServiceStack's `NotImplementedException` from
 * `ServiceExec` (no `Put(…)`/`Any(…)` method), in its words, which its `ToStatusCode` maps to 405.
 * It is thrown outside the service runner, so the status line keeps the standard phrase.
 */
function assertVerb(compiled: Pick<Compiled<never>, 'op' | 'serviceName'>, method: string): void {
  if (answersVerb(compiled.op, method)) return;
  const verb = method.charAt(0) + method.slice(1).toLowerCase();
  const name = compiled.op.name;
  throw new HttpError(405, 'NotImplementedException', `Could not find method named ${verb}(${name}) or Any(${name}) on Service ${compiled.serviceName}`, undefined, {
    statusDescription: 'Method Not Allowed',
  });
}

/**
 * The table's auth requirements: `requiresAuth` (401), then every `requiredRoles` and one of
 * `requiresAnyRole` (403 "Invalid Role"), then the permissions (403 "Invalid Permission"),
 * ServiceStack's order and words.
 */
function authorize<Caller>(op: Operation, security: HostSecurity<Caller>, req: Request): Caller | undefined {
  if (!op.requiresAuth) return undefined;
  const caller = security.authenticate(req.headers.authorization);
  const roles = security.roles(caller);
  const allRoles = op.requiredRoles.every((role) => roles.includes(role));
  const anyRole = op.requiresAnyRole.length === 0 || op.requiresAnyRole.some((role) => roles.includes(role));
  if (!allRoles || !anyRole) throw new HttpError(403, 'Forbidden', 'Invalid Role');
  const permissions = security.permissions?.(caller) ?? [];
  const allPermissions = op.requiredPermissions.every((p) => permissions.includes(p));
  const anyPermission = op.requiresAnyPermission.length === 0 || op.requiresAnyPermission.some((p) => permissions.includes(p));
  if (!allPermissions || !anyPermission) throw new HttpError(403, 'Forbidden', 'Invalid Permission');
  return caller;
}

function run(work: () => Promise<void>, next: (error?: unknown) => void): void {
  work().catch(next);
}

