/**
 * The built app works under any sub-path of a host, not only at its root: this
 * spec serves `dist/` (the same build the other specs use) at a nested path
 * from a server of its own, with the headers of `dist/_headers` (read the way
 * Netlify and Cloudflare Pages read it, paths taken from the sub-path), and
 * opens every route there.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { conv } from '../../app/lessons/conv/entry';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../support/headersFile';
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

/** A page of a teacher's site that frames one figure of the app (served by both servers below). */
const FRAMING_PAGE = '/teacher/slides.html';

let server: Server;
/** A second host: another origin, on plain HTTP. */
let otherServer: Server;
let origin = '';
let otherOrigin = '';
let rules: HeaderRule[] = [];
/** While true, the host is unreachable: every connection is dropped. */
let hostDown = false;
/** Every path the pages asked for that the server did not have. */
const missing: string[] = [];

function framingPage(): string {
  const src = `${origin}${PREFIX}#/conv?embed=1`;
  return `<!doctype html><title>Slides</title><iframe title="ConvLab" src="${src}" width="900" height="700"></iframe>`;
}

test.beforeAll(async () => {
  rules = parseHeadersFile(await readFile(join(DIST, '_headers'), 'utf8'));
  server = createServer((req, res) => {
    if (hostDown) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === FRAMING_PAGE) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(framingPage());
      return;
    }
    if (!path.startsWith(PREFIX)) {
      missing.push(path);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, rel.endsWith('/') || rel === '.' ? join(rel, 'index.html') : rel);
    // The paths of _headers start at the site's root, which is the sub-path here.
    const headers = Object.fromEntries(
      [...headersForPath(rules, path.slice(PREFIX.length - 1))].map(([name, values]) => [name, values.join(', ')]),
    );
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => {
        missing.push(path);
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(framingPage());
  });
  await new Promise<void>((done) => otherServer.listen(0, '127.0.0.1', done));
  otherOrigin = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
  await new Promise((done) => otherServer.close(done));
});

test.beforeEach(() => {
  missing.length = 0;
  hostDown = false;
});

test.describe(`dist/ served under ${PREFIX}`, () => {
  for (const route of ROUTES) {
    test(`${route} opens with every file found, and nothing refused under the host's headers`, async ({ page }) => {
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

  test('once the worker is installed, a lesson opens with the host unreachable', async ({ browser }) => {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${origin}${PREFIX}#/`);
    // The worker activates once everything is precached.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    hostDown = true;
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${origin}${PREFIX}#/conv`);
    await expect(offline.getByRole('heading', { level: 1, name: conv.title.en })).toBeVisible();
    await expect(offline.getByRole('grid', { name: 'Output, channel 0' })).toBeVisible();
    await context.close();
  });

  test("a page on the app's own host may frame a figure, a plain-HTTP page of another host may not", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const own = await context.newPage();
    await own.goto(`${origin}${FRAMING_PAGE}`);
    await expect(own.frameLocator('iframe').getByRole('grid', { name: 'Output, channel 0' })).toBeVisible();

    const other = await context.newPage();
    const refused = other.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await other.goto(`${otherOrigin}${FRAMING_PAGE}`);
    await refused;
    expect(other.frames().map((f) => f.url())).not.toContain(`${origin}${PREFIX}#/conv?embed=1`);
    await context.close();
  });

  test('a lesson link with its own state reopens the same figure after a reload', async ({ page }) => {
    // At the free-play step: a step with a size question would draw the output as one "?" cell.
    const link = `${origin}${PREFIX}#/conv?h=6&w=6&k=3&s=2&story=13`;
    await page.goto(link);
    const output = page.getByRole('grid', { name: 'Output, channel 0' });
    await expect(output.getByRole('row')).toHaveCount(2);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: conv.title.en })).toBeVisible();
    await expect(output.getByRole('row')).toHaveCount(2);
    expect(missing).toEqual([]);
  });
});
