/** The inferred types, checked by `tsc --noEmit` (tsconfig includes test/) and run by vitest. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { operation, parse, safeParse, stringify, t, type AnySchema, type Infer, type InferInput, type JsvValue, type OperationRequest } from '../../src/index.js';
import type { JsvDateTime } from '../../src/typed/scalars/date-time.js';
import type { JsvTimeSpan } from '../../src/typed/scalars/time-span.js';
import { NewCustomer as NewCustomerSchema, CustomerInfo as CustomerInfoSchema, Struct as StructSchema, TagColors, Value as ValueSchema } from '../../examples/evovoice/dtos.js';
import type { CustomerInfo, NewCustomer, ScheduleDay, SchedulingRule, Struct, Value } from '../../examples/evovoice/dtos.js';

describe('inference', () => {
  it('gives scalars their value types', () => {
    expectTypeOf<Infer<ReturnType<typeof t.string>>>().toEqualTypeOf<string>();
    expectTypeOf<Infer<ReturnType<typeof t.boolean>>>().toEqualTypeOf<boolean>();
    expectTypeOf<Infer<ReturnType<typeof t.int>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.long>>>().toEqualTypeOf<bigint>();
    expectTypeOf<Infer<ReturnType<typeof t.decimal>>>().toEqualTypeOf<string>();
    expectTypeOf<Infer<ReturnType<typeof t.timeSpan>>>().toEqualTypeOf<JsvTimeSpan>();
    const d = t.date();
    const js = t.date({ as: 'Date' });
    expectTypeOf<Infer<typeof d>>().toEqualTypeOf<JsvDateTime>();
    expectTypeOf<Infer<typeof js>>().toEqualTypeOf<Date>();
    expectTypeOf<Infer<ReturnType<typeof t.bytes>>>().toEqualTypeOf<Uint8Array>();
  });

  it('makes object members optional unless required, and elements null only when nullable', () => {
    const S = t.object({ a: t.int().required(), b: t.string(), c: t.array(t.int().nullable()), d: t.array(t.string()) });
    expectTypeOf<Infer<typeof S>>().toEqualTypeOf<{ a: number; b?: string; c?: (number | null)[]; d?: string[] }>();
    expectTypeOf<Infer<ReturnType<typeof S.nullable>>>().toEqualTypeOf<Infer<typeof S> | null>();
  });

  it('makes .default() members non-optional, and takes only a default of the member type', () => {
    const Color = t.enum(['Red', 'Green'] as const);
    const S = t.object({ on: t.boolean().default(false), n: t.int().default(0), c: Color.default('Red'), s: t.string().default(''), o: t.string() });
    expectTypeOf<Infer<typeof S>>().toEqualTypeOf<{ on: boolean; n: number; c: 'Red' | 'Green'; s: string; o?: string }>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof S>>().toEqualTypeOf<Infer<typeof S>>();
    expectTypeOf(parse('{}', S).c).toEqualTypeOf<'Red' | 'Green'>();
    // Never called: only the compiler looks at it.
    const wrong = () => {
      // @ts-expect-error: a string is not an int
      t.int().default('0');
      // @ts-expect-error: Blue is not a member
      Color.default('Blue');
      // @ts-expect-error: null is no default
      t.int().nullable().default(null);
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('types enums, flags and dictionaries', () => {
    const Color = t.enum(['Red', 'Green'] as const);
    expectTypeOf<Infer<typeof Color>>().toEqualTypeOf<'Red' | 'Green'>();
    enum Level {
      Low,
      High,
    }
    const L = t.enum(Level);
    expectTypeOf<Infer<typeof L>>().toEqualTypeOf<Level>();
    const F = t.flags({ None: 0, Read: 1 });
    expectTypeOf<Infer<typeof F>>().toEqualTypeOf<number>();
    const D = t.dict(t.int());
    expectTypeOf<Infer<typeof D>>().toEqualTypeOf<Record<string, number>>();
    const M = t.dict(t.int(), { as: 'map', key: t.guid() });
    expectTypeOf<Infer<typeof M>>().toEqualTypeOf<Map<string, number>>();
  });

  it('infers the recursive Struct/Value pair with no annotation', () => {
    const Value = t.object({
      boolValue: t.boolean(),
      stringValue: t.string(),
      numberValue: t.number(),
      get listValue() {
        return t.array(Struct);
      },
      get structValue() {
        return Struct;
      },
    });
    const Struct = t.dict(Value);
    type V = Infer<typeof Value>;
    expectTypeOf<V['boolValue']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<V['listValue']>[number]>().toEqualTypeOf<Record<string, V>>();
    expectTypeOf<NonNullable<V['structValue']>>().toEqualTypeOf<Record<string, V>>();
    expectTypeOf<Infer<typeof Struct>>().toEqualTypeOf<Record<string, V>>();
  });

  it('types a t.lazy recursion with one annotation', () => {
    interface Tree {
      name?: string;
      children?: Tree[];
    }
    const Tree: t.ObjectSchema<{ name: ReturnType<typeof t.string>; children: t.ArraySchema<t.LazySchema<typeof Tree>> }> = t.object({
      name: t.string(),
      children: t.array(t.lazy(() => Tree)),
    });
    expectTypeOf<Infer<typeof Tree>>().toExtend<Tree>();
    expectTypeOf<Tree>().toExtend<Infer<typeof Tree>>();
  });

  it('types the Evo Voice DTOs', () => {
    expectTypeOf<Struct>().toEqualTypeOf<Record<string, Value>>();
    expectTypeOf<Value['listValue']>().toEqualTypeOf<(Struct | null)[] | undefined>();
    // The Evo Voice value members are `bool?`, `int?`, `double?` and enums made nullable (the
    // generated module reads the nullable metadata): optional like every other member.
    expectTypeOf<Value['numberValue']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Value['boolValue']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Value['stringValue']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CustomerInfo['isStaging']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SchedulingRule['frequency']>().toEqualTypeOf<'None' | 'Secondly' | 'Minutely' | 'Hourly' | 'Daily' | 'Weekly' | 'Monthly' | 'Yearly' | undefined>();
    expectTypeOf<ScheduleDay>().toEqualTypeOf<{ offset?: number; dayOfWeek?: 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' }>();
    expectTypeOf<CustomerInfo['id']>().toEqualTypeOf<string | undefined>();
    // A .NET List<Tag> may hold null.
    expectTypeOf<NonNullable<NonNullable<CustomerInfo['tags']>[number]>['color']>().toEqualTypeOf<'Magenta' | 'Red' | 'Volcano' | 'Orange' | 'Gold' | 'Lime' | 'Green' | 'Cyan' | 'Blue' | 'GeekBlue' | 'Purple' | undefined>();
    expectTypeOf<NewCustomer>().toEqualTypeOf<{ accountId?: string; name?: string; parentCustomerId?: string; referenceId?: string; data?: Struct }>();
  });
});

describe('the API', () => {
  const Poco = t.object({ name: t.string() });

  it('types parse, safeParse and stringify by the schema, and keeps the untyped overloads', () => {
    expectTypeOf(parse('{}', Poco)).toEqualTypeOf<{ name?: string }>();
    expectTypeOf(parse('{}')).toEqualTypeOf<JsvValue>();
    const result = safeParse('{}', Poco);
    if (result.success) expectTypeOf(result.value).toEqualTypeOf<{ name?: string }>();
    expectTypeOf(stringify).toBeCallableWith({ name: 'x' }, Poco);
    // Never called: only the compiler looks at it.
    const wrong = () => {
      // @ts-expect-error: a number is not a Poco
      stringify(1, Poco);
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('accepts every schema as an AnySchema, outside a generic constraint too', () => {
    const s: AnySchema = NewCustomerSchema;
    const all: AnySchema[] = [
      CustomerInfoSchema,
      StructSchema,
      ValueSchema,
      TagColors,
      TagColors.default('Magenta'),
      t.array(NewCustomerSchema),
      t.dict(t.int(), { as: 'map', key: t.guid() }),
      t.lazy(() => NewCustomerSchema),
      t.flags({ None: 0, Read: 1 }),
      t.int().required(),
      t.date({ as: 'Date' }).nullable(),
      t.string(),
    ];
    const route: { body?: AnySchema; response?: AnySchema } = { body: NewCustomerSchema, response: CustomerInfoSchema };
    const standard: StandardSchemaV1 = s;
    expectTypeOf(all).items.toExtend<StandardSchemaV1>();
    expectTypeOf(route.body).toEqualTypeOf<AnySchema | undefined>();
    expectTypeOf(standard['~standard'].version).toEqualTypeOf<1>();
  });

  it('exposes the Standard Schema output type', () => {
    expectTypeOf<StandardSchemaV1.InferOutput<typeof Poco>>().toEqualTypeOf<{ name?: string }>();
  });
});

describe('InferInput: what stringify(value, S) takes', () => {
  it('leaves defaulted members optional and lets members that are not required be null', () => {
    const Order = t.object({ id: t.string().required(), qty: t.int().default(1), note: t.string(), lines: t.array(t.int()), tags: t.dict(t.string()) });
    expectTypeOf<InferInput<typeof Order>>().toEqualTypeOf<{
      id: string;
      qty?: number | null;
      note?: string | null;
      lines?: readonly number[] | null;
      tags?: Record<string, string | null | undefined> | null;
    }>();
    // Compiles now: `qty` has a default, `note` is written as absent.
    expectTypeOf(stringify({ id: 'x', note: null }, Order)).toEqualTypeOf<string>();
    // A required member cannot be left out: neither the types nor the writer allow it.
    // @ts-expect-error id is missing
    expect(() => stringify({ qty: 2 }, Order)).toThrow(/id is required/);
  });

  it('works through recursive schemas and operation requests', () => {
    expectTypeOf<InferInput<typeof StructSchema>>().toMatchTypeOf<Record<string, unknown>>();
    expectTypeOf(stringify({ a: { boolValue: null, listValue: [null, { b: {} }] } }, StructSchema)).toEqualTypeOf<string>();
    const op = operation({ name: 'Make', request: t.object({ n: t.int().default(0) }), response: undefined, verbs: ['POST'], routes: [] });
    expectTypeOf<OperationRequest<typeof op>>().toEqualTypeOf<{ n?: number | null }>();
  });
});
