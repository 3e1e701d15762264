/**
 * The built app works under any sub-path of a host, not only at its root: this
 * spec serves `dist/` (the same build the other specs use) at a nested path
 * from a server of its own and opens every route there.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { conv } from '../../app/lessons/conv/entry';
import { expect, ROUTES, test } from './fixtures';

const PREFIX = '/courses/convlab/';
const DIST = resolve('dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

let server: Server;
let origin = '';
/** Every path the pages asked for that the server did not have. */
const missing: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, rel.endsWith('/') || rel === '.' ? join(rel, 'index.html') : rel);
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => {
        missing.push(path);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

test.beforeEach(() => {
  missing.length = 0;
});

test.describe(`dist/ served under ${PREFIX}`, () => {
  for (const route of ROUTES) {
    test(`${route} opens with every file found`, async ({ page }) => {
      await page.goto(`${origin}${PREFIX}${route}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(missing, 'paths the page asked for that are not in dist/').toEqual([]);
    });
  }

  test('the service worker keeps to the app: its scope is the sub-path and it serves no page it does not have', async ({
    browser,
  }) => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${origin}${PREFIX}#/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${origin}${PREFIX}`);
    // The worker controls pages loaded after it activates.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}${PREFIX}sw.js`);
    const response = await page.goto(`${origin}${PREFIX}no-such-page.html`);
    expect(response?.status(), 'an address the app does not have reaches the host').toBe(404);
    await context.close();
  });

  test('a lesson link with its own state reopens the same figure after a reload', async ({ page }) => {
    const link = `${origin}${PREFIX}#/conv?h=6&w=6&k=3&s=2`;
    await page.goto(link);
    const output = page.getByRole('grid', { name: 'Output, channel 0' });
    await expect(output.getByRole('row')).toHaveCount(2);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: conv.title.en })).toBeVisible();
    await expect(output.getByRole('row')).toHaveCount(2);
    expect(missing).toEqual([]);
  });
});
