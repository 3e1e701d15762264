/**
 * What a static host serves: the app is built once (the real `vite.config.ts`,
 * into a folder of its own) and these specifications read the files a host
 * would publish: `index.html`, `_headers`, the service worker's registration,
 * the worker itself and the manifest.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile, parsePolicy, type HeaderRule } from '../support/headersFile';

let site = '';
let indexHtml = '';
let rules: HeaderRule[] = [];
let assets: string[] = [];

const read = (file: string) => readFile(join(site, file), 'utf8');

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'convlab-site-'));
  await build({
    configFile: resolve('vite.config.ts'),
    mode: 'production',
    logLevel: 'silent',
    build: { outDir: site, emptyOutDir: true },
  });
  indexHtml = await read('index.html');
  rules = parseHeadersFile(await read('_headers'));
  assets = await readdir(join(site, 'assets'));
  // A build on a loaded two-core machine can take a minute.
}, 300_000);

afterAll(async () => {
  if (site) await rm(site, { recursive: true, force: true });
});

/** The value of one header on one path; fails when no rule or more than one rule sets it. */
function header(path: string, name: string): string {
  const values = headersForPath(rules, path).get(name.toLowerCase()) ?? [];
  expect(values, `${name} on ${path}, set by exactly one rule`).toHaveLength(1);
  return values[0] ?? '';
}

function metaPolicy(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  expect(match, 'the page states its policy in a <meta>').not.toBeNull();
  return (match?.[1] ?? '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The text of every `<script>` without a `src`. */
/** The page's inline scripts that run: not those with a `src`, nor data blocks (a type that is not JavaScript). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc\s*=/.test(m[1] ?? ''))
    .filter((m) => !/\btype\s*=\s*"(?!module"|text\/javascript")[^"]*"/.test(m[1] ?? ''))
    .map((m) => m[2] ?? '');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Where the app is published in these specifications: under a sub-path, and at a host's root. */
const BASES = ['https://school.example/courses/convlab/', 'https://convlab.example/'];

describe('the built _headers file', () => {
  it("states the page's own meta policy, plus frame-ancestors", () => {
    const fromHeader = parsePolicy(header('/', 'Content-Security-Policy'));
    const fromMeta = parsePolicy(metaPolicy(indexHtml));
    expect(fromMeta.has('frame-ancestors')).toBe(false);
    expect(fromHeader.get('frame-ancestors')).toEqual(["'self'", 'https:']);
    fromHeader.delete('frame-ancestors');
    expect(fromHeader).toEqual(fromMeta);
  });

  it("allows every inline script of the page by its hash, in the header's policy and the meta's", () => {
    const needed = inlineScripts(indexHtml).map(sha256);
    const policies = [header('/index.html', 'Content-Security-Policy'), metaPolicy(indexHtml)];
    for (const policy of policies) {
      const scriptSources = parsePolicy(policy).get('script-src') ?? [];
      expect(scriptSources).not.toContain("'unsafe-inline'");
      for (const hash of needed) expect(scriptSources, 'an inline script without its hash').toContain(hash);
    }
  });

  it('sends the security headers with every file the app serves, each once', () => {
    const paths = ['/', '/index.html', `/assets/${assets[0] ?? ''}`, '/sw.js', '/photos/cat.jpg'];
    for (const path of paths) {
      expect(header(path, 'Content-Security-Policy')).toContain('frame-ancestors');
      expect(header(path, 'X-Content-Type-Options')).toBe('nosniff');
      expect(header(path, 'Referrer-Policy')).toBe('no-referrer');
      expect(header(path, 'Permissions-Policy')).toMatch(/(^|, )camera=\(\)/);
    }
  });

  it('lets browsers keep hashed assets for a year, and makes them ask again for the page and the worker', () => {
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      // Immutable is only honest when the name changes with the content.
      expect(file, 'a file in assets/ without a content hash in its name').toMatch(/-[\w-]{8,}\.\w+$/);
      expect(header(`/assets/${file}`, 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']) {
      expect(header(path, 'Cache-Control')).toBe('no-cache');
    }
  });
});

describe('the service worker', () => {
  it("is registered from the app's own folder with that folder as its scope", async () => {
    const call = /register\(\s*'([^']+)'\s*,\s*\{\s*scope:\s*'([^']+)'/.exec(await read('registerSW.js'));
    expect(call, 'registerSW.js registers a worker with an explicit scope').not.toBeNull();
    for (const base of BASES) {
      const page = new URL('index.html', base);
      expect(new URL(call?.[1] ?? '', page).href).toBe(`${base}sw.js`);
      expect(new URL(call?.[2] ?? '', page).href).toBe(base);
    }
  });

  it("shares its scope with the manifest, whose start page is the app's folder", async () => {
    const manifest = JSON.parse(await read('manifest.webmanifest')) as { scope?: string; start_url?: string };
    for (const base of BASES) {
      const manifestUrl = new URL('manifest.webmanifest', base);
      expect(new URL(manifest.scope ?? '', manifestUrl).href).toBe(base);
      expect(new URL(manifest.start_url ?? '', manifestUrl).href).toBe(base);
    }
  });

  it('precaches the page and all its code, so the app opens offline', async () => {
    const worker = await read('sw.js');
    const precached = new Set([...worker.matchAll(/"?url"?\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
    expect(precached).toContain('index.html');
    for (const file of assets) expect(precached, `assets/${file} is precached`).toContain(`assets/${file}`);
  });

  it('has no navigation fallback, so it never answers for an address the app does not have', async () => {
    expect(await read('sw.js')).not.toMatch(/NavigationRoute|createHandlerBoundToURL/);
  });
});
