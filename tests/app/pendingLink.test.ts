// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { clearPendingLink, restorePendingLink, savePendingLink } from '../../app/pendingLink';

const KEY = 'convlab:pending-link';

afterEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('a reload reopens the edit that was still pending', () => {
  it('opens the pending link when the page reloads the address it replaced', () => {
    window.history.replaceState(null, '', '/#/conv?x=1');
    savePendingLink('#/conv?x=2', window.location.href);
    restorePendingLink();
    expect(window.location.hash).toBe('#/conv?x=2');
  });

  it('ignores the pending link when the page opens another address', () => {
    window.history.replaceState(null, '', '/#/conv?x=1');
    savePendingLink('#/conv?x=2', window.location.href);
    window.history.replaceState(null, '', '/#/transposed');
    restorePendingLink();
    expect(window.location.hash).toBe('#/transposed');
  });

  it('uses a pending link once', () => {
    window.history.replaceState(null, '', '/#/conv?x=1');
    savePendingLink('#/conv?x=2', window.location.href);
    restorePendingLink();
    window.history.replaceState(null, '', '/#/conv?x=1');
    restorePendingLink();
    expect(window.location.hash).toBe('#/conv?x=1');
  });

  it('forgets the pending link when the page is shown again', () => {
    window.history.replaceState(null, '', '/#/conv?x=1');
    savePendingLink('#/conv?x=2', window.location.href);
    clearPendingLink();
    restorePendingLink();
    expect(window.location.hash).toBe('#/conv?x=1');
  });

  it.each([
    ['not JSON', '{'],
    ['not a route', JSON.stringify({ from: 'http://localhost:3000/', hash: 'javascript:alert(1)' })],
    ['missing fields', JSON.stringify({ hash: '#/conv' })],
    ['a number', '42'],
  ])('ignores stored text that is %s without throwing', (_name, raw) => {
    window.history.replaceState(null, '', '/');
    window.sessionStorage.setItem(KEY, raw.replace('http://localhost:3000/', window.location.href));
    expect(() => restorePendingLink()).not.toThrow();
    expect(window.location.hash).toBe('');
    expect(window.sessionStorage.getItem(KEY)).toBeNull();
  });
});
