/**
 * Enums with explicit values and `[EnumMember(Value=...)]` wire names, as ServiceStack's `EnumInfo`
 * (`CachedTypeInfo.cs`) writes and reads them: `GetSerializedValue` gives the EnumMember value,
 * `Parse` looks wire names up ignoring case, then falls back to `Enum.Parse` (member names, integers).
 * Texts from ServiceStack.Text's `EnumTests` (`Does_serialize_EnumMember_Value`: `{Day:SUN}`;
 * `Can_deserialize_EnumMember_with_int_value`: 1 is Tuesday).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, safeParse, stringify, t } from '../../src/index.js';
import { arbitrary } from '../../src/testing/arbitrary.js';
import { errorOf } from '../helpers/errors.js';

const Day = t.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const, {
  name: 'Day',
  wireNames: { Monday: 'MON', Tuesday: 'TUE', Wednesday: 'WED', Thursday: 'THU', Friday: 'FRI', Saturday: 'SAT', Sunday: 'SUN' },
});
const EnumMemberDto = t.object({ Day: Day });

describe('wireNames ([EnumMember])', () => {
  it('EnumTests: Sunday is written SUN and {Day:SUN} reads back as Sunday', () => {
    expect(stringify('Sunday', Day)).toBe('SUN');
    expect(stringify({ Day: 'Sunday' }, EnumMemberDto)).toBe('{Day:SUN}');
    expect(parse('{Day:SUN}', EnumMemberDto)).toEqual({ Day: 'Sunday' });
  });

  it('EnumTests: an integer picks the member by its value (1 is Tuesday)', () => {
    expect(parse('{Day:1}', EnumMemberDto)).toEqual({ Day: 'Tuesday' });
  });

  it('reads the wire name in any case, with blanks, and the member name as Enum.Parse does', () => {
    expect(parse('sun', Day)).toBe('Sunday');
    expect(parse(' Sun\t', Day)).toBe('Sunday');
    expect(parse('"SUN"', Day)).toBe('Sunday');
    expect(parse('sunday', Day)).toBe('Sunday');
    expect(parse('Sunday', Day)).toBe('Sunday');
  });

  it('prefers a wire name over a member name that spells it', () => {
    // Member B is written "A"; the text A is B (the reverse lookup comes before Enum.Parse).
    const Swapped = t.enum(['A', 'B'] as const, { wireNames: { B: 'A', A: 'X' } });
    expect(parse('A', Swapped)).toBe('B');
    expect(parse('X', Swapped)).toBe('A');
    expect(stringify('A', Swapped)).toBe('X');
  });

  it('names the wire names in errors, with the path', () => {
    const error = errorOf(() => parse('{Day:SUNDAE}', EnumMemberDto));
    expect(error).toMatchObject({ code: 'INVALID_ENUM', path: 'Day', offset: 5 });
    expect(error.reason).toContain('MON, TUE');
    expect(errorOf(() => stringify({ Day: 'SUN' as never }, EnumMemberDto))).toMatchObject({ code: 'INVALID_ENUM', path: 'Day' });
  });

  it('quotes a wire name JSV cannot carry raw, so it reads back', () => {
    const Odd = t.enum(['A', 'B'] as const, { wireNames: { A: 'a,b', B: 'x:y' } });
    expect(stringify('A', Odd)).toBe('"a,b"');
    expect(parse(stringify({ v: 'A' }, t.object({ v: Odd })), t.object({ v: Odd }))).toEqual({ v: 'A' });
  });

  it('works as a dictionary key', () => {
    const D = t.dict(t.int(), { key: Day });
    expect(stringify({ Monday: 1 }, D)).toBe('{MON:1}');
    expect(parse('{mon:1,Tuesday:2}', D)).toEqual({ MON: 1, TUE: 2 });
  });
});

describe('values (explicit underlying values)', () => {
  const Level = t.enum(['Low', 'Mid', 'High', 'Max'] as const, { name: 'Level', values: { Low: 1, High: 10 } });

  it('an integer picks the member with that value; unlisted members count on as in C#', () => {
    expect(parse('1', Level)).toBe('Low');
    expect(parse('2', Level)).toBe('Mid');
    expect(parse('10', Level)).toBe('High');
    expect(parse('11', Level)).toBe('Max');
    expect(parse(' -0 ', t.enum(['Z'] as const, { values: { Z: 0 } }))).toBe('Z');
  });

  it('an integer that names no member is INVALID_ENUM (ServiceStack would keep the number)', () => {
    expect(errorOf(() => parse('0', Level))).toMatchObject({ code: 'INVALID_ENUM' });
    expect(errorOf(() => parse('3', Level))).toMatchObject({ code: 'INVALID_ENUM' });
  });

  it('writing is unchanged: the member name', () => {
    expect(stringify('High', Level)).toBe('High');
  });

  it('negative and repeated values: the first member with a value wins on read', () => {
    const Signed = t.enum(['Neg', 'Zero', 'Alias'] as const, { values: { Neg: -1, Zero: 0, Alias: 0 } });
    expect(parse('-1', Signed)).toBe('Neg');
    expect(parse('0', Signed)).toBe('Zero');
    expect(parse('Alias', Signed)).toBe('Alias');
  });

  it('both options together, plus a name as the second argument still works', () => {
    const Both = t.enum(['A', 'B'] as const, { values: { A: 5 }, wireNames: { B: 'bee' } });
    expect(parse('6', Both)).toBe('B');
    expect(stringify('B', Both)).toBe('bee');
    expect(t.enum(['A'] as const, 'MyEnum').name).toBe('MyEnum');
  });
});

describe('bad options are TypeErrors at definition time', () => {
  it.each([
    [{ values: { C: 1 } }, /not a member/],
    [{ wireNames: { C: 'c' } }, /not a member/],
    [{ values: { A: 1.5 } }, /integer/],
    [{ wireNames: { A: '' } }, /wire name/],
    [{ wireNames: { A: ' a' } }, /wire name/],
    // A's wire name is B's name (in any case): ServiceStack's lookup would read A's text as B.
    [{ wireNames: { A: 'b' } }, /both read from "b"/],
    [{ wireNames: { A: 'x', B: 'X' } }, /both read from "x"/],
  ])('%o', (options, message) => {
    expect(() => t.enum(['A', 'B'] as const, options as never)).toThrow(message);
  });
  it('values on a numeric TypeScript enum', () => {
    enum N {
      A = 1,
      B = 2,
    }
    expect(() => t.enum(N, { values: { A: 3 } })).toThrow(TypeError);
    // wireNames are fine on a TypeScript enum; the value stays the enum's.
    const S = t.enum(N, { wireNames: { A: 'aa' } });
    expect(parse('aa', S)).toBe(N.A);
    expect(parse('2', S)).toBe(N.B);
    expect(stringify(N.A, S)).toBe('aa');
  });
});

describe('laws', () => {
  const Both = t.object({ day: Day, level: t.enum(['Low', 'Mid', 'High'] as const, { values: { Low: 10 }, wireNames: { Mid: 'm-i-d' } }) });
  it('arbitrary → stringify → parse is the identity, in every whitespace mode', () => {
    fc.assert(
      fc.property(arbitrary(Both), fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>, (value, whitespace) => {
        expect(parse(stringify(value, Both), Both, { whitespace })).toEqual(value);
      }),
    );
  });
  it('the integer of each member reads as that member', () => {
    const L = t.enum(['A', 'B', 'C', 'D'] as const, { values: { A: -5, C: 100 } });
    expect(['-5', '-4', '100', '101'].map((n) => parse(n, L))).toEqual(['A', 'B', 'C', 'D']);
    expect(safeParse('[A,-4,x]', t.array(L)).issues?.map((i) => i.path)).toEqual(['[2]']);
  });
});
