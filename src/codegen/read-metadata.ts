/**
 * Reads a ServiceStack metadata document, JSON or JSV, as a `MetadataTypes` (`/types/metadata`) or
 * an app metadata document (`/metadata/app.json`, which holds it under `api`). Both formats go
 * through the same typed reader (JSON by way of `parseJsonTyped`), so a bad member is reported the
 * same way, with its path and its line and column in the text, whichever format the host sent.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { parseJsonTyped } from '../typed/json.js';
import type { Infer } from '../typed/schema.js';
import { array, object, string } from '../typed/t.js';
import { parseTyped } from '../typed/typed-api.js';
import { CodegenError } from './codegen-error.js';
import { AppInfo, MetadataOperationType, MetadataType, MetadataTypes } from './metadata.js';

/** A document as read, with the facts about the host it carries. */
export interface MetadataDocument {
  readonly metadata: MetadataTypes;
  /** `app.jsTextCase` of an app metadata document (`CamelCase`, `PascalCase`, `SnakeCase`). */
  readonly jsTextCase: string | undefined;
  /** The case of the document's own keys: `camel` for `types`, `pascal` for `Types`. */
  readonly keyCase: 'camel' | 'pascal';
  readonly format: 'json' | 'jsv';
}

/** Either shape: the members of `MetadataTypes` at the top, or app metadata with `api`. */
const Document = object(
  {
    app: AppInfo,
    api: MetadataTypes,
    namespaces: array(string()),
    types: array(MetadataType),
    operations: array(MetadataOperationType),
  },
  { name: 'metadata document' },
);

/**
 * Reads `text` (JSON or JSV) as a metadata document.
 * @throws CodegenError `INVALID_DOCUMENT` with the path of the first bad member (its `cause` is
 * the reader's `JsvError`, positioned in the text).
 */
export function readMetadata(text: string): MetadataDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // JSON's first key is quoted; JSV writes keys bare (and an empty document is either).
  const json = /^\s*\{\s*["}]/.test(body) || /^\s*\[/.test(body);
  let document: Infer<typeof Document>;
  try {
    document = json ? parseJsonTyped(body, Document) : parseTyped(body, Document);
  } catch (error) {
    if (!isJsvError(error)) throw error;
    throw new CodegenError('INVALID_DOCUMENT', `${error.reason} (line ${error.line}, column ${error.column})`, error.path ?? '', { cause: error });
  }
  let metadata: MetadataTypes;
  if (document.api !== undefined) metadata = document.api;
  else {
    if (document.types === undefined) throw new CodegenError('INVALID_DOCUMENT', 'types is required but missing: this is neither a MetadataTypes document (/types/metadata) nor app metadata with an api member (/metadata/app.json)', 'types');
    if (document.operations === undefined) throw new CodegenError('INVALID_DOCUMENT', 'operations is required but missing', 'operations');
    metadata = { namespaces: document.namespaces, types: document.types, operations: document.operations };
  }
  const firstKey = /^\s*\{\s*"?([^":,{}[\]\s]*)/.exec(body)?.[1];
  return { metadata, jsTextCase: document.app?.jsTextCase, keyCase: keyCaseOf(firstKey), format: json ? 'json' : 'jsv' };
}

function keyCaseOf(firstKey: string | undefined): 'camel' | 'pascal' {
  const first = firstKey?.[0];
  return first !== undefined && first !== first.toLowerCase() ? 'pascal' : 'camel';
}
