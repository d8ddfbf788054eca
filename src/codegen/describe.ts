/**
 * `describeApi(api)`: the inverse of codegen. Turns an `api` table of jsvkit schemas into the
 * `MetadataTypes` document a ServiceStack host serves at `/types/metadata`, so a jsvkit host can
 * describe itself to ServiceStack's tools (and to `jsvkit codegen`). The law: the schemas
 * `codegen(describeApi(api))` writes decode and encode the same values as the schemas described.
 *
 * What the metadata cannot carry is described as closely as it allows: a `.default(value)` other
 * than the .NET default is described as the plain value type (its default becomes the .NET one),
 * and `t.dict(…, { as: 'map' })` as a dictionary (which codegen reads back as a plain object).
 */
import { ArraySchema } from '../typed/composites/array.js';
import { DictSchema } from '../typed/composites/dict.js';
import { EnumSchema } from '../typed/composites/enum.js';
import { FlagsSchema } from '../typed/composites/flags.js';
import { KeyValuePairSchema } from '../typed/composites/key-value-pair.js';
import { LazySchema } from '../typed/composites/lazy.js';
import { ObjectSchema } from '../typed/composites/object.js';
import type { ApiTable, Operation } from '../typed/operation.js';
import type { AnySchema } from '../typed/schema.js';
import { toPascalCase } from '../typed/text-case.js';
import * as servicestack from '../servicestack/index.js';
import { scalarByKind } from './dotnet-types.js';
import { KNOWN_TYPES } from './servicestack-types.js';
import type { MetadataOperationType, MetadataPropertyType, MetadataType, MetadataTypeName, MetadataTypes } from './metadata.js';

export interface DescribeOptions {
  /** The namespace of the described DTOs (default `ServiceModel`). */
  namespace?: string;
  /**
   * Property names as .NET declares them, PascalCase (default), or as the schemas declare them
   * (`'asDeclared'`). ServiceStack's own generators expect PascalCase.
   */
  propertyCase?: 'pascal' | 'asDeclared';
}

const SYSTEM = 'System';
const COLLECTIONS = 'System.Collections.Generic';

/** A .NET type as a property or generic argument refers to it. */
interface TypeUse {
  /** `Int32`, ``List`1``, ``Nullable`1``, `Tag`. */
  name: string;
  namespace: string;
  args: TypeUse[];
  valueType: boolean;
  isEnum: boolean;
}

/**
 * Describes `api` as a `MetadataTypes` document: every named DTO and enum the operations reach
 * (requests and responses in `operations`, the others in `types`), with properties, .NET type
 * names, enum values and wire names, inheritance, routes, verbs and auth.
 * @throws TypeError for a schema that has no .NET counterpart (a dictionary keyed by a DTO).
 */
export function describeApi(api: ApiTable, options: DescribeOptions = {}): MetadataTypes {
  return new Describer(options).describe(api);
}

class Describer {
  private readonly namespace: string;
  private readonly pascal: boolean;
  /** Named types by identity (clones made by `.default()` and friends share their shape or members). */
  private readonly names = new Map<object, string>();
  private readonly taken = new Set<string>();
  private readonly definitions = new Map<string, MetadataType>();
  /** Definition order, bases and members first as they are reached. */
  private readonly order: string[] = [];

  constructor(options: DescribeOptions) {
    this.namespace = options.namespace ?? 'ServiceModel';
    this.pascal = (options.propertyCase ?? 'pascal') === 'pascal';
  }

  describe(api: ApiTable): MetadataTypes {
    const operations: MetadataOperationType[] = [];
    const inOperations = new Set<string>();
    for (const op of Object.values(api)) {
      const request = this.define(op.request, op.name);
      const response = op.response === undefined ? undefined : this.use(op.response, `${op.name}Response`);
      const described: MetadataOperationType = {
        request: this.definitions.get(request)!,
        actions: [...op.verbs],
        method: op.method,
        routes: op.routes.map((route) => (route.verbs && route.verbs.length > 0 ? { path: route.path, verbs: route.verbs.join(',') } : { path: route.path })),
      };
      inOperations.add(request);
      if (response === undefined) described.returnsVoid = true;
      else {
        described.returnType = { name: response.name, namespace: response.namespace, ...(response.args.length > 0 ? { genericArgs: response.args.map(argText) } : {}) };
        const definition = this.definitions.get(response.name);
        if (definition !== undefined && response.args.length === 0) {
          described.response = definition;
          inOperations.add(response.name);
        }
      }
      if (op.requiresAuth) described.requiresAuth = true;
      if (op.requiredRoles.length > 0) described.requiredRoles = [...op.requiredRoles];
      if (op.requiresAnyRole.length > 0) described.requiresAnyRole = [...op.requiresAnyRole];
      if (op.requiredPermissions.length > 0) described.requiredPermissions = [...op.requiredPermissions];
      if (op.requiresAnyPermission.length > 0) described.requiresAnyPermission = [...op.requiresAnyPermission];
      if (op.tags.length > 0) described.tags = [...op.tags];
      if (op.description !== undefined || op.summary !== undefined) described.request = { ...described.request, description: op.description ?? op.summary };
      operations.push(described);
    }
    const types = this.order.filter((name) => !inOperations.has(name)).map((name) => this.definitions.get(name)!);
    return { namespaces: [SYSTEM, COLLECTIONS, this.namespace], types, operations };
  }

  /** Defines a named DTO or enum (if not yet) and returns its .NET name. */
  private define(schema: AnySchema, suggested: string): string {
    const target = unwrap(schema);
    if (target instanceof ObjectSchema) return this.defineObject(target, suggested);
    if (target instanceof EnumSchema || target instanceof FlagsSchema) return this.defineEnum(target, suggested);
    throw new TypeError(`describeApi: ${suggested} must be a t.object schema, found ${target.name}`);
  }

  private nameFor(identity: object, declared: string, suggested: string): { name: string; fresh: boolean } {
    const known = this.names.get(identity);
    if (known !== undefined) return { name: known, fresh: false };
    // `object` and `flags` are the names schemas get when none is given.
    const base = /^[A-Za-z_][A-Za-z0-9_]*$/.test(declared) && declared !== 'object' && declared !== 'flags' ? declared : dotnetName(suggested);
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${i}`;
    this.taken.add(name);
    this.names.set(identity, name);
    return { name, fresh: true };
  }

  private defineObject(schema: ObjectSchema, suggested: string): string {
    const { name, fresh } = this.nameFor(schema.ownShape, schema.name, suggested);
    if (!fresh) return name;
    const type: MetadataType = { name, namespace: this.namespace };
    // Placed now so a member that refers back finds it; filled in below.
    this.definitions.set(name, type);
    if (schema.base !== undefined) {
      const base = this.objectUse(schema.base, `${name}Base`);
      type.inherits = { name: base.name, namespace: base.namespace, ...(base.args.length > 0 ? { genericArgs: base.args.map(argText) } : {}) };
    }
    type.properties = Object.keys(schema.ownShape).map((member) => this.property(member, schema.member(member)!, `${name}${toPascalCase(member)}`));
    this.order.push(name);
    return name;
  }

  private defineEnum(schema: EnumSchema | FlagsSchema, suggested: string): string {
    const identity = schema instanceof FlagsSchema ? schema.flags : schema.members;
    const { name, fresh } = this.nameFor(identity, schema.name, suggested);
    if (!fresh) return name;
    const type: MetadataType = { name, namespace: this.namespace, isEnum: true };
    if (schema instanceof FlagsSchema) {
      const entries = Object.entries(schema.flags) as [string, number][];
      type.isEnumInt = true;
      type.enumNames = entries.map(([member]) => member);
      type.enumValues = entries.map(([, value]) => String(value));
    } else {
      type.enumNames = schema.members.map((m) => m.name);
      const values = enumValuesOf(schema);
      if (values !== undefined) type.enumValues = values;
      const wireNames = enumWireNamesOf(schema);
      if (wireNames !== undefined) type.enumMemberValues = wireNames;
    }
    this.definitions.set(name, type);
    this.order.push(name);
    return name;
  }

  private property(member: string, schema: AnySchema, suggested: string): MetadataPropertyType {
    const use = this.use(schema, suggested, true);
    const property: MetadataPropertyType = { name: this.pascal ? toPascalCase(member) : member, type: use.name, namespace: use.namespace };
    if (use.args.length > 0) property.genericArgs = use.args.map(argText);
    if (use.valueType) property.isValueType = true;
    if (use.isEnum) property.isEnum = true;
    if (schema.isRequired) {
      property.isRequired = true;
      property.attributes = [{ name: 'Required' }];
    }
    return property;
  }

  /**
   * How a member (`asMember`: absent means null, so a value type without a default is nullable)
   * or a generic argument refers to `schema`.
   */
  private use(schema: AnySchema, suggested: string, asMember = false): TypeUse {
    const target = unwrap(schema);
    const use = this.useOf(target, suggested);
    // A value type is non-nullable when it always has a value: a member with a default, or an
    // element that is not `.nullable()`.
    const nullable = asMember ? !schema.hasDefault && !schema.isRequired : schema.isNullable;
    if (use.valueType && nullable) return { name: 'Nullable`1', namespace: SYSTEM, args: [use], valueType: true, isEnum: use.isEnum };
    return use;
  }

  /**
   * A DTO: one of `jsvkit/servicestack` (referred to, not defined: ServiceStack's metadata leaves
   * them out too, and codegen imports them), or one of the api's own.
   */
  private objectUse(target: ObjectSchema, suggested: string): TypeUse {
    const known = knownObject(target);
    if (known !== undefined) return { name: known.name, namespace: 'ServiceStack', args: known.args.map((arg) => this.use(arg, `${suggested}Item`)), valueType: false, isEnum: false };
    return { name: this.defineObject(target, suggested), namespace: this.namespace, args: [], valueType: false, isEnum: false };
  }

  private useOf(target: AnySchema, suggested: string): TypeUse {
    if (target instanceof KeyValuePairSchema) {
      return { name: 'KeyValuePair`2', namespace: COLLECTIONS, args: [this.use(target.key, `${suggested}Key`), this.use(target.value, `${suggested}Value`)], valueType: true, isEnum: false };
    }
    if (target instanceof ObjectSchema) return this.objectUse(target, suggested);
    if (target instanceof EnumSchema || target instanceof FlagsSchema) {
      const known = KNOWN_ENUMS.get(target instanceof EnumSchema ? target.members : target.flags);
      if (known !== undefined) return { name: known, namespace: SYSTEM, args: [], valueType: true, isEnum: true };
      return { name: this.defineEnum(target, suggested), namespace: this.namespace, args: [], valueType: true, isEnum: true };
    }
    if (target instanceof ArraySchema) return { name: 'List`1', namespace: COLLECTIONS, args: [this.use(target.element, `${suggested}Item`)], valueType: false, isEnum: false };
    if (target instanceof DictSchema) {
      const key = target.key === undefined ? stringUse() : this.use(target.key, `${suggested}Key`);
      if (key.name !== 'String' && key.args.length > 0) throw new TypeError(`describeApi: ${suggested} is a dictionary keyed by ${target.key?.name}, which .NET metadata cannot describe`);
      return { name: 'Dictionary`2', namespace: COLLECTIONS, args: [key, this.use(target.value, `${suggested}Value`)], valueType: false, isEnum: false };
    }
    const scalar = scalarByKind(target.kind);
    if (scalar === undefined) throw new TypeError(`describeApi: ${suggested} has a schema of kind ${target.kind}, which has no .NET type`);
    // `t.bytes()` is .NET's byte[] (base64 text).
    if (target.kind === 'bytes') return { name: 'Byte[]', namespace: SYSTEM, args: [], valueType: false, isEnum: false };
    return { name: scalar.dotnet, namespace: SYSTEM, args: [], valueType: scalar.valueType, isEnum: false };
  }
}

function stringUse(): TypeUse {
  return { name: 'String', namespace: SYSTEM, args: [], valueType: false, isEnum: false };
}

const EXPORTS = servicestack as unknown as Record<string, unknown>;

/** `jsvkit/servicestack`'s plain DTOs by their shape (clones share it). */
const KNOWN_OBJECTS = new Map<object, string>();
/** `System` enums of `jsvkit/servicestack` by their members. */
const KNOWN_ENUMS = new Map<object, string>();
for (const known of KNOWN_TYPES) {
  const schema = EXPORTS[known.export];
  if (known.arity === 0 && schema instanceof ObjectSchema) KNOWN_OBJECTS.set(schema.ownShape, known.name);
  if (schema instanceof EnumSchema) KNOWN_ENUMS.set(schema.members, known.name);
}

/**
 * A `jsvkit/servicestack` DTO as metadata names it: ``QueryResponse`1`` of its row type,
 * ``QueryDb`1`` of a table (the row type is found by name among the api's types), `ResponseStatus`.
 */
function knownObject(schema: ObjectSchema): { name: string; args: AnySchema[] } | undefined {
  const plain = KNOWN_OBJECTS.get(schema.ownShape);
  if (plain !== undefined) return { name: plain, args: [] };
  const results = schema.ownShape.results as unknown;
  if (results instanceof ArraySchema && servicestack.QueryResponse(results.element) === schema) return { name: 'QueryResponse`1', args: [results.element] };
  return undefined;
}

/** The schema behind `t.lazy` wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let target = schema;
  for (let i = 0; target instanceof LazySchema && i < 64; i++) target = target.resolve();
  return target;
}

/** A generic argument as ServiceStack writes it: `Int32`, `List<Poco>`, `Dictionary<String,Poco>`, `Nullable<Int32>`. */
function argText(use: TypeUse): string {
  const name = use.name.replace(/`\d+$/, '');
  return use.args.length === 0 ? name : `${name}<${use.args.map(argText).join(',')}>`;
}

/** A .NET identifier from a suggested name (`customerInfo.schedule` → `CustomerInfoSchedule`). */
function dotnetName(suggested: string): string {
  const name = suggested
    .split(/[^A-Za-z0-9_]+/)
    .filter(Boolean)
    .map(toPascalCase)
    .join('');
  return /^[A-Za-z_]/.test(name) ? name : `Type${name}`;
}

/** The members' underlying integer values, when they are not C#'s implicit 0, 1, 2, … */
function enumValuesOf(schema: EnumSchema): string[] | undefined {
  if (schema.members.every((m, i) => m.number === i)) return undefined;
  return schema.members.map((m) => String(m.number));
}

/** The members' wire names (`[EnumMember(Value = …)]`) where any differs from its member name. */
function enumWireNamesOf(schema: EnumSchema): string[] | undefined {
  return schema.members.some((m) => m.wire !== m.name) ? schema.members.map((m) => m.wire) : undefined;
}
