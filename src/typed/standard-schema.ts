/**
 * Standard Schema v1 for every jsvkit schema. `validate` takes an already-decoded JavaScript value,
 * which is what Hono, tRPC and other validators hand it, and checks it with the schema's encoder in
 * checking mode: every problem becomes an issue with its path, and a value that fits is returned
 * as given, or, where a `.default(value)` member is missing or null, as a copy with the default
 * filled in (the output type says the member is there). (A few values fit their schema yet have no
 * JSV text, such as a list holding only null, jsv-spec W1–W3; `stringify` reports those.) To
 * validate JSV text, use `safeParse`.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SchemaBase } from './schema.js';
import { fillDefaults } from './defaults.js';
import { encodeDocument } from './run.js';

export function standardProps(schema: SchemaBase): StandardSchemaV1.Props<unknown, unknown> {
  return {
    version: 1,
    vendor: 'jsvkit',
    validate(value: unknown): StandardSchemaV1.Result<unknown> {
      const e = encodeDocument(value, schema, undefined, true);
      if (e.issues.length > 0) {
        return { issues: e.issues.map((issue) => ({ message: issue.path ? `${issue.reason} at ${issue.path}` : issue.reason, path: issue.segments })) };
      }
      return { value: fillDefaults(value, schema) };
    },
  };
}
