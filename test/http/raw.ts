/**
 * A request written piece by piece with `node:http`, for what `fetch` cannot send: no
 * Content-Type at all, a body that stops half-way, an upload that goes on after the answer.
 */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawReply {
  status: number | undefined;
  headers: IncomingHttpHeaders;
  text: string;
  /** A network error seen by the client (EPIPE, ECONNRESET), if any. */
  error: Error | undefined;
  /** How many chunks were written before writing stopped. */
  written: number;
}

export interface RawInit {
  method?: string;
  headers: Record<string, string>;
  chunks: (string | Uint8Array)[];
  /** Finish the request after the chunks (false: leave it open, as a stalled client does). */
  end: boolean;
}

/** Sends `init.chunks` one after another (each after the previous one was flushed) and reads the answer. */
export function rawRequest(base: string, path: string, init: RawInit): Promise<RawReply> {
  return new Promise((resolve) => {
    const reply: RawReply = { status: undefined, headers: {}, text: '', error: undefined, written: 0 };
    let answered = false;
    let writing = true;
    const settle = () => {
      if (answered && !writing) {
        resolve(reply);
        req.destroy();
      }
    };
    const req = request(base + path, { method: init.method ?? 'POST', headers: init.headers });
    req.on('response', (res) => {
      reply.status = res.statusCode;
      reply.headers = res.headers;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (reply.text += chunk));
      res.on('end', () => {
        answered = true;
        settle();
      });
    });
    req.on('error', (error) => {
      reply.error ??= error;
      answered = true;
      writing = false;
      settle();
    });
    const writeNext = (index: number) => {
      if (reply.error !== undefined) return;
      if (index === init.chunks.length) {
        writing = false;
        if (init.end) req.end();
        settle();
        return;
      }
      req.write(init.chunks[index]!, (error) => {
        if (error) return;
        reply.written++;
        writeNext(index + 1);
      });
    };
    // A stalled client's request stays open: only the answer settles it.
    if (!init.end) writing = false;
    writeNext(0);
  });
}
