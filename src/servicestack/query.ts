/**
 * AutoQuery's DTOs (`ServiceStack.Interfaces/IQuery.cs`): `QueryBase`, the request bases
 * `QueryDb<T>` and `QueryData<T>`, and `QueryResponse<T>`. The generic ones are schema factories:
 * `QueryResponse(Booking)` is the schema of `QueryResponse<Booking>`, the same object for the same
 * `Booking` schema. Members are declared in camelCase (see `responses.ts`).
 */
import * as t from '../typed/t.js';
import type { ObjectSchema } from '../typed/composites/object.js';
import type { AnySchema, Infer } from '../typed/schema.js';
import { ResponseStatus } from './responses.js';

/** The paging, ordering and field-selection members every AutoQuery request has. */
export const QueryBase = t.object(
  {
    skip: t.int(),
    take: t.int(),
    orderBy: t.string(),
    orderByDesc: t.string(),
    include: t.string(),
    fields: t.string(),
    meta: t.dict(t.string()),
  },
  { name: 'QueryBase' },
);
export type QueryBase = Infer<typeof QueryBase>;

type QueryBaseShape = typeof QueryBase extends ObjectSchema<infer P> ? P : never;

/** The type name of a generic DTO: `QueryResponse<Booking>`. */
function genericName(name: string, args: readonly AnySchema[]): string {
  return `${name}<${args.map((a) => a.name).join(', ')}>`;
}

function queryRequest(name: string, from: AnySchema, into: AnySchema | undefined): ObjectSchema<QueryBaseShape> {
  // `QueryDb<T>` and `QueryData<T>` add no members: `T` only names the table and the response's rows.
  return QueryBase.extend({}, { name: genericName(name, into === undefined ? [from] : [from, into]) }) as unknown as ObjectSchema<QueryBaseShape>;
}

/**
 * The base of an AutoQuery request over an OrmLite table: `QueryDb(Booking)` for `QueryDb<Booking>`,
 * `QueryDb(From, Into)` for `QueryDb<From, Into>`. Extend it with the request's own members:
 * `QueryDb(Booking).extend({ id: t.int() }, { name: 'QueryBookings' })`.
 */
export function QueryDb(from: AnySchema, into?: AnySchema): ObjectSchema<QueryBaseShape> {
  return queryRequest('QueryDb', from, into);
}

/** The base of an AutoQuery Data request (in-memory and other sources), as `QueryDb`. */
export function QueryData(from: AnySchema, into?: AnySchema): ObjectSchema<QueryBaseShape> {
  return queryRequest('QueryData', from, into);
}

function queryResponseShape<T extends AnySchema>(row: T) {
  return {
    offset: t.int().default(0),
    total: t.int().default(0),
    results: t.array(row),
    meta: t.dict(t.string()),
    responseStatus: ResponseStatus,
  };
}

/** The schema `QueryResponse(Row)` returns. */
export type QueryResponseSchema<T extends AnySchema> = ObjectSchema<ReturnType<typeof queryResponseShape<T>>>;

/** The decoded `QueryResponse<T>` for a row type `T`: `{ offset, total, results?, meta?, responseStatus? }`. */
export type QueryResponse<T> = { offset: number; total: number; results?: T[]; meta?: Record<string, string>; responseStatus?: ResponseStatus };

const responses = new WeakMap<AnySchema, AnySchema>();

/**
 * `QueryResponse<T>`: `Offset` and `Total` (0 when left out, as C# `int`s), the page of `Results`,
 * `Meta` and `ResponseStatus`.
 */
export function QueryResponse<T extends AnySchema>(row: T): QueryResponseSchema<T> {
  let schema = responses.get(row) as QueryResponseSchema<T> | undefined;
  if (schema === undefined) {
    schema = t.object(queryResponseShape(row), { name: genericName('QueryResponse', [row]) }) as unknown as QueryResponseSchema<T>;
    responses.set(row, schema);
  }
  return schema;
}
