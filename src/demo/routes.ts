/**
 * ServiceStack route templates (`/customers/{CustomerId}`) as Express 5 paths, and the predefined
 * routes every ServiceStack host answers next to them.
 */
import type { WireFormat } from '../http/negotiate.js';
import type { HttpVerb, Operation } from '../typed/operation.js';

/** A `[Route]` template ready for Express: its path and the DTO member each variable binds to. */
export interface ExpressRoute {
  path: string;
  /** Express param name -> request DTO member name. */
  variables: Map<string, string>;
}

// path-to-regexp 8 (Express 5) gives these characters a meaning; in a literal they are escaped.
const SPECIAL = /[()[\]?+!{}*:\\]/g;

/**
 * Converts a ServiceStack route template. Each `{Name}` must fill a whole path segment and name a
 * request member (case-insensitively, as ServiceStack matches them); `{Name*}` at the end takes
 * the rest of the path.
 * @throws TypeError for a variable that names no member or shares a segment with text.
 */
export function expressRoute(op: Operation, template: string, memberName: (key: string) => string | undefined): ExpressRoute {
  const variables = new Map<string, string>();
  const segments = template.split('/').map((segment, index, all) => {
    const variable = /^\{([A-Za-z_][A-Za-z0-9_]*)(\*?)\}$/.exec(segment);
    if (variable === null) {
      if (segment.includes('{') || segment.includes('}')) throw new TypeError(`operation ${op.name}: route "${template}": a variable must be a whole path segment ("{Name}")`);
      return segment.replace(SPECIAL, (c) => `\\${c}`);
    }
    const [, name, wildcard] = variable;
    const member = memberName(name!);
    if (member === undefined) throw new TypeError(`operation ${op.name}: route "${template}": {${name}} names no member of ${op.request.name}`);
    if (wildcard === '*' && index !== all.length - 1) throw new TypeError(`operation ${op.name}: route "${template}": only the last segment may be a wildcard`);
    const param = `v${variables.size}`;
    variables.set(param, member);
    return wildcard === '*' ? `*${param}` : `:${param}`;
  });
  return { path: segments.join('/'), variables };
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

/** Reads the `{Name}` or `{Name}[]` segment of a predefined route. */
export function predefinedCall(segment: string): PredefinedCall {
  return segment.endsWith('[]') ? { name: segment.slice(0, -2), batch: true } : { name: segment, batch: false };
}

/** Whether an operation answers `verb` (`ANY` answers every verb; HEAD is answered as GET would be). */
export function answersVerb(op: Operation, verb: string): boolean {
  const asked = (verb === 'HEAD' ? 'GET' : verb) as HttpVerb;
  return op.verbs.includes('ANY') || op.verbs.includes(asked);
}
