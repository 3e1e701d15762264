import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineScripts } from '../../scripts/prerender';
import { headerPolicy, headersFile, metaPolicy, securityHeaders } from '../../scripts/securityHeaders';

describe('the security headers a static host sends', () => {
  it('state the same policy as the page itself, plus who may frame it', () => {
    expect(headerPolicy()).toBe(`${metaPolicy()}; frame-ancestors 'self' https:`);
  });

  it('leave frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(metaPolicy()).not.toContain('frame-ancestors');
  });

  it("allow no inline or foreign script but the page chooser's two scripts (its definition in the head, its call after each route), pinned by their sha256", () => {
    const hashes = inlineScripts().map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
    expect(hashes).toHaveLength(2);
    expect(metaPolicy()).toContain(`script-src 'self' ${hashes.join(' ')};`);
    expect(metaPolicy()).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
  });

  it('let HTTPS pages frame the app (a figure in slides or a course site), but not plain-HTTP pages or any scheme', () => {
    const frameAncestors = /frame-ancestors ([^;]*)/.exec(headerPolicy())?.[1]?.split(' ');
    expect(frameAncestors).toEqual(["'self'", 'https:']);
  });

  it('deny the browser features the app never uses, but not the clipboard that "Copy link" writes to', () => {
    const denied = securityHeaders()['Permissions-Policy']?.split(', ') ?? [];
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(denied).toContain(`${feature}=()`);
    }
    expect(denied.join()).not.toContain('clipboard');
  });

  it('are written for every path, with nosniff and no referrer', () => {
    const lines = headersFile().split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines).toContain('  X-Content-Type-Options: nosniff');
    expect(lines).toContain('  Referrer-Policy: no-referrer');
    expect(lines.filter((l) => l.startsWith('  Content-Security-Policy: '))).toHaveLength(1);
  });

  it("match the README's nginx example line for line", () => {
    const readme = readFileSync('README.md', 'utf8');
    // The inline scripts' hashes change with their text: the README stands them for `sha256-…`.
    for (const [name, value] of Object.entries(securityHeaders())) {
      const written = value.replace(/'sha256-[^']+'/g, "'sha256-…'");
      expect(readme).toContain(`add_header ${name} "${written}" always;`);
    }
  });
});
