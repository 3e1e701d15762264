import { describe, expect, it } from 'vitest';
import { headerPolicy, headersFile, metaPolicy } from '../../scripts/securityHeaders';

describe('the security headers a static host sends', () => {
  it('state the same policy as the page itself, plus who may frame it', () => {
    expect(headerPolicy()).toBe(`${metaPolicy()}; frame-ancestors 'self' https:`);
  });

  it('leave frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(metaPolicy()).not.toContain('frame-ancestors');
  });

  it('allow no inline or foreign script', () => {
    expect(metaPolicy()).toContain("script-src 'self';");
    expect(metaPolicy()).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:)/);
  });

  it('are written for every path, with nosniff and no referrer', () => {
    const lines = headersFile().split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines).toContain('  X-Content-Type-Options: nosniff');
    expect(lines).toContain('  Referrer-Policy: no-referrer');
    expect(lines.filter((l) => l.startsWith('  Content-Security-Policy: '))).toHaveLength(1);
  });
});
