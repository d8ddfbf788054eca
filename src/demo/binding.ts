/**
 * Path variables and query-string values into a request DTO, as ServiceStack binds them: each
 * value is the JSV text of one member, read with that member's schema (so `?count=3` is an int
 * and `?name="a,b"` the string `a,b`); names match members case-insensitively; names that are no
 * member (`format`, a cache buster) are ignored, as ServiceStack ignores them.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { HttpError } from '../http/response-status.js';
import { setOwn } from '../syntax/value.js';
import { parse } from '../typed/entry.js';
import { LazySchema } from '../typed/composites/lazy.js';
import { ObjectSchema } from '../typed/composites/object.js';
import type { AnySchema } from '../typed/schema.js';

/**
 * How a value meets a member that already holds one:
 * - `override`: the value wins (user routes: path variables, then the query string, override the
 *   body; ServiceStack `RestPath.CreateRequest`);
 * - `fill`: the value is set only where the member is missing or holds its default (predefined
 *   routes with a body; ServiceStack `GenericHandler.CreateRequestAsync`).
 */
export type BindMode = 'override' | 'fill';

/** The members of a request DTO by lower-cased name, for case-insensitive lookup. */
export class DtoBinder {
  private readonly members = new Map<string, { name: string; schema: AnySchema }>();

  constructor(readonly schema: AnySchema) {
    const object = objectSchemaOf(schema);
    if (object === undefined) return;
    for (const name of object.keys()) this.members.set(name.toLowerCase(), { name, schema: object.member(name)! });
  }

  /** The member a path variable or query key names, if any. */
  memberName(key: string): string | undefined {
    return this.members.get(key.toLowerCase())?.name;
  }

  /** A DTO with nothing sent: `{}` read with the schema, so value-type members get their defaults. */
  empty(): Record<string, unknown> {
    return (parse('{}', this.schema as never) ?? {}) as Record<string, unknown>;
  }

  /**
   * Sets each `[key, text]` on `dto` (in order: a later key wins). Empty texts are skipped.
   * @throws HttpError 400 naming the member when a text does not read as the member's type.
   */
  bind(dto: Record<string, unknown>, values: Iterable<readonly [string, string]>, mode: BindMode): void {
    for (const [key, text] of values) {
      if (text === '') continue;
      const member = this.members.get(key.toLowerCase());
      if (member === undefined) continue;
      const current = dto[member.name];
      if (mode === 'fill' && current !== undefined && current !== null && !member.schema.isDefault(current) && current !== member.schema.defaultValue) continue;
      setOwn(dto, member.name, this.read(member.name, member.schema, text));
    }
  }

  private read(name: string, schema: AnySchema, text: string): unknown {
    try {
      return parse(text, schema as never);
    } catch (error) {
      if (!isJsvError(error)) throw error;
      const path = error.path === undefined || error.path === '' ? name : `${name}.${error.path}`.replace('.[', '[');
      const message = `'${name}' cannot be read from ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}: ${error.reason}`;
      throw new HttpError(400, error.code, message, [{ errorCode: error.code, fieldName: path, message: error.reason }]);
    }
  }
}

/** The query string of a URL as `[key, value]` pairs, decoded. */
export function queryPairs(url: string): [string, string][] {
  const mark = url.indexOf('?');
  return mark < 0 ? [] : [...new URLSearchParams(url.slice(mark + 1))];
}

function objectSchemaOf(schema: AnySchema): ObjectSchema | undefined {
  let current: AnySchema = schema;
  // A lazy schema may stand for another lazy one; each resolve is one step down, never a cycle
  // back to `schema` (t.lazy must end in a concrete schema to compile at all).
  for (let depth = 0; current instanceof LazySchema && depth < 32; depth++) current = current.resolve();
  return current instanceof ObjectSchema ? current : undefined;
}
