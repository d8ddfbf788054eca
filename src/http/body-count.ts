/**
 * The part of reading a body that does not depend on the kind of stream: deciding from the
 * headers whether and how to read it, and counting what arrives against the rules. Node streams
 * (`read-body.ts`) and web streams (`read-web-body.ts`) each feed it their chunks, so both apply
 * one limit, one `Content-Length` check and the same errors.
 */
import {
  bodyFormatOf,
  checkBodyType,
  checkDeclaredLength,
  contentCodingOf,
  hasBody,
  tooLarge,
  type BodyFormat,
  type BodyRules,
  type ContentCoding,
} from './body-type.js';
import { HttpError } from './response-status.js';

/** The body reading rules that apply to one request (an adapter may lower the limit per route). */
export type ReadRules = Pick<BodyRules, 'limit' | 'bodyTimeout'>;

/** The headers that decide how a body is read, whichever way the adapter holds them. */
export interface BodyHeaders {
  contentType: string | undefined;
  contentLength: string | null | undefined;
  transferEncoding: string | null | undefined;
  contentEncoding: string | null | undefined;
}

/** What to do with a request's body: nothing, leave it unread (a type jsvkit does not read), or read it. */
export type BodyPlan =
  | { kind: 'none' }
  | { kind: 'unsupported'; contentType: string | undefined }
  | { kind: 'read'; format: BodyFormat; coding: ContentCoding; declared: number | undefined };

/**
 * The plan for a body by its headers. `streamWithoutHeaders`: the runtime hands over a body stream
 * although no header announces one (some drop `Transfer-Encoding`); it is read when its type is one
 * jsvkit reads.
 * @throws HttpError 415 (a charset other than UTF-8, a malformed `Content-Type`, an unknown
 * `Content-Encoding`) or 413 (a `Content-Length` over the limit).
 */
export function planBody(headers: BodyHeaders, rules: ReadRules, streamWithoutHeaders = false): BodyPlan {
  const { contentType } = headers;
  const format = bodyFormatOf(contentType);
  if (!hasBody(headers.contentLength, headers.transferEncoding) && !(streamWithoutHeaders && format !== undefined)) return { kind: 'none' };
  if (format === undefined || contentType === undefined) return { kind: 'unsupported', contentType };
  checkBodyType(contentType);
  const coding = contentCodingOf(headers.contentEncoding);
  const declared = checkDeclaredLength(headers.contentLength, rules.limit);
  return { kind: 'read', format, coding, declared };
}

/**
 * Counts a body as it arrives: the raw bytes (against the limit and `Content-Length`) and the
 * decoded ones, inflated or not (against the limit, so a compression bomb stops there), which it
 * keeps.
 */
export class BodyCount {
  private raw = 0;
  private decoded = 0;
  private readonly chunks: Uint8Array[] = [];

  constructor(
    private readonly limit: number,
    private readonly declared: number | undefined,
    private readonly coding: ContentCoding,
  ) {}

  /** @throws HttpError 413 past the limit, 400 past `Content-Length`. */
  addRaw(length: number): void {
    this.raw += length;
    if (this.raw > this.limit) throw tooLarge(this.limit);
    if (this.declared !== undefined && this.coding === 'identity' && this.raw > this.declared) throw lengthMismatch();
  }

  /** @throws HttpError 413 when the decoded bytes pass the limit. */
  addDecoded(chunk: Uint8Array): void {
    this.decoded += chunk.byteLength;
    if (this.decoded > this.limit) throw tooLarge(this.limit);
    this.chunks.push(chunk);
  }

  /**
   * The whole decoded body, once the stream ended.
   * @throws HttpError 400 when fewer bytes came than `Content-Length` announced.
   */
  bytes(): Uint8Array {
    if (this.declared !== undefined && this.coding === 'identity' && this.raw !== this.declared) throw lengthMismatch();
    if (this.chunks.length === 1) return this.chunks[0]!;
    const bytes = new Uint8Array(this.decoded);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }
}

function lengthMismatch(): HttpError {
  return new HttpError(400, 'BadRequest', 'Request body length does not match Content-Length');
}

/** The bytes after a refused body that are still read and dropped before the connection closes. */
export function drainBudget(limit: number): number {
  return Math.max(4 * limit, 1024 * 1024);
}
