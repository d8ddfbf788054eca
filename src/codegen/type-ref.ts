/**
 * .NET type references as metadata writes them: a property's `type` (`Int32`, ``List`1``,
 * `Poco[]`, ``Nullable`1[]``) with its `genericArgs`, whose items are C#-style text
 * (`Nullable<Byte>`, `List<Dictionary<String,Poco>>`), read into one tree.
 */
import { CodegenError } from './codegen-error.js';

export interface TypeRef {
  /** The short name without arity or namespace: `List`, `Int32`, `QueryResponse`. */
  readonly name: string;
  /** The declared arity (``List`1`` → 1); the number of `args` when written with `<…>`. */
  readonly arity: number;
  readonly args: readonly TypeRef[];
  /** How many `[]` follow: 0 for no array. */
  readonly rank: number;
}

/** Deepest nesting of `<…>` accepted, so a hostile document cannot exhaust the stack. */
const MAX_NESTING = 32;

/**
 * Reads a property's type: `type` with `genericArgs` applied to it (the innermost type when `type`
 * is an array, as in ``Nullable`1[]`` of `Byte`).
 * @throws CodegenError `INVALID_DOCUMENT` for text that is no type, or arguments that do not match the arity.
 */
export function typeRefOf(type: string, genericArgs: readonly string[] | undefined, path: string): TypeRef {
  const ref = parseTypeText(type, path);
  if (genericArgs === undefined || genericArgs.length === 0 || ref.args.length > 0) return checkArity(ref, type, path);
  const args = genericArgs.map((arg, i) => parseTypeText(arg, `${path}.genericArgs[${i}]`));
  return checkArity({ ...ref, args, arity: ref.arity === 0 ? args.length : ref.arity }, type, path);
}

function checkArity(ref: TypeRef, text: string, path: string): TypeRef {
  // A generic type is always sent with its arguments (``List`1`` with `genericArgs: ['Foo']`).
  if (ref.arity !== ref.args.length) {
    throw new CodegenError('INVALID_DOCUMENT', `${text} takes ${ref.arity} type argument${ref.arity === 1 ? '' : 's'}, found ${ref.args.length}`, path);
  }
  return ref;
}

/** Reads C#-style type text: `Int32`, ``List`1``, `Int32[]`, `List<Dictionary<String,Poco>>`, `int?`. */
export function parseTypeText(text: string, path: string): TypeRef {
  const reader = new TypeTextReader(text, path);
  const ref = reader.type(0);
  reader.end();
  return ref;
}

class TypeTextReader {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {}

  type(depth: number): TypeRef {
    if (depth > MAX_NESTING) this.fail(`nests type arguments more than ${MAX_NESTING} deep`);
    this.blanks();
    const start = this.pos;
    while (this.pos < this.text.length && !/[<>,[\]?\s]/.test(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) this.fail(this.pos < this.text.length ? `has ${JSON.stringify(this.text[this.pos])} where a type name belongs` : 'ends where a type name belongs');
    let name = this.text.slice(start, this.pos);
    // A namespace-qualified name (`System.String`) is taken by its short name, as metadata names types.
    name = name.slice(name.lastIndexOf('.') + 1);
    let arity = 0;
    const tick = /`(\d{1,2})$/.exec(name);
    if (tick) {
      arity = Number(tick[1]);
      name = name.slice(0, tick.index);
    }
    if (name === '') this.fail('has an empty type name');
    const args: TypeRef[] = [];
    this.blanks();
    if (this.text[this.pos] === '<') {
      this.pos++;
      args.push(this.type(depth + 1));
      this.blanks();
      while (this.text[this.pos] === ',') {
        this.pos++;
        args.push(this.type(depth + 1));
        this.blanks();
      }
      if (this.text[this.pos] !== '>') this.fail('has an unclosed <');
      this.pos++;
      if (arity !== 0 && arity !== args.length) this.fail(`gives ${args.length} type arguments to ${name}\`${arity}`);
      arity = args.length;
    }
    let ref: TypeRef = { name, arity, args, rank: 0 };
    this.blanks();
    // `int?` is C#'s Nullable<int>.
    if (this.text[this.pos] === '?') {
      this.pos++;
      ref = { name: 'Nullable', arity: 1, args: [ref], rank: 0 };
      this.blanks();
    }
    let rank = 0;
    while (this.text[this.pos] === '[') {
      this.pos++;
      this.blanks();
      if (this.text[this.pos] !== ']') this.fail('has [ without ] (only single-dimension arrays are supported)');
      this.pos++;
      if (++rank > MAX_NESTING) this.fail(`nests arrays more than ${MAX_NESTING} deep`);
      this.blanks();
    }
    return rank === 0 ? ref : { ...ref, rank };
  }

  end(): void {
    this.blanks();
    if (this.pos < this.text.length) this.fail(`has ${JSON.stringify(this.text.slice(this.pos, this.pos + 10))} after the type`);
  }

  private blanks(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private fail(problem: string): never {
    throw new CodegenError('INVALID_DOCUMENT', `Type ${JSON.stringify(this.text.length > 80 ? this.text.slice(0, 80) + '…' : this.text)} ${problem}`, this.path);
  }
}

/** The ref as C# text, for messages: `List<Dictionary<String,Poco>>`. */
export function typeRefText(ref: TypeRef): string {
  const args = ref.args.length > 0 ? `<${ref.args.map(typeRefText).join(',')}>` : ref.arity > 0 ? `\`${ref.arity}` : '';
  return `${ref.name}${args}${'[]'.repeat(ref.rank)}`;
}
