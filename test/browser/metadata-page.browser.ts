/**
 * The demo's metadata pages in a real browser (Debian's Chromium, headless, driven by
 * playwright-core; nothing downloads a browser): the operation list links to the operation page,
 * which shows the operation, its roles and its samples, the samples read back with the DTO
 * schemas, the page's style applies under its Content-Security-Policy, and nothing is logged.
 * Run by `npm run test:browser` (scripts/test-browser.mjs), which skips with a message when no
 * Chromium is installed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerInfo, NewCustomer } from '../../examples/evovoice/dtos.js';
import { createDemoApp } from '../../src/demo/app.js';
import { DemoService } from '../../src/demo/service.js';
import { parse, parseJson } from '../../src/index.js';

/** The one browser global used in page code (the project's TypeScript has no DOM library). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { borderCollapse: string };
}

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const seed = (name: string) => readFileSync(new URL(`../fixtures/seed/${name}`, import.meta.url), 'utf8');

let server: Server;
let base: string;
let profile: string;
let context: BrowserContext;
const logged: string[] = [];

beforeAll(async () => {
  server = createDemoApp(new DemoService([])).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'jsvkit-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

describe('the metadata pages in Chromium', () => {
  it('the operation list links to each operation page', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/metadata`);
    expect(await page.title()).toBe('Evo Voice metadata');
    expect(await page.locator('table.operations th[scope=row]').allTextContents()).toEqual(['NewCustomer', 'GetCustomer']);
    await page.locator('a[href="/jsv/metadata?op=NewCustomer"]').click();
    await page.waitForURL(`${base}/jsv/metadata?op=NewCustomer`);
    expect(await page.locator('h1').textContent()).toBe('NewCustomer');
    await page.close();
  });

  it.each(['jsv', 'json'] as const)('/%s/metadata?op=NewCustomer shows the operation, roles and samples that parse', async (format) => {
    const page = await context.newPage();
    const response = await page.goto(`${base}/${format}/metadata?op=NewCustomer`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1.operation').textContent()).toBe('NewCustomer');
    expect(await page.locator('p.description').textContent()).toBe('Creates a new customer');
    expect(await page.locator('ul.auth').innerText()).toContain('Requires any of the roles: SystemAdministrator, Manager, Customer');
    expect(await page.locator('table.routes').innerText()).toContain('/customers');
    expect(await page.locator('table[data-type="NewCustomer"] tbody tr').count()).toBe(5);

    // The samples as the browser shows them (entities decoded, text as a user would copy it).
    const samples = await page.locator('code.sample').evaluateAll((codes) => codes.map((code) => ({ kind: code.getAttribute('data-kind'), text: code.textContent ?? '' })));
    expect(samples.map((sample) => sample.kind)).toEqual(['request', 'response']);
    const read = format === 'jsv' ? parse : parseJson;
    expect(read(samples[0]!.text, NewCustomer)).toEqual(parse(seed('newcustomer.request.jsv'), NewCustomer));
    expect(read(samples[1]!.text, CustomerInfo)).toEqual(parse(seed('customerinfo.response.jsv'), CustomerInfo));
    if (format === 'jsv') expect(samples[0]!.text).toBe(seed('newcustomer.request.jsv').trimEnd());

    // The inline style applies under the page's Content-Security-Policy.
    expect(await page.locator('table.dto').first().evaluate((table) => (globalThis as unknown as BrowserWindow).getComputedStyle(table).borderCollapse)).toBe('collapse');
    await page.close();
  });

  it('logs nothing (no script, no blocked resource)', () => {
    expect(logged).toEqual([]);
  });
});
