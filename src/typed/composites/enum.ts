/**
 * `t.enum([...])` and `t.enum(TsEnum)`: a .NET enum (ServiceStack's `EnumInfo` in
 * `CachedTypeInfo.cs`). Written as the member's `[EnumMember(Value=...)]` name when it has one
 * (`wireNames`), else as its member name. Read as `EnumInfo.Parse` reads: a wire name or the name
 * of a member without one, in any case, with surrounding blanks; then any member name (.NET's
 * `Enum.Parse`); then an integer, as the member with that underlying value: `values` when given
 * (members left out count on from the one before, as C# numbers them), the value of a numeric
 * TypeScript enum, or else the declared position. Unlike ServiceStack, an unknown name or an
 * integer that names no member is an error (`INVALID_ENUM`) listing the members.
 */
import { encodeString } from '../../syntax/quoting.js';
import { BARE, QUOTED } from '../../syntax/scanner.js';
import { setOwn } from '../../syntax/value.js';
import { isUnicodeBlank, trimWith } from '../scalars/blanks.js';
import { ScalarError } from '../scalars/scalar-error.js';
import { describeValue } from '../encoding.js';
import { foldCase } from '../text-case.js';
import { SchemaBase } from '../schema.js';
import type { Decoder, Encoder } from '../protocol.js';
/** A TypeScript `enum` object (numeric enums carry reverse mappings, which are not members). */
export type EnumLike = { readonly [name: string]: string | number };

/** The member values of `t.enum(source)`. */
export type EnumValues<Source> = Source extends readonly (infer Name)[] ? Name : Source[keyof Source];

/** The member names of `t.enum(source)`. */
export type EnumMemberName<Source> = Source extends readonly (infer Name extends string)[] ? Name : keyof Source & string;

/** The second argument of `t.enum`, besides a plain name. */
export interface EnumOptions<Member extends string = string> {
  /** The enum's name in messages (e.g. the .NET type name). */
  name?: string;
  /**
   * Explicit underlying values (metadata `enumValues`): an integer read picks the member with that
   * value. Members left out count on from the one before (the first from 0), as in C#. Not for a
   * numeric TypeScript enum, which has its own.
   */
  values?: Partial<Record<Member, number>>;
  /**
   * Names on the wire that differ from member names: `[EnumMember(Value="...")]`, metadata
   * `enumMemberValues`. ServiceStack writes and reads these; the decoded value stays the member.
   */
  wireNames?: Partial<Record<Member, string>>;
}

export interface EnumTypes<T> {
  readonly output: T;
}

interface Member {
  /** The member name. */
  name: string;
  /** The decoded JavaScript value: the name, or a TypeScript enum's value. */
  value: string | number;
  /** The name written: the wire name when it has one, else `name`. */
  wire: string;
  /** The underlying integer an integer text picks this member by. */
  number: number;
}

const INTEGER = /^-?\d{1,10}$/;

export class EnumSchema<T extends string | number = string | number> extends SchemaBase {
  declare readonly '~types'?: EnumTypes<T>;
  readonly kind = 'enum';
  readonly name: string;
  /** The members in declaration order. */
  readonly members: readonly Member[];
  private codecCache: EnumCodec | undefined;

  constructor(source: readonly string[] | EnumLike, nameOrOptions?: string | EnumOptions) {
    super();
    const options: EnumOptions = typeof nameOrOptions === 'string' ? { name: nameOrOptions } : (nameOrOptions ?? {});
    if (typeof options !== 'object' || options === null) throw new TypeError('t.enum: the second argument must be a name or an options object');
    this.members = enumMembers(source, options);
    if (this.members.length === 0) throw new TypeError('t.enum needs at least one member');
    this.name = options.name ?? `one of ${this.members.map((m) => m.wire).join(', ')}`;
  }

  /** The member values, in declaration order. */
  get values(): readonly T[] {
    return this.members.map((m) => m.value as T);
  }

  /** Each member's underlying integer, in declaration order (what an integer text picks it by). */
  get numericValues(): readonly number[] {
    return this.members.map((m) => m.number);
  }

  /** The wire names (`[EnumMember]` values) by member name, for the members that have one; undefined when none has. */
  get wireNames(): Readonly<Record<string, string>> | undefined {
    let wire: Record<string, string> | undefined;
    for (const m of this.members) if (m.wire !== m.name) setOwn((wire ??= {}), m.name, m.wire);
    return wire;
  }

  /** @internal */
  codec(): EnumCodec {
    return (this.codecCache ??= new EnumCodec(this.members));
  }

  /** @internal */
  protected compileDecoder(): Decoder {
    const codec = this.codec();
    return (d, ctx, kind) => {
      const sc = d.scanner;
      let text: string;
      if (kind === BARE) text = sc.readBare(ctx);
      else if (kind === QUOTED) text = sc.readQuoted();
      else return d.wrongShape(ctx, kind, codec.expected);
      try {
        return codec.read(text);
      } catch (error) {
        if (error instanceof ScalarError) return d.report(error.code, error.reason, sc.start);
        throw error;
      }
    };
  }

  /** @internal */
  protected compileEncoder(): Encoder {
    const codec = this.codec();
    return (e, value) => {
      const name = codec.names.get(value as string | number);
      if (name === undefined) return e.fail('INVALID_ENUM', `Expected ${codec.expected}, found ${describeValue(value)}`);
      // Member names are plain; a wire name may need quotes (ServiceStack would write it raw).
      e.out += encodeString(name);
    };
  }
}

/** Reading and writing enum members by name. @internal */
export class EnumCodec {
  /** Value → name written. */
  readonly names = new Map<string | number, string>();
  /** Wire names, and the names of members without one (ServiceStack's reverse lookup). */
  private readonly byWire = new Map<string, Member>();
  private readonly byFoldedWire = new Map<string, Member>();
  /** Every member name (`Enum.Parse`). */
  private readonly byName = new Map<string, Member>();
  private readonly byFoldedName = new Map<string, Member>();
  private readonly byNumber = new Map<number, Member>();
  readonly expected: string;

  constructor(members: readonly Member[]) {
    for (const member of members) {
      if (!this.names.has(member.value)) this.names.set(member.value, member.wire);
      add(this.byWire, this.byFoldedWire, member.wire, member);
      add(this.byName, this.byFoldedName, member.name, member);
      if (!this.byNumber.has(member.number)) this.byNumber.set(member.number, member);
    }
    this.expected = `one of ${members.map((m) => m.wire).join(', ')}`;
  }

  read(text: string): string | number {
    const member = this.byWire.get(text) ?? this.lookup(trimWith(text, isUnicodeBlank));
    if (member === undefined) throw new ScalarError('INVALID_ENUM', `Expected ${this.expected}, found ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)}`);
    return member.value;
  }

  private lookup(name: string): Member | undefined {
    const folded = foldCase(name);
    const member = this.byWire.get(name) ?? this.byFoldedWire.get(folded) ?? this.byName.get(name) ?? this.byFoldedName.get(folded);
    if (member !== undefined || !INTEGER.test(name)) return member;
    return this.byNumber.get(Number(name));
  }

  write(value: unknown): string {
    const name = this.names.get(value as string | number);
    if (name === undefined) throw new ScalarError('INVALID_ENUM', `Expected ${this.expected}, found ${describeValue(value)}`);
    return name;
  }

  is(value: unknown): boolean {
    return this.names.has(value as string | number);
  }
}

function add(exact: Map<string, Member>, folded: Map<string, Member>, name: string, member: Member): void {
  if (!exact.has(name)) exact.set(name, member);
  const key = foldCase(name);
  if (!folded.has(key)) folded.set(key, member);
}

function enumMembers(source: readonly string[] | EnumLike, options: EnumOptions): Member[] {
  const pairs: { name: string; value: string | number }[] = [];
  if (Array.isArray(source)) {
    const names = source as readonly string[];
    for (const name of names) checkName(name);
    if (new Set(names).size !== names.length) throw new TypeError('t.enum: member names must be unique');
    for (const name of names) pairs.push({ name, value: name });
  } else {
    if (typeof source !== 'object' || source === null) throw new TypeError('t.enum expects an array of names or a TypeScript enum');
    for (const name of Object.keys(source)) {
      // A numeric enum maps values back to names under numeric keys; those are not members.
      if (String(Number(name)) === name) continue;
      const value = (source as EnumLike)[name]!;
      if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`t.enum: member ${name} must be a string or a number`);
      checkName(name);
      pairs.push({ name, value });
    }
  }
  const numeric = pairs.length > 0 && pairs.every((p) => typeof p.value === 'number');
  const values = ownEntries(options.values, 'values', pairs);
  const wireNames = ownEntries(options.wireNames, 'wireNames', pairs);
  if (numeric && values.size > 0) throw new TypeError('t.enum: a numeric TypeScript enum has its own values; leave out the values option');
  let next = 0;
  const members = pairs.map(({ name, value }, index): Member => {
    let number: number;
    if (numeric) number = value as number;
    else if (values.size > 0) {
      const given = values.get(name);
      if (given !== undefined && !Number.isSafeInteger(given)) throw new TypeError(`t.enum: the value of ${name} must be an integer, got ${String(given)}`);
      number = (given as number | undefined) ?? next;
    } else number = index;
    next = number + 1;
    const wire = wireNames.get(name);
    if (wire !== undefined && (typeof wire !== 'string' || wire === '' || wire.trim() !== wire)) {
      throw new TypeError(`t.enum: the wire name of ${name} must be a non-empty string without edge blanks, got ${JSON.stringify(wire)}`);
    }
    return { name, value, wire: (wire as string | undefined) ?? name, number };
  });
  if (wireNames.size > 0) checkWireCollisions(members);
  return members;
}

/**
 * ServiceStack reads an enum through one case-insensitive table of wire names and the names of
 * members without one, where a later entry replaces an earlier one. A wire name that is also
 * another member's entry would be written for one member and read as the other, so it is refused.
 */
function checkWireCollisions(members: readonly Member[]): void {
  const owners = new Map<string, Member>();
  for (const member of members) {
    const key = foldCase(member.wire);
    const owner = owners.get(key);
    if (owner !== undefined && (owner.wire !== owner.name || member.wire !== member.name)) {
      throw new TypeError(`t.enum: ${owner.name} and ${member.name} are both read from ${JSON.stringify(owner.wire)}; ServiceStack would read one as the other`);
    }
    owners.set(key, member);
  }
}

/** The entries of a `values` or `wireNames` option, each naming a member. */
function ownEntries(record: object | undefined, option: string, pairs: readonly { name: string }[]): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (record === undefined) return entries;
  if (typeof record !== 'object' || record === null) throw new TypeError(`t.enum: ${option} must be an object keyed by member name`);
  const names = new Set(pairs.map((p) => p.name));
  for (const [key, value] of Object.entries(record)) {
    if (!names.has(key)) throw new TypeError(`t.enum: ${option} names ${JSON.stringify(key)}, which is not a member`);
    if (value !== undefined) entries.set(key, value);
  }
  return entries;
}

/** Enum names are written raw, so they must be plain. */
function checkName(name: string): void {
  if (typeof name !== 'string' || name === '' || /[":,{}[\]\r\n]/.test(name) || name.trim() !== name) {
    throw new TypeError(`Enum member ${JSON.stringify(name)} cannot be written as JSV: it is empty, has edge blanks or contains one of " : , { } [ ] CR LF`);
  }
}
