/**
 * The `t` namespace: schema builders for every .NET type a ServiceStack DTO uses. Each returns a
 * plain schema object; `Infer<typeof S>` is its static type. The package root re-exports this
 * module as `t`; it is also the `jsvkit/t` entry, because a namespace an app imports itself
 * (`import * as t from 'jsvkit/t'`) is one every bundler, esbuild included, trims to the builders
 * the app reads, while esbuild keeps every member of a namespace re-exported by name.
 *
 * ```ts
 * const Tag = t.object({ id: t.string(), name: t.string(), color: t.enum(['Red', 'Green'] as const) });
 * type Tag = Infer<typeof Tag>; // { id?: string; name?: string; color?: 'Red' | 'Green' }
 * ```
 */
import { readBoolean, writeBoolean } from './scalars/boolean.js';
import { readBytes, writeBytes } from './scalars/bytes.js';
import { readChar, writeChar } from './scalars/char.js';
import { readGuid, writeGuid } from './scalars/guid.js';
import { BYTE, readInt, readIntegerIn, readLong, readULong, SBYTE, SHORT, UINT, USHORT, writeInt, writeIntegerIn, writeLong, writeULong, type IntegerRange } from './scalars/integer.js';
import { readBarePlainDouble, readDouble, readFloat, writeDouble, writeFloat } from './scalars/number.js';
import { readDecimal, writeDecimal } from './scalars/decimal.js';
import { JsvDateTime, readDate, readDateTime, writeDate, writeDateTime } from './scalars/date-time.js';
import { JsvDateTimeOffset, readDateTimeOffset, writeDateTimeOffset } from './scalars/date-time-offset.js';
import { isDateOnly, readDateOnly, writeDateOnly } from './scalars/date-only.js';
import { isTimeOnly, readTimeOnly, writeTimeOnly } from './scalars/time-only.js';
import { JsvTimeSpan, readTimeSpan, writeTimeSpan } from './scalars/time-span.js';
import { ArraySchema } from './composites/array.js';
import { DictSchema, type DictOptions, type KeySchema } from './composites/dict.js';
import { EnumSchema, type EnumLike, type EnumMemberName, type EnumOptions, type EnumValues } from './composites/enum.js';
import { FlagsSchema } from './composites/flags.js';
import { KeyValuePairSchema } from './composites/key-value-pair.js';
import { LazySchema } from './composites/lazy.js';
import { ObjectSchema, type ObjectOptions, type Shape } from './composites/object.js';
import { UntypedSchema } from './composites/untyped.js';
import { ScalarSchema, StringSchema } from './primitives.js';
import type { AnySchema, ScalarKind } from './protocol.js';

export { ArraySchema, DictSchema, EnumSchema, FlagsSchema, KeyValuePairSchema, LazySchema, ObjectSchema, ScalarSchema, StringSchema, UntypedSchema };

/**
 * Up to nine ASCII digits: an int whatever they are, and `Number` reads them exactly as ServiceStack's
 * integer parser does (leading zeros included). Signs and blanks take the full reader's path.
 */
function isPlainDigits(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 9) return false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** .NET `string`: text as it is. A `{…}` or `[…]` value is taken as its raw text, as ServiceStack does. */
export function string(): StringSchema {
  return new StringSchema();
}

/** .NET `bool`: written `True`/`False`; reads what ServiceStack reads (`true`, `T`, `1`, `on`, …). */
export function boolean(): ScalarSchema<boolean> {
  return new ScalarSchema<boolean>('boolean', 'boolean', {
    // ServiceStack writes exactly these two; anything else goes through its full reader.
    read: (text) => (text === 'False' ? false : text === 'True' ? true : readBoolean(text)),
    write: writeBoolean,
    is: (value) => typeof value === 'boolean',
    expected: 'True or False',
    isDefault: (value) => value === false,
  });
}

/** .NET `double`: .NET's shortest round-trip text (`1E+17`, `5E-324`, `-0`, `NaN`). */
export function number(): ScalarSchema<number> {
  return new ScalarSchema<number>('number', 'double', {
    read: readDouble,
    readBare: readBarePlainDouble,
    write: writeDouble,
    is: (value) => typeof value === 'number',
    expected: 'a number',
    isDefault: (value) => value === 0,
  });
}

/** .NET `float`: single precision; values are rounded to float32 and written as .NET writes a `float`. */
export function float(): ScalarSchema<number> {
  return new ScalarSchema<number>('float', 'float', {
    read: readFloat,
    write: writeFloat,
    is: (value) => typeof value === 'number',
    expected: 'a number',
    isDefault: (value) => value === 0,
  });
}

/** .NET `int`: a whole number from -2147483648 to 2147483647; fractions and exponents are rejected. */
export function int(): ScalarSchema<number> {
  return new ScalarSchema<number>('int', 'int', {
    read: (text) => (isPlainDigits(text) ? +text : readInt(text)),
    write: writeInt,
    is: (value) => typeof value === 'number',
    expected: 'a whole number',
    isDefault: (value) => value === 0,
  });
}

/** A .NET integer type that fits a JavaScript `number`: range-checked on read and write. */
function integerIn(kind: ScalarKind, range: IntegerRange): ScalarSchema<number> {
  return new ScalarSchema<number>(kind, range.name, {
    read: (text) => readIntegerIn(range, text),
    write: (value) => writeIntegerIn(range, value),
    is: (value) => typeof value === 'number',
    expected: `a whole number (${range.name})`,
    isDefault: (value) => value === 0,
  });
}

/** .NET `byte` (Byte): a whole number from 0 to 255; no sign on read (`-0` is rejected, as ServiceStack does). */
export function byte(): ScalarSchema<number> {
  return integerIn('byte', BYTE);
}

/** .NET `sbyte` (SByte): a whole number from -128 to 127. */
export function sbyte(): ScalarSchema<number> {
  return integerIn('sbyte', SBYTE);
}

/** .NET `short` (Int16): a whole number from -32768 to 32767. */
export function short(): ScalarSchema<number> {
  return integerIn('short', SHORT);
}

/** .NET `ushort` (UInt16): a whole number from 0 to 65535; no sign on read. */
export function ushort(): ScalarSchema<number> {
  return integerIn('ushort', USHORT);
}

/** .NET `uint` (UInt32): a whole number from 0 to 4294967295; no sign on read. */
export function uint(): ScalarSchema<number> {
  return integerIn('uint', UINT);
}

/** .NET `long`: a `bigint`, never rounded. Writing also accepts a safe-integer `number`. */
export function long(): ScalarSchema<bigint> {
  return new ScalarSchema<bigint>('long', 'long', {
    read: readLong,
    write: writeLong,
    is: (value) => typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)),
    expected: 'a bigint',
    isDefault: (value) => value === 0n || (value as unknown) === 0,
  });
}

/**
 * .NET `ulong` (UInt64): a `bigint` from 0 to 18446744073709551615, never rounded; no sign on read.
 * Writing also accepts a non-negative safe-integer `number`.
 */
export function ulong(): ScalarSchema<bigint> {
  return new ScalarSchema<bigint>('ulong', 'ulong', {
    read: readULong,
    write: writeULong,
    is: (value) => typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value)),
    expected: 'a bigint (ulong)',
    isDefault: (value) => value === 0n || (value as unknown) === 0,
  });
}

/**
 * .NET `decimal`: the exact decimal text in .NET's `ToString()` form (`3.30` keeps its scale, `1e3`
 * reads as `1000`), never a lossy float. Writing also accepts a `bigint`.
 */
export function decimal(): ScalarSchema<string> {
  return new ScalarSchema<string>('decimal', 'decimal', {
    read: readDecimal,
    write: writeDecimal,
    is: (value) => typeof value === 'string' || typeof value === 'bigint',
    expected: 'decimal text',
    isDefault: (value) => /^[-+]?0*(\.0*)?$/.test(String(value)),
  });
}

const MIN_DATE_MS = -62135596800000;

/**
 * .NET `DateTime`. By default a lossless `JsvDateTime` (ticks, kind and offset as written), which
 * writes back byte for byte; `{ as: 'Date' }` gives a JavaScript `Date` (the instant, to the
 * millisecond). Reads every form ServiceStack reads, WCF `/Date(…)/` included.
 */
export function date(): ScalarSchema<JsvDateTime>;
export function date(options: { as: 'Date' }): ScalarSchema<Date>;
export function date(options: { as: 'JsvDateTime' }): ScalarSchema<JsvDateTime>;
export function date(options?: { as?: 'Date' | 'JsvDateTime' }): ScalarSchema<JsvDateTime> | ScalarSchema<Date> {
  if (options?.as === 'Date') {
    return new ScalarSchema<Date>('date', 'DateTime', {
      read: readDate,
      write: writeDate,
      is: (value) => value instanceof Date,
      expected: 'a Date',
      isDefault: (value) => value.getTime() === MIN_DATE_MS,
    }, 'Date');
  }
  return new ScalarSchema<JsvDateTime>('date', 'DateTime', {
    read: readDateTime,
    write: writeDateTime,
    is: (value) => value instanceof JsvDateTime,
    expected: 'a JsvDateTime',
    isDefault: (value) => value.ticks === 0n,
  });
}

/**
 * .NET `DateTimeOffset`: a lossless `JsvDateTimeOffset` (wall-clock ticks and the offset as written),
 * written as ServiceStack writes it, `2012-06-27T11:26:04.5240000+00:00` (seven fraction digits,
 * never `Z`). Text without an offset reads as UTC.
 */
export function dateTimeOffset(): ScalarSchema<JsvDateTimeOffset> {
  return new ScalarSchema<JsvDateTimeOffset>('dateTimeOffset', 'DateTimeOffset', {
    read: readDateTimeOffset,
    write: writeDateTimeOffset,
    is: (value) => value instanceof JsvDateTimeOffset,
    expected: 'a JsvDateTimeOffset',
    isDefault: (value) => value.ticks === 0n && value.offsetMinutes === 0,
  });
}

/**
 * .NET `DateOnly`: a `yyyy-MM-dd` string (`2001-01-13`), written as is. Reads any date text a
 * `DateTime` reads, keeping its date.
 */
export function dateOnly(): ScalarSchema<string> {
  return new ScalarSchema<string>('dateOnly', 'DateOnly', {
    read: readDateOnly,
    write: writeDateOnly,
    is: isDateOnly,
    expected: 'a DateOnly (yyyy-MM-dd)',
    isDefault: (value) => value === '0001-01-01',
  });
}

/**
 * .NET `TimeOnly`: an `HH:mm:ss` string, with the fraction's digits when there is one
 * (`13:13:13.5`); written as ServiceStack writes it, the XSD duration of the time of day
 * (`PT13H13M13S`). Writing also accepts `HH:mm`. Reads any TimeSpan text from zero to a day.
 */
export function timeOnly(): ScalarSchema<string> {
  return new ScalarSchema<string>('timeOnly', 'TimeOnly', {
    read: readTimeOnly,
    write: writeTimeOnly,
    is: isTimeOnly,
    expected: 'a TimeOnly (HH:mm:ss)',
    isDefault: (value) => /^00:00(:00(\.0+)?)?$/.test(value),
  });
}

/** .NET `TimeSpan`: a lossless `JsvTimeSpan` (ticks), written as an XSD duration (`PT1H30M`). */
export function timeSpan(): ScalarSchema<JsvTimeSpan> {
  return new ScalarSchema<JsvTimeSpan>('timeSpan', 'TimeSpan', {
    read: readTimeSpan,
    write: writeTimeSpan,
    is: (value) => value instanceof JsvTimeSpan,
    expected: 'a JsvTimeSpan',
    isDefault: (value) => value.ticks === 0n,
  });
}

/** .NET `Guid`: read in every form ServiceStack reads, as lower-case 8-4-4-4-12 text; written as 32 hex digits. */
export function guid(): ScalarSchema<string> {
  return new ScalarSchema<string>('guid', 'Guid', {
    read: readGuid,
    write: writeGuid,
    is: (value) => typeof value === 'string',
    expected: 'a Guid',
    isDefault: (value) => /^[0-]*$/.test(value),
  });
}

/** .NET `char`: one UTF-16 code unit; quoted when it is special or blank. */
export function char(): ScalarSchema<string> {
  return new ScalarSchema<string>('char', 'char', {
    read: readChar,
    write: writeChar,
    is: (value) => typeof value === 'string',
    expected: 'one character',
    isDefault: (value) => value === '\0',
  });
}

/** .NET `byte[]`: base64; an empty array is written `""`. */
export function bytes(): ScalarSchema<Uint8Array> {
  return new ScalarSchema<Uint8Array>('bytes', 'byte[]', {
    read: readBytes,
    write: writeBytes,
    is: (value) => value instanceof Uint8Array,
    expected: 'a Uint8Array',
  });
}

/**
 * A .NET enum from a list of member names (`t.enum(['Red', 'Green'] as const)`) or a TypeScript
 * enum (`t.enum(Color)`). Written as the member name; read by name in any case, or by integer value.
 * The second argument is the enum's name, or options: `values` gives explicit underlying values
 * (`{ Low: 1, High: 10 }`), `wireNames` the `[EnumMember(Value=...)]` names written and read instead
 * of member names (`{ InProgress: 'in-progress' }`); the decoded value stays the member.
 */
function enumOf<const Source extends readonly string[] | EnumLike>(
  source: Source,
  nameOrOptions?: string | EnumOptions<EnumMemberName<Source>>,
): EnumSchema<EnumValues<Source> & (string | number)> {
  return new EnumSchema(source, nameOrOptions as string | EnumOptions | undefined);
}
export { enumOf as enum };

/** A .NET `[Flags]` enum: written as its integer value; read from an integer or a list like `"Read, Write"`. */
export function flags<const Names extends string>(members: Record<Names, number>, name?: string): FlagsSchema<Names> {
  return new FlagsSchema(members, name);
}

/**
 * A .NET `object` member: any JSV value, decoded untyped (`JsvValue`: strings, lists, plain
 * objects, null, as `parse` without a schema gives) and written by the untyped writer.
 */
export function any(): UntypedSchema {
  return new UntypedSchema();
}

/**
 * .NET `KeyValuePair<K,V>`: an object `{ key, value }`, written `{key:…,value:…}` or, under the
 * `textCase: 'PascalCase'` option, `{Key:…,Value:…}` as a ServiceStack host writes it; read in any case.
 */
export function keyValuePair<K extends AnySchema, V extends AnySchema>(key: K, value: V): KeyValuePairSchema<K, V> {
  return new KeyValuePairSchema(key, value);
}

/** A .NET list or array of `element`. Elements are not null unless the element schema is `.nullable()`. */
export function array<E extends AnySchema>(element: E): ArraySchema<E> {
  return new ArraySchema(element);
}

/**
 * A .NET `Dictionary<string, V>`: a plain object by default, or a `Map` in the text's order with
 * `{ as: 'map' }`; `{ key: t.int() }` (or another scalar or enum) types the keys.
 */
export function dict<V extends AnySchema, K extends KeySchema = StringSchema, As extends 'object' | 'map' = 'object'>(value: V, options?: DictOptions<K, As>): DictSchema<V, K, As> {
  return new DictSchema(value, options);
}

/**
 * A DTO class. Properties are optional unless marked `.required()` (must be present) or
 * `.default(value)` (a C# value type: `value` when left out). For recursion, declare the
 * member as a getter (`get children() { return t.array(Node) }`), which keeps inference working.
 */
export function object<const P extends Shape>(shape: P, options?: ObjectOptions): ObjectSchema<P> {
  return new ObjectSchema<P>(shape, undefined, options);
}

/** A schema resolved on first use, for recursion a getter in `t.object` does not cover. */
export function lazy<S extends AnySchema>(getter: () => S): LazySchema<S> {
  return new LazySchema(getter);
}
