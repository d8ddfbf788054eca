/**
 * `t.object({...})`: a ServiceStack DTO (POCO). Read from `{key:value,...}` with names matched
 * case-insensitively (OrdinalIgnoreCase, as ServiceStack matches members) and quoted keys accepted (R7); written
 * in declaration order with a derived schema's own members before its base's, nulls left
 * out (or written as the member's `.default(value)`), names converted by `textCase`. A member missing
 * from the text is left out, or takes its `.default(value)` as a C# value type keeps its constructor
 * default.
 */
import { COMMA, isBlank, RBRACE, RBRACKET } from '../../syntax/chars.js';
import { BARE, EMPTY, IN_LIST, IN_MAP, MAP, type Context, type Scanner } from '../../syntax/scanner.js';
import { newRecord, setOwn } from '../../syntax/value.js';
import { defaultFactory } from '../defaults.js';
import { describeValue } from '../encoding.js';
import { isUnicodeBlank, trimWith } from '../scalars/blanks.js';
import { foldCase, writtenNames } from '../text-case.js';
import { SchemaBase } from '../schema.js';
import type { AnySchema, Decoder, Encoder, DefaultMark, Infer, InferInput, RequiredMark, SchemaKind, SchemaTypes } from '../protocol.js';

/** The members of an object schema. Members may be getters, which makes recursive schemas infer. */
export type Shape = { readonly [name: string]: any };

type Flat<T> = { [K in keyof T]: T[K] } & {};

/** A member that always has a value once decoded: `.required()` or `.default(value)`. */
type Present = RequiredMark | DefaultMark;

/** The decoded type of a shape: required and defaulted members as they are, the rest optional. */
export type ObjectOutput<P extends Shape> = Flat<
  { -readonly [K in keyof P as P[K] extends Present ? K : never]: Infer<P[K]> } & {
    -readonly [K in keyof P as P[K] extends Present ? never : K]?: Infer<P[K]>;
  }
>;

/** A member the value to write must have: `.required()` without a `.default(value)`. */
type MustGive<S> = S extends DefaultMark ? false : S extends RequiredMark ? true : false;

/**
 * What a shape takes to be written: required members as they are; the others optional and
 * nullable (a null member is left out, or written as its `.default(value)`).
 */
export type ObjectInput<P extends Shape> = Flat<
  { -readonly [K in keyof P as MustGive<P[K]> extends true ? K : never]: InferInput<P[K]> } & {
    -readonly [K in keyof P as MustGive<P[K]> extends true ? never : K]?: InferInput<P[K]> | null;
  }
>;

/** `Base` with `Own`'s members added or replaced. */
export type Extended<Base extends Shape, Own extends Shape> = { [K in keyof Base as K extends keyof Own ? never : K]: Base[K] } & Own;

export interface ObjectTypes<P extends Shape> {
  readonly output: ObjectOutput<P>;
  readonly input: ObjectInput<P>;
}

export interface ObjectOptions {
  /** The DTO's name in messages (default `object`). */
  name?: string;
}

interface Member {
  name: string;
  schema: AnySchema;
  required: boolean;
  /** A fresh copy of the member's `.default(value)`, if it has one. */
  fill: (() => unknown) | undefined;
  /** The `.default(value)` to write in place of `undefined` or `null`. */
  defaultValue: unknown;
  /** An empty value (`{A:}`) reads as the default: only for strings, which can hold it. */
  emptyIsDefault: boolean;
  /** The bare text `null` is no value: for every type whose own text can never be `null`. */
  nullWord: boolean;
  /** `name:` and `,name:` as written, indexed by `Encoding.caseIndex`: built once, not per object. */
  heads: readonly string[];
  separated: readonly string[];
  bit: number;
  index: number;
}

/**
 * Whether the object decoder first tries the expected member's spellings at the cursor (`Scanner.readKnownKey`)
 * before reading the key as text. Off only in the test that holds both ways to the same values and
 * errors. @internal
 */
export const knownKeys = { enabled: true };

export class ObjectSchema<P extends Shape = Shape> extends SchemaBase {
  declare readonly '~types'?: ObjectTypes<P>;
  readonly kind = 'object';
  readonly name: string;
  private memberList: Member[] | undefined;

  constructor(
    /** This schema's own members (getters are read only when the schema is first used). */
    readonly ownShape: Shape,
    /** The schema this one extends; its members are written after the own ones. */
    readonly base?: ObjectSchema,
    options?: ObjectOptions,
  ) {
    super();
    this.name = options?.name ?? 'object';
    for (const name of Object.keys(ownShape)) checkMemberName(name);
  }

  /** A schema with `own`'s members first and this one's after them, as a C# class deriving from this one. */
  extend<Own extends Shape>(own: Own, options?: ObjectOptions): ObjectSchema<Extended<P, Own>> {
    return new ObjectSchema<Extended<P, Own>>(own, this as ObjectSchema, options);
  }

  /** Member names in write order: own members first, then inherited ones not redeclared. */
  keys(): string[] {
    const own = Object.keys(this.ownShape);
    const inherited = this.base ? this.base.keys().filter((name) => !Object.prototype.hasOwnProperty.call(this.ownShape, name)) : [];
    return [...own, ...inherited];
  }

  /** The schema of a member (resolving a getter). */
  member(name: string): AnySchema | undefined {
    if (Object.prototype.hasOwnProperty.call(this.ownShape, name)) return this.ownShape[name] as AnySchema;
    return this.base?.member(name);
  }

  /** @internal */
  members(): Member[] {
    if (this.memberList) return this.memberList;
    const list = this.keys().map((name, index): Member => {
      const schema = this.member(name);
      if (!(schema instanceof SchemaBase)) throw new TypeError(`Member ${JSON.stringify(name)} of ${this.name} is not a jsvkit schema`);
      const fill = schema.hasDefault ? defaultFactory(schema, `${this.name}.${name}`) : undefined;
      return {
        name,
        schema,
        required: schema.isRequired,
        fill,
        defaultValue: schema.defaultValue,
        emptyIsDefault: fill !== undefined && schema.structuralKind() === 'string',
        nullWord: !NULL_IS_TEXT.has(schema.structuralKind()),
        heads: writtenNames(name).map((written) => `${written}:`),
        separated: writtenNames(name).map((written) => `,${written}:`),
        bit: index < 31 ? 1 << index : 0,
        index,
      };
    });
    this.memberList = list;
    return list;
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    const members = this.members();
    const exact = new Map<string, Member>();
    const folded = new Map<string, Member>();
    for (const member of members) {
      exact.set(member.name, member);
      const key = foldCase(member.name);
      if (!folded.has(key)) folded.set(key, member);
    }
    const lookUp = (key: string): Member | undefined => exact.get(key) ?? folded.get(foldCase(key));
    // Per member, the keys tried at the cursor when it is the member expected next: its name as
    // each text case writes it (as declared, camelCase, PascalCase as ServiceStack writes it), each
    // only if the lookup gives this member for it (a schema may declare both `id` and `Id`).
    // Declared names are bare keys with no blank at their ends (checkMemberName), as
    // `readKnownKey` needs; the case conversions keep them so.
    const spellings = members.map((member) =>
      [...new Set(writtenNames(member.name))].filter((spelling) => propertyName(spelling) === spelling && lookUp(spelling) === member),
    );
    const decoders = members.map((m) => m.schema.decoder());
    const required = members.filter((m) => m.required);
    const defaulted = members.filter((m) => m.fill !== undefined);
    const many = members.length > 31;
    const expected = `${this.name === 'object' ? 'an object' : this.name} ({…})`;
    return (d, ctx, kind) => {
      const sc = d.scanner;
      if (kind !== MAP) return d.wrongShape(ctx, kind, expected);
      const open = sc.start;
      // Room inside the object for every member: no regrowth, and no hash table past 22 members.
      const result: Record<string, unknown> = newRecord(members.length);
      let seen = 0;
      let expect = 0;
      let unknown: Set<string> | undefined;
      const seenMany = many ? new Set<Member>() : undefined;
      const level = d.level;
      const keys = d.keys;
      d.level = level + 1;
      if (sc.openMap()) {
        do {
          // Members usually arrive in declaration order: the one after the last is tried first,
          // straight on the text, which makes no key string.
          const next = members[expect];
          let key = next !== undefined && knownKeys.enabled ? knownKeyAt(sc, spellings[expect]!) : undefined;
          let member: Member | undefined = next;
          if (key === undefined) {
            // ServiceStack trims a property name (`.Trim()`) before looking it up; strict keys keep blanks.
            key = propertyName(sc.readKey());
            member = next !== undefined && next.name === key ? next : lookUp(key);
          }
          if (member === undefined) {
            // An unknown key repeated is still a duplicate (R9); the set is made only when needed.
            unknown ??= new Set<string>();
            if (unknown.has(key)) {
              keys[level] = key;
              d.report('DUPLICATE_KEY', `Duplicate key ${JSON.stringify(key)}: a map may name a key only once`, sc.keyStart);
            }
            unknown.add(key);
            if (d.strict) {
              keys[level] = key;
              d.report('UNKNOWN_PROPERTY', `Unknown property ${JSON.stringify(key)}; ${this.name} has ${members.map((m) => m.name).join(', ') || 'no properties'}`, sc.keyStart);
            }
            sc.skipValue(IN_MAP);
            continue;
          }
          keys[level] = member.name;
          if (seenMany ? seenMany.has(member) : (seen & member.bit) !== 0) {
            d.report('DUPLICATE_KEY', `Duplicate property ${JSON.stringify(key)}: a map may name a property only once`, sc.keyStart);
            sc.skipValue(IN_MAP);
            continue;
          }
          if (seenMany) seenMany.add(member);
          else seen |= member.bit;
          expect = member.index + 1;
          const valueKind = sc.valueStart(IN_MAP);
          if (valueKind === EMPTY) {
            // An empty value is null, which a required member cannot be, nor a value type.
            if (member.required) d.report('MISSING_REQUIRED', `${member.name} is required but its value is empty`, sc.start);
            else if (member.emptyIsDefault) setOwn(result, member.name, member.fill!());
            else if (member.fill !== undefined) d.report('MISSING_REQUIRED', `${member.name} is empty, which its type (${member.schema.name}) cannot hold; leave it out to get its default`, sc.start);
            continue;
          }
          if (valueKind === BARE && member.nullWord && isNullWord(sc, IN_MAP)) {
            // `null` is what ServiceStack writes for a null member under IncludeNullValues, and its
            // reader gives such a member no value: the member is absent.
            sc.readBare(IN_MAP);
            if (member.required) d.report('MISSING_REQUIRED', `${member.name} is required but null`, sc.start);
            else if (member.fill !== undefined) setOwn(result, member.name, member.fill());
            continue;
          }
          const value = decoders[member.index]!(d, IN_MAP, valueKind);
          if (value !== undefined) setOwn(result, member.name, value);
        } while (sc.nextEntry());
      }
      d.level = level;
      for (const member of required) {
        if (seenMany ? !seenMany.has(member) : (seen & member.bit) === 0) {
          d.report('MISSING_REQUIRED', `${member.name} is required but missing`, open, member.name);
        }
      }
      for (const member of defaulted) {
        if (seenMany ? !seenMany.has(member) : (seen & member.bit) === 0) setOwn(result, member.name, member.fill!());
      }
      return result;
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    const members = this.members();
    const encoders = members.map((m) => m.schema.encoder());
    const count = members.length;
    const expected = `${this.name === 'object' ? 'an object' : this.name}`;
    return (e, value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Map) {
        return e.fail('INVALID_TYPE', `Expected ${expected}, found ${describeValue(value)}`);
      }
      if (!e.enter(value)) return;
      const record = value as Record<string, unknown>;
      const level = e.depth - 1;
      const caseIndex = e.caseIndex;
      e.out += '{';
      let first = true;
      for (let i = 0; i < count; i++) {
        const member = members[i]!;
        let item = Object.prototype.hasOwnProperty.call(record, member.name) ? record[member.name] : undefined;
        e.keys[level] = member.name;
        if (item === undefined || item === null) {
          // ServiceStack writes a C# value type's default (checked by its encoder like any value).
          if (member.fill !== undefined) item = member.defaultValue;
          else {
            if (member.required) e.fail('MISSING_REQUIRED', `${member.name} is required but ${item === null ? 'null' : 'missing'}`);
            continue;
          }
        }
        if (e.excludeDefaults && member.schema.isDefault(item)) continue;
        e.out += first ? member.heads[caseIndex]! : member.separated[caseIndex]!;
        first = false;
        encoders[i]!(e, item);
        e.cut();
      }
      e.out += '}';
      e.leave();
    };
  }

  /** @internal */
  protected override childrenReachDefault(visiting: Set<AnySchema>): boolean {
    return this.members().some((m) => m.fill !== undefined || m.schema.reachesDefault(visiting));
  }

  /** @internal */
  override fillDefaults(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !this.reachesDefault()) return value;
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const member of this.members()) {
      const item = Object.prototype.hasOwnProperty.call(record, member.name) ? record[member.name] : undefined;
      const filled = item === undefined || item === null ? (member.fill === undefined ? item : member.fill()) : member.schema.fillDefaults(item);
      if (!Object.is(filled, item)) setOwn((copy ??= { ...record }), member.name, filled);
    }
    return copy ?? record;
  }
}

/**
 * Types for which the text `null` is a value: a string (ServiceStack reads the four letters), a
 * char (its first letter), a byte[] (`null` is valid base64) and `t.any()` (it keeps the text).
 */
const NULL_IS_TEXT = new Set<SchemaKind>(['string', 'char', 'bytes', 'any']);

/** True when the bare value at the scanner's value start is exactly `null`. */
export function isNullWord(sc: Scanner, ctx: Context): boolean {
  const text = sc.text;
  const start = sc.start;
  if (!text.startsWith('null', start)) return false;
  let end = start + 4;
  if (sc.tolerant) while (isBlank(text.charCodeAt(end))) end++;
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  return c === COMMA || c === RBRACE || (ctx === IN_LIST && c === RBRACKET);
}

/** The spelling among `spellings` that stands at the cursor as a key, consumed with its `:`; if any. */
function knownKeyAt(sc: Scanner, spellings: readonly string[]): string | undefined {
  for (let i = 0; i < spellings.length; i++) {
    if (sc.readKnownKey(spellings[i]!)) return spellings[i];
  }
  return undefined;
}

/** A key as ServiceStack looks up a property: without .NET white space at its ends. */
function propertyName(key: string): string {
  const last = key.length - 1;
  if (last < 0) return key;
  const first = key.charCodeAt(0);
  const end = key.charCodeAt(last);
  if (first > 0x20 && first < 0x85 && end > 0x20 && end < 0x85) return key;
  return trimWith(key, isUnicodeBlank);
}

/** Characters a property name written raw may not contain: JSV's escape set. */
const QUOTED_KEY_CHARS = /[":,{}[\]\r\n]/;

/** Declared names are written raw, as ServiceStack writes property names, so they must be safe. */
function checkMemberName(name: string): void {
  if (name === '' || QUOTED_KEY_CHARS.test(name) || name.trim() !== name) {
    throw new TypeError(`Property name ${JSON.stringify(name)} cannot be written as a JSV key: it is empty, has edge blanks or contains one of " : , { } [ ] CR LF`);
  }
}
