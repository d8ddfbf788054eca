/**
 * `t.dict(V)`: a .NET dictionary, `{key:value,...}`. Decodes to a plain
 * object by default (keys stored as own properties, `__proto__` included, so nothing reaches a
 * prototype) or, with `{ as: 'map' }`, to a `Map` that keeps the text's order exactly: a plain object
 * moves integer-like keys such as `"1"` to the front. Keys are case-sensitive and may be typed with a
 * scalar key schema. Entries whose value is null are left out on write, as ServiceStack does.
 */
import { encodeString, entryHead } from '../../syntax/quoting.js';
import { EMPTY, IN_MAP, MAP } from '../../syntax/scanner.js';
import { setOwn } from '../../syntax/value.js';
import { describeValue } from '../encoding.js';
import { ScalarSchema, StringSchema } from '../primitives.js';
import { ScalarError } from '../scalars/scalar-error.js';
import { SchemaBase } from '../schema.js';
import type { AnySchema, Decoder, Encoder, Infer, InferInput, SchemaTypes } from '../protocol.js';
import { EnumSchema } from './enum.js';

/** A schema a dictionary key can have: a string, a scalar or an enum. */
export type KeySchema = StringSchema | ScalarSchema<any> | EnumSchema<any>;

export interface DictOptions<K extends KeySchema, As extends 'object' | 'map'> {
  /** Decode to a plain object (default) or a `Map` in the text's order. */
  as?: As;
  /** The key type (default `t.string()`). A plain-object dictionary stores each key as the text it is written as. */
  key?: K;
}

export interface DictTypes<V extends AnySchema, K extends KeySchema, As> {
  readonly output: As extends 'map' ? Map<Infer<K>, Infer<V>> : Record<string, Infer<V>>;
  /** Null values are left out when written, as ServiceStack leaves out null dictionary entries. */
  readonly input: As extends 'map' ? ReadonlyMap<Infer<K>, InferInput<V> | null | undefined> : Record<string, InferInput<V> | null | undefined>;
}

interface KeyCodec {
  read(text: string): unknown;
  write(key: unknown): string;
  is(key: unknown): boolean;
}

export class DictSchema<V extends AnySchema = AnySchema, K extends KeySchema = StringSchema, As extends 'object' | 'map' = 'object'> extends SchemaBase {
  declare readonly '~types'?: DictTypes<V, K, As>;
  readonly kind = 'dict';
  readonly key: K | undefined;
  readonly as: 'object' | 'map';

  constructor(
    readonly value: V,
    options?: DictOptions<K, As>,
  ) {
    super();
    this.key = options?.key;
    this.as = options?.as ?? 'object';
    if (this.as !== 'object' && this.as !== 'map') throw new TypeError(`t.dict: as must be 'object' or 'map', got ${String(this.as)}`);
  }

  get name(): string {
    return `dictionary of ${this.value.name}`;
  }

  /** @internal */
  keyCodec(): KeyCodec | undefined {
    const key = this.key;
    if (key === undefined || key instanceof StringSchema) return undefined;
    if (key instanceof ScalarSchema) return { read: key.codec.read, write: key.codec.write, is: key.codec.is };
    if (key instanceof EnumSchema) return key.codec();
    throw new TypeError('t.dict: the key schema must be a string, scalar or enum schema');
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    const valueSchema = this.value;
    const decode = valueSchema.decoder();
    const nullable = valueSchema.isNullable;
    const asMap = this.as === 'map';
    const keyCodec = this.keyCodec();
    const expected = `a map ({…}) for a ${this.name}`;
    return (d, ctx, kind) => {
      const sc = d.scanner;
      if (kind !== MAP) return d.wrongShape(ctx, kind, expected);
      const map = asMap ? new Map<unknown, unknown>() : undefined;
      const record: Record<string, unknown> | undefined = asMap ? undefined : {};
      const level = d.level;
      d.level = level + 1;
      if (sc.openMap()) {
        do {
          const keyText = sc.readKey();
          d.keys[level] = keyText;
          let key: unknown = keyText;
          if (keyCodec !== undefined) {
            try {
              key = keyCodec.read(keyText);
              // A plain object keeps the key as it is written, so `1`, `01` and ` 1` are one key.
              if (!asMap) key = keyCodec.write(key);
            } catch (error) {
              if (!(error instanceof ScalarError)) throw error;
              d.report(error.code, `Invalid key: ${error.reason}`, sc.keyStart);
              sc.skipValue(IN_MAP);
              continue;
            }
          }
          if (map ? map.has(key) : Object.prototype.hasOwnProperty.call(record, key as string)) {
            d.report('DUPLICATE_KEY', `Duplicate key ${JSON.stringify(keyText)}: a map may name a key only once`, sc.keyStart);
            sc.skipValue(IN_MAP);
            continue;
          }
          const valueKind = sc.valueStart(IN_MAP);
          let value: unknown;
          if (valueKind === EMPTY) {
            if (!nullable) d.report('NULL_ELEMENT', `Empty value, but the values (${valueSchema.name}) are not nullable; mark the value schema .nullable() to allow null`, sc.start);
            value = null;
          } else {
            value = decode(d, IN_MAP, valueKind);
            if (value === undefined) continue;
          }
          if (map) map.set(key, value);
          else setOwn(record!, key as string, value);
        } while (sc.nextEntry());
      }
      d.level = level;
      return map ?? record;
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    const encode = this.value.encoder();
    const asMap = this.as === 'map';
    const keyCodec = this.keyCodec();
    const writeKey = (e: Parameters<Encoder>[0], key: unknown): string | undefined => {
      if (keyCodec === undefined) {
        if (typeof key === 'string') return encodeString(key);
        e.fail('INVALID_TYPE', `Expected a string key, found ${describeValue(key)}`);
        return undefined;
      }
      try {
        // On a plain object every key is text: read it first, so `1` and `01` give the same key.
        const typed = asMap ? key : keyCodec.read(key as string);
        if (!keyCodec.is(typed)) throw new ScalarError('INVALID_TYPE', `Expected a ${this.key!.name} key, found ${describeValue(key)}`);
        // Quoted when needed: ServiceStack writes date keys raw and cannot read them back (W8).
        return encodeString(keyCodec.write(typed));
      } catch (error) {
        if (!(error instanceof ScalarError)) throw error;
        e.fail(error.code, `Invalid key: ${error.reason}`);
        return undefined;
      }
    };
    /** Writes one entry (true) or leaves out a null one or an unwritable key (false). */
    const writeEntry = (e: Parameters<Encoder>[0], level: number, key: unknown, item: unknown, first: boolean): boolean => {
      if (item === null || item === undefined) return false;
      e.keys[level] = typeof key === 'string' || typeof key === 'number' ? key : String(key);
      if (keyCodec === undefined && typeof key === 'string') {
        // Plain string keys repeat across records: their written form is cached.
        e.out += first ? entryHead(key).slice(1) : entryHead(key);
      } else {
        const keyText = writeKey(e, key);
        if (keyText === undefined) return false;
        e.out += first ? keyText + ':' : ',' + keyText + ':';
      }
      encode(e, item);
      e.cut();
      return true;
    };
    return (e, value) => {
      if (asMap ? !(value instanceof Map) : typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Map) {
        return e.fail('INVALID_TYPE', `Expected ${asMap ? 'a Map' : 'an object'} (${this.name}), found ${describeValue(value)}`);
      }
      if (!e.enter(value)) return;
      const level = e.level;
      e.level = level + 1;
      e.out += '{';
      let first = true;
      if (asMap) {
        for (const [key, item] of value as Map<unknown, unknown>) if (writeEntry(e, level, key, item, first)) first = false;
      } else {
        const record = value as Record<string, unknown>;
        // for-in with an own-property test lists what Object.keys lists, in the same order, without
        // allocating the key array.
        for (const key in record) {
          if (Object.prototype.hasOwnProperty.call(record, key) && writeEntry(e, level, key, record[key], first)) first = false;
        }
      }
      e.out += '}';
      e.level = level;
      e.leave();
    };
  }

  /** @internal */
  protected override childrenReachDefault(visiting: Set<AnySchema>): boolean {
    return this.value.reachesDefault(visiting);
  }

  /** @internal */
  override fillDefaults(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !this.reachesDefault()) return value;
    const valueSchema = this.value;
    if (value instanceof Map) {
      let copy: Map<unknown, unknown> | undefined;
      for (const [key, item] of value) {
        const filled = item == null ? item : valueSchema.fillDefaults(item);
        if (!Object.is(filled, item)) (copy ??= new Map(value)).set(key, filled);
      }
      return copy ?? value;
    }
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(record)) {
      const item = record[key];
      const filled = item == null ? item : valueSchema.fillDefaults(item);
      if (!Object.is(filled, item)) setOwn((copy ??= { ...record }), key, filled);
    }
    return copy ?? record;
  }
}
