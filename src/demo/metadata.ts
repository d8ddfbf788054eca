/**
 * The documents a ServiceStack host describes itself with, built from the `api` table:
 * `/types/metadata` (`MetadataTypes`, what `jsvkit codegen` and ServiceStack's "Add Reference"
 * tools read) and `/metadata/app.json` (the same under `api`, with facts about the host).
 */
import { describeApi } from '../codegen/describe.js';
import type { MetadataType, MetadataTypes } from '../codegen/metadata.js';
import type { ApiTable } from '../typed/operation.js';

export interface HostDescription {
  /** The service's name, shown on the metadata pages (ServiceStack's `ServiceName`). */
  serviceName: string;
  /** The DTOs' .NET namespace. */
  namespace: string;
  /** Member descriptions by DTO name and member name (matched case-insensitively). */
  memberDescriptions?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** `MetadataTypes` for `api`, with the member descriptions filled in. */
export function metadataTypes(api: ApiTable, description: HostDescription): MetadataTypes {
  const document = describeApi(api, { namespace: description.namespace });
  const describe = (type: MetadataType | undefined): void => {
    const members = type === undefined ? undefined : description.memberDescriptions?.[type.name];
    if (type === undefined || members === undefined) return;
    const byName = new Map(Object.entries(members).map(([name, text]) => [name.toLowerCase(), text]));
    for (const property of type.properties ?? []) {
      const text = byName.get(property.name.toLowerCase());
      if (text !== undefined && property.description === undefined) property.description = text;
    }
  };
  for (const type of document.types) describe(type);
  for (const op of document.operations) {
    describe(op.request);
    describe(op.response);
    markVerb(op.request, op.method);
  }
  return document;
}

const VERB_MARKERS: Readonly<Record<string, string>> = { GET: 'IGet', POST: 'IPost', PUT: 'IPut', PATCH: 'IPatch', DELETE: 'IDelete' };

/**
 * An operation's own verb is the `IVerb` marker its request DTO implements (`NewCustomer : IPost`),
 * as the Evo Voice host's metadata lists it: ServiceStack's C# generator writes it into the DTO,
 * and its C# clients' `Send(dto)` takes the verb from it (`ServiceClientUtils.GetIVerbMethod`)
 * before any `[Route]`, so a `GetCustomer` without routes is still sent as a GET.
 */
function markVerb(request: MetadataType, method: string | undefined): void {
  const marker = method === undefined ? undefined : VERB_MARKERS[method.toUpperCase()];
  if (marker === undefined || (request.implements ?? []).some((type) => type.name === marker)) return;
  request.implements = [...(request.implements ?? []), { name: marker, namespace: 'ServiceStack' }];
}

/** `/metadata/app.json`: ServiceStack's app metadata, the parts a client generator reads. */
export function appMetadata(types: MetadataTypes, description: HostDescription, baseUrl: string): Record<string, unknown> {
  return {
    app: { baseUrl, serviceName: description.serviceName, apiVersion: '1.0', jsTextCase: 'CamelCase' },
    contentTypeFormats: { json: 'application/json', jsv: 'application/jsv' },
    httpHandlers: { 'ApiHandlers.Json': '/api/{Request}' },
    api: types,
  };
}
