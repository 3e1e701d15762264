/**
 * A reload starts before the page's `pagehide` handlers run, so a link written
 * then reaches the next page too late. The last unwritten link is therefore
 * also kept in sessionStorage, tagged with the address it replaces; the next
 * page in this tab, if it opens that same address (a reload), opens the
 * pending link instead. Any other address ignores it.
 */

const KEY = 'convlab:pending-link';
/** Longer than any link the app writes (see the link limits in urlCodec). */
const MAX_CHARS = 200_000;

interface PendingLink {
  readonly from: string;
  readonly hash: string;
}

function isPendingLink(v: unknown): v is PendingLink {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.from === 'string' &&
    typeof o.hash === 'string' &&
    o.hash.startsWith('#/') &&
    o.hash.length <= MAX_CHARS &&
    o.from.length <= MAX_CHARS
  );
}

/** Keeps `hash` for a reload of the address `from` (storage may be unavailable: then nothing). */
export function savePendingLink(hash: string, from: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ from, hash }));
  } catch {
    // Private mode or a full quota: the in-page write is all we can do.
  }
}

/** The page is visible again: nothing is pending any more. */
export function clearPendingLink(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Called first thing on load: a reload of the tagged address opens the pending link. */
export function restorePendingLink(): void {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(KEY);
    if (raw !== null) window.sessionStorage.removeItem(KEY);
  } catch {
    return;
  }
  if (raw === null || raw.length > 2 * MAX_CHARS + 64) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return;
  }
  if (!isPendingLink(parsed) || parsed.from !== window.location.href) return;
  if (window.location.hash !== parsed.hash) window.history.replaceState(window.history.state, '', parsed.hash);
}
