/**
 * Standard Schema v1 for every jsvkit schema. `validate` takes an already-decoded JavaScript value,
 * which is what Hono, tRPC and other validators hand it; it checks the value by writing it (every
 * problem becomes an issue with its path) and returns what reading that text gives back, so the
 * result is exactly what a ServiceStack peer would receive. To validate JSV text, use `safeParse`.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SchemaBase } from './schema.js';
import { encode, parseTyped } from './typed-api.js';

export function standardProps(schema: SchemaBase): StandardSchemaV1.Props<unknown, unknown> {
  return {
    version: 1,
    vendor: 'jsvkit',
    validate(value: unknown): StandardSchemaV1.Result<unknown> {
      const e = encode(value, schema, undefined, true);
      if (e.issues.length > 0) {
        return { issues: e.issues.map((issue) => ({ message: issue.path ? `${issue.reason} at ${issue.path}` : issue.reason, path: issue.segments })) };
      }
      return { value: parseTyped(e.out, schema) };
    },
  };
}
