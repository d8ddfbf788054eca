/**
 * The HTML metadata pages of a ServiceStack host, in the spirit of its own: `/metadata` lists the
 * operations; `/json/metadata?op=Name` and `/jsv/metadata?op=Name` show one operation's routes,
 * verbs, auth and roles, its request and response DTOs as tables with descriptions, and sample
 * HTTP requests and responses in that format (JSV pretty-printed by `format`, JSON indented).
 * Every text is HTML-escaped; the pages carry no script.
 */
import { format } from '../syntax/format.js';
import { stringify } from '../typed/entry.js';
import { stringifyJsonTyped } from '../typed/json.js';
import type { MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypes } from '../codegen/metadata.js';
import type { WireFormat } from '../http/negotiate.js';
import type { AnySchema } from '../typed/schema.js';
import type { ApiTable, Operation } from '../typed/operation.js';
import { sampleValue } from './samples.js';

export interface PageContext {
  serviceName: string;
  /** The `Host` the samples show. */
  host: string;
}

/** `/metadata`: every operation, with its description, routes and links to its pages. */
export function operationsPage(types: MetadataTypes, context: PageContext): string {
  const rows = types.operations.map((op) => {
    const name = op.request.name;
    const query = `?op=${encodeURIComponent(name)}`;
    return `<tr><th scope="row">${escapeHtml(name)}</th>
<td>${escapeHtml(op.request.description ?? '')}</td>
<td>${(op.routes ?? []).map((route) => `<code>${escapeHtml(`${route.verbs ?? 'ANY'} ${route.path}`)}</code>`).join('<br>')}</td>
<td><a href="/json/metadata${escapeHtml(query)}">JSON</a> <a href="/jsv/metadata${escapeHtml(query)}">JSV</a></td></tr>`;
  });
  return page(
    `${context.serviceName} metadata`,
    `<h1>${escapeHtml(context.serviceName)}</h1>
<p>The following operations are supported. Each one is also answered at <code>/json/reply/{Name}</code>,
<code>/jsv/reply/{Name}</code> and <code>/api/{Name}</code>; <a href="/types/metadata">/types/metadata</a> describes them for code generators.</p>
<table class="operations"><thead><tr><th>Operation</th><th>Description</th><th>Routes</th><th>Pages</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`,
  );
}

/**
 * `/{format}/metadata?op=Name`: one operation. `undefined` when the table has no such operation
 * (matched case-insensitively, as ServiceStack matches operation names).
 */
export function operationPage(api: ApiTable, types: MetadataTypes, name: string, wire: WireFormat, context: PageContext): string | undefined {
  const op = Object.values(api).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  const described = types.operations.find((candidate) => candidate.request.name.toLowerCase() === name.toLowerCase());
  if (op === undefined || described === undefined) return undefined;

  const other: WireFormat = wire === 'jsv' ? 'json' : 'jsv';
  const sections = [
    `<p class="back"><a href="/metadata">&lt; back to all web services</a></p>`,
    `<h1 class="operation">${escapeHtml(op.name)}</h1>`,
    described.request.description === undefined ? '' : `<p class="description">${escapeHtml(described.request.description)}</p>`,
    authSection(described),
    routesSection(op, described),
    dtoTables(described, types),
    `<p>To override the Content-type in your clients, use the HTTP <code>Accept</code> header, append the <code>.${other}</code> suffix or <code>?format=${other}</code>
(<a href="/${other}/metadata?op=${escapeHtml(encodeURIComponent(op.name))}">this operation in ${other.toUpperCase()}</a>).</p>`,
    samplesSection(op, wire, context),
  ];
  return page(`${op.name} | ${context.serviceName}`, sections.filter((section) => section !== '').join('\n'));
}

function authSection(op: MetadataOperationType): string {
  const lines: string[] = [];
  if (op.requiresAuth === true) lines.push('<li>Requires Authentication</li>');
  const list = (label: string, items: readonly string[] | undefined): void => {
    if (items !== undefined && items.length > 0) lines.push(`<li>${label}: <span class="names">${items.map(escapeHtml).join(', ')}</span></li>`);
  };
  list('Requires all of the roles', op.requiredRoles);
  list('Requires any of the roles', op.requiresAnyRole);
  list('Requires all of the permissions', op.requiredPermissions);
  list('Requires any of the permissions', op.requiresAnyPermission);
  return lines.length === 0 ? '' : `<ul class="auth">${lines.join('')}</ul>`;
}

function routesSection(op: Operation, described: MetadataOperationType): string {
  const verbs = `<p class="verbs">Verbs: <code>${escapeHtml(op.verbs.join(', '))}</code></p>`;
  const routes = described.routes ?? [];
  if (routes.length === 0) return `${verbs}<p>This operation has no routes of its own; call it at <code>/json/reply/${escapeHtml(op.name)}</code>.</p>`;
  const rows = routes.map((route) => `<tr><td><code>${escapeHtml(route.verbs ?? 'ANY')}</code></td><td><code>${escapeHtml(route.path)}</code></td></tr>`);
  return `${verbs}<p>The following routes are available for this service:</p>
<table class="routes"><thead><tr><th>Verbs</th><th>Path</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The request and response DTOs, then every named DTO they use (bases included), one table each. */
function dtoTables(op: MetadataOperationType, types: MetadataTypes): string {
  const byName = new Map<string, MetadataType>();
  for (const type of types.types) byName.set(type.name, type);
  for (const other of types.operations) {
    byName.set(other.request.name, other.request);
    if (other.response !== undefined) byName.set(other.response.name, other.response);
  }
  const shown: MetadataType[] = [];
  const seen = new Set<string>();
  const visit = (type: MetadataType | undefined): void => {
    if (type === undefined || seen.has(type.name)) return;
    seen.add(type.name);
    shown.push(type);
    if (type.inherits !== undefined) visit(byName.get(type.inherits.name));
    for (const property of type.properties ?? []) for (const used of typeNamesOf(property)) visit(byName.get(used));
  };
  visit(op.request);
  visit(op.response);
  const pathVariables = new Set((op.routes ?? []).flatMap((route) => [...route.path.matchAll(/\{([^}*]+)\*?\}/g)].map((m) => m[1]!.toLowerCase())));
  const bodyVerb = !(op.method === 'GET' || op.method === 'DELETE');
  return shown.map((type) => typeTable(type, type === op.request ? { pathVariables, bodyVerb } : undefined)).join('\n');
}

function typeTable(type: MetadataType, request: { pathVariables: Set<string>; bodyVerb: boolean } | undefined): string {
  const title = `<h3 id="${escapeHtml(`type-${type.name}`)}">${escapeHtml(type.name)}${type.inherits === undefined ? '' : ` : ${escapeHtml(type.inherits.name)}`}${request === undefined ? '' : ' Parameters'}</h3>`;
  if (type.isEnum === true) {
    return `${title}<p class="enum">Enum: <code>${(type.enumNames ?? []).map(escapeHtml).join(', ')}</code></p>`;
  }
  const rows = (type.properties ?? []).map((property) => {
    const where = request === undefined ? '' : `<td>${request.pathVariables.has(property.name.toLowerCase()) ? 'path' : request.bodyVerb ? 'body' : 'query'}</td>`;
    return `<tr><td>${escapeHtml(property.name)}</td>${where}<td><code>${escapeHtml(displayType(property))}</code></td><td>${property.isRequired === true ? 'Yes' : 'No'}</td><td>${escapeHtml(property.description ?? '')}</td></tr>`;
  });
  const head = `<tr><th>Name</th>${request === undefined ? '' : '<th>Parameter</th>'}<th>Data Type</th><th>Required</th><th>Description</th></tr>`;
  return `${title}<table class="dto" data-type="${escapeHtml(type.name)}"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `List<CustomerBreadcrumb>`, `Dictionary<String,Value>`, `Int32?`: the type as C# writes it. */
function displayType(property: MetadataPropertyType): string {
  const base = property.type.replace(/`\d+$/, '');
  const args = property.genericArgs ?? [];
  if (base === 'Nullable' && args.length === 1) return `${args[0]}?`;
  return args.length === 0 ? base : `${base}<${args.join(',')}>`;
}

/** The DTO names a property's type mentions (`Dictionary<String,Value>` mentions `Value`). */
function typeNamesOf(property: MetadataPropertyType): string[] {
  return [property.type, ...(property.genericArgs ?? [])].flatMap((text) => text.split(/[^A-Za-z0-9_]+/)).filter((name) => name !== '');
}

function samplesSection(op: Operation, wire: WireFormat, context: PageContext): string {
  const route = op.routes[0];
  const verb = route?.verbs?.[0] ?? (op.verbs.find((v) => v !== 'ANY') as string | undefined) ?? 'POST';
  const path = route?.path ?? `/${wire}/reply/${op.name}`;
  const mediaType = wire === 'jsv' ? 'text/jsv' : 'application/json';
  const hasBody = verb !== 'GET' && verb !== 'DELETE' && verb !== 'HEAD';
  const requestHead = [`${verb} ${path} HTTP/1.1`, `Host: ${context.host}`, `Accept: ${mediaType}`, ...(hasBody ? [`Content-Type: ${mediaType}`, 'Content-Length: length'] : [])].join('\n');
  const requestBody = hasBody ? sampleText(op.request, wire) : undefined;
  const responseStatus = op.response === undefined ? 'HTTP/1.1 204 No Content' : 'HTTP/1.1 200 OK';
  const responseHead = op.response === undefined ? responseStatus : [responseStatus, `Content-Type: ${mediaType}`, 'Content-Length: length'].join('\n');
  const responseBody = op.response === undefined ? undefined : sampleText(op.response, wire);
  const block = (kind: string, head: string, body: string | undefined): string =>
    `<pre class="http ${kind}">${escapeHtml(head)}\n\n${body === undefined ? '' : `<code class="sample" data-kind="${kind}" data-format="${wire}">${escapeHtml(body)}</code>`}</pre>`;
  return `<h2>HTTP + ${wire.toUpperCase()}</h2>
<p>The following are sample HTTP requests and responses. The placeholders shown need to be replaced with actual values.</p>
${block('request', requestHead, requestBody)}
${block('response', responseHead, responseBody)}`;
}

/** A sample DTO as the page shows it: JSV in `format`'s layout, or JSON indented by two spaces. */
export function sampleText(schema: AnySchema, wire: WireFormat): string {
  const value = sampleValue(schema) as never;
  if (wire === 'jsv') return format(stringify(value, schema));
  // Samples hold no 64-bit values beyond 2^53 (numbers are 0), so re-indenting through JSON.parse is exact.
  return JSON.stringify(JSON.parse(stringifyJsonTyped(value, schema)), null, 2);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}pre{background:#f7f7f7;border:1px solid #ddd;padding:1em;overflow:auto;tab-size:4}
code{font-family:ui-monospace,monospace}.auth{color:#8a4b00}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it verbatim, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
