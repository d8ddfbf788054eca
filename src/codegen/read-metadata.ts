/**
 * Reads a ServiceStack metadata document, JSON or JSV, as a `MetadataTypes` (`/types/metadata`) or
 * an app metadata document (`/metadata/app.json`, which holds it under `api`). Both formats go
 * through the same typed reader (JSON is first written as JSV), so a bad member is reported the
 * same way with its path, whichever format the host sent.
 */
import { isJsvError } from '../errors/jsv-error.js';
import { parseUntyped } from '../syntax/parse.js';
import { stringifyUntyped } from '../syntax/stringify.js';
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
 * the reader's `JsvError`, positioned in the text when the document is JSV).
 */
export function readMetadata(text: string): MetadataDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  let jsonError: Error | undefined;
  try {
    json = JSON.parse(body);
  } catch (error) {
    jsonError = error as Error;
  }
  let jsv: string;
  let format: 'json' | 'jsv';
  if (jsonError === undefined) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new CodegenError('INVALID_DOCUMENT', `Expected a metadata object ({…}), found ${Array.isArray(json) ? 'a list' : 'a JSON ' + (json === null ? 'null' : typeof json)}`);
    }
    format = 'json';
    jsv = stringifyUntyped(json);
  } else {
    format = 'jsv';
    jsv = body;
    // Text that starts like JSON but is not JSON is reported as JSON (its own error is clearer).
    if (/^\s*\{\s*"[^"]*"\s*:/.test(body)) {
      try {
        parseUntyped(body);
      } catch {
        throw new CodegenError('INVALID_DOCUMENT', `Not valid JSON: ${jsonError.message}`, '', { cause: jsonError });
      }
    }
  }
  let document: ReturnType<typeof parseTyped<typeof Document>>;
  try {
    document = parseTyped(jsv, Document);
  } catch (error) {
    if (!isJsvError(error)) throw error;
    // A JSON document's text is not the text read: only the path locates the problem there.
    throw new CodegenError('INVALID_DOCUMENT', format === 'jsv' ? `${error.reason} (line ${error.line}, column ${error.column})` : error.reason, error.path ?? '', { cause: error });
  }
  if (document === null || typeof document !== 'object') throw new CodegenError('INVALID_DOCUMENT', 'Expected a metadata object ({…})');
  let metadata: MetadataTypes;
  if (document.api !== undefined) metadata = document.api;
  else {
    if (document.types === undefined) throw new CodegenError('INVALID_DOCUMENT', 'types is required but missing: this is neither a MetadataTypes document (/types/metadata) nor app metadata with an api member (/metadata/app.json)', 'types');
    if (document.operations === undefined) throw new CodegenError('INVALID_DOCUMENT', 'operations is required but missing', 'operations');
    metadata = { namespaces: document.namespaces, types: document.types, operations: document.operations };
  }
  return { metadata, jsTextCase: document.app?.jsTextCase, keyCase: keyCaseOf(format === 'json' ? Object.keys(json as object)[0] : /^\s*\{\s*"?([^":,{}[\]\s]*)/.exec(body)?.[1]), format };
}

function keyCaseOf(firstKey: string | undefined): 'camel' | 'pascal' {
  const first = firstKey?.[0];
  return first !== undefined && first !== first.toLowerCase() ? 'pascal' : 'camel';
}
