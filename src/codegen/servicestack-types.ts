/**
 * The types every ServiceStack host uses that `jsvkit/servicestack` ships as ready schemas. The
 * metadata leaves most of them out (or repeats ServiceStack's own definitions); codegen imports
 * these instead, so the generated module shares one `ResponseStatus` with the HTTP adapters.
 */

export interface KnownType {
  /** The .NET namespace the metadata names it in. */
  readonly namespace: string;
  /** The short name without arity. */
  readonly name: string;
  /** Generic arity: a factory taking that many schemas. */
  readonly arity: number;
  /** The name `jsvkit/servicestack` exports it under. */
  readonly export: string;
  readonly kind: 'object' | 'enum';
  /** An enum's members, the first being the .NET default. */
  readonly members?: readonly string[];
}

export const KNOWN_TYPES: readonly KnownType[] = [
  { namespace: 'ServiceStack', name: 'ResponseStatus', arity: 0, export: 'ResponseStatus', kind: 'object' },
  { namespace: 'ServiceStack', name: 'ResponseError', arity: 0, export: 'ResponseError', kind: 'object' },
  { namespace: 'ServiceStack', name: 'ErrorResponse', arity: 0, export: 'ErrorResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'EmptyResponse', arity: 0, export: 'EmptyResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'IdResponse', arity: 0, export: 'IdResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'StringResponse', arity: 0, export: 'StringResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'StringsResponse', arity: 0, export: 'StringsResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'IntResponse', arity: 0, export: 'IntResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'BoolResponse', arity: 0, export: 'BoolResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryBase', arity: 0, export: 'QueryBase', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryResponse', arity: 1, export: 'QueryResponse', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryDb', arity: 1, export: 'QueryDb', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryDb', arity: 2, export: 'QueryDb', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryData', arity: 1, export: 'QueryData', kind: 'object' },
  { namespace: 'ServiceStack', name: 'QueryData', arity: 2, export: 'QueryData', kind: 'object' },
  { namespace: 'System', name: 'DayOfWeek', arity: 0, export: 'DayOfWeek', kind: 'enum', members: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] },
  { namespace: 'System', name: 'DateTimeKind', arity: 0, export: 'DateTimeKind', kind: 'enum', members: ['Unspecified', 'Utc', 'Local'] },
];

/** Namespaces whose types are ServiceStack's or .NET's own, never the host's DTOs. */
export function isFrameworkNamespace(namespace: string | undefined): boolean {
  return namespace === 'ServiceStack' || namespace === 'System' || (namespace?.startsWith('System.') ?? false) || (namespace?.startsWith('ServiceStack.') ?? false);
}

export function knownType(name: string, arity: number): KnownType | undefined {
  return KNOWN_TYPES.find((known) => known.name === name && known.arity === arity);
}
