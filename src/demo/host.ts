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
import { JSON_CONTENT_TYPE, JSV_CONTENT_TYPE } from '../http/negotiate.js';
import { HttpError } from '../http/response-status.js';
import * as t from '../typed/t.js';
import type { ApiTable, HttpVerb, Operation, OperationRequest, OperationResponse } from '../typed/operation.js';
import { DtoBinder, queryPairs } from './binding.js';
import { answersVerb, expressRoute, predefinedCall, predefinedFormat } from './routes.js';

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

/** What answers one operation: its request DTO in, its response out (or thrown `HttpError`s). */
export type OperationHandler<O extends Operation, Caller> = (
  request: OperationRequest<O>,
  caller: Caller | undefined,
) => OperationResponse<O> | Promise<OperationResponse<O>>;

/** One handler per operation of the table. */
export type OperationHandlers<A extends ApiTable, Caller> = { [K in keyof A]: OperationHandler<A[K], Caller> };

export interface ApiRoutesOptions<A extends ApiTable> {
  /** The status of a successful single call, per operation (default 200; 204 for an operation without response). */
  successStatus?: { [K in keyof A]?: number };
}

/** `X-AutoBatch-Completed`: how many requests of a batch ran before the first failure (ServiceStack's header). */
export const AUTO_BATCH_COMPLETED = 'X-AutoBatch-Completed';

/**
 * Makes the predefined routes answer in their own format when neither a suffix nor `?format=`
 * names one, by standing in for `Accept` (which ServiceStack does not consult on those routes).
 * Must run before `jsv()`, which negotiates.
 */
export function predefinedRouteFormat(): RequestHandler {
  return (req, _res, next) => {
    const format = predefinedFormat(req.path);
    if (format !== undefined) req.headers.accept = format === 'jsv' ? JSV_CONTENT_TYPE : JSON_CONTENT_TYPE;
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
  handler: OperationHandler<Operation, Caller>;
  binder: DtoBinder;
  status: number;
  decode: RequestHandler;
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
      handler,
      binder: new DtoBinder(op.request),
      status: (options?.successStatus as Record<string, number | undefined> | undefined)?.[key] ?? (op.response === undefined ? 204 : 200),
      decode: typed({ body: op.request, response: op.response }),
      decodeBatch: typed({ body: t.array(op.request), response: op.response === undefined ? undefined : t.array(op.response) }),
    };
    byName.set(op.name.toLowerCase(), compiled);

    for (const route of op.routes) {
      const { path, variables } = expressRoute(op, route.path, (name) => compiled.binder.memberName(name));
      const verbs: readonly HttpVerb[] = route.verbs !== undefined && route.verbs.length > 0 ? route.verbs : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
      for (const verb of verbs) {
        router[verb.toLowerCase() as Lowercase<HttpVerb>](path, (req, res, next) => {
          const pathValues = [...variables].map(([param, member]): [string, string] => [member, paramText(req.params[param])]);
          call(compiled, security, req, res, next, (dto) => {
            // Path variables, then the query string, override what the body said (ServiceStack RestPath).
            compiled.binder.bind(dto, pathValues, 'override');
            compiled.binder.bind(dto, queryPairs(req.url), 'override');
          });
        });
      }
    }
  }

  const predefined: RequestHandler = (req, res, next) => {
    const { name, batch } = predefinedCall(paramText(req.params.name));
    const compiled = byName.get(name.toLowerCase());
    if (compiled === undefined) return next(new HttpError(404, 'NotFound', `This service has no operation named '${name}'`));
    if (batch) return callBatch(compiled, security, req, res, next);
    call(compiled, security, req, res, next, (dto, hasBody) => {
      // Without a body the query string is the request; with one it only fills what the body left out
      // (ServiceStack GenericHandler).
      compiled.binder.bind(dto, queryPairs(req.url), hasBody ? 'fill' : 'override');
    });
  };
  router.all('/json/reply/:name', predefined);
  router.all('/jsv/reply/:name', predefined);
  router.all('/api/:name', predefined);

  return router;
}

function call<Caller>(
  compiled: Compiled<Caller>,
  security: HostSecurity<Caller>,
  req: Request,
  res: Response,
  next: (error?: unknown) => void,
  bind: (dto: Record<string, unknown>, hasBody: boolean) => void,
): void {
  let caller: Caller | undefined;
  try {
    assertVerb(compiled.op, req.method);
    caller = authorize(compiled.op, security, req);
  } catch (error) {
    return next(error);
  }
  // A GET with `Content-Type` but no body (JsonServiceClient sends one on every call) binds an
  // empty DTO, as ServiceStack's `ContentLength > 0` test does.
  const decode = sendsBody(req) ? compiled.decode : skip;
  decode(req, res, (error?: unknown) => {
    if (error !== undefined) return next(error);
    const body = sendsBody(req) ? (req.body as unknown) : undefined;
    const hasBody = typeof body === 'object' && body !== null;
    const dto = hasBody ? (body as Record<string, unknown>) : compiled.binder.empty();
    run(async () => {
      bind(dto, hasBody);
      const value = await compiled.handler(dto as never, caller);
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
  let caller: Caller | undefined;
  try {
    assertVerb(compiled.op, req.method);
    caller = authorize(compiled.op, security, req);
  } catch (error) {
    return next(error);
  }
  (sendsBody(req) ? compiled.decodeBatch : skip)(req, res, (error?: unknown) => {
    if (error !== undefined) return next(error);
    const requests = sendsBody(req) && Array.isArray(req.body) ? (req.body as unknown[]) : [];
    run(async () => {
      const responses: unknown[] = [];
      for (const request of requests) {
        try {
          responses.push(await compiled.handler((request ?? compiled.binder.empty()) as never, caller));
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
 * The verbs an operation answers, as ServiceStack finds no `Get(…)`/`Any(…)` method for another
 * verb: 405 with `Allow`.
 */
function assertVerb(op: Operation, method: string): void {
  if (answersVerb(op, method)) return;
  const allowed = op.verbs.join(', ');
  throw new HttpError(405, 'NotImplementedException', `${op.name} does not answer ${method}; it answers ${allowed}`);
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

function sendsBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : Number(length) > 0;
}

const skip: RequestHandler = (_req, _res, next) => next();

function run(work: () => Promise<void>, next: (error?: unknown) => void): void {
  work().catch(next);
}

// Express 5 gives a `*rest` wildcard as its list of segments.
function paramText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}
