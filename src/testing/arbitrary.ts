/**
 * `jsvkit/testing`: fast-check arbitraries generated from schemas, for property tests of code that
 * reads or writes DTOs. Every value generated can be written and reads back equal
 * (`parse(stringify(x, S), S)` deep-equals `x`): strings are nasty (edge blanks, quotes, commas,
 * brackets, CR/LF, `null`- and number-looking text, astral characters), and only the values JSV
 * cannot carry are left out (docs/jsv-format.md, Nulls in lists: that end in nulls W1–W3, null dictionary
 * entries, kinds a midnight DateTime loses).
 */
import fc from 'fast-check';
import { unwritableEnd, type ArraySchema } from '../typed/composites/array.js';
import type { DictSchema, KeySchema } from '../typed/composites/dict.js';
import type { ObjectSchema } from '../typed/composites/object.js';
import { known } from '../typed/known-schema.js';
import type { ScalarSchema } from '../typed/primitives.js';
import { readDecimal } from '../typed/scalars/decimal.js';
import { JsvDateTime } from '../typed/scalars/date-time.js';
import { JsvTimeSpan } from '../typed/scalars/time-span.js';
import { JsvDateTimeOffset } from '../typed/scalars/date-time-offset.js';
import { dateText, MAX_OFFSET_MINUTES, TICKS_PER_MINUTE } from '../typed/scalars/calendar.js';
import { timeOnlyFromTicks } from '../typed/scalars/time-only.js';
import { jsvValue } from './untyped-value.js';
import type { AnySchema, Infer } from '../typed/protocol.js';

export interface ArbitraryOptions {
  /** How many containers deep values go (default 3); recursive schemas stop there. */
  maxDepth?: number;
  /** Most elements of a list or entries of a dictionary (default 4). */
  maxLength?: number;
}

/** Pieces that stress JSV's quoting and the reader's extent rules. */
const NASTY_PIECES = [
  ' ', '\t', '\r', '\n', '\r\n', '"', '""', ',', ':', '[', ']', '{', '}', '{}', '[]', 'null', 'True', 'false',
  '0', '-0', '1E+17', '5E-324', 'NaN', '\u200b', '\u00a0', '\u2028', '\\', "'", '😀', 'é', 'a', 'Z', '\0', '%',
];

/** Strings that are hard for JSV: quoting triggers, edge blanks, look-alikes of other types. */
export function nastyString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(...NASTY_PIECES, ''),
    fc.array(fc.constantFrom(...NASTY_PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
}

const TICKS_PER_DAY = 864_000_000_000n;

function dateTimeOffset(): fc.Arbitrary<JsvDateTimeOffset> {
  const limit = BigInt(MAX_OFFSET_MINUTES) * TICKS_PER_MINUTE;
  return fc
    .tuple(fc.bigInt({ min: limit, max: JsvDateTimeOffset.MAX_TICKS - limit }), fc.integer({ min: -MAX_OFFSET_MINUTES, max: MAX_OFFSET_MINUTES }), fc.constantFrom(0n, 1n, -1n))
    // Also the range's very ends, where only offsets that keep the UTC time inside are valid.
    .map(([ticks, offset, edge]) => {
      if (edge === 0n) return new JsvDateTimeOffset(ticks, offset);
      const wall = edge < 0n ? 0n : JsvDateTimeOffset.MAX_TICKS;
      const safe = edge < 0n ? Math.min(offset, 0) : Math.max(offset, 0);
      return new JsvDateTimeOffset(wall, safe);
    });
}

function dateTime(): fc.Arbitrary<JsvDateTime> {
  return fc
    .tuple(fc.bigInt({ min: 0n, max: JsvDateTime.MAX_TICKS }), fc.constantFrom('Utc', 'Unspecified', 'Local'), fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.boolean())
    .map(([ticks, kind, offset, midnight]) => {
      const value = midnight ? ticks - (ticks % TICKS_PER_DAY) : ticks;
      // A DateTime at midnight is written as a bare date, which keeps no kind.
      if (value % TICKS_PER_DAY === 0n) return new JsvDateTime(value, 'Unspecified');
      return kind === 'Local' ? new JsvDateTime(value, 'Local', offset) : new JsvDateTime(value, kind as 'Utc' | 'Unspecified');
    });
}

function decimalText(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.bigInt({ min: -(2n ** 96n - 1n), max: 2n ** 96n - 1n }), fc.integer({ min: 0, max: 28 }))
    .map(([unscaled, scale]) => {
      const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
      const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      return readDecimal(unscaled < 0n ? `-${text}` : text);
    });
}

function scalar(schema: Pick<ScalarSchema<unknown>, 'kind' | 'variant'>): fc.Arbitrary<unknown> {
  switch (schema.kind) {
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.double();
    case 'float':
      return fc.float();
    case 'int':
      return fc.integer({ min: -2147483648, max: 2147483647 });
    case 'long':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'byte':
      return fc.integer({ min: 0, max: 255 });
    case 'sbyte':
      return fc.integer({ min: -128, max: 127 });
    case 'short':
      return fc.integer({ min: -32768, max: 32767 });
    case 'ushort':
      return fc.integer({ min: 0, max: 65535 });
    case 'uint':
      return fc.integer({ min: 0, max: 4294967295 });
    case 'ulong':
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case 'dateTimeOffset':
      return dateTimeOffset();
    case 'dateOnly':
      return fc.bigInt({ min: 0n, max: JsvDateTime.MAX_TICKS / TICKS_PER_DAY }).map((days) => dateText(days * TICKS_PER_DAY));
    case 'timeOnly':
      return fc.oneof(fc.bigInt({ min: 0n, max: TICKS_PER_DAY - 1n }), fc.bigInt({ min: 0n, max: 86_399n }).map((s) => s * 10_000_000n)).map(timeOnlyFromTicks);
    case 'decimal':
      return decimalText();
    case 'date':
      if (schema.variant === 'Date') return fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
      return dateTime();
    case 'timeSpan':
      return fc.bigInt({ min: JsvTimeSpan.MIN_TICKS, max: JsvTimeSpan.MAX_TICKS }).map((ticks) => new JsvTimeSpan(ticks));
    case 'guid':
      return fc.uuid();
    case 'char':
      return fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    case 'bytes':
      return fc.uint8Array({ maxLength: 12 });
    case 'flags':
      return fc.integer({ min: -2147483648, max: 4294967295 });
    default:
      throw new TypeError(`arbitrary: no generator for scalar kind ${schema.kind}`);
  }
}

class Builder {
  private readonly cache = new Map<AnySchema, fc.Arbitrary<unknown>[]>();

  constructor(private readonly maxLength: number) {}

  build(schema: AnySchema, depth: number): fc.Arbitrary<unknown> {
    let byDepth = this.cache.get(schema);
    if (!byDepth) this.cache.set(schema, (byDepth = []));
    return (byDepth[depth] ??= this.create(schema, depth));
  }

  private create(schema: AnySchema, depth: number): fc.Arbitrary<unknown> {
    const node = known(schema);
    switch (node.kind) {
      case 'string':
        return nastyString();
      case 'any':
        return depth <= 0 ? nastyString() : jsvValue(nastyString(), depth, this.maxLength);
      case 'enum':
        return fc.constantFrom(...node.values);
      case 'lazy':
        return this.build(node.resolve(), depth);
      case 'array':
        return this.list(node, depth);
      case 'dict':
        return this.dict(node, depth);
      case 'object':
        return this.object(node, depth);
      default:
        return scalar(node);
    }
  }

  private list(schema: ArraySchema, depth: number): fc.Arbitrary<unknown[]> {
    if (depth <= 0) return fc.constant([]);
    const element = schema.element;
    let item = this.build(element, depth - 1);
    if (element.isNullable) item = fc.option(item, { nil: null, freq: 4 });
    const kind = element.structuralKind();
    const mapLike = kind === 'object' || kind === 'dict';
    const stringList = kind === 'string';
    return fc.array(item, { maxLength: this.maxLength }).map((list) => {
      // Drop trailing nulls JSV cannot carry (W1–W3).
      while (list.length > 0 && list[list.length - 1] === null && unwritableEnd(list, mapLike, stringList) !== undefined) list.pop();
      return list;
    });
  }

  private dict(schema: DictSchema<AnySchema, KeySchema, 'object' | 'map'>, depth: number): fc.Arbitrary<unknown> {
    const asMap = schema.as === 'map';
    if (depth <= 0) return fc.constant(asMap ? new Map() : {});
    // Null entries are left out on write, as ServiceStack does, so they are not generated.
    const value = this.build(schema.value, depth - 1);
    const codec = schema.keyCodec();
    const key: fc.Arbitrary<unknown> = schema.key === undefined || codec === undefined ? nastyString() : this.build(schema.key, 0);
    const keyText = (k: unknown): string => (codec === undefined ? (k as string) : codec.write(k));
    return fc.uniqueArray(fc.tuple(key, value), { maxLength: this.maxLength, selector: ([k]) => keyText(k) }).map((entries) => {
      if (asMap) return new Map(entries);
      const record: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(record, keyText(k), { value: v, enumerable: true, writable: true, configurable: true });
      return record;
    });
  }

  private object(schema: ObjectSchema, depth: number): fc.Arbitrary<unknown> {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const requiredKeys: string[] = [];
    for (const name of schema.keys()) {
      const member = schema.member(name)!;
      // A defaulted member always has a value once decoded, so it is always generated.
      if (member.isRequired || member.hasDefault) requiredKeys.push(name);
      else if (depth <= 0) continue;
      // Defined, not assigned: a member named `__proto__` is a key, not the model's prototype.
      Object.defineProperty(model, name, { value: this.build(member, Math.max(depth - 1, 0)), enumerable: true, writable: true, configurable: true });
    }
    // Plain objects (Object.prototype), as parse builds them, so deepStrictEqual holds on a round trip.
    return fc.record(model, { requiredKeys, noNullPrototype: true });
  }
}

/**
 * A fast-check arbitrary for the values of `schema`, including recursive schemas (bounded by
 * `maxDepth`). Requires `fast-check` (an optional peer dependency of `jsvkit/testing`).
 */
export function arbitrary<S extends AnySchema>(schema: S, options?: ArbitraryOptions): fc.Arbitrary<Infer<S>> {
  const builder = new Builder(options?.maxLength ?? 4);
  const item = builder.build(schema, options?.maxDepth ?? 3);
  return (schema.isNullable ? fc.option(item, { nil: null }) : item) as fc.Arbitrary<Infer<S>>;
}
