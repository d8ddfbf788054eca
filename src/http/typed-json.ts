/**
 * A DTO written as JSON by its schema, so a JSON answer holds what the JSV answer holds: the
 * declared members only (nothing undeclared leaks), `.default(value)` members filled in, names
 * in the chosen text case, default values left out on request. Numbers keep the digits the
 * typed writer gives them (a `t.long()` past 2^53 is written exactly, as ServiceStack writes a
 * `long`); other scalars (dates, time spans, guids, bytes, enums) are JSON strings of their JSV
 * text. The value is first checked by the typed JSV writer, so what breaks the schema fails the
 * same way in both formats.
 */
import { parseUntyped } from '../syntax/parse.js';
import { ArraySchema } from '../typed/composites/array.js';
import { DictSchema } from '../typed/composites/dict.js';
import { LazySchema } from '../typed/composites/lazy.js';
import { ObjectSchema } from '../typed/composites/object.js';
import type { TypedStringifyOptions } from '../typed/encoding.js';
import type { AnySchema } from '../typed/schema.js';
import { TEXT_CASES, writtenNames } from '../typed/text-case.js';
import { stringifyTyped } from '../typed/typed-api.js';

const NUMERIC = new Set(['number', 'float', 'int', 'long', 'decimal', 'flags']);
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Writes `value` as JSON with `schema`.
 * @throws JsvError when the value does not fit the schema (as the typed `stringify` does).
 */
export function stringifyTypedJson(value: unknown, schema: AnySchema, options?: TypedStringifyOptions): string {
  // The check, and the errors, of the JSV writer.
  stringifyTyped(value as never, schema, options);
  const caseIndex = TEXT_CASES.indexOf(options?.textCase ?? 'default');
  return write(value, schema, caseIndex, options?.excludeDefaultValues === true);
}

function write(value: unknown, schema: AnySchema, caseIndex: number, excludeDefaults: boolean): string {
  while (schema instanceof LazySchema) schema = schema.resolve();
  if (value === null || value === undefined) return 'null';
  if (schema instanceof ObjectSchema) {
    const source = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const name of schema.keys()) {
      const member = schema.member(name)!;
      let item = Object.hasOwn(source, name) ? source[name] : undefined;
      if (item === null || item === undefined) {
        if (!member.hasDefault) continue;
        item = member.defaultValue;
      }
      if (excludeDefaults && member.isDefault(item)) continue;
      parts.push(`${JSON.stringify(writtenNames(name)[caseIndex])}:${write(item, member, caseIndex, excludeDefaults)}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (schema instanceof ArraySchema) {
    const items = value as unknown[];
    return `[${items.map((item) => write(item, schema.element, caseIndex, excludeDefaults)).join(',')}]`;
  }
  if (schema instanceof DictSchema) {
    const entries: [unknown, unknown][] = value instanceof Map ? [...value] : Object.entries(value as object);
    const parts: string[] = [];
    for (const [key, item] of entries) {
      // The JSV writer leaves null entries out; so does JSON here.
      if (item === null || item === undefined) continue;
      const keyText = typeof key === 'string' || schema.key === undefined ? String(key) : scalarText(key, schema.key);
      parts.push(`${JSON.stringify(keyText)}:${write(item, schema.value, caseIndex, excludeDefaults)}`);
    }
    return `{${parts.join(',')}}`;
  }
  switch (schema.kind) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value === true ? 'true' : 'false';
    default: {
      const text = scalarText(value, schema);
      return NUMERIC.has(schema.kind) && JSON_NUMBER.test(text) ? text : JSON.stringify(text);
    }
  }
}

/** A scalar's JSV text, unquoted. */
function scalarText(value: unknown, schema: AnySchema): string {
  const text = stringifyTyped(value as never, schema);
  return text.startsWith('"') ? (parseUntyped(text) as string) : text;
}
