/** Inferred types of the metadata kinds and of `jsvkit/servicestack`, checked by `tsc --noEmit`. */
import { describe, expectTypeOf, it } from 'vitest';
import { t, type Infer, type JsvDateTimeOffset, type JsvValue } from '../../src/index.js';
import * as ss from '../../src/servicestack/index.js';

describe('inference of the metadata kinds', () => {
  it('gives integer kinds number, and ulong bigint', () => {
    expectTypeOf<Infer<ReturnType<typeof t.byte>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.sbyte>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.short>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.ushort>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.uint>>>().toEqualTypeOf<number>();
    expectTypeOf<Infer<ReturnType<typeof t.ulong>>>().toEqualTypeOf<bigint>();
  });

  it('gives the date kinds their values', () => {
    expectTypeOf<Infer<ReturnType<typeof t.dateTimeOffset>>>().toEqualTypeOf<JsvDateTimeOffset>();
    expectTypeOf<Infer<ReturnType<typeof t.dateOnly>>>().toEqualTypeOf<string>();
    expectTypeOf<Infer<ReturnType<typeof t.timeOnly>>>().toEqualTypeOf<string>();
  });

  it('keeps enum members as the value whatever the options, and checks option keys', () => {
    const E = t.enum(['A', 'B'] as const, { values: { A: 1 }, wireNames: { B: 'bee' } });
    expectTypeOf<Infer<typeof E>>().toEqualTypeOf<'A' | 'B'>();
    const wrong = () => {
      // @ts-expect-error: C is not a member
      t.enum(['A', 'B'] as const, { wireNames: { C: 'c' } });
      // @ts-expect-error: values are numbers
      t.enum(['A', 'B'] as const, { values: { A: '1' } });
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('types t.any() as JsvValue and t.keyValuePair as { key?, value? }', () => {
    expectTypeOf<Infer<ReturnType<typeof t.any>>>().toEqualTypeOf<JsvValue>();
    const P = t.keyValuePair(t.string(), t.int());
    expectTypeOf<Infer<typeof P>>().toEqualTypeOf<{ key?: string; value?: number }>();
  });

  it('types the servicestack schemas', () => {
    expectTypeOf<ss.ResponseStatus>().toEqualTypeOf<{ errorCode?: string; message?: string; stackTrace?: string; errors?: ss.ResponseError[]; meta?: Record<string, string> }>();
    const Row = t.object({ id: t.int() });
    expectTypeOf<Infer<ReturnType<typeof ss.QueryResponse<typeof Row>>>>().toEqualTypeOf<ss.QueryResponse<{ id?: number }>>();
    const Q = ss.QueryDb(Row).extend({ nameContains: t.string() });
    expectTypeOf<Infer<typeof Q>>().toEqualTypeOf<{ nameContains?: string; skip?: number; take?: number; orderBy?: string; orderByDesc?: string; include?: string; fields?: string; meta?: Record<string, string> }>();
    expectTypeOf<ss.DayOfWeek>().toEqualTypeOf<'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday'>();
  });
});
