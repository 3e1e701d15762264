import { useEffect, useRef } from 'react';
import type { LessonLink } from './lessons/contract';
import type { AppState } from './store/appStore';
import { clearPendingLink, savePendingLink } from './pendingLink';
import { useAppStoreApi } from './store/react';
import { NEWER, type SharedLinkState } from './urlCodec';

const WRITE_DELAY_MS = 250;

/** A lesson's link codec and the route it writes to. */
export interface LessonUrlBinding<T extends { readonly shared: SharedLinkState }> extends LessonLink<T> {
  /** The lesson's id: links are written as `#/<lesson>?…`. */
  readonly lesson: string;
}

export function sharedSnapshot(s: AppState): SharedLinkState {
  return {
    lang: s.lang,
    theme: s.theme === 'dark' ? 'dark' : null,
    present: s.presentation,
    embed: s.embed,
    hide: s.hidden,
  };
}

/**
 * Keeps a lesson's whole state in the hash query: decodes the link when it
 * opens (or is edited by hand), then writes every change back with
 * history.replaceState, debounced, and at once when the page is hidden or
 * unloaded, a link is clicked or the lesson closes. Ignored keys become a
 * dismissible notice.
 */
export function useLessonUrl<T extends { readonly shared: SharedLinkState }>(
  query: string,
  binding: LessonUrlBinding<T>,
): void {
  const store = useAppStoreApi();
  const bindingRef = useRef(binding);
  const lastWritten = useRef<string | null>(null);

  useEffect(() => {
    const b = bindingRef.current;
    if (lastWritten.current !== null && query === lastWritten.current) return;
    const decoded = b.decode(query);
    const ignored = [...decoded.ignored];
    let state = decoded.state;
    const hideable = b.hideable;
    if (hideable && state.shared.hide.some((id) => !hideable.includes(id))) {
      // A control this lesson does not have: say so instead of hiding nothing in silence.
      state = { ...state, shared: { ...state.shared, hide: state.shared.hide.filter((id) => hideable.includes(id)) } };
      ignored.push('hide');
    }
    store.getState().applyShared(state.shared);
    const adjusted = b.apply(state, store) ?? [];
    const keys = ignored.filter((k) => k !== NEWER);
    if (keys.length < ignored.length) store.getState().pushNotice({ kind: 'newer-link' });
    if (keys.length) store.getState().pushNotice({ kind: 'ignored-keys', keys });
    if (adjusted.length) store.getState().pushNotice({ kind: 'adjusted-keys', keys: adjusted });
  }, [query, store]);

  useEffect(() => {
    const b = bindingRef.current;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastQuery = '';
    const write = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const q = b.encode(b.snapshot(store.getState()));
      if (q === lastQuery) return;
      lastQuery = q;
      lastWritten.current = q;
      const hash = `#/${b.lesson}?${q}`;
      if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
    };
    /** Writes a pending change now, while the address is still this lesson's. */
    const flush = () => {
      if (timer !== null && window.location.hash.startsWith(`#/${b.lesson}`)) write();
    };
    /** A reload has already read the address: keep the pending link for the next page too. */
    const onPageHide = () => {
      if (timer === null || !window.location.hash.startsWith(`#/${b.lesson}`)) return;
      const from = window.location.href;
      write();
      const to = window.location.hash;
      if (window.location.href !== from) savePendingLink(to, from);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onPageHide();
      else clearPendingLink();
    };
    const unsubscribe = store.subscribe(() => {
      if (timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
    });
    // A reload, a closed tab or a switched app: the last edit goes into the address first.
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    // A click on a link (such as "Lessons") leaves the lesson right after: write before the address changes.
    document.addEventListener('click', flush, true);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('click', flush, true);
      // Closing the lesson: write what is pending if the address is still ours; else the new route owns it.
      flush();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
}
