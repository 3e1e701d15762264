/**
 * The security headers of the built app, from one table: the same
 * Content-Security-Policy goes into every page as a `<meta>` (for hosts that
 * send no headers) and into `dist/_headers`, the file Netlify and Cloudflare
 * Pages read (other hosts: copy its lines into their own configuration; the
 * README says how).
 *
 * A `<meta>` cannot carry `frame-ancestors` (browsers ignore it there), so only
 * the header says who may frame the app. Embedding is a feature (`embed=1`
 * puts one figure in a teacher's page or course site) and the app holds no
 * session or secret a framing page could abuse, so any HTTPS page may frame it;
 * a host that wants to limit that lists the sites instead of `https:`.
 */
import type { Plugin } from 'vite';

/** Directive → sources. `frame-ancestors` is header-only (see above). */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
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

/** Headers every response of the app should carry. */
export function securityHeaders(): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': headerPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** `_headers` (Netlify, Cloudflare Pages): the headers for every path of the site. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
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
