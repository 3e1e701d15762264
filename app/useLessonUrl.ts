import { useEffect, useRef } from 'react';
import type { LessonLink } from './lessons/contract';
import type { AppState } from './store/appStore';
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
 * history.replaceState, debounced. Ignored keys become a dismissible notice.
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
    const { state, ignored } = b.decode(query);
    store.getState().applyShared(state.shared);
    b.apply(state, store);
    const keys = ignored.filter((k) => k !== NEWER);
    if (keys.length < ignored.length) store.getState().pushNotice({ kind: 'newer-link' });
    if (keys.length) store.getState().pushNotice({ kind: 'ignored-keys', keys });
  }, [query, store]);

  useEffect(() => {
    const b = bindingRef.current;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastQuery = '';
    const write = () => {
      timer = null;
      const q = b.encode(b.snapshot(store.getState()));
      if (q === lastQuery) return;
      lastQuery = q;
      lastWritten.current = q;
      const hash = `#/${b.lesson}?${q}`;
      if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
    };
    const unsubscribe = store.subscribe(() => {
      if (timer === null) timer = setTimeout(write, WRITE_DELAY_MS);
    });
    return () => {
      unsubscribe();
      // Leaving the lesson: the new route owns the address now.
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
}
