/**
 * `/types/csharp`: the DTO source ServiceStack's "Add ServiceStack Reference" writes for C# (its
 * `CSharpGenerator` with the default options), from a `MetadataTypes` document: the
 * `/* Options: … *\/` header (`x csharp <url>` and the IDE plugins read `BaseUrl` back from it),
 * the `using`s, then per namespace the DTOs ordered by namespace and name: `///<summary>`
 * descriptions, `[Route]`, `public partial class X : Base, IReturn<T>, IPost` with
 * `public virtual` auto-properties, and enums. A pure function of the document.
 */
import type { MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypeName, MetadataTypes } from './metadata.js';
import { headerDate, NATIVE_TYPES_VERSION, parseTypeText, type NativeTypesOptions, type TypeNode } from './native-types.js';

/** The namespaces every generated file uses (ServiceStack's default `DefaultNamespaces`). */
const DEFAULT_NAMESPACES = ['System', 'System.IO', 'System.Collections', 'System.Collections.Generic', 'System.Runtime.Serialization', 'ServiceStack', 'ServiceStack.DataAnnotations'];

/** `CSharpGenerator.TypeAliases`: the .NET names C# has keywords for. */
const ALIASES: Readonly<Record<string, string>> = {
  String: 'string',
  Boolean: 'bool',
  Byte: 'byte',
  Int16: 'short',
  Int32: 'int',
  Int64: 'long',
  UInt16: 'ushort',
  UInt32: 'uint',
  UInt64: 'ulong',
  Single: 'float',
  Double: 'double',
  Decimal: 'decimal',
};

function csNode(node: TypeNode): string {
  const { name, args } = node;
  if ((name === 'Nullable`1' || name === 'Nullable') && args.length === 1) return `${csNode(args[0]!)}?`;
  if (name.endsWith('[]')) return `${csNode({ name: name.slice(0, -2), args: [] })}[]`;
  const alias = ALIASES[name];
  if (alias !== undefined && args.length === 0) return alias;
  const bare = name.split('`')[0]!;
  return args.length === 0 ? bare : `${bare}<${args.map(csNode).join(', ')}>`;
}

function csType(name: string, genericArgs: readonly string[] | undefined): string {
  return csNode({ name, args: (genericArgs ?? []).map(parseTypeText) });
}

function csTypeName(ref: MetadataTypeName): string {
  return csType(ref.name, ref.genericArgs);
}

/** A C# string literal. */
function literal(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
}

function summary(text: string | undefined, indent: string): string[] {
  if (text === undefined || text === '') return [];
  // One line, and no markup that would end the XML doc comment early.
  const safe = text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [`${indent}///<summary>`, `${indent}///${safe}`, `${indent}///</summary>`];
}

/** The C# DTO source of `document`, as ServiceStack's `/types/csharp` writes it. */
export function nativeCSharp(document: MetadataTypes, options: NativeTypesOptions): string {
  const lines: string[] = [
    '/* Options:',
    `Date: ${headerDate(options.date)}`,
    `Version: ${options.version ?? NATIVE_TYPES_VERSION}`,
    'Tip: To override a DTO option, remove "//" prefix before updating',
    `BaseUrl: ${options.baseUrl}`,
    '',
    '//GlobalNamespace: ',
    '//MakePartial: True',
    '//MakeVirtual: True',
    '//MakeInternal: False',
    '//MakeDataContractsExtensible: False',
    '//AddNullableAnnotations: False',
    '//AddReturnMarker: True',
    '//AddDescriptionAsComments: True',
    '//AddDataContractAttributes: False',
    '//AddIndexesToDataMembers: False',
    '//AddGeneratedCodeAttributes: False',
    '//AddResponseStatus: False',
    '//AddImplicitVersion: ',
    '//InitializeCollections: False',
    '//ExportValueTypes: False',
    '//IncludeTypes: ',
    '//ExcludeTypes: ',
    '//AddNamespaces: ',
    '//AddDefaultXmlNamespace: http://schemas.servicestack.net/types',
    '*/',
    '',
  ];

  const operations = new Map<string, MetadataOperationType>(document.operations.map((op) => [op.request.name, op]));
  const byName = new Map<string, MetadataType>();
  for (const type of [...document.operations.map((op) => op.request), ...document.operations.flatMap((op) => (op.response === undefined ? [] : [op.response])), ...document.types]) {
    if (!byName.has(type.name)) byName.set(type.name, type);
  }
  const types = [...byName.values()].sort((a, b) => compare(a.namespace ?? '', b.namespace ?? '') || compare(a.name, b.name));

  const namespaces = new Set(DEFAULT_NAMESPACES);
  for (const type of types) if (type.namespace !== undefined && type.namespace !== '') namespaces.add(type.namespace);
  for (const namespace of namespaces) lines.push(`using ${namespace};`);
  lines.push('');

  let namespace: string | undefined;
  for (const type of types) {
    const own = type.namespace ?? '';
    if (own !== namespace) {
      if (namespace !== undefined) lines.push('}', '');
      namespace = own;
      lines.push(`namespace ${own === '' ? 'ServiceModel' : own}`, '{');
    }
    lines.push(...typeLines(type, operations.get(type.name)).map((line) => (line === '' ? '' : `    ${line}`)), '');
  }
  if (namespace !== undefined) lines.push('}');
  lines.push('');
  return `${lines.join('\n')}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function typeLines(type: MetadataType, op: MetadataOperationType | undefined): string[] {
  const lines = summary(type.description, '');
  for (const route of op?.routes ?? []) lines.push(route.verbs === undefined ? `[Route(${literal(route.path)})]` : `[Route(${literal(route.path)}, ${literal(route.verbs)})]`);

  const name = `${type.name.split('`')[0]}${type.genericArgs !== undefined && type.genericArgs.length > 0 ? `<${type.genericArgs.join(', ')}>` : ''}`;
  if (type.isEnum === true) {
    lines.push(`public enum ${name}`, '{');
    (type.enumNames ?? []).forEach((member, index) => {
      const wire = type.enumMemberValues?.[index];
      if (wire !== undefined && wire !== member) lines.push(`    [EnumMember(Value=${literal(wire)})]`);
      const value = type.enumValues?.[index];
      lines.push(value === undefined ? `    ${member},` : `    ${member} = ${value},`);
    });
    lines.push('}');
    return lines;
  }

  const bases: string[] = [];
  if (type.inherits !== undefined) bases.push(csTypeName(type.inherits));
  if (op !== undefined) bases.push(op.response === undefined ? 'IReturnVoid' : `IReturn<${csType(op.response.name, op.response.genericArgs)}>`);
  for (const marker of type.implements ?? []) bases.push(csTypeName(marker));
  lines.push(`public partial class ${name}`);
  if (bases.length > 0) lines.push(`    : ${bases.join(', ')}`);
  lines.push('{');
  let separate = false;
  for (const property of type.properties ?? []) {
    if (separate) lines.push('');
    lines.push(...summary(property.description, '    '));
    separate = property.dataMember !== undefined;
    if (separate) lines.push(`    [DataMember${property.dataMember?.name === undefined ? '' : `(Name=${literal(property.dataMember.name)})`}]`);
    lines.push(`    public virtual ${propertyType(property)} ${property.name} { get; set; }`);
  }
  lines.push('}');
  return lines;
}

function propertyType(property: MetadataPropertyType): string {
  return csType(property.type, property.genericArgs);
}
