/**
 * ServiceStack's `MetadataTypes` document (`/types/metadata`, and the `api` member of
 * `/metadata/app.json`) as jsvkit schemas: codegen reads the document with its own typed layer, so
 * JSON and JSV metadata share one reader, one set of checks and errors with paths such as
 * `types[3].properties[2].type`. Keys match in any case (camelCase and PascalCase hosts alike) and
 * members codegen does not use are ignored, so documents from newer or older hosts read too.
 * Field names and shapes follow `MetadataTypes`, `MetadataType`, `MetadataPropertyType`,
 * `MetadataOperationType` and `MetadataRoute` in ServiceStack.Client's MetadataTypes.cs.
 */
import { array, boolean, object, string } from '../typed/t.js';
import type { Infer } from '../typed/schema.js';

/** `MetadataTypeName`: a reference to a type, e.g. ``{ name: 'QueryResponse`1', genericArgs: ['Booking'] }``. */
export const MetadataTypeName = object(
  {
    name: string().required(),
    namespace: string(),
    genericArgs: array(string()),
  },
  { name: 'MetadataTypeName' },
);
export type MetadataTypeName = Infer<typeof MetadataTypeName>;

/** `MetadataDataMember`: a `[DataMember]` on a property; its `name` is the name on the wire. */
export const MetadataDataMember = object({ name: string() }, { name: 'MetadataDataMember' });

/** `MetadataDataContract`: the `[DataContract]` of a class. */
export const MetadataDataContract = object({ name: string(), namespace: string() }, { name: 'MetadataDataContract' });

/** `MetadataAttribute`: an attribute on a type or property, with its arguments. */
export const MetadataAttribute = object(
  {
    name: string().required(),
    get constructorArgs() {
      return array(MetadataAttributeArg);
    },
    get args() {
      return array(MetadataAttributeArg);
    },
  },
  { name: 'MetadataAttribute' },
);
export type MetadataAttribute = Infer<typeof MetadataAttribute>;

/** An attribute argument (a `MetadataPropertyType` whose `value` is the argument's C# text). */
export const MetadataAttributeArg = object({ name: string(), type: string(), value: string() }, { name: 'MetadataAttributeArg' });

/** `MetadataPropertyType`: one property of a DTO. */
export const MetadataPropertyType = object(
  {
    name: string().required(),
    /** The .NET type name: `String`, ``List`1``, `Int32[]`, ``Nullable`1``, a DTO's name, a generic parameter. */
    type: string().required(),
    namespace: string(),
    genericArgs: array(string()),
    isValueType: boolean(),
    isEnum: boolean(),
    /** Servers before 2022 only. */
    isSystemType: boolean(),
    /** Servers before 2022 only. */
    typeNamespace: string(),
    /** Not a runtime requirement: hosts with C# nullable annotations set it on every non-nullable reference. */
    isRequired: boolean(),
    description: string(),
    dataMember: MetadataDataMember,
    attributes: array(MetadataAttribute),
  },
  { name: 'MetadataPropertyType' },
);
export type MetadataPropertyType = Infer<typeof MetadataPropertyType>;

/** `MetadataType`: a DTO class, an enum, an interface or a generic type definition. */
export const MetadataType = object(
  {
    name: string().required(),
    namespace: string(),
    /** The type parameters of a generic type definition (``QueryResponse`1``: `['T']`). */
    genericArgs: array(string()),
    inherits: MetadataTypeName,
    implements: array(MetadataTypeName),
    description: string(),
    notes: string(),
    isNested: boolean(),
    isEnum: boolean(),
    isEnumInt: boolean(),
    isInterface: boolean(),
    isAbstract: boolean(),
    isGenericTypeDef: boolean(),
    /** Present on a `[DataContract]` class: ServiceStack.Text writes and reads its `[DataMember]` properties only. */
    dataContract: MetadataDataContract,
    properties: array(MetadataPropertyType),
    attributes: array(MetadataAttribute),
    enumNames: array(string()),
    /** The members' integer values, as text, when they are not 0, 1, 2, … */
    enumValues: array(string()),
    /** The members' wire names (`[EnumMember(Value = …)]`). */
    enumMemberValues: array(string()),
    enumDescriptions: array(string()),
  },
  { name: 'MetadataType' },
);
export type MetadataType = Infer<typeof MetadataType>;

/** `MetadataRoute`: one `[Route]`; `verbs` is a comma list (`GET,POST`), absent for every verb. */
export const MetadataRoute = object(
  {
    path: string().required(),
    verbs: string(),
    notes: string(),
    summary: string(),
  },
  { name: 'MetadataRoute' },
);
export type MetadataRoute = Infer<typeof MetadataRoute>;

/** `MetadataOperationType`: one service operation. */
export const MetadataOperationType = object(
  {
    request: MetadataType.required(),
    response: MetadataType,
    /** The verbs the service implements (`ANY` for all). */
    actions: array(string()),
    returnsVoid: boolean(),
    method: string(),
    /** The response type with its generic arguments (``QueryResponse`1`` of `Booking`). */
    returnType: MetadataTypeName,
    routes: array(MetadataRoute),
    requiresAuth: boolean(),
    requiresApiKey: boolean(),
    requiredRoles: array(string()),
    requiresAnyRole: array(string()),
    requiredPermissions: array(string()),
    requiresAnyPermission: array(string()),
    tags: array(string()),
  },
  { name: 'MetadataOperationType' },
);
export type MetadataOperationType = Infer<typeof MetadataOperationType>;

/** `MetadataTypes`: the whole API of a host. */
export const MetadataTypes = object(
  {
    namespaces: array(string()),
    types: array(MetadataType).required(),
    operations: array(MetadataOperationType).required(),
  },
  { name: 'MetadataTypes' },
);
export type MetadataTypes = Infer<typeof MetadataTypes>;

/** What `/metadata/app.json` adds around the `MetadataTypes` (only what codegen reads). */
export const AppInfo = object({ jsTextCase: string(), baseUrl: string(), serviceName: string() }, { name: 'AppInfo' });
