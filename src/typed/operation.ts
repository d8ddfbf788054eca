/**
 * An operation of a ServiceStack API: its request and response schemas, the verbs and routes it
 * answers, and who may call it. One `api` table of these (written by `jsvkit codegen`, or by
 * hand) types the client, drives the demo host and is what `/types/metadata` describes.
 *
 * ```ts
 * export const api = {
 *   NewCustomer: operation({ request: NewCustomer, response: CustomerInfo, verbs: ['POST'],
 *     routes: [{ path: '/customers', verbs: ['POST'] }], requiresAuth: true, requiresAnyRole: ['SystemAdministrator'] }),
 * } as const;
 * ```
 */
import type { AnySchema, Infer, InferInput } from './protocol.js';

/** An HTTP verb as ServiceStack names it; `ANY` in `verbs` means every verb. */
export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One `[Route]` of a request DTO. */
export interface OperationRoute {
  /** The path template, e.g. `/customers/{CustomerId}`; variables name request members. */
  readonly path: string;
  /** The verbs this route answers; absent or empty: every verb. */
  readonly verbs?: readonly HttpVerb[];
}

/** What `operation(...)` takes. */
export interface OperationDefinition<Req extends AnySchema, Res extends AnySchema | undefined> {
  /** The request DTO's name, as in `/json/reply/{name}`. Defaults to the request schema's name. */
  readonly name?: string;
  readonly request: Req;
  /** The response DTO; `undefined` for an operation that returns nothing (`IReturnVoid`). */
  readonly response?: Res;
  /** The verbs the operation answers (metadata `actions`); default: the routes' verbs, else `['POST']`. */
  readonly verbs?: readonly (HttpVerb | 'ANY')[];
  /**
   * The verb clients send the operation with (metadata `method`, the `getMethod()` of ServiceStack's
   * TypeScript DTOs). Default as ServiceStack derives it: the one verb of the routes that name a
   * single verb, else the first of `verbs` that is not `ANY`, else `POST`.
   */
  readonly method?: HttpVerb;
  readonly routes?: readonly OperationRoute[];
  readonly requiresAuth?: boolean;
  /** Every one of these roles is required. */
  readonly requiredRoles?: readonly string[];
  /** At least one of these roles is required. */
  readonly requiresAnyRole?: readonly string[];
  /** Every one of these permissions is required. */
  readonly requiredPermissions?: readonly string[];
  /** At least one of these permissions is required. */
  readonly requiresAnyPermission?: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
}

/** An operation descriptor: a definition with every field filled in. */
export interface Operation<Req extends AnySchema = AnySchema, Res extends AnySchema | undefined = AnySchema | undefined> {
  readonly name: string;
  readonly request: Req;
  readonly response: Res;
  readonly verbs: readonly (HttpVerb | 'ANY')[];
  readonly method: HttpVerb;
  readonly routes: readonly OperationRoute[];
  readonly requiresAuth: boolean;
  readonly requiredRoles: readonly string[];
  readonly requiresAnyRole: readonly string[];
  readonly requiredPermissions: readonly string[];
  readonly requiresAnyPermission: readonly string[];
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
}

/** A table of operations by name, as `jsvkit codegen` writes it (`export const api = { … }`). */
export type ApiTable = Readonly<Record<string, Operation>>;

/** The request value an operation takes (to write: defaulted members optional, absent ones may be null). */
export type OperationRequest<O extends Operation> = InferInput<O['request']>;

/** The response value an operation gives: `void` when it returns nothing. */
export type OperationResponse<O extends Operation> = O['response'] extends AnySchema ? Infer<O['response']> : void;

const VERBS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']);

/**
 * Describes one operation. Checks what a schema cannot: a name to route by, known verbs and route
 * paths that start with `/`.
 * @throws TypeError on a definition that could not be routed.
 */
export function operation<Req extends AnySchema, Res extends AnySchema | undefined = undefined>(definition: OperationDefinition<Req, Res>): Operation<Req, Res> {
  const name = definition.name ?? definition.request.name;
  // A C# identifier: .NET type names may use any letter (`Ñandú`), as the metadata writes them.
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name)) {
    throw new TypeError(`operation: "${name}" is not a DTO name; give the request schema a name (t.object(shape, { name })) or pass name`);
  }
  const routes = (definition.routes ?? []).map((route) => {
    if (!route.path.startsWith('/')) throw new TypeError(`operation ${name}: route "${route.path}" must start with "/"`);
    for (const verb of route.verbs ?? []) checkVerb(name, verb);
    return Object.freeze({ path: route.path, verbs: Object.freeze([...(route.verbs ?? [])]) });
  });
  const verbs = definition.verbs ?? (routes.some((r) => r.verbs.length > 0) ? [...new Set(routes.flatMap((r) => r.verbs))] : ['POST' as const]);
  for (const verb of verbs) checkVerb(name, verb);
  if (definition.method !== undefined) checkVerb(name, definition.method);
  if ((definition.method as string | undefined) === 'ANY') throw new TypeError(`operation ${name}: method must be one verb, not ANY`);
  return Object.freeze({
    name,
    request: definition.request,
    response: definition.response as Res,
    verbs: Object.freeze([...verbs]),
    method: definition.method ?? preferredMethod(routes, verbs),
    routes: Object.freeze(routes),
    // A role or permission can only be checked on a signed-in caller, as ServiceStack's attributes imply.
    requiresAuth: definition.requiresAuth ?? [definition.requiredRoles, definition.requiresAnyRole, definition.requiredPermissions, definition.requiresAnyPermission].some((list) => (list?.length ?? 0) > 0),
    requiredRoles: Object.freeze([...(definition.requiredRoles ?? [])]),
    requiresAnyRole: Object.freeze([...(definition.requiresAnyRole ?? [])]),
    requiredPermissions: Object.freeze([...(definition.requiredPermissions ?? [])]),
    requiresAnyPermission: Object.freeze([...(definition.requiresAnyPermission ?? [])]),
    summary: definition.summary,
    description: definition.description,
    tags: Object.freeze([...(definition.tags ?? [])]),
  });
}

// ServiceStack's ServiceClientUtils.GetSingleRouteMethod: routes whose verbs are one supported
// verb ("GET", never "GET,POST"), counted once each; used when exactly one remains.
const SINGLE_ROUTE_VERBS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** ServiceStack's `Operation.Method`: the single route verb, else the first action that is not ANY, else POST. */
function preferredMethod(routes: readonly OperationRoute[], verbs: readonly (HttpVerb | 'ANY')[]): HttpVerb {
  const single = new Set(routes.flatMap((route) => (route.verbs?.length === 1 && SINGLE_ROUTE_VERBS.has(route.verbs[0]!) ? [route.verbs[0]!] : [])));
  if (single.size === 1) return [...single][0]!;
  return verbs.find((verb): verb is HttpVerb => verb !== 'ANY') ?? 'POST';
}

function checkVerb(name: string, verb: string): void {
  if (!VERBS.has(verb)) throw new TypeError(`operation ${name}: unknown verb "${verb}" (use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY)`);
}
