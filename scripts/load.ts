/**
 * `npm run load`: a bounded mix of valid and malformed JSV requests against the Evo Voice demo
 * (jsvkit/express), started here on 127.0.0.1. The malformed share includes compressed bodies
 * (gzip and br, a gzip bomb, an unknown coding), bodies over the limit (declared and chunked), a
 * body that stalls past the body timeout, and bodies of a type the service does not read. Reports requests/s, answers by kind and status,
 * unexpected answers, and the process's memory before and after (after a forced GC).
 *
 *     npm run load -- [requests=20000] [concurrency=32]
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDemoApp } from '../src/demo/app.js';
import { DemoService, type ApiKey } from '../src/demo/service.js';

const total = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 32);
if (!Number.isInteger(total) || total < 1 || total > 1_000_000 || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > 512) {
  console.error('usage: npm run load -- [requests 1..1000000] [concurrency 1..512]');
  process.exit(2);
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const LIMIT = 64 * 1024;
const keys: ApiKey[] = [
  { key: 'load-manager', role: 'Manager', user: 'load-manager' },
  { key: 'load-guest', role: 'Guest', user: 'load-guest' },
];
const seed = readFileSync(new URL('../test/fixtures/seed/newcustomer.request.jsv', import.meta.url), 'utf8');
// The seed's own NewCustomer sample, without a parent (the load creates none).
const validBody = seed.replace(/\tparentCustomerId: String,\n/, '');
const jsv = { 'content-type': 'text/jsv', accept: 'text/jsv', authorization: 'Bearer load-manager' };

/** A request body: one piece, pieces sent one by one (chunked), or pieces and then a stall. */
type Body = string | Uint8Array | { chunks: (string | Uint8Array)[]; stall?: boolean };

interface Kind {
  name: string;
  weight: number;
  expect: number;
  init(): { path: string; method: string; headers: Record<string, string>; body?: Body };
}

// Compressed bodies are made once: the load measures the server, not zlib in the client.
const gzipValid = gzipSync(Buffer.from(validBody));
const brValid = brotliCompressSync(Buffer.from(validBody));
const bomb = gzipSync(Buffer.from(`{name:${'x'.repeat(16 * LIMIT)}}`));
const BODY_TIMEOUT = 1500;

let lastId = 'none';
const kinds: Kind[] = [
  { name: 'valid seed body', weight: 40, expect: 201, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: validBody }) },
  { name: 'valid compact body', weight: 15, expect: 201, init: () => ({ path: '/customers.jsv', method: 'POST', headers: jsv, body: '{name:"Acme, Inc",data:{plan:{boolValue:True,numberValue:3}}}' }) },
  { name: 'get by id', weight: 10, expect: 200, init: () => ({ path: `/customers/${lastId}?format=jsv`, method: 'GET', headers: jsv }) },
  { name: 'truncated JSV', weight: 8, expect: 400, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: validBody.slice(0, 400) }) },
  { name: 'ill-typed JSV', weight: 6, expect: 400, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: '{name:X,data:{a:{boolValue:perhaps,numberValue:1e}}}' }) },
  { name: 'invalid UTF-8', weight: 5, expect: 400, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: new Uint8Array([0x7b, 0x6e, 0x3a, 0xff, 0xfe, 0x7d]) }) },
  { name: 'latin1 charset', weight: 4, expect: 415, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-type': 'text/jsv; charset=latin1' }, body: '{name:X}' }) },
  { name: 'over the limit', weight: 2, expect: 413, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: `{name:${'x'.repeat(LIMIT)}}` }) },
  { name: 'no credentials', weight: 5, expect: 401, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, authorization: '' }, body: '{name:X}' }) },
  { name: 'guest key', weight: 3, expect: 403, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, authorization: 'Bearer load-guest' }, body: '{name:X}' }) },
  { name: 'unknown id', weight: 2, expect: 404, init: () => ({ path: '/customers/nobody.jsv', method: 'GET', headers: jsv }) },
  { name: 'gzip body', weight: 4, expect: 201, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-encoding': 'gzip' }, body: gzipValid }) },
  { name: 'br body', weight: 2, expect: 201, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-encoding': 'br' }, body: brValid }) },
  { name: 'gzip bomb', weight: 2, expect: 413, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-encoding': 'gzip' }, body: bomb }) },
  { name: 'unknown coding', weight: 1, expect: 415, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-encoding': 'x-foo' }, body: '{name:X}' }) },
  { name: 'corrupt gzip', weight: 1, expect: 400, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-encoding': 'gzip' }, body: '{name:X}' }) },
  { name: 'text/xml body', weight: 2, expect: 415, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-type': 'text/xml' }, body: '<NewCustomer/>' }) },
  { name: 'chunked over limit', weight: 1, expect: 413, init: () => ({ path: '/customers', method: 'POST', headers: jsv, body: { chunks: ['{name:', ...Array.from({ length: 24 }, () => 'x'.repeat(4096)), '}'] } }) },
  { name: 'stalled body', weight: 1, expect: 408, init: () => ({ path: '/customers', method: 'POST', headers: { ...jsv, 'content-length': '100' }, body: { chunks: ['{name:'], stall: true } }) },
];
const totalWeight = kinds.reduce((sum, kind) => sum + kind.weight, 0);
// A fixed, interleaved schedule (no randomness): kind i appears weight times per cycle.
const schedule: Kind[] = [];
for (let step = 0; schedule.length < totalWeight; step++) for (const kind of kinds) if (step < kind.weight) schedule.push(kind);

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
function memory(): { rss: number; heapUsed: number } {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const app = createDemoApp(new DemoService(keys, { maxCustomers: 1000 }), { limit: LIMIT, bodyTimeout: BODY_TIMEOUT });
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const before = memory();
const counts = new Map<string, { ok: number; unexpected: Map<number, number> }>();
for (const kind of kinds) counts.set(kind.name, { ok: 0, unexpected: new Map() });
let networkErrors = 0;
let sent = 0;

async function worker(): Promise<void> {
  while (sent < total) {
    const kind = schedule[sent % schedule.length]!;
    sent++;
    const { path, method, headers, body } = kind.init();
    try {
      const response = await send(path, method, headers, body);
      const text = response.text;
      if (response.status === 201) lastId = /,id:([^,}]+)/.exec(text)?.[1] ?? lastId;
      const entry = counts.get(kind.name)!;
      if (response.status === kind.expect) entry.ok++;
      else entry.unexpected.set(response.status, (entry.unexpected.get(response.status) ?? 0) + 1);
    } catch {
      networkErrors++;
    }
  }
}

// node:http with keep-alive: undici's fetch costs more per request than the server under test.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
function send(path: string, method: string, headers: Record<string, string>, body?: Body): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return req.end(body);
    for (const chunk of body.chunks) req.write(chunk);
    // A stalled upload is never finished: the server's body timeout answers it.
    if (body.stall !== true) req.end();
  });
}

// One customer exists before the clock starts, so `get by id` always has an id.
lastId = /,id:([^,}]+)/.exec((await send('/customers', 'POST', jsv, '{name:First}')).text)?.[1] ?? lastId;

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, () => worker()));
const seconds = (performance.now() - started) / 1000;
const after = memory();
agent.destroy();
server.closeAllConnections();
server.close();

console.log(`jsvkit load: ${total} requests, concurrency ${concurrency}, Node ${process.version}, demo on jsvkit/express`);
console.log(`  ${(total / seconds).toFixed(0)} requests/s over ${seconds.toFixed(2)} s`);
console.log('');
console.log('  kind                  expected  as expected  other statuses');
let unexpected = 0;
for (const kind of kinds) {
  const entry = counts.get(kind.name)!;
  const others = [...entry.unexpected].map(([status, n]) => `${status}×${n}`).join(' ');
  for (const n of entry.unexpected.values()) unexpected += n;
  console.log(`  ${kind.name.padEnd(21)} ${String(kind.expect).padEnd(9)} ${String(entry.ok).padStart(11)}  ${others || '-'}`);
}
console.log('');
console.log(`  unexpected statuses: ${unexpected}, network errors: ${networkErrors}`);
console.log(`  memory before: rss ${mib(before.rss)}, heap ${mib(before.heapUsed)}`);
console.log(`  memory after:  rss ${mib(after.rss)}, heap ${mib(after.heapUsed)} (after GC; store capped at 1000 customers)`);
process.exitCode = unexpected + networkErrors === 0 ? 0 : 1;
