/**
 * Request body text -> value: untyped JSV (`parse`), JSON (`JSON.parse`), or a typed DTO when the
 * route declares a schema. Typed failures answer 400 with every issue, as ServiceStack's
 * validation errors do: the first issue's code and message on top, all of them in `errors`.
 */
import { parseUntyped } from '../syntax/parse.js';
import { stringifyUntyped } from '../syntax/stringify.js';
import { safeParse, stringifyTyped } from '../typed/typed-api.js';
import type { Schema } from '../typed/schema.js';
import type { BodyFormat } from './body-type.js';
import { HttpError, type ResponseError } from './response-status.js';

/**
 * Any DTO schema. (`Schema`, not the typed layer's `AnySchema`: a concrete object schema is not
 * assignable to `AnySchema` outside a generic constraint.)
 */
export type AnySchema = Schema;

/**
 * Decodes body text. Without a schema JSV gives jsvkit's untyped tree (every scalar a string) and
 * JSON gives `JSON.parse`'s value. With a schema both give the typed value: a JSON body is first
 * written as JSV, so JSON and JSV bodies obey the same ServiceStack reading rules.
 *
 * @throws JsvError (malformed JSV), HttpError 400 (malformed JSON, or typed issues).
 */
export function decodeBody(format: BodyFormat, text: string, schema?: AnySchema): unknown {
  // An empty body is no body (ServiceStack binds an empty DTO); JSON.parse would reject it.
  if (format === 'json' && text.trim() === '') text = '';
  if (text === '') return schema === undefined ? undefined : safeParseOrThrow('', format, schema);
  if (schema === undefined) return format === 'jsv' ? parseUntyped(text) : parseJson(text);
  return safeParseOrThrow(format === 'jsv' ? text : stringifyUntyped(parseJson(text)), format, schema);
}

function safeParseOrThrow(jsv: string, format: BodyFormat, schema: AnySchema): unknown {
  const result = safeParse(jsv, schema);
  if (result.success) return result.value;
  // Positions in JSON input would point into the converted text, so only JSV bodies get them.
  const errors = result.issues.map((issue): ResponseError => {
    // ServiceStack's member order: errorCode, fieldName, message, meta.
    const entry = { errorCode: issue.code } as ResponseError;
    if (issue.path !== '') entry.fieldName = issue.path;
    entry.message = issue.reason;
    if (format === 'jsv') entry.meta = { line: String(issue.line), column: String(issue.column), offset: String(issue.offset) };
    return entry;
  });
  const first = result.issues[0]!;
  return rejectWith(first.code, format === 'jsv' ? first.message : withPath(first.reason, first.path), errors);
}

/** Writes `value` as JSV with the typed writer of `schema`. */
export function encodeTyped(value: unknown, schema: AnySchema): string {
  return stringifyTyped(value as never, schema);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'SerializationException', `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

function withPath(reason: string, path: string): string {
  return path === '' ? reason : `${reason} at ${path}`;
}

function rejectWith(code: string, message: string, errors: ResponseError[]): never {
  throw new HttpError(400, code, message, errors);
}
