/**
 * The .NET types a DTO member can have that are not DTOs themselves, and the jsvkit schema each
 * maps to: one table read both ways, by `codegen` (metadata → schemas) and by `describeApi`
 * (schemas → metadata). Names are as ServiceStack's metadata writes them (`Type.Name`: `Int32`,
 * ``List`1``); the aliases are the C# keywords older hosts and hand-written documents use.
 */

export interface DotnetScalar {
  /** The .NET type name in `System`. */
  readonly dotnet: string;
  /** C# keyword and other spellings that mean the same type. */
  readonly aliases: readonly string[];
  /** The schema's `kind`. */
  readonly kind: string;
  /** The `t` builder, without arguments. */
  readonly builder: string;
  /** A C# value type: a member that is not ``Nullable`1`` always has a value. */
  readonly valueType: boolean;
  /** TypeScript text of the .NET default, for `.default(…)`; absent where jsvkit has no literal for it. */
  readonly zero?: string;
}

export const SCALARS: readonly DotnetScalar[] = [
  { dotnet: 'String', aliases: ['string'], kind: 'string', builder: 'string', valueType: false },
  { dotnet: 'Boolean', aliases: ['bool'], kind: 'boolean', builder: 'boolean', valueType: true, zero: 'false' },
  { dotnet: 'Byte', aliases: ['byte'], kind: 'byte', builder: 'byte', valueType: true, zero: '0' },
  { dotnet: 'SByte', aliases: ['sbyte'], kind: 'sbyte', builder: 'sbyte', valueType: true, zero: '0' },
  { dotnet: 'Int16', aliases: ['short'], kind: 'short', builder: 'short', valueType: true, zero: '0' },
  { dotnet: 'UInt16', aliases: ['ushort'], kind: 'ushort', builder: 'ushort', valueType: true, zero: '0' },
  { dotnet: 'Int32', aliases: ['int'], kind: 'int', builder: 'int', valueType: true, zero: '0' },
  { dotnet: 'UInt32', aliases: ['uint'], kind: 'uint', builder: 'uint', valueType: true, zero: '0' },
  { dotnet: 'Int64', aliases: ['long'], kind: 'long', builder: 'long', valueType: true, zero: '0n' },
  { dotnet: 'UInt64', aliases: ['ulong'], kind: 'ulong', builder: 'ulong', valueType: true, zero: '0n' },
  { dotnet: 'Single', aliases: ['float'], kind: 'float', builder: 'float', valueType: true, zero: '0' },
  { dotnet: 'Double', aliases: ['double'], kind: 'number', builder: 'number', valueType: true, zero: '0' },
  { dotnet: 'Decimal', aliases: ['decimal'], kind: 'decimal', builder: 'decimal', valueType: true, zero: "'0'" },
  { dotnet: 'Char', aliases: ['char'], kind: 'char', builder: 'char', valueType: true },
  { dotnet: 'Guid', aliases: [], kind: 'guid', builder: 'guid', valueType: true, zero: "'00000000-0000-0000-0000-000000000000'" },
  { dotnet: 'DateTime', aliases: [], kind: 'date', builder: 'date', valueType: true },
  { dotnet: 'DateTimeOffset', aliases: [], kind: 'dateTimeOffset', builder: 'dateTimeOffset', valueType: true },
  { dotnet: 'DateOnly', aliases: [], kind: 'dateOnly', builder: 'dateOnly', valueType: true },
  { dotnet: 'TimeOnly', aliases: [], kind: 'timeOnly', builder: 'timeOnly', valueType: true },
  { dotnet: 'TimeSpan', aliases: [], kind: 'timeSpan', builder: 'timeSpan', valueType: true },
  { dotnet: 'Object', aliases: ['object', 'dynamic'], kind: 'any', builder: 'any', valueType: false },
  // Written as text by ServiceStack (ToString / Parse).
  { dotnet: 'Uri', aliases: [], kind: 'string', builder: 'string', valueType: false },
  // ServiceStack.Text writes a Type as its ToString() (`System.String`) and reads it back by name.
  { dotnet: 'Type', aliases: [], kind: 'string', builder: 'string', valueType: false },
];

const BY_NAME = new Map<string, DotnetScalar>();
for (const scalar of SCALARS) for (const name of [scalar.dotnet, ...scalar.aliases]) if (!BY_NAME.has(name)) BY_NAME.set(name, scalar);
const BY_KIND = new Map<string, DotnetScalar>();
for (const scalar of SCALARS) if (!BY_KIND.has(scalar.kind)) BY_KIND.set(scalar.kind, scalar);

/** The scalar a .NET type name (short name, no namespace) stands for. */
export function scalarByName(name: string): DotnetScalar | undefined {
  return BY_NAME.get(name);
}

/** The .NET scalar a schema kind writes as. */
export function scalarByKind(kind: string): DotnetScalar | undefined {
  return BY_KIND.get(kind);
}

/** Generic collections written as JSV lists (`[…]`), by name without arity. */
export const LIST_TYPES: ReadonlySet<string> = new Set([
  'List', 'IList', 'ICollection', 'IEnumerable', 'IReadOnlyList', 'IReadOnlyCollection', 'Collection', 'ReadOnlyCollection',
  'ObservableCollection', 'HashSet', 'ISet', 'IReadOnlySet', 'SortedSet', 'LinkedList', 'Queue', 'Stack', 'ConcurrentBag',
  'ConcurrentQueue', 'ConcurrentStack', 'BlockingCollection', 'ImmutableArray', 'ImmutableList', 'ImmutableHashSet',
  'ArrayList',
]);

/** Generic dictionaries written as JSV maps (`{…}`), by name without arity. */
export const DICT_TYPES: ReadonlySet<string> = new Set([
  'Dictionary', 'IDictionary', 'IReadOnlyDictionary', 'SortedDictionary', 'SortedList', 'ConcurrentDictionary',
  'ImmutableDictionary', 'Hashtable', 'NameValueCollection', 'OrderedDictionary',
]);

/** The .NET default's TypeScript text for a `t.enum` of these members: the first one. */
export function enumZero(members: readonly string[]): string | undefined {
  return members.length > 0 ? JSON.stringify(members[0]) : undefined;
}
