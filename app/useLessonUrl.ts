import { useEffect, useRef } from 'react';
import type { LessonLink } from './lessons/contract';
import type { AppState, AppStore } from './store/appStore';
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
 * The narrative step a lesson's link state is at: its `story`, for every
 * lesson that tells one; null for a lesson without a narrative.
 */
export function narrativeStep(state: object): number | null {
  const story = (state as { readonly story?: unknown }).story;
  return typeof story === 'number' ? story : null;
}

/** A link's state as the lesson reads it, and the keys it ignored (`hide=` naming a control it lacks, too). */
export function decodeLink<T extends { readonly shared: SharedLinkState }>(
  link: LessonLink<T>,
  query: string,
): { readonly state: T; readonly ignored: readonly string[] } {
  const decoded = link.decode(query);
  const ignored = [...decoded.ignored];
  let state = decoded.state;
  const hideable = link.hideable;
  if (hideable && state.shared.hide.some((id) => !hideable.includes(id))) {
    // A control this lesson does not have: say so instead of hiding nothing in silence.
    state = { ...state, shared: { ...state.shared, hide: state.shared.hide.filter((id) => hideable.includes(id)) } };
    ignored.push('hide');
  }
  return { state, ignored };
}

/** Puts a decoded link into the store; returns the keys the lesson moved to the nearest value it can show. */
export function applyLink<T extends { readonly shared: SharedLinkState }>(
  link: LessonLink<T>,
  state: T,
  store: AppStore,
): readonly string[] {
  store.getState().applyShared(state.shared);
  return link.apply(state, store) ?? [];
}

/** Whether the store already holds a link's state (a language or theme the link leaves open is kept). */
export function holds<T extends { readonly shared: SharedLinkState }>(
  link: LessonLink<T>,
  state: T,
  now: AppState,
): boolean {
  const current = link.snapshot(now);
  const shared = {
    ...state.shared,
    lang: state.shared.lang ?? current.shared.lang,
    theme: state.shared.theme ?? current.shared.theme,
  };
  return link.encode({ ...state, shared }) === link.encode(current);
}

/**
 * Puts the lesson's link into the store before the lesson's first render, so that render is the
 * link's own figure: the page the build prerendered for a link without state, or the link's state
 * drawn once instead of the default figure drawn and then replaced. What the link's reader reports
 * (ignored keys, moved values) is still said by `useLessonUrl` when the lesson opens.
 */
export function openLink<T extends { readonly shared: SharedLinkState }>(
  link: LessonLink<T>,
  query: string,
  store: AppStore,
): void {
  applyLink(link, decodeLink(link, query).state, store);
}

/**
 * Keeps a lesson's whole state in the hash query: decodes the link when it
 * opens (or is edited by hand, or Back and Forward reach it), then writes
 * every change back, debounced, and at once when the page is hidden or
 * unloaded, a link is clicked or the lesson closes. Each narrative step is an
 * entry of the browser's history: moving to another step pushes one (at once),
 * edits within a step replace it, so Back returns to the previous step with
 * its figure as it was left, not out of the lesson. Ignored keys become a
 * dismissible notice.
 */
export function useLessonUrl<T extends { readonly shared: SharedLinkState }>(
  query: string,
  binding: LessonUrlBinding<T>,
): void {
  const store = useAppStoreApi();
  const bindingRef = useRef(binding);
  const lastWritten = useRef<string | null>(null);
  /** The narrative step of the history entry the address is: another one is a new entry. */
  const entry = useRef<number | null>(null);
  /** True while a link is put into the store: that is the address's own state, never a new entry. */
  const applying = useRef(false);

  useEffect(() => {
    const b = bindingRef.current;
    if (lastWritten.current !== null && query === lastWritten.current) return;
    const { state, ignored } = decodeLink(b, query);
    applying.current = true;
    let adjusted: readonly string[] = [];
    try {
      // A link to what the store already holds changes nothing: the app put a link that opens the
      // page into the store before its first render (`openLink`), and applying it again would only
      // replace every object with an equal one and render the whole lesson a second time.
      if (!holds(b, state, store.getState())) adjusted = applyLink(b, state, store);
    } finally {
      applying.current = false;
    }
    entry.current = narrativeStep(b.snapshot(store.getState()));
    // The address now holds what was applied: the same query again (Forward after Back) is applied again.
    lastWritten.current = query;
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
      const snapshot = b.snapshot(store.getState());
      const step = narrativeStep(snapshot);
      const newEntry = entry.current !== null && step !== entry.current;
      entry.current = step;
      const q = b.encode(snapshot);
      if (q === lastQuery) return;
      lastQuery = q;
      lastWritten.current = q;
      const hash = `#/${b.lesson}?${q}`;
      if (window.location.hash === hash) return;
      if (newEntry) window.history.pushState(null, '', hash);
      else window.history.replaceState(window.history.state, '', hash);
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
      // Another narrative step is a new history entry, written at once; the
      // click that asked for it has already flushed the edits of the step before.
      if (!applying.current && entry.current !== null && narrativeStep(b.snapshot(store.getState())) !== entry.current)
        write();
      else if (timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
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
