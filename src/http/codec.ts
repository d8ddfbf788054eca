/**
 * A request body -> the value a handler gets, decoded once:
 * - untyped: JSV gives jsvkit's tree (every scalar a string), JSON `JSON.parse`'s value, a form
 *   its fields; a `__proto__` (or `constructor.prototype`) key is refused, removed or kept as
 *   configured;
 * - typed (the route declares a request schema): JSV is read by the schema straight from the
 *   text, and JSON is first turned into JSV by the exact converter (integers keep every digit),
 *   then read the same way. Then, as ServiceStack's `RestPath.CreateRequest` does, path
 *   variables, then query-string values, then form fields are bound over the body's members, each
 *   later source overriding the earlier ones, names matched case-insensitively, values read as
 *   JSV for the member's type (strings taken as they are), empty values and unknown names
 *   ignored. An absent or empty body is an empty DTO, as ServiceStack creates one.
 * Failures answer 400 listing every issue: the first issue's code and message on top, all of
 * them in `errors`, as ServiceStack lists validation errors.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { jsonToJsv } from '../syntax/json-to-jsv.js';
import { parseUntyped } from '../syntax/parse.js';
import { joinPaths } from '../syntax/path.js';
import { stringifyUntyped } from '../syntax/stringify.js';
import { PlainRecord, setOwn } from '../syntax/value.js';
import type { ObjectSchema } from '../typed/composites/object.js';
import type { JsvIssue } from '../typed/issues.js';
import type { AnySchema } from '../typed/protocol.js';
import { foldCase } from '../typed/text-case.js';
import { isObjectSchema, resolveLazy } from '../typed/structure.js';
import { unsupportedType, type PoisoningAction } from './body-type.js';
import type { BodyRead } from './read-body.js';
import { HttpError, type ResponseError } from './response-status.js';

/** Any DTO schema: the typed layer's protocol type, under the name the adapters import it by. */
export type { AnySchema };

/** What untyped decoding does with prototype keys. */
export interface PoisoningRules {
  onProtoPoisoning: PoisoningAction;
  onConstructorPoisoning: PoisoningAction;
}

/** Values bound over a typed body: the route's path variables and the request's query string. */
export interface Binding {
  /** Path variables by name, as the framework's router matched them (already percent-decoded). */
  params?: Readonly<Record<string, unknown>> | undefined;
  /** The query string, with or without its leading `?`. */
  query?: string | undefined;
}

/**
 * Decodes a body without a schema: `undefined` without a body.
 *
 * @throws HttpError 415 (a body of a type jsvkit does not read), 400 (malformed JSON, a prototype
 * key under `'error'`), JsvError (malformed JSV).
 */
export function decodeUntyped(body: BodyRead, rules: PoisoningRules): unknown {
  if (body.kind === 'none') return undefined;
  if (body.kind === 'unsupported') throw unsupportedType(body.contentType);
  if (body.text.trim() === '' && body.format !== 'jsv') return undefined;
  let value: unknown;
  if (body.format === 'jsv') value = parseUntyped(body.text);
  else if (body.format === 'json') value = parseJson(body.text);
  else value = formFields(body.text);
  return guardPrototype(value, rules);
}

/**
 * Decodes a body with the route's request schema and binds path, query and form values into it.
 *
 * @throws HttpError 415 (a body of a type jsvkit does not read), 400 (every issue).
 */
export function decodeTyped<S extends AnySchema>(schema: S, body: BodyRead, binding?: Binding): unknown {
  if (body.kind === 'unsupported') throw unsupportedType(body.contentType);
  const dto = objectSchemaOf(schema);
  const bound = dto === undefined ? new Map<string, string>() : boundValues(body, binding);
  let text = '';
  const json = body.kind === 'text' && body.format === 'json' ? body.text : undefined;
  // JSON keeps its number literals as written: each member's own reader decides the precision.
  if (body.kind === 'text' && body.format !== 'form' && body.text.trim() !== '') text = json !== undefined ? jsonToJsv(json, { exactNumbers: true }) : body.text;
  // Positions point into the body as sent; a substituted empty DTO has none.
  const positioned = text.trim() !== '';
  // An empty body is an empty DTO (ServiceStack's `requestType.CreateInstance()`).
  if (dto !== undefined && text.trim() === '') text = '{}';
  const read = parseCollecting(text, schema);
  const value = read.value;
  const issues = json !== undefined && positioned ? jsonPositions(json, read.issues) : read.issues;
  const errors = issues.filter((issue) => !(issue.code === 'MISSING_REQUIRED' && issue.segments.length === 1 && bound.has(foldCase(String(issue.segments[0])))));
  const reported = errors.map((issue) => responseError(issue, positioned));
  if (dto !== undefined && value !== null && typeof value === 'object') bind(dto, value as Record<string, unknown>, bound, reported);
  if (reported.length > 0) {
    const first = reported[0]!;
    throw new HttpError(400, first.errorCode, first.fieldName === undefined ? first.message : `${first.message} at ${first.fieldName}`, reported);
  }
  return value;
}

/**
 * Checks a value another body parser already decoded (Express's `express.json()` or
 * `express.urlencoded()` running before jsvkit) against the schema, as if it had been the body:
 * its JSV text is read by the schema, so nothing reaches the handler unchecked. (Integers past
 * 2^53 were already rounded by that parser.)
 */
export function decodeParsedTyped<S extends AnySchema>(schema: S, parsed: unknown, contentType: string | undefined, binding?: Binding): unknown {
  const isForm = typeof contentType === 'string' && /^\s*application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType);
  if (isForm && parsed !== null && typeof parsed === 'object') {
    const fields = new URLSearchParams();
    for (const [name, value] of Object.entries(parsed)) fields.append(name, Array.isArray(value) ? value.join(',') : String(value));
    return decodeTyped(schema, { kind: 'text', format: 'form', text: fields.toString() }, binding);
  }
  if (typeof parsed === 'string' || parsed instanceof Uint8Array) throw unsupportedType(contentType);
  let text: string;
  try {
    text = stringifyUntyped(parsed);
  } catch (error) {
    if (isJsvError(error)) throw new HttpError(400, error.code, `The parsed request body has no JSV text: ${error.reason}`);
    throw error;
  }
  return decodeTyped(schema, { kind: 'text', format: 'jsv', text }, binding);
}

function responseError(issue: JsvIssue, withPosition: boolean): ResponseError {
  // ServiceStack's member order: errorCode, fieldName, message, meta.
  const entry = { errorCode: issue.code } as ResponseError;
  if (issue.path !== '') entry.fieldName = issue.path;
  entry.message = issue.reason;
  if (withPosition && issue.offset !== undefined) entry.meta = { line: String(issue.line), column: String(issue.column), offset: String(issue.offset) };
  return entry;
}

function objectSchemaOf(schema: AnySchema): ObjectSchema | undefined {
  const resolved = resolveLazy(schema);
  return isObjectSchema(resolved) ? resolved : undefined;
}

/**
 * Path variables, then query values, then form fields (ServiceStack's "path variables < query
 * string < form data"), keyed by folded name so a later source replaces an earlier one whatever
 * its case. Repeated query or form names are joined with `,` (a .NET `NameValueCollection`).
 */
function boundValues(body: BodyRead, binding: Binding | undefined): Map<string, string> {
  const values = new Map<string, string>();
  const put = (name: string, value: string) => {
    values.delete(foldCase(name));
    values.set(foldCase(name), value);
  };
  for (const [name, value] of Object.entries(binding?.params ?? {})) {
    // A wildcard's segments (Express 5's `*rest`) are the rest of the path, as ServiceStack binds it.
    if (typeof value === 'string') put(name, value);
    else if (Array.isArray(value) && value.every((segment) => typeof segment === 'string')) put(name, value.join('/'));
  }
  const query = binding?.query ?? '';
  if (query !== '' && query !== '?') for (const [name, value] of joined(new URLSearchParams(query))) put(name, value);
  if (body.kind === 'text' && body.format === 'form') for (const [name, value] of joined(new URLSearchParams(body.text))) put(name, value);
  return values;
}

function joined(params: URLSearchParams): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of params) out.set(name, out.has(name) ? `${out.get(name)!},${value}` : value);
  return out;
}

function bind(dto: ObjectSchema, target: Record<string, unknown>, bound: Map<string, string>, errors: ResponseError[]): void {
  if (bound.size === 0) return;
  for (const name of dto.keys()) {
    let text = bound.get(foldCase(name));
    if (text === undefined || text === '') continue;
    const member = dto.member(name)!;
    const kind = member.structuralKind();
    // ServiceStack takes a string member's text as it is, and the first of a bool's values (an
    // HTML checkbox posts a hidden field too).
    if (kind === 'string') {
      setOwn(target, name, text);
      continue;
    }
    if (kind === 'boolean') text = text.split(',')[0]!;
    const { value, issues } = parseCollecting(text, member);
    if (issues.length === 0) {
      setOwn(target, name, value);
      continue;
    }
    for (const issue of issues) {
      errors.push({ errorCode: issue.code, fieldName: joinPaths(name, issue.path), message: issue.reason });
    }
  }
}

/**
 * What a typed read found: the value (even when there are issues) and the issues. The run comes
 * from the schema, so an app without schemas does not bundle the typed layer.
 */
function parseCollecting(text: string, schema: AnySchema): { value: unknown; issues: JsvIssue[] } {
  const d = schema.typedRun().decodeDocument(text, schema, undefined, true);
  return { value: d.value, issues: d.issues };
}

/** Issues found in JSV converted from JSON, with their positions moved back into the JSON. */
function jsonPositions(json: string, issues: JsvIssue[]): JsvIssue[] {
  if (issues.length === 0) return issues;
  const offsets: number[] = [];
  jsonToJsv(json, { exactNumbers: true, offsets });
  return issues.map((issue) => {
    if (issue.offset === undefined) return issue;
    let offset = 0;
    for (let i = 0; i < offsets.length && offsets[i]! <= issue.offset!; i += 2) offset = offsets[i + 1]!;
    const before = json.slice(0, offset);
    const line = before.split('\n').length;
    return { ...issue, offset, line, column: offset - before.lastIndexOf('\n') };
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'SerializationException', `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A form body's fields as an object of strings, repeated names joined with `,`. */
function formFields(text: string): Record<string, string> {
  const fields = new PlainRecord() as Record<string, string>;
  for (const [name, value] of joined(new URLSearchParams(text))) setOwn(fields, name, value);
  return fields;
}

/**
 * Applies the prototype-key rules to an untyped value, walking it with an explicit stack (a
 * deeply nested body must not overflow the call stack).
 */
function guardPrototype(value: unknown, rules: PoisoningRules): unknown {
  const { onProtoPoisoning: proto, onConstructorPoisoning: ctor } = rules;
  if ((proto === 'ignore' && ctor === 'ignore') || value === null || typeof value !== 'object') return value;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()! as Record<string, unknown>;
    if (proto !== 'ignore' && Object.hasOwn(node, '__proto__')) {
      if (proto === 'error') throw forbidden();
      Reflect.deleteProperty(node, '__proto__');
    }
    if (ctor !== 'ignore' && Object.hasOwn(node, 'constructor')) {
      const held = node.constructor as unknown;
      if (held !== null && typeof held === 'object' && Object.hasOwn(held, 'prototype')) {
        if (ctor === 'error') throw forbidden();
        Reflect.deleteProperty(node, 'constructor');
      }
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return value;
}

function forbidden(): HttpError {
  // Fastify's wording (secure-json-parse), so a Fastify app answers as it did without jsvkit.
  return new HttpError(400, 'BadRequest', 'Object contains forbidden prototype property');
}
