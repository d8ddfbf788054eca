/**
 * Fetches a host's metadata: `/types/metadata` under the host URL given (or the URL itself when it
 * already names a metadata document), bounded in size and time.
 */
import { CodegenError } from './codegen-error.js';

export interface FetchMetadataOptions {
  /** Extra request headers, e.g. `Authorization: Bearer …` for a protected host. */
  headers?: Readonly<Record<string, string>>;
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** Largest body accepted (default 64 MiB). */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** The metadata URL for what the user gave: a host (`https://host`, `https://host/app/`) or a document URL. */
export function metadataUrl(given: string): URL {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new CodegenError('FETCH_FAILED', `${JSON.stringify(given)} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CodegenError('FETCH_FAILED', `Only http and https URLs can be fetched, not ${url.protocol}`);
  const path = url.pathname;
  if (!/\/types\/metadata$|\/metadata\/app\.json$|\.(json|jsv)$/i.test(path)) url.pathname = `${path.replace(/\/+$/, '')}/types/metadata`;
  return url;
}

/**
 * Fetches the metadata text from `given` (see `metadataUrl`).
 * @throws CodegenError `FETCH_FAILED` when the host cannot be reached, answers with an error
 * status, is too slow or sends too much.
 */
export async function fetchMetadata(given: string, options: FetchMetadataOptions = {}): Promise<{ url: string; text: string }> {
  const url = metadataUrl(given);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...options.headers }, signal, redirect: 'follow' });
  } catch (error) {
    throw new CodegenError('FETCH_FAILED', `Cannot fetch ${url.href}: ${reasonOf(error, timeoutMs)}`, '', { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    const hint = response.status === 401 || response.status === 403 ? ' (a protected host needs --header "Authorization: Bearer …")' : '';
    throw new CodegenError('FETCH_FAILED', `${url.href} answered ${response.status} ${response.statusText}${hint}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (;;) {
      const next = await reader?.read();
      if (next === undefined || next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        await reader!.cancel();
        throw new CodegenError('FETCH_FAILED', `${url.href} sent more than ${maxBytes} bytes`);
      }
      chunks.push(next.value);
    }
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw new CodegenError('FETCH_FAILED', `Reading ${url.href} failed: ${reasonOf(error, timeoutMs)}`, '', { cause: error });
  }
  return { url: url.href, text: new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)) };
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
