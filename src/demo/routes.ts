/**
 * ServiceStack route templates (`/customers/{CustomerId}`) as Express 5 paths, and the predefined
 * routes every ServiceStack host answers next to them.
 */
import type { WireFormat } from '../http/negotiate.js';
import { LazySchema } from '../typed/composites/lazy.js';
import { ObjectSchema } from '../typed/composites/object.js';
import type { HttpVerb, Operation } from '../typed/operation.js';
import type { AnySchema } from '../typed/schema.js';

// path-to-regexp 8 (Express 5) gives these characters a meaning; in a literal they are escaped.
const SPECIAL = /[()[\]?+!{}*:\\]/g;

/**
 * Converts a ServiceStack route template to an Express 5 path whose params carry the variables'
 * names, so `typed()` binds them into the request DTO (matching members case-insensitively, as
 * ServiceStack does). Each `{Name}` must fill a whole path segment and name a request member;
 * `{Name*}` at the end takes the rest of the path.
 * @throws TypeError for a variable that names no member or shares a segment with text.
 */
export function expressPath(op: Operation, template: string): string {
  const members = new Set(memberNames(op.request).map((name) => name.toLowerCase()));
  return template
    .split('/')
    .map((segment, index, all) => {
      const variable = /^\{([A-Za-z_][A-Za-z0-9_]*)(\*?)\}$/.exec(segment);
      if (variable === null) {
        if (segment.includes('{') || segment.includes('}')) throw new TypeError(`operation ${op.name}: route "${template}": a variable must be a whole path segment ("{Name}")`);
        return segment.replace(SPECIAL, (c) => `\\${c}`);
      }
      const [, name, wildcard] = variable;
      if (!members.has(name!.toLowerCase())) throw new TypeError(`operation ${op.name}: route "${template}": {${name}} names no member of ${op.request.name}`);
      if (wildcard === '*' && index !== all.length - 1) throw new TypeError(`operation ${op.name}: route "${template}": only the last segment may be a wildcard`);
      return wildcard === '*' ? `*${name}` : `:${name}`;
    })
    .join('/');
}

function memberNames(schema: AnySchema): string[] {
  let current = schema;
  // Each resolve is one step towards a concrete schema (t.lazy must end in one to compile at all).
  for (let depth = 0; current instanceof LazySchema && depth < 32; depth++) current = current.resolve();
  return current instanceof ObjectSchema ? current.keys() : [];
}

/** A request to one of ServiceStack's predefined routes. */
export interface PredefinedCall {
  /** The operation name as written in the path (matched case-insensitively). */
  name: string;
  /** `/json/reply/{Name}[]`: a list of requests, answered by a list of responses. */
  batch: boolean;
}

/**
 * The format a predefined route answers in when neither a `.jsv`/`.json` suffix nor `?format=`
 * names one: the route's own (ServiceStack's reply handlers and `/api` ignore `Accept`).
 * `undefined` for any other path.
 */
export function predefinedFormat(path: string): WireFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.startsWith('/json/reply/') || lower.startsWith('/api/')) return 'json';
  if (lower.startsWith('/jsv/reply/')) return 'jsv';
  return undefined;
}

/**
 * Reads what follows a predefined route's prefix (`/NewCustomer`, `/NewCustomer[]`), percent-decoded;
 * `undefined` for anything else (an empty or a deeper path).
 */
export function predefinedCall(rest: string): PredefinedCall | undefined {
  let segment: string;
  try {
    segment = decodeURIComponent(rest.startsWith('/') ? rest.slice(1) : rest);
  } catch {
    return undefined;
  }
  if (segment === '' || segment.includes('/')) return undefined;
  return segment.endsWith('[]') ? { name: segment.slice(0, -2), batch: true } : { name: segment, batch: false };
}

/** Whether an operation answers `verb` (`ANY` answers every verb; HEAD is answered as GET would be). */
export function answersVerb(op: Operation, verb: string): boolean {
  const asked = (verb === 'HEAD' ? 'GET' : verb) as HttpVerb;
  return op.verbs.includes('ANY') || op.verbs.includes(asked);
}
