/**
 * Request DTO -> URL, as ServiceStack's C# clients build it (ServiceStack.Client `UrlExtensions.ToUrl`,
 * `RestRoute` and `ServiceClientBase.ResolveTypedUrl`):
 *
 * - an operation without routes goes to its predefined route (`/{format}/reply/{Name}`, or
 *   `{basePath}/{Name}`), every set member in the query string for verbs without a body;
 * - otherwise each route is tried for the verb: it must allow the verb (no verbs: every verb) and
 *   every `{Variable}` must name a request member that holds a value (a `{Variable*}` wildcard may be
 *   empty); when none fits, the call fails (no fallback to the predefined route, as in C#);
 * - of several fitting routes the one with the most variables wins, then the shorter path; routes
 *   with the same variable count but different variables are ambiguous;
 * - a variable's value is the member's text: a string as it is, anything else its JSV with outer
 *   `[` `]` trimmed (a list `1,2,3`), then escaped as .NET's `Uri.EscapeDataString` escapes;
 * - for GET, DELETE, HEAD and OPTIONS the members not in the path go to the query string, in
 *   declaration order, named in camelCase (`RestRoute.GetQueryProperties`), leaving out those that
 *   are null or hold their type's default (`GetValue(request, excludeDefault: true)`); a list is
 *   written as its JSV items (`1,2,3`), an empty list as `[]`. Other verbs send the whole DTO as the body.
 */
import { ObjectSchema } from '../typed/composites/object.js';
import type { HttpVerb, Operation } from '../typed/operation.js';
import type { AnySchema } from '../typed/schema.js';
import { foldCase, toCamelCase } from '../typed/text-case.js';
import { stringifyTyped } from '../typed/typed-api.js';
import { ServiceError } from './service-error.js';

/** Where an operation without a matching `[Route]` is sent: ServiceStack's predefined routes. */
export interface PredefinedRoutes {
  /** The path prefix the operation name is appended to, with both slashes: `/jsv/reply/`, `/api/`. */
  readonly basePath: string;
}

/** True for the verbs that carry a request body (ServiceStack `HttpUtils.HasRequestBody`). */
export function hasRequestBody(verb: HttpVerb): boolean {
  return verb !== 'GET' && verb !== 'DELETE' && verb !== 'HEAD' && verb !== 'OPTIONS';
}

/**
 * The path and query (relative to the base URL) that `verb` sends `request` to.
 * @throws ServiceError `NoMatchingRoute` or `AmbiguousRoute` (status 0) when the operation's routes
 * cannot take the request, as C#'s `ToUrl` throws; JsvError when a member does not fit its schema.
 */
export function resolvePath(op: Operation, request: unknown, verb: HttpVerb, predefined: PredefinedRoutes): string {
  const dto = asRecord(op, request);
  const members = memberTable(op.request);
  if (op.routes.length === 0) {
    const path = predefined.basePath + op.name;
    return hasRequestBody(verb) ? path : withQuery(path, queryString(dto, members, new Set()));
  }
  const applied = op.routes.map((route) => applyRoute(route.path, route.verbs ?? [], dto, members, verb));
  const matching = applied.filter((result): result is Applied => result.ok);
  if (matching.length === 0) {
    const reasons = applied.map((result) => `${result.path}: ${result.ok ? '' : result.reason}`).join('; ');
    throw new ServiceError({ status: 0, errorCode: 'NoMatchingRoute', message: `None of the routes of ${op.name} takes this ${verb} request (${reasons})`, operation: op.name });
  }
  const best = matching.length === 1 ? matching[0]! : mostSpecific(op.name, matching);
  return hasRequestBody(verb) ? best.uri : withQuery(best.uri, queryString(dto, members, best.usedMembers));
}

interface Member {
  name: string;
  schema: AnySchema;
}

type Applied = { ok: true; path: string; uri: string; variables: string[]; usedMembers: Set<string> };
type Failed = { ok: false; path: string; reason: string };

const tables = new WeakMap<AnySchema, Map<string, Member>>();

/** The request DTO's members by folded name (C# matches route variables case-insensitively). */
function memberTable(schema: AnySchema): Map<string, Member> {
  let table = tables.get(schema);
  if (table !== undefined) return table;
  table = new Map();
  let resolved: AnySchema = schema;
  while (resolved.kind === 'lazy') resolved = (resolved as unknown as { resolve(): AnySchema }).resolve();
  if (resolved instanceof ObjectSchema) {
    for (const name of resolved.keys()) {
      const key = foldCase(name);
      if (!table.has(key)) table.set(key, { name, schema: resolved.member(name)! });
    }
  }
  tables.set(schema, table);
  return table;
}

function asRecord(op: Operation, request: unknown): Record<string, unknown> {
  if (request === undefined || request === null) return {};
  if (typeof request !== 'object' || Array.isArray(request)) {
    throw new TypeError(`${op.name}: the request must be an object (a ${op.request.name} DTO), got ${Array.isArray(request) ? 'an array' : typeof request}`);
  }
  return request as Record<string, unknown>;
}

// RestRoute.GetUrlVariables: the path splits at `/` and `.`; a part holding a brace must be one whole
// `{name}` (a `*` before or after the name marks a wildcard).
function applyRoute(path: string, verbs: readonly HttpVerb[], dto: Record<string, unknown>, members: Map<string, Member>, verb: HttpVerb): Applied | Failed {
  const variables: string[] = [];
  const problems: string[] = [];
  for (const part of path.split(/[/.]/)) {
    if (!part.includes('{') && !part.includes('}')) continue;
    const name = part.slice(1, -1);
    if (!part.startsWith('{') || !part.endsWith('}') || name.includes('}') || name.includes('{')) {
      problems.push(`part '${part}' cannot be parsed`);
      continue;
    }
    if (!members.has(foldCase(trimStars(name)))) problems.push(`variable '${name}' does not match any member`);
    else variables.push(name);
  }
  if (problems.length > 0) return { ok: false, path, reason: problems.join(', ') };
  if (verbs.length > 0 && !verbs.includes(verb)) return { ok: false, path, reason: `allows ${verbs.join(', ')}, not ${verb}` };

  let uri = path;
  const unmatched: string[] = [];
  const usedMembers = new Set<string>();
  for (const variable of variables) {
    const member = members.get(foldCase(trimStars(variable)))!;
    usedMembers.add(member.name);
    const value = memberValue(dto, member);
    const wildcard = variable.startsWith('*') || variable.endsWith('*');
    if (value === undefined && !wildcard) {
      unmatched.push(variable);
      continue;
    }
    // .NET's String.Replace: every occurrence; a null wildcard value removes the placeholder.
    uri = uri.split(`{${variable}}`).join(value === undefined ? '' : escapeDataString(pathText(value, member.schema)));
  }
  if (unmatched.length > 0) return { ok: false, path, reason: `no value for ${unmatched.join(', ')}` };
  return { ok: true, path, uri, variables, usedMembers };
}

function trimStars(name: string): string {
  return name.replace(/^\*+|\*+$/g, '');
}

/**
 * The member's value as C# would see it: a missing member with a `.default(value)` holds that value
 * (a C# value type is never null); otherwise missing is `undefined`.
 */
function memberValue(dto: Record<string, unknown>, member: Member): unknown {
  const value = Object.hasOwn(dto, member.name) ? dto[member.name] : undefined;
  if (value !== undefined && value !== null) return value;
  return member.schema.hasDefault ? member.schema.defaultValue : undefined;
}

// UrlExtensions.FindMostSpecificRoute (every jsvkit route has priority 0).
function mostSpecific(name: string, routes: Applied[]): Applied {
  let best = routes[0]!;
  const others: Applied[] = [];
  for (const route of routes.slice(1)) {
    if (route.variables.length > best.variables.length) {
      others.length = 0;
      best = route;
    } else if (route.variables.length === best.variables.length) {
      if (route.path.length < best.path.length) {
        others.push(best);
        best = route;
      } else {
        others.push(route);
      }
    }
  }
  const bestVariables = new Set(best.variables.map(foldCase));
  if (others.every((other) => other.variables.every((v) => bestVariables.has(foldCase(v))))) return best;
  throw new ServiceError({
    status: 0,
    errorCode: 'AmbiguousRoute',
    message: `Routes of ${name} match this request equally well: ${[best, ...others].map((r) => r.path).join(', ')}`,
    operation: name,
  });
}

// RestRoute.GetQueryString over GetQueryProperties: declaration order, camelCase names, null and
// default values left out.
function queryString(dto: Record<string, unknown>, members: Map<string, Member>, inPath: Set<string>): string {
  const pairs: string[] = [];
  for (const member of members.values()) {
    if (inPath.has(member.name)) continue;
    const value = Object.hasOwn(dto, member.name) ? dto[member.name] : undefined;
    if (value === undefined || value === null || isDotNetDefault(value, member.schema)) continue;
    pairs.push(`${toCamelCase(member.name)}=${escapeDataString(queryText(value, member.schema))}`);
  }
  return pairs.join('&');
}

/**
 * The value a C# value type starts with: `schema.isDefault` (0, false, an empty Guid, …), or the
 * `.default(value)` of a non-string member, which models a value type's default (an enum's first
 * member). A C# string's default is null, so a string is never left out for its content.
 */
function isDotNetDefault(value: unknown, schema: AnySchema): boolean {
  if (schema.isDefault(value)) return true;
  return schema.hasDefault && schema.structuralKind() !== 'string' && typeof value !== 'object' && value === schema.defaultValue;
}

// RestRoute.FormatVariable: a string as it is, anything else as JSV with the list brackets trimmed.
function pathText(value: unknown, schema: AnySchema): string {
  if (typeof value === 'string' && isStringSchema(schema)) return value;
  return stringifyTyped(value as never, schema).replace(/^[[\]]+|[[\]]+$/g, '');
}

// RestRoute.FormatQueryParameterValue: as FormatVariable, except that an empty list stays `[]`.
function queryText(value: unknown, schema: AnySchema): string {
  if (typeof value === 'string' && isStringSchema(schema)) return value;
  const jsv = stringifyTyped(value as never, schema);
  return jsv === '[]' ? jsv : jsv.replace(/^[[\]]+|[[\]]+$/g, '');
}

// A C# `string` member is written raw; a Guid, decimal or enum held as a JS string still goes
// through its own writer (which checks it), as C# would format that type.
function isStringSchema(schema: AnySchema): boolean {
  return schema.structuralKind() === 'string';
}

function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/**
 * .NET's `Uri.EscapeDataString`: UTF-8 percent-encoding of everything but RFC 3986's unreserved
 * characters (`A-Z a-z 0-9 - . _ ~`); `encodeURIComponent` also leaves `! ' ( ) *`, so those are
 * escaped here. A lone surrogate becomes U+FFFD first, as .NET's UTF-8 encoder writes it.
 */
export function escapeDataString(text: string): string {
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
