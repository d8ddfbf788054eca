/**
 * `t.enum([...])` and `t.enum(TsEnum)`: a .NET enum, written as its member name (jsv-spec §2.8).
 * Read as ServiceStack reads it (§3.7): the name in any case, with surrounding blanks. An integer is
 * read as the member with that underlying value: the declared position for a list of names or a
 * string enum (C#'s implicit numbering), the value for a numeric TypeScript enum. Unlike ServiceStack,
 * an unknown name or an integer that names no member is an error (`INVALID_ENUM`) listing the members.
 */
import { BARE, QUOTED } from '../../syntax/scanner.js';
import { isUnicodeBlank, trimWith } from '../scalars/blanks.js';
import { ScalarError } from '../scalars/scalar-error.js';
import { describeValue } from '../encoding.js';
import { foldCase } from '../text-case.js';
import { SchemaBase, type Decoder, type Encoder, type SchemaTypes } from '../schema.js';

/** A TypeScript `enum` object (numeric enums carry reverse mappings, which are not members). */
export type EnumLike = { readonly [name: string]: string | number };

/** The member values of `t.enum(source)`. */
export type EnumValues<Source> = Source extends readonly (infer Name)[] ? Name : Source[keyof Source];

export interface EnumTypes<T> {
  readonly output: T;
}

interface Member {
  name: string;
  value: string | number;
}

const INTEGER = /^-?\d{1,10}$/;

export class EnumSchema<T extends string | number = string | number> extends SchemaBase {
  declare readonly '~types'?: EnumTypes<T>;
  readonly kind = 'enum';
  readonly name: string;
  /** The members in declaration order. */
  readonly members: readonly Member[];
  private codecCache: EnumCodec | undefined;

  constructor(source: readonly string[] | EnumLike, name?: string) {
    super();
    this.members = enumMembers(source);
    if (this.members.length === 0) throw new TypeError('t.enum needs at least one member');
    this.name = name ?? `one of ${this.members.map((m) => m.name).join(', ')}`;
  }

  /** The member values, in declaration order. */
  get values(): readonly T[] {
    return this.members.map((m) => m.value as T);
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
      e.out += name;
    };
  }
}

/** Reading and writing enum members by name. @internal */
export class EnumCodec {
  /** Value → name. */
  readonly names = new Map<string | number, string>();
  private readonly byName = new Map<string, Member>();
  private readonly byFolded = new Map<string, Member>();
  private readonly byNumber = new Map<number, Member>();
  readonly expected: string;

  constructor(members: readonly Member[]) {
    const numeric = members.every((m) => typeof m.value === 'number');
    members.forEach((member, index) => {
      this.names.set(member.value, member.name);
      this.byName.set(member.name, member);
      const folded = foldCase(member.name);
      if (!this.byFolded.has(folded)) this.byFolded.set(folded, member);
      const number = numeric ? (member.value as number) : index;
      if (!this.byNumber.has(number)) this.byNumber.set(number, member);
    });
    this.expected = `one of ${members.map((m) => m.name).join(', ')}`;
  }

  read(text: string): string | number {
    const member = this.byName.get(text) ?? this.lookup(trimWith(text, isUnicodeBlank));
    if (member === undefined) throw new ScalarError('INVALID_ENUM', `Expected ${this.expected}, found ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)}`);
    return member.value;
  }

  private lookup(name: string): Member | undefined {
    const member = this.byName.get(name) ?? this.byFolded.get(foldCase(name));
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

function enumMembers(source: readonly string[] | EnumLike): Member[] {
  if (Array.isArray(source)) {
    const names = source as readonly string[];
    for (const name of names) checkName(name);
    if (new Set(names).size !== names.length) throw new TypeError('t.enum: member names must be unique');
    return names.map((name) => ({ name, value: name }));
  }
  if (typeof source !== 'object' || source === null) throw new TypeError('t.enum expects an array of names or a TypeScript enum');
  const members: Member[] = [];
  for (const name of Object.keys(source)) {
    // A numeric enum maps values back to names under numeric keys; those are not members.
    if (String(Number(name)) === name) continue;
    const value = (source as EnumLike)[name]!;
    if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError(`t.enum: member ${name} must be a string or a number`);
    checkName(name);
    members.push({ name, value });
  }
  return members;
}

/** Enum names are written raw (jsv-spec §2.1), so they must be plain. */
function checkName(name: string): void {
  if (typeof name !== 'string' || name === '' || /[":,{}[\]\r\n]/.test(name) || name.trim() !== name) {
    throw new TypeError(`Enum member ${JSON.stringify(name)} cannot be written as JSV: it is empty, has edge blanks or contains one of " : , { } [ ] CR LF`);
  }
}
