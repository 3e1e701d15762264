/**
 * The security headers of the built app, from one table: the same
 * Content-Security-Policy goes into every page as a `<meta>` (for hosts that
 * send no headers) and into `dist/_headers`, the file Netlify and Cloudflare
 * Pages read (other hosts: copy its lines into their own configuration; the
 * README says how).
 *
 * A `<meta>` cannot carry `frame-ancestors` (browsers ignore it there), so only
 * the header says who may frame the app. Embedding is a feature (`embed=1`
 * puts one figure in a teacher's slides or course site) and the app holds no
 * session or secret a framing page could abuse, so any HTTPS page may frame it;
 * a host that wants to limit that lists the sites instead of `https:`. The
 * header cannot tell an `embed=1` link from any other (the route and its query
 * are in the hash, which never reaches the server), so it is one policy for the
 * whole app: HTTPS pages only, never `*`.
 */
import type { Plugin } from 'vite';
import { inlineScriptHashes } from './prerender.ts';

/** Directive → sources. `frame-ancestors` is header-only (see above). */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': `'self' ${inlineScriptHashes()}`,
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'worker-src': "'self' blob:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
  'frame-ancestors': "'self' https:",
};

const HEADER_ONLY = new Set(['frame-ancestors']);

/** The policy as a `<meta http-equiv>` may state it. */
export function metaPolicy(): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}

/** The whole policy, as the `Content-Security-Policy` header. */
export function headerPolicy(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}

/**
 * Browser features the app never uses, denied to it and to anything it could
 * load. The clipboard is not among them: "Copy link" writes to it.
 */
export const DENIED_FEATURES: readonly string[] = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
];

/** Headers every response of the app should carry. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': headerPolicy(),
    'X-Content-Type-Options': 'nosniff',
    // The app needs no referrer from anyone, and sends none: not even the path it is hosted under.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
  };
}

/** A year in seconds: the usual longest `max-age` (RFC 2616 §14.21 asked for no expiry further ahead). */
const ONE_YEAR_S = 31_536_000;

/**
 * Path (from the site root) → `Cache-Control`. Files under `assets/` have a hash
 * of their content in their name, so a changed file is a new address and the old
 * one may be kept for good. The page, the service worker, its registration and
 * the manifest keep their names across builds: `no-cache` makes every visit ask
 * whether they changed (a cheap 304 when not), so a deploy reaches users at once.
 * Other files keep the host's default.
 */
export const CACHE_RULES: Readonly<Record<string, string>> = {
  '/assets/*': `public, max-age=${ONE_YEAR_S}, immutable`,
  '/': 'no-cache',
  '/index.html': 'no-cache',
  '/sw.js': 'no-cache',
  '/registerSW.js': 'no-cache',
  '/manifest.webmanifest': 'no-cache',
};

/**
 * `_headers` (Netlify, Cloudflare Pages): the security headers for every path of
 * the site, then `Cache-Control` per path. Each header name appears under one
 * rule per path only, since both hosts join the values of a header that several
 * matching rules set.
 */
export function headersFile(): string {
  const rule = (path: string, headers: Readonly<Record<string, string>>): string =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const rules = [
    rule('/*', securityHeaders()),
    ...Object.entries(CACHE_RULES).map(([path, value]) => rule(path, { 'Cache-Control': value })),
  ];
  return `${rules.join('\n\n')}\n`;
}

/** Vite plugin: the policy `<meta>` in every page, and `_headers` beside them. */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'convlab-security-headers',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy() },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}
