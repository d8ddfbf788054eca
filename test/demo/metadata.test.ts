/**
 * The demo's metadata: samples filled as ServiceStack fills them (checked against the seed page's
 * own samples), the HTML pages (content, escaping, no script), `/types/metadata` and
 * `/metadata/app.json`.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo, GetCustomer, NewCustomer } from '../../examples/evovoice/dtos.js';
import { createDemoApp } from '../../src/demo/app.js';
import { apiRoutes, bearerChallenge, predefinedRouteFormat } from '../../src/demo/host.js';
import { escapeHtml, sampleText } from '../../src/demo/metadata-pages.js';
import { metadataRoutes } from '../../src/demo/metadata-routes.js';
import { sampleValue } from '../../src/demo/samples.js';
import { DemoService } from '../../src/demo/service.js';
import { jsv, jsvErrors, notFound } from '../../src/http/express.js';
import { operation, parse, parseJson, t, type AnySchema } from '../../src/index.js';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seed/${name}`, import.meta.url), 'utf8');

/** The samples of a page: each `<code class="sample">`, unescaped. */
function samples(html: string): { kind: string; format: string; text: string }[] {
  return [...html.matchAll(/<code class="sample" data-kind="(request|response)" data-format="(jsv|json)">([^<]*)<\/code>/g)].map((m) => ({ kind: m[1]!, format: m[2]!, text: unescapeHtml(m[3]!) }));
}

function unescapeHtml(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

describe('samples', () => {
  it("reproduce the seed page's JSV request and response samples exactly", () => {
    expect(sampleText(NewCustomer, 'jsv')).toBe(seed('newcustomer.request.jsv').trimEnd());
    expect(sampleText(CustomerInfo, 'jsv')).toBe(seed('customerinfo.response.jsv').trimEnd());
  });

  it('in JSON read back as the same value as the JSV sample', () => {
    for (const schema of [NewCustomer, CustomerInfo, GetCustomer]) {
      expect(parseJson(sampleText(schema, 'json'), schema)).toEqual(parse(sampleText(schema, 'jsv'), schema));
    }
  });

  it('nest a recursive type three deep, then null (ServiceStack: no type more than three levels in itself)', () => {
    const Node = t.object({
      name: t.string(),
      get children(): AnySchema {
        return t.array(Node.nullable());
      },
    }, { name: 'Node' });
    let node = sampleValue(Node) as { name: string; children: unknown[] } | null;
    let depth = 0;
    while (node !== null) {
      expect(node.name).toBe('String');
      expect(node.children).toHaveLength(1);
      depth++;
      node = node.children[0] as typeof node;
    }
    expect(depth).toBe(3);
  });

  it("fill value types with their defaults and enums with the first member", () => {
    const Kinds = t.object({ n: t.int(), f: t.boolean(), l: t.long(), e: t.enum(['B', 'A'] as const, 'E'), d: t.dict(t.int()) }, { name: 'Kinds' });
    expect(sampleValue(Kinds)).toEqual({ n: 0, f: false, l: 0n, e: 'B', d: { String: 0 } });
  });
});

describe('escapeHtml', () => {
  it('leaves no markup character and reads back as the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"']/);
        expect(unescapeHtml(html)).toBe(text);
      }),
    );
  });
});

let server: Server;
let base: string;

async function get(path: string): Promise<{ status: number; type: string | null; csp: string | null; text: string }> {
  const response = await fetch(base + path);
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), text: await response.text() };
}

beforeAll(async () => {
  server = createDemoApp(new DemoService([])).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the demo metadata pages', () => {
  it('/metadata lists every operation with its description, routes and page links', async () => {
    const page = await get('/metadata');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.csp).toContain("default-src 'none'");
    expect(page.text).toContain('<th scope="row">NewCustomer</th>');
    expect(page.text).toContain('<code>POST /customers</code>');
    expect(page.text).toContain('<code>GET /customers/{CustomerId}</code>');
    expect(page.text).toContain('href="/jsv/metadata?op=GetCustomer"');
    expect(page.text).not.toContain('<script');
  });

  it('/json/metadata?op=NewCustomer shows route, auth, roles, DTO tables with descriptions and JSON samples that parse', async () => {
    const page = await get('/json/metadata?op=NewCustomer');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 class="operation">NewCustomer</h1>');
    expect(page.text).toContain('Requires Authentication');
    expect(page.text).toContain('Requires any of the roles: <span class="names">SystemAdministrator, Manager, Customer</span>');
    expect(page.text).toContain('<td>AccountId</td><td>body</td><td><code>String</code></td><td>No</td><td>The account ID to associate this customer with</td>');
    expect(page.text).toContain('<h3 id="type-CustomerInfo">CustomerInfo : EntityInfo</h3>');
    expect(page.text).toContain('<td>Data</td><td><code>Dictionary&lt;String,Value&gt;</code></td><td>No</td><td>This customer&#39;s data values</td>');
    expect(page.text).toContain('POST /customers HTTP/1.1');
    const found = samples(page.text);
    expect(found.map((s) => [s.kind, s.format])).toEqual([['request', 'json'], ['response', 'json']]);
    expect(parseJson(found[0]!.text, NewCustomer)).toEqual(parse(seed('newcustomer.request.jsv'), NewCustomer));
    expect(parseJson(found[1]!.text, CustomerInfo)).toEqual(parse(seed('customerinfo.response.jsv'), CustomerInfo));
  });

  it('/jsv/metadata?op=newcustomer (any case) shows the seed samples in JSV', async () => {
    const page = await get('/jsv/metadata?op=newcustomer');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Accept: text/jsv\nContent-Type: text/jsv');
    expect(samples(page.text).map((s) => s.text)).toEqual([seed('newcustomer.request.jsv').trimEnd(), seed('customerinfo.response.jsv').trimEnd()]);
  });

  it('a GET operation shows its path parameter and a request without a body', async () => {
    const page = await get('/jsv/metadata?op=GetCustomer');
    expect(page.text).toContain('<td>CustomerId</td><td>path</td><td><code>String</code></td><td>No</td><td>The ID of the customer you want to retrieve</td>');
    expect(page.text).toContain('GET /customers/{CustomerId} HTTP/1.1');
    expect(samples(page.text).map((s) => s.kind)).toEqual(['response']);
  });

  it('an unknown operation is a 404', async () => {
    const page = await get('/json/metadata?op=%3Cscript%3E');
    expect(page.status).toBe(404);
    expect(page.type).toMatch(/^application\/json/);
  });

  it('escapes whatever the api table says', async () => {
    const Evil = t.object({ value: t.string() }, { name: 'Evil' });
    const api = {
      Evil: operation({ request: Evil, response: Evil, routes: [{ path: '/evil/<b>"x"' }], requiresAnyRole: ['<img src=x onerror=alert(1)>'], description: '</p><script>alert(1)</script>' }),
    };
    const app = express();
    app.use(predefinedRouteFormat(), jsv());
    app.use(apiRoutes(api, { Evil: (request) => request }, { authenticate: () => ({}), roles: () => [] }));
    app.use(metadataRoutes(api, { serviceName: '<Evil & Co>', namespace: 'Evil', memberDescriptions: { Evil: { value: '<iframe>' } } }));
    app.use(notFound(), bearerChallenge(), jsvErrors());
    const evil = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => evil.once('listening', resolve));
    try {
      const at = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
      for (const path of ['/metadata', '/json/metadata?op=Evil', '/jsv/metadata?op=Evil']) {
        const text = await (await fetch(at + path)).text();
        expect(text).not.toMatch(/<(script|img|iframe|b)[\s>]/);
        expect(text).toContain('&lt;Evil &amp; Co&gt;');
      }
      const page = await (await fetch(`${at}/json/metadata?op=Evil`)).text();
      expect(page).toContain('&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).toContain('/evil/&lt;b&gt;&quot;x&quot;');
      expect(page).toContain('&lt;iframe&gt;');
    } finally {
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });
});

describe('the demo metadata documents', () => {
  it('/types/metadata describes both operations with routes, auth, roles and member descriptions', async () => {
    const document = JSON.parse((await get('/types/metadata')).text) as {
      operations: { request: { name: string; properties: { name: string; description?: string }[] }; routes: unknown; requiresAuth: boolean; requiresAnyRole: string[] }[];
    };
    expect(document.operations.map((op) => [op.request.name, op.routes, op.requiresAuth, op.requiresAnyRole])).toEqual([
      ['NewCustomer', [{ path: '/customers', verbs: 'POST' }], true, ['SystemAdministrator', 'Manager', 'Customer']],
      ['GetCustomer', [{ path: '/customers/{CustomerId}', verbs: 'GET' }], true, ['SystemAdministrator', 'Manager', 'Customer']],
    ]);
    expect(document.operations[1]!.request.properties).toEqual([expect.objectContaining({ name: 'CustomerId', description: 'The ID of the customer you want to retrieve' })]);
  });

  it('/metadata/app.json wraps the same document under api, with the host facts', async () => {
    const app = JSON.parse((await get('/metadata/app.json')).text) as { app: { baseUrl: string; jsTextCase: string }; api: unknown };
    expect(app.app).toMatchObject({ baseUrl: base, jsTextCase: 'CamelCase' });
    expect(app.api).toEqual(JSON.parse((await get('/types/metadata')).text));
  });
});
