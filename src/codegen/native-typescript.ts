/**
 * `/types/typescript`: the DTO module ServiceStack's "Add ServiceStack Reference" writes for
 * TypeScript (its `TypeScriptGenerator` with the default options), from a `MetadataTypes`
 * document: the `/* Options: … *\/` header that `npx get-dtos typescript` reads the `BaseUrl` back
 * from, then one exported class per DTO (bases first) with camelCase members, `// @Route(…)`
 * comments, `implements IReturn<T>, IPost`, a `Partial<T>` constructor and the `getTypeName`,
 * `getMethod` and `createResponse` members `@servicestack/client` calls; enums as TypeScript
 * enums. A pure function of the document: the same input writes the same text.
 */
import { toCamelCase } from '../typed/text-case.js';
import type { MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypeName, MetadataTypes } from './metadata.js';
import { headerDate, NATIVE_TYPES_VERSION, parseTypeText, type NativeTypesOptions, type TypeNode } from './native-types.js';

const PRIMITIVES: Readonly<Record<string, string>> = {
  String: 'string',
  Boolean: 'boolean',
  DateTime: 'string',
  DateOnly: 'string',
  DateTimeOffset: 'string',
  TimeSpan: 'string',
  TimeOnly: 'string',
  Guid: 'string',
  Char: 'string',
  Uri: 'string',
  Byte: 'number',
  SByte: 'number',
  Int16: 'number',
  Int32: 'number',
  Int64: 'number',
  UInt16: 'number',
  UInt32: 'number',
  UInt64: 'number',
  Single: 'number',
  Double: 'number',
  Decimal: 'number',
  Object: 'Object',
  'Byte[]': 'string',
};

const ARRAYS = new Set(['List`1', 'IList`1', 'IEnumerable`1', 'ICollection`1', 'HashSet`1', 'Queue`1', 'Stack`1', 'IReadOnlyList`1']);
const DICTIONARIES = new Set(['Dictionary`2', 'IDictionary`2', 'IReadOnlyDictionary`2', 'SortedDictionary`2']);

/** The default values `createResponse()` returns for a primitive response type. */
const PRIMITIVE_RESPONSES: Readonly<Record<string, string>> = { string: "''", boolean: 'false', number: '0' };

/** The TypeScript for a .NET type name and its generic arguments (each a type text). */
function tsType(name: string, genericArgs: readonly string[] | undefined): string {
  return tsNode({ name, args: (genericArgs ?? []).map(parseTypeText) });
}

function tsNode(node: TypeNode): string {
  const { name, args } = node;
  if ((name === 'Nullable`1' || name === 'Nullable') && args.length === 1) return tsNode(args[0]!);
  if ((ARRAYS.has(name) || name === 'List') && args.length === 1) return `${tsNode(args[0]!)}[]`;
  if ((DICTIONARIES.has(name) || name === 'Dictionary') && args.length === 2) return `{ [index:${keyType(tsNode(args[0]!))}]: ${tsNode(args[1]!)}; }`;
  if (name.endsWith('[]') && name !== 'Byte[]') return `${tsNode({ name: name.slice(0, -2), args: [] })}[]`;
  const primitive = PRIMITIVES[name];
  if (primitive !== undefined) return primitive;
  const bare = name.split('`')[0]!;
  return args.length === 0 ? bare : `${bare}<${args.map(tsNode).join(', ')}>`;
}

// TypeScript index signatures take string or number keys only.
function keyType(type: string): string {
  return type === 'number' ? 'number' : 'string';
}

function typeNameText(ref: MetadataTypeName): string {
  return tsType(ref.name, ref.genericArgs);
}

function comment(text: string | undefined, indent: string): string[] {
  // `*/` inside a description would end the comment early.
  return text === undefined || text === '' ? [] : [`${indent}/** @description ${text.replace(/\*\//g, '*\\/').replace(/[\r\n]+/g, ' ')} */`];
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Every DTO once, each base before the types that extend it, otherwise in document order. */
function orderedTypes(document: MetadataTypes): MetadataType[] {
  const byName = new Map<string, MetadataType>();
  const add = (type: MetadataType | undefined) => {
    if (type !== undefined && !byName.has(type.name)) byName.set(type.name, type);
  };
  for (const type of document.types) add(type);
  for (const op of document.operations) {
    add(op.request);
    add(op.response);
  }
  const ordered: MetadataType[] = [];
  const placed = new Set<string>();
  for (const type of byName.values()) {
    // The chain of bases not placed yet, walked without recursion (a cycle ends it).
    const chain: MetadataType[] = [];
    const seen = new Set<string>();
    for (let at: MetadataType | undefined = type; at !== undefined && !placed.has(at.name) && !seen.has(at.name); at = at.inherits === undefined ? undefined : byName.get(at.inherits.name)) {
      seen.add(at.name);
      chain.push(at);
    }
    for (const base of chain.reverse()) {
      placed.add(base.name);
      ordered.push(base);
    }
  }
  return ordered;
}

/** The TypeScript DTO module of `document`, as ServiceStack's `/types/typescript` writes it. */
export function nativeTypeScript(document: MetadataTypes, options: NativeTypesOptions): string {
  return write(document, options, true);
}

/**
 * The same DTOs as declarations, as ServiceStack's `/types/typescript.d` writes them (its
 * generator without `ExportAsTypes`, members optional): interfaces, no classes or methods, string
 * enums as union types.
 */
export function nativeTypeScriptDefinitions(document: MetadataTypes, options: NativeTypesOptions): string {
  return write(document, options, false);
}

function write(document: MetadataTypes, options: NativeTypesOptions, asTypes: boolean): string {
  const exported = asTypes ? 'export ' : '';
  const lines: string[] = [
    '/* Options:',
    `Date: ${headerDate(options.date)}`,
    `Version: ${options.version ?? NATIVE_TYPES_VERSION}`,
    'Tip: To override a DTO option, remove "//" prefix before updating',
    `BaseUrl: ${options.baseUrl}`,
    '',
    '//GlobalNamespace: ',
    `//MakePropertiesOptional: ${asTypes ? 'False' : 'True'}`,
    '//AddServiceStackTypes: True',
    '//AddResponseStatus: False',
    '//AddImplicitVersion: ',
    '//AddDescriptionAsComments: True',
    '//IncludeTypes: ',
    '//ExcludeTypes: ',
    '//DefaultImports: ',
    '*/',
    '',
    '// @ts-nocheck',
  ];

  const operations = new Map<string, MetadataOperationType>(document.operations.map((op) => [op.request.name, op]));
  const markers = new Set<string>();
  for (const op of document.operations) for (const marker of op.request.implements ?? []) markers.add(marker.name);
  const returnsVoid = document.operations.some((op) => op.response === undefined);

  // ServiceStack's own marker interfaces, as AddServiceStackTypes adds them.
  lines.push('', `${exported}interface IReturn<T>`, '{', ...(asTypes ? ['    createResponse(): T;'] : []), '}');
  if (returnsVoid) lines.push('', `${exported}interface IReturnVoid`, '{', ...(asTypes ? ['    createResponse(): void;'] : []), '}');
  for (const marker of [...markers].sort()) lines.push('', `${exported}interface ${marker}`, '{', '}');

  let dictionaryDeclared = false;
  for (const type of orderedTypes(document)) {
    lines.push('');
    lines.push(...comment(type.description, ''));
    if (type.isEnum === true && !asTypes && type.isEnumInt !== true && (type.enumNames ?? []).length > 0) {
      // Without ExportAsTypes a string enum is a union of its names.
      lines.push(`type ${type.name} = ${(type.enumNames ?? []).map((name) => `"${name}"`).join(' | ')};`);
      continue;
    }
    if (type.isEnum === true) {
      lines.push(`${exported}enum ${type.name}`, '{');
      (type.enumNames ?? []).forEach((name, index) => {
        const value = type.enumValues?.[index];
        lines.push(value === undefined || type.isEnumInt !== true ? `    ${name} = '${type.enumMemberValues?.[index] ?? name}',` : `    ${name} = ${value},`);
      });
      lines.push('}');
      continue;
    }

    const op = operations.get(type.name);
    for (const route of op?.routes ?? []) lines.push(route.verbs === undefined ? `// @Route(${quoted(route.path)})` : `// @Route(${quoted(route.path)}, ${quoted(route.verbs)})`);

    let extend = '';
    if (type.inherits !== undefined) {
      const { name, genericArgs } = type.inherits;
      if (DICTIONARIES.has(name) && genericArgs?.length === 2) {
        if (!dictionaryDeclared) {
          // ServiceStack's DictionaryDeclaration, once, before the first type that needs it.
          lines.splice(lines.length - (type.description === undefined ? 0 : 1), 0, `${asTypes ? 'export class' : 'interface'} Dictionary<T> { [Key: string]: T; }`, '');
          dictionaryDeclared = true;
        }
        extend = ` extends Dictionary<${tsNode(parseTypeText(genericArgs[1]!))}>`;
      } else if (ARRAYS.has(name) && genericArgs?.length === 1) {
        extend = ` extends Array<${tsNode(parseTypeText(genericArgs[0]!))}>`;
      } else {
        extend = ` extends ${typeNameText(type.inherits)}`;
      }
    }
    const response = op?.response === undefined ? undefined : tsType(op.response.name, op.response.genericArgs);
    const interfaces = [...(op === undefined ? [] : [response === undefined ? 'IReturnVoid' : `IReturn<${response}>`]), ...(type.implements ?? []).map(typeNameText)];
    // A class implements its markers; an interface extends them after its base.
    if (interfaces.length > 0) extend += asTypes ? ` implements ${interfaces.join(', ')}` : `${extend === '' ? ' extends ' : ', '}${interfaces.join(', ')}`;
    const generics = type.genericArgs !== undefined && type.genericArgs.length > 0 ? `<${type.genericArgs.join(', ')}>` : '';
    const typeName = `${type.name.split('`')[0]}${generics}`;
    lines.push(`${asTypes ? 'export class' : 'interface'} ${typeName}${extend}`, '{');

    // A blank line follows a member that carried attribute lines, as ServiceStack's AddProperties spaces them.
    let spaced = false;
    for (const property of type.properties ?? []) {
      if (spaced) lines.push('');
      lines.push(...comment(property.description, '    '));
      spaced = property.dataMember !== undefined;
      if (spaced) lines.push(`    // @DataMember${property.dataMember?.name === undefined ? '' : `(Name=${quoted(property.dataMember.name)})`}`);
      const optional = !asTypes || property.isRequired !== true ? '?' : '';
      lines.push(`    ${asTypes ? 'public ' : ''}${memberName(property)}${optional}: ${tsType(property.type, property.genericArgs)};`);
    }
    if (!asTypes) {
      lines.push('}');
      continue;
    }

    lines.push('');
    const callSuper = type.inherits === undefined ? '' : extend.startsWith(' extends Array<') || extend.startsWith(' extends Dictionary<') ? 'super(); ' : 'super(init); ';
    lines.push(`    public constructor(init?: Partial<${typeName}>) { ${callSuper}(Object as any).assign(this, init); }`);
    if (op !== undefined) {
      lines.push(`    public getTypeName() { return '${type.name}'; }`);
      if (op.method !== undefined) lines.push(`    public getMethod() { return '${op.method}'; }`);
      lines.push(`    public createResponse() { ${createResponse(response)} }`);
    }
    lines.push('}');
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

// The member name on the wire: a [DataMember(Name)] as written, else camelCase, as a host with
// ServiceStack's camelCase text case writes JSON.
function memberName(property: MetadataPropertyType): string {
  return property.dataMember?.name ?? toCamelCase(property.name);
}

function createResponse(response: string | undefined): string {
  if (response === undefined) return '';
  const primitive = PRIMITIVE_RESPONSES[response];
  if (primitive !== undefined) return `return ${primitive};`;
  if (response.endsWith('[]')) return `return new Array<${response.slice(0, -2)}>();`;
  if (response.startsWith('{')) return 'return {};';
  return `return new ${response}();`;
}
