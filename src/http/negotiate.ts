/**
 * Chooses the response format the way ServiceStack orders the signals: a `.jsv`/`.json` path
 * suffix, then `?format=`, then the `Accept` header (read by `negotiator`, q-values honoured),
 * and JSON when nothing decides (ServiceStack `HttpRequestExtensions.GetResponseContentType`).
 */
import Negotiator from 'negotiator';
import { bodyFormatOf } from './body-type.js';

/** The two wire formats jsvkit answers in. */
export type WireFormat = 'jsv' | 'json';

/** What decided the format: `accept` also covers a missing header and the JSON fallback. */
export type FormatSource = 'suffix' | 'query' | 'accept';

/**
 * `Content-Type` of JSV responses, unless the client named `application/jsv` (ServiceStack's
 * registered JSV type, `MimeTypes.Jsv`), which then gets {@link JSV_APPLICATION_CONTENT_TYPE}.
 * `text/jsv` is ServiceStack's alias of it (`MimeTypes.JsvText`), the type its `Format.Jsv`
 * answers carry, and one a browser shows instead of downloading.
 */
export const JSV_CONTENT_TYPE = 'text/jsv; charset=utf-8';
/**
 * `Content-Type` of JSV responses to a client that asked for `application/jsv`: as ServiceStack
 * sends it, without a charset (`HostConfig.AppendUtf8CharsetOnContentTypes` holds only JSON).
 */
export const JSV_APPLICATION_CONTENT_TYPE = 'application/jsv';
/** `Content-Type` of JSON responses. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface NegotiationResult {
  format: WireFormat;
  /** `Content-Type` to send with a body in `format`. */
  contentType: string;
  source: FormatSource;
  /** The request URL (path and query) with the format suffix removed, ready for routing. */
  url: string;
  /**
   * True when the answer depends on `Accept`, so shared caches must key on it: send
   * `Vary: Accept`. False when a suffix or `?format=` fixed the format.
   */
  varyAccept: boolean;
}

/** The parts of a request negotiation reads. Header names are lower-case, as Node gives them. */
export interface NegotiationRequest {
  /** Path and query, as in `IncomingMessage.url` (`/customers.jsv?x=1`). */
  url: string;
  headers: { accept?: string | string[] | undefined; 'content-type'?: string | undefined };
}

// Offers carry the charset so that `Accept: text/jsv; charset=utf-8` matches: negotiator requires
// every parameter of an Accept entry to be present on the offer. The offer chosen is the
// Content-Type sent, so the answer names the JSV type the client asked for.
const JSV_OFFER = JSV_CONTENT_TYPE;
const JSV_APPLICATION_OFFER = `${JSV_APPLICATION_CONTENT_TYPE}; charset=utf-8`;
const JSON_OFFER = JSON_CONTENT_TYPE;
// `*/*` and other ties go to the first offer; ServiceStack answers `*/*` in the request body's own
// format, so a JSV body puts its own JSV type first.
const TEXT_JSV_FIRST = [JSV_OFFER, JSV_APPLICATION_OFFER, JSON_OFFER];
const APPLICATION_JSV_FIRST = [JSV_APPLICATION_OFFER, JSV_OFFER, JSON_OFFER];
const JSON_FIRST = [JSON_OFFER, JSV_OFFER, JSV_APPLICATION_OFFER];

const SUFFIXES: Record<string, WireFormat> = { jsv: 'jsv', json: 'json' };

/**
 * Negotiates the response format of one request. Never throws: a malformed `Accept` header counts
 * as matching nothing, which answers JSON.
 */
export function negotiate(request: NegotiationRequest): NegotiationResult {
  const { path, query } = splitUrl(request.url);

  const suffix = formatSuffix(path);
  if (suffix !== undefined) {
    const url = path.slice(0, path.length - suffix.length - 1) + query;
    return result(suffix, 'suffix', url);
  }

  const fromQuery = queryFormat(query);
  if (fromQuery !== undefined) return result(fromQuery, 'query', request.url);

  const offer = acceptOffer(request.headers);
  return result(offer === JSON_OFFER ? 'json' : 'jsv', 'accept', request.url, offer === JSV_APPLICATION_OFFER ? JSV_APPLICATION_CONTENT_TYPE : offer);
}

/**
 * The format named by the path's last `.` suffix, as ServiceStack's `GetSanitizedPathInfo` reads
 * it: everything after the last dot of the path, compared case-sensitively. `/a.b/c` has none.
 */
export function formatSuffix(path: string): WireFormat | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  const name = path.slice(dot + 1);
  return Object.hasOwn(SUFFIXES, name) ? SUFFIXES[name] : undefined;
}

/**
 * `?format=jsv` or `?format=json`, case-insensitive, with ServiceStack's `LeftPart('.')` so that
 * `?format=jsv.pretty` still means JSV. Any other value leaves the decision to `Accept`.
 */
function queryFormat(query: string): WireFormat | undefined {
  if (query.length < 2 || !query.includes('format')) return undefined;
  const value = new URLSearchParams(query.slice(1)).get('format');
  if (value === null) return undefined;
  const dot = value.indexOf('.');
  const name = (dot < 0 ? value : value.slice(0, dot)).toLowerCase();
  return Object.hasOwn(SUFFIXES, name) ? SUFFIXES[name] : undefined;
}

/** The offer `Accept` chooses: the response's Content-Type, JSON when nothing matches. */
function acceptOffer(headers: NegotiationRequest['headers']): string {
  const bodyType = headers['content-type'];
  const offers = bodyFormatOf(bodyType) !== 'jsv' ? JSON_FIRST : isApplicationJsv(bodyType!) ? APPLICATION_JSV_FIRST : TEXT_JSV_FIRST;
  let chosen: string | undefined;
  try {
    chosen = new Negotiator({ headers: { accept: headers.accept } }).mediaType(offers);
  } catch {
    chosen = undefined;
  }
  return chosen ?? JSON_OFFER;
}

function isApplicationJsv(contentType: string): boolean {
  return /^\s*application\/jsv\s*(;|$)/i.test(contentType);
}

function result(format: WireFormat, source: FormatSource, url: string, contentType?: string): NegotiationResult {
  return {
    format,
    contentType: contentType ?? (format === 'jsv' ? JSV_CONTENT_TYPE : JSON_CONTENT_TYPE),
    source,
    url,
    varyAccept: source === 'accept',
  };
}

function splitUrl(url: string): { path: string; query: string } {
  const mark = url.indexOf('?');
  return mark < 0 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark) };
}
