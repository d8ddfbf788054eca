/**
 * A scripted ServiceStack stand-in for the client tests: a node:http server on 127.0.0.1 (port 0)
 * that records every request (method, path, headers, body) and answers with what the test's
 * handler returns.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  /** Path and query, as the request line has them. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  /** Sent as the reason phrase. */
  statusText?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Answers a request; `undefined` leaves it unanswered (to test timeouts and aborts). */
export type Handler = (request: Recorded, response: ServerResponse) => Reply | undefined | Promise<Reply | undefined>;

export interface TestHost {
  baseUrl: string;
  requests: Recorded[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startHost(initial?: Handler): Promise<TestHost> {
  let handler: Handler = initial ?? (() => ({ status: 204 }));
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      void Promise.resolve(handler(recorded, res)).then((reply) => {
        if (reply === undefined) return;
        res.writeHead(reply.status ?? 200, reply.statusText ?? '', reply.headers ?? {});
        res.end(reply.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const jsv = (body: string, status = 200, statusText?: string): Reply => ({ status, statusText, headers: { 'content-type': 'application/jsv; charset=utf-8' }, body });
export const json = (body: string, status = 200, statusText?: string): Reply => ({ status, statusText, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
