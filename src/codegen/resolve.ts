/**
 * From a `MetadataTypes` document to a model of what to declare: every DTO, enum, dictionary or
 * list class and generic type definition of the document, the `jsvkit/servicestack` types it uses,
 * each member's schema as an expression tree, and the operations. Every type reference is
 * resolved here, so an unknown one fails before anything is written.
 */
import { CodegenError } from './codegen-error.js';
import { DICT_TYPES, LIST_TYPES, scalarByName, type DotnetScalar } from './dotnet-types.js';
import type { MetadataAttribute, MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypes } from './metadata.js';
import { isFrameworkNamespace, knownType, type KnownType } from './servicestack-types.js';
import { typeRefOf, typeRefText, type TypeRef } from './type-ref.js';
import { enum as enumOf, flags } from '../typed/t.js';

/** A member's or argument's schema. */
export type Expr =
  | { readonly kind: 'scalar'; readonly scalar: DotnetScalar }
  | { readonly kind: 'bytes' }
  /** A struct the metadata does not describe: ServiceStack writes it as its `ToString()` text. */
  | { readonly kind: 'struct'; readonly name: string }
  | { readonly kind: 'array'; readonly element: Expr }
  | { readonly kind: 'dict'; readonly key: Expr; readonly value: Expr }
  | { readonly kind: 'pair'; readonly key: Expr; readonly value: Expr }
  | { readonly kind: 'nullable'; readonly of: Expr }
  /** .NET `Tuple<…>`: ServiceStack writes it as an object of `Item1`…`Item7` and `Rest`. */
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  /** What could not be typed exactly (outside `strict`): written as `as`, with `reason` in the JSDoc and a warning. */
  | { readonly kind: 'fallback'; readonly as: Expr; readonly reason: string; readonly path: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'decl'; readonly decl: Decl; readonly args: readonly Expr[] };

export interface Member {
  /** The name on the wire, before `--case`: the C# name, or its `[DataMember(Name)]`. */
  readonly name: string;
  /** True when a `[DataMember(Name)]` gave the name: it is kept as written, whatever `--case`. */
  readonly aliased: boolean;
  readonly expr: Expr;
  /** An explicit requirement marker: `[Required]`, `[ValidateNotNull]`, `[ValidateNotEmpty]`, `[ApiMember(IsRequired = true)]`. */
  readonly required: boolean;
  readonly description: string | undefined;
  readonly path: string;
}

export interface EnumMember {
  readonly name: string;
  readonly value: number | undefined;
  readonly wireName: string | undefined;
  readonly description: string | undefined;
}

/** One declaration of the generated module (or one import from `jsvkit/servicestack`). */
export interface Decl {
  /** `namespace.Name`arity`, unique. */
  readonly key: string;
  /** The .NET name without arity, as the schema's `name`. */
  readonly dotnet: string;
  readonly arity: number;
  readonly namespace: string;
  /** The TypeScript identifier, set once every declaration is known (see `names.ts`). */
  ident: string;
  /** Generic parameters (``QueryResponse`1``: `['T']`). */
  readonly params: readonly string[];
  /** Where the document defines it (`types[3]`), or `''` for an import. */
  readonly path: string;
  readonly known: KnownType | undefined;
  readonly type: MetadataType | undefined;
  /** What it is, once resolved. */
  shape: 'object' | 'enum' | 'flags' | 'collection' | 'import';
  base: Expr | undefined;
  members: Member[];
  /** A class deriving from a dictionary or list is that dictionary or list. */
  collection: Expr | undefined;
  enumMembers: EnumMember[];
  /** Documentation: the type's description and notes. */
  description: string | undefined;
  /** What codegen left out of the declaration (outside `strict`), for its JSDoc and the warnings. */
  notes: { readonly reason: string; readonly path: string }[];
}

export interface OperationModel {
  readonly name: string;
  readonly request: Decl;
  readonly response: Expr | undefined;
  readonly operation: MetadataOperationType;
  readonly path: string;
}

export interface Model {
  /** Every declaration, in document order. */
  readonly decls: readonly Decl[];
  readonly operations: readonly OperationModel[];
}

const VERB_NAMES = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Attributes whose presence makes a member `.required()`. */
const REQUIRED_ATTRIBUTES = new Set(['Required', 'ValidateNotNull', 'ValidateNotEmpty']);

interface Scope {
  readonly params: ReadonlySet<string>;
  /** The namespace of the type being resolved: a short name found in several namespaces prefers it. */
  readonly namespace: string;
}

/**
 * Resolves every type of `metadata`.
 * @throws CodegenError `UNKNOWN_TYPE`, `DUPLICATE_TYPE`, `INHERITANCE_CYCLE`, `UNSUPPORTED` or
 * `INVALID_DOCUMENT`, with the path of the offending member.
 */
export function resolveModel(metadata: MetadataTypes, options: ResolveOptions = {}): Model {
  return new Resolver(metadata, options.strict === true).run();
}

export interface ResolveOptions {
  /** Throw for what cannot be typed exactly, instead of a `fallback` expression. */
  readonly strict?: boolean;
}

/**
 * Types whose values are not JSV at all: a service returning one answers with the raw bytes, and
 * ServiceStack.Text has no text form for them as members.
 */
const RAW_TYPES: ReadonlySet<string> = new Set(['Stream', 'MemoryStream', 'FileStream', 'HttpWebResponse', 'HttpResponseMessage', 'IHttpResult', 'HttpResult', 'IStreamWriter', 'IStreamWriterAsync']);

/** The most type arguments .NET's `Tuple` takes: `Item1`…`Item7` and `Rest`. */
const TUPLE_MAX = 8;

class Resolver {
  private readonly decls: Decl[] = [];
  private readonly byKey = new Map<string, Decl>();
  /** `Name`arity` → declarations in every namespace. */
  private readonly byName = new Map<string, Decl[]>();
  /** One import per export (``QueryDb`1`` and ``QueryDb`2`` are the same factory). */
  private readonly knownDecls = new Map<string, Decl>();
  /** `Name`arity` of the interfaces the document declares (no schema: ServiceStack writes the runtime type). */
  private readonly interfaces = new Set<string>();
  /** Keys of types defined twice, differently (nested classes of one name in two outer classes): references to them are ambiguous. */
  private readonly ambiguous = new Map<string, string>();

  constructor(
    private readonly metadata: MetadataTypes,
    private readonly strict: boolean,
  ) {}

  /** `as` in place of what `error` describes, or `error` thrown under `strict`. */
  private fallback(error: CodegenError, as: Expr): Expr {
    if (this.strict) throw error;
    return { kind: 'fallback', as, reason: error.reason, path: error.path };
  }

  run(): Model {
    const requests = new Set<string>();
    this.metadata.types.forEach((type, i) => this.collect(type, `types[${i}]`, 'types'));
    this.metadata.operations.forEach((op, i) => {
      const path = `operations[${i}]`;
      const key = keyOf(op.request);
      if (requests.has(key)) throw new CodegenError('DUPLICATE_TYPE', `Two operations have the request ${op.request.name}`, `${path}.request.name`);
      requests.add(key);
      this.collect(op.request, `${path}.request`, 'operation');
      if (op.response !== undefined) this.collect(op.response, `${path}.response`, 'operation');
    });
    for (const decl of [...this.decls]) if (decl.type !== undefined) this.resolveDecl(decl);
    for (const decl of this.decls) breakRequiredCycles(decl);
    const operations = this.metadata.operations.map((op, i) => this.resolveOperation(op, `operations[${i}]`));
    return { decls: this.decls, operations };
  }

  /** Adds a type the document defines (unless it is a known ServiceStack type, which is imported). */
  private collect(type: MetadataType, path: string, from: 'types' | 'operation'): void {
    const params = type.genericArgs ?? [];
    const { name, arity } = splitArity(type.name, path);
    if (type.isInterface === true) {
      this.interfaces.add(`${name}\`${params.length || arity}`);
      return;
    }
    // ServiceStack lists the Tuple types a DTO uses as System types; they are written as jsvkit's own.
    if (type.namespace === 'System' && (name === 'Tuple' || name === 'ValueTuple')) return;
    if (params.length > 0 && params.length !== arity && arity !== 0) {
      throw new CodegenError('INVALID_DOCUMENT', `${type.name} declares ${params.length} type parameters`, `${path}.genericArgs`);
    }
    const namespace = type.namespace ?? '';
    const known = isFrameworkNamespace(namespace) ? knownType(name, params.length || arity) : undefined;
    if (known !== undefined) {
      this.knownDecl(known);
      return;
    }
    const key = `${namespace}.${name}\`${params.length || arity}`;
    if (this.byKey.has(key)) {
      // Operations repeat their request and response types in full; `types` lists each once.
      const first = this.byKey.get(key)!;
      if (from === 'types' && first.path.startsWith('types[') && JSON.stringify(first.type) !== JSON.stringify(type)) {
        // Nested classes of one name in two outer classes (`A.Options`, `B.Options`) are listed
        // under the same name and namespace: the first is declared, references cannot tell them apart.
        const error = new CodegenError('DUPLICATE_TYPE', `${namespace ? namespace + '.' : ''}${type.name} is defined twice, differently (at ${first.path} and ${path})`, `${path}.name`);
        if (this.strict) throw error;
        this.ambiguous.set(key, error.reason);
      }
      return;
    }
    if (params.length === 0 && arity > 0) throw new CodegenError('INVALID_DOCUMENT', `${type.name} is a generic type definition without genericArgs naming its type parameters`, `${path}.genericArgs`);
    this.add({ key, dotnet: name, arity: params.length, namespace, params, path, known: undefined, type, description: joinText(type.description, type.notes) });
  }

  private knownDecl(known: KnownType): Decl {
    let decl = this.knownDecls.get(known.export);
    if (decl === undefined) {
      const params = Array.from({ length: known.arity }, (_, i) => (known.arity === 1 ? 'T' : `T${i + 1}`));
      decl = this.add({ key: `${known.namespace}.${known.name}\`${known.arity}`, dotnet: known.name, arity: known.arity, namespace: known.namespace, params, path: '', known, type: undefined, description: undefined });
      decl.shape = 'import';
      this.knownDecls.set(known.export, decl);
    }
    return decl;
  }

  private add(init: Pick<Decl, 'key' | 'dotnet' | 'arity' | 'namespace' | 'params' | 'path' | 'known' | 'type' | 'description'>): Decl {
    const decl: Decl = { ...init, ident: init.dotnet, shape: 'object', base: undefined, members: [], collection: undefined, enumMembers: [], notes: [] };
    this.decls.push(decl);
    this.byKey.set(decl.key, decl);
    const byName = `${decl.dotnet}\`${decl.arity}`;
    const list = this.byName.get(byName);
    if (list) list.push(decl);
    else this.byName.set(byName, [decl]);
    return decl;
  }

  private resolveDecl(decl: Decl): void {
    const type = decl.type!;
    const path = decl.path;
    const scope: Scope = { params: new Set(decl.params), namespace: decl.namespace };
    if (type.isEnum === true) {
      this.resolveEnum(decl, type, path);
      return;
    }
    if (type.inherits !== undefined) {
      const basePath = `${path}.inherits`;
      const ref = typeRefOf(type.inherits.name, type.inherits.genericArgs, basePath);
      if (!(ref.name === 'Object' && ref.arity === 0 && ref.rank === 0)) {
        const base = this.resolve(ref, scope, basePath, type.inherits.namespace, false);
        if (base.kind === 'dict' || base.kind === 'array') {
          decl.shape = 'collection';
          decl.collection = base;
          return;
        }
        const target = base.kind === 'decl' ? base.decl : undefined;
        if (target === undefined || (target.known !== undefined ? target.known.kind !== 'object' : target.type?.isEnum === true)) {
          const why = base.kind === 'fallback' ? base.reason : `it is not a class with properties`;
          const error = new CodegenError('UNSUPPORTED', `${type.name} inherits from ${typeRefText(ref)}: ${why}; its members are left out`, basePath);
          if (this.strict) throw error;
          decl.notes.push({ reason: error.reason, path: error.path });
        } else decl.base = base;
      }
    }
    const seen = new Map<string, string>();
    // A [DataContract] class is written and read with its [DataMember] properties only; the metadata lists them all.
    const onWire = (property: MetadataPropertyType): boolean => type.dataContract === undefined || property.dataMember !== undefined;
    decl.members = (type.properties ?? []).flatMap((property, i) => {
      if (!onWire(property)) return [];
      const memberPath = `${path}.properties[${i}]`;
      const member = this.resolveMember(property, scope, memberPath);
      const folded = member.name.toUpperCase();
      if (seen.has(folded)) {
        throw new CodegenError('DUPLICATE_TYPE', `${type.name} has two properties named ${member.name} (names match in any case: ${seen.get(folded)})`, `${memberPath}.name`);
      }
      seen.set(folded, member.name);
      return [member];
    });
  }

  private resolveEnum(decl: Decl, type: MetadataType, path: string): void {
    const names = type.enumNames;
    if (names === undefined) throw new CodegenError('INVALID_DOCUMENT', `${type.name} is an enum without enumNames`, `${path}.enumNames`);
    if (names.length === 0) throw new CodegenError('UNSUPPORTED', `${type.name} is an enum without members`, `${path}.enumNames`);
    const values = type.enumValues;
    if (values !== undefined && values.length !== names.length) throw new CodegenError('INVALID_DOCUMENT', `${type.name} has ${names.length} enumNames but ${values.length} enumValues`, `${path}.enumValues`);
    const wire = type.enumMemberValues;
    if (wire !== undefined && wire.length !== names.length) throw new CodegenError('INVALID_DOCUMENT', `${type.name} has ${names.length} enumNames but ${wire.length} enumMemberValues`, `${path}.enumMemberValues`);
    if (new Set(names).size !== names.length) throw new CodegenError('DUPLICATE_TYPE', `${type.name} names a member twice`, `${path}.enumNames`);
    decl.shape = type.isEnumInt === true ? 'flags' : 'enum';
    decl.enumMembers = names.map((name, i) => {
      const text = values?.[i];
      if (text !== undefined && !/^-?\d{1,20}$/.test(text.trim())) throw new CodegenError('INVALID_DOCUMENT', `Enum value ${JSON.stringify(text)} of ${type.name}.${name} is not an integer`, `${path}.enumValues[${i}]`);
      const value = text === undefined ? undefined : Number(text.trim());
      const wireName = wire?.[i];
      return { name, value, wireName: wireName !== undefined && wireName !== name ? wireName : undefined, description: type.enumDescriptions?.[i] || undefined };
    });
    checkEnum(decl, `${path}.enumNames`);
  }

  private resolveMember(property: MetadataPropertyType, scope: Scope, path: string): Member {
    const ref = typeRefOf(property.type, property.genericArgs, `${path}.type`);
    const expr = this.resolve(ref, scope, `${path}.type`, property.namespace ?? property.typeNamespace, property.isValueType === true);
    const alias = property.dataMember?.name;
    return {
      name: alias || property.name,
      aliased: Boolean(alias),
      expr,
      required: isMarkedRequired(property.attributes),
      description: property.description || undefined,
      path,
    };
  }

  /**
   * The schema expression of a type reference. `namespace` is the reference's own (metadata gives
   * it for the outer type only); `valueTypeHint` is the property's `isValueType`, which lets a
   * struct the document leaves out be read as ServiceStack writes it, as text.
   */
  private resolve(ref: TypeRef, scope: Scope, path: string, namespace: string | undefined, valueTypeHint: boolean): Expr {
    if (ref.rank > 0) {
      const element: TypeRef = { ...ref, rank: ref.rank - 1 };
      // byte[] is base64 text, not a list.
      if (element.rank === 0 && element.name === 'Byte' && element.arity === 0) return { kind: 'bytes' };
      return { kind: 'array', element: this.resolve(element, scope, path, namespace, false) };
    }
    const args = ref.args.map((arg) => this.resolve(arg, scope, path, undefined, false));
    if (ref.arity === 0 && scope.params.has(ref.name)) return { kind: 'param', name: ref.name };
    if (ref.name === 'Nullable' && ref.arity === 1) return { kind: 'nullable', of: args[0]! };
    if (LIST_TYPES.has(ref.name) && ref.arity <= 1) return { kind: 'array', element: args[0] ?? anyExpr() };
    if (DICT_TYPES.has(ref.name) && (ref.arity === 2 || ref.arity === 0)) {
      const key = args[0] ?? scalarExpr('String');
      const value = args[1] ?? anyExpr();
      if (!isKeyExpr(key)) {
        // ServiceStack writes such a key as the JSV (or JSON) text of its value.
        const error = new CodegenError('UNSUPPORTED', `Dictionary keys of type ${typeRefText(ref.args[0]!)} are not scalars or enums: their text (the key's JSV) is kept as a string key`, path);
        return this.fallback(error, { kind: 'dict', key: scalarExpr('String'), value });
      }
      return { kind: 'dict', key: key.kind === 'nullable' ? key.of : key, value };
    }
    if (ref.name === 'KeyValuePair' && ref.arity === 2) return { kind: 'pair', key: args[0]!, value: args[1]! };
    if (isSystemName(namespace)) {
      if (ref.name === 'Tuple' && ref.arity >= 1 && ref.arity <= TUPLE_MAX && args.length === ref.arity) return { kind: 'tuple', items: args };
      if (ref.name === 'ValueTuple' && ref.arity >= 1) {
        const error = new CodegenError('UNSUPPORTED', `${typeRefText(ref)} is a struct ServiceStack writes as its ToString() text ("(a, b)") and cannot read back`, path);
        return this.fallback(error, { kind: 'struct', name: ref.name });
      }
    }
    if (ref.arity === 0) {
      const scalar = scalarByName(ref.name);
      if (scalar !== undefined && (namespace === undefined || namespace === 'System' || namespace === '')) return { kind: 'scalar', scalar };
    }
    const decl = this.lookup(ref, scope, namespace);
    if (decl !== undefined) {
      if (decl.arity !== args.length) throw new CodegenError('INVALID_DOCUMENT', `${decl.dotnet} takes ${decl.arity} type argument${decl.arity === 1 ? '' : 's'}, found ${args.length}`, path);
      const ambiguous = this.ambiguous.get(decl.key);
      if (ambiguous !== undefined) return this.fallback(new CodegenError('DUPLICATE_TYPE', `${typeRefText(ref)} is ambiguous: ${ambiguous}`, path), anyExpr());
      return { kind: 'decl', decl, args };
    }
    if (valueTypeHint && ref.arity === 0 && !isFrameworkNamespace(namespace)) return { kind: 'struct', name: ref.name };
    const scalar = ref.arity === 0 ? scalarByName(ref.name) : undefined;
    if (scalar !== undefined) return { kind: 'scalar', scalar };
    if (RAW_TYPES.has(ref.name)) {
      return this.fallback(new CodegenError('UNSUPPORTED', `${typeRefText(ref)} is raw bytes, not a JSV value (a service returning it answers with the bytes themselves)`, path), anyExpr());
    }
    if (this.interfaces.has(`${ref.name}\`${ref.arity}`) || /^I[A-Z]/.test(ref.name)) {
      return this.fallback(new CodegenError('UNSUPPORTED', `${typeRefText(ref)} is an interface: ServiceStack writes the members of the value's runtime type (with its __type)`, path), anyExpr());
    }
    return this.fallback(
      new CodegenError(
        'UNKNOWN_TYPE',
        `Unknown type ${typeRefText(ref)}${namespace ? ` in ${namespace}` : ''}: it is not defined in the document, not a .NET type jsvkit maps, and not in jsvkit/servicestack`,
        path,
      ),
      anyExpr(),
    );
  }

  private lookup(ref: TypeRef, scope: Scope, namespace: string | undefined): Decl | undefined {
    const candidates = this.byName.get(`${ref.name}\`${ref.arity}`);
    if (isFrameworkNamespace(namespace) || candidates === undefined) {
      const known = knownType(ref.name, ref.arity);
      if (known !== undefined && (namespace === undefined || isFrameworkNamespace(namespace)) && !candidates?.some((c) => c.namespace === namespace && c.known === undefined)) {
        return this.knownDecl(known);
      }
    }
    if (candidates === undefined) return undefined;
    if (candidates.length === 1) return candidates[0];
    return candidates.find((c) => c.namespace === namespace) ?? candidates.find((c) => c.namespace === scope.namespace) ?? candidates[0];
  }

  private resolveOperation(op: MetadataOperationType, path: string): OperationModel {
    const request = this.byKey.get(keyOf(op.request));
    if (request === undefined || request.shape !== 'object' || request.params.length > 0) {
      throw new CodegenError('UNSUPPORTED', `The request ${op.request.name} must be a non-generic class`, `${path}.request`);
    }
    const scope: Scope = { params: new Set(), namespace: request.namespace };
    let response: Expr | undefined;
    if (op.returnsVoid !== true) {
      if (op.returnType !== undefined) {
        const ref = typeRefOf(op.returnType.name, op.returnType.genericArgs, `${path}.returnType`);
        response = this.resolve(ref, scope, `${path}.returnType`, op.returnType.namespace, false);
      } else if (op.response !== undefined) {
        const ref = typeRefOf(op.response.name, undefined, `${path}.response.name`);
        response = this.resolve(ref, scope, `${path}.response.name`, op.response.namespace, false);
        if (response.kind === 'decl' && response.decl.arity > 0) {
          throw new CodegenError('INVALID_DOCUMENT', `The response ${op.response.name} is generic but the operation has no returnType naming its arguments`, `${path}.returnType`);
        }
      }
    }
    for (const [i, route] of (op.routes ?? []).entries()) {
      if (!route.path.startsWith('/')) throw new CodegenError('INVALID_DOCUMENT', `Route ${JSON.stringify(route.path)} does not start with /`, `${path}.routes[${i}].path`);
      for (const verb of routeVerbs(route.verbs)) {
        if (!VERB_NAMES.has(verb)) throw new CodegenError('UNSUPPORTED', `Unknown HTTP verb ${JSON.stringify(verb)}`, `${path}.routes[${i}].verbs`);
      }
    }
    for (const [i, verb] of (op.actions ?? []).entries()) {
      if (!VERB_NAMES.has(verb.toUpperCase()) && verb.toUpperCase() !== 'ANY') throw new CodegenError('UNSUPPORTED', `Unknown HTTP verb ${JSON.stringify(verb)}`, `${path}.actions[${i}]`);
    }
    return { name: op.request.name, request, response, operation: op, path };
  }
}

/** A route's verbs: `GET,POST` → `['GET', 'POST']`; `ANY` or none → every verb (`[]`). */
export function routeVerbs(verbs: string | undefined): string[] {
  const list = (verbs ?? '')
    .split(',')
    .map((verb) => verb.trim().toUpperCase())
    .filter(Boolean);
  return list.includes('ANY') ? [] : list;
}

function keyOf(type: MetadataType): string {
  const { name, arity } = splitArity(type.name, '');
  return `${type.namespace ?? ''}.${name}\`${type.genericArgs?.length || arity}`;
}

function splitArity(name: string, path: string): { name: string; arity: number } {
  const tick = /`(\d{1,2})$/.exec(name);
  const short = tick ? name.slice(0, tick.index) : name;
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(short)) throw new CodegenError('INVALID_DOCUMENT', `${JSON.stringify(name)} is not a .NET type name`, path ? `${path}.name` : '');
  return { name: short, arity: tick ? Number(tick[1]) : 0 };
}

function joinText(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((part) => part !== undefined && part.trim() !== '').join('\n\n');
  return text === '' ? undefined : text;
}

function scalarExpr(name: string): Expr {
  return { kind: 'scalar', scalar: scalarByName(name)! };
}

function anyExpr(): Expr {
  return scalarExpr('Object');
}

/** Every expression inside `expr`, itself first, depth first. */
function subExprs(expr: Expr | undefined, into: Expr[] = []): Expr[] {
  if (expr === undefined) return into;
  into.push(expr);
  switch (expr.kind) {
    case 'array':
      return subExprs(expr.element, into);
    case 'dict':
    case 'pair':
      subExprs(expr.key, into);
      return subExprs(expr.value, into);
    case 'nullable':
      return subExprs(expr.of, into);
    case 'fallback':
      return subExprs(expr.as, into);
    case 'tuple':
    case 'decl':
      for (const item of expr.kind === 'tuple' ? expr.items : expr.args) subExprs(item, into);
      return into;
    default:
      return into;
  }
}

/** The declarations an expression refers to, in order (with repeats), added to `into`. */
export function declsIn(expr: Expr | undefined, into: Decl[] = []): Decl[] {
  for (const sub of subExprs(expr)) if (sub.kind === 'decl') into.push(sub.decl);
  return into;
}

export type Fallback = Extract<Expr, { kind: 'fallback' }>;

/** The fallbacks inside an expression. */
export function fallbacksIn(expr: Expr | undefined): Fallback[] {
  return subExprs(expr).filter((sub): sub is Fallback => sub.kind === 'fallback');
}

/** A reference in `System` or without a namespace (metadata gives none for type arguments). */
function isSystemName(namespace: string | undefined): boolean {
  return namespace === undefined || namespace === '' || namespace === 'System';
}

/** Keys JSV writes as map keys: text, numbers, Guids, dates, enums (a struct is its text). */
function isKeyExpr(expr: Expr): boolean {
  if (expr.kind === 'nullable') return isKeyExpr(expr.of);
  if (expr.kind === 'scalar') return expr.scalar.kind !== 'any';
  if (expr.kind === 'struct') return true;
  if (expr.kind === 'decl') return expr.decl.type?.isEnum === true || expr.decl.known?.kind === 'enum';
  return false;
}

/** The class an expression must hold a value of when it is present (through `Nullable` and arguments-free references only). */
function requiredTarget(expr: Expr): Decl | undefined {
  if (expr.kind === 'nullable') return requiredTarget(expr.of);
  return expr.kind === 'decl' && expr.decl.known === undefined && expr.decl.shape === 'object' ? expr.decl : undefined;
}

/** The members of a class and its bases. */
function allMembers(decl: Decl, seen = new Set<Decl>()): Member[] {
  if (seen.has(decl)) return [];
  seen.add(decl);
  const base = decl.base?.kind === 'decl' ? decl.base.decl : undefined;
  return [...(base ? allMembers(base, seen) : []), ...decl.members];
}

/**
 * A `[Required]` member whose class requires, through required members, the class again has no
 * finite value: nothing could pass the schema. Its requirement is dropped, with a note.
 */
function breakRequiredCycles(decl: Decl): void {
  decl.members = decl.members.map((member) => {
    const first = member.required ? requiredTarget(member.expr) : undefined;
    if (first === undefined) return member;
    const seen = new Set<Decl>();
    const stack = [first];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === decl) {
        decl.notes.push({ reason: `${member.name} is not required: a required ${decl.dotnet} would need another without end`, path: member.path });
        return { ...member, required: false };
      }
      if (seen.has(next)) continue;
      seen.add(next);
      for (const m of allMembers(next)) {
        const target = m.required ? requiredTarget(m.expr) : undefined;
        if (target !== undefined) stack.push(target);
      }
    }
    return member;
  });
}

/**
 * Builds the enum's schema once, as the generated module will: what `t.enum` or `t.flags` refuse
 * (a name JSV cannot write, a value beyond 2^53, two members read from one wire name) is a
 * CodegenError here rather than a module that throws when imported.
 */
function checkEnum(decl: Decl, path: string): void {
  const members = decl.enumMembers;
  try {
    if (decl.shape === 'flags') flags(Object.fromEntries(members.map((m, i) => [m.name, m.value ?? i])), decl.dotnet);
    else {
      const values = members.some((m, i) => m.value !== undefined && m.value !== i) ? Object.fromEntries(members.map((m, i) => [m.name, m.value ?? i])) : undefined;
      const wired = members.filter((m) => m.wireName !== undefined);
      const wireNames = wired.length > 0 ? Object.fromEntries(wired.map((m) => [m.name, m.wireName!])) : undefined;
      enumOf(members.map((m) => m.name), { name: decl.dotnet, ...(values ? { values } : {}), ...(wireNames ? { wireNames } : {}) });
    }
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new CodegenError('UNSUPPORTED', `${decl.dotnet}: ${error.message}`, path);
  }
}

/** `[Required]`, `[ValidateNotNull]`, `[ValidateNotEmpty]`, `[Validate("NotNull")]` and `[ApiMember(IsRequired = true)]`. */
function isMarkedRequired(attributes: readonly MetadataAttribute[] | undefined): boolean {
  return (attributes ?? []).some((attribute) => {
    const name = attribute.name.replace(/Attribute$/, '');
    if (REQUIRED_ATTRIBUTES.has(name)) return true;
    const args = [...(attribute.args ?? []), ...(attribute.constructorArgs ?? [])];
    if (name === 'Validate') return args.some((arg) => /^(NotNull|NotEmpty)(\(\))?$/.test((arg.value ?? '').trim()));
    if (name === 'ApiMember') return args.some((arg) => arg.name?.toLowerCase() === 'isrequired' && /^true$/i.test((arg.value ?? '').trim()));
    return false;
  });
}
