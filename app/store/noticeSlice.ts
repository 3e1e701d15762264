import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';

/** A message shown above the page until dismissed. Text comes from i18n by kind. */
export type Notice =
  | { readonly id: number; readonly kind: 'unknown-route' }
  | { readonly id: number; readonly kind: 'ignored-keys'; readonly keys: readonly string[] }
  /** Keys whose values the lesson could not show as asked and moved to the nearest it can. */
  | { readonly id: number; readonly kind: 'adjusted-keys'; readonly keys: readonly string[] }
  | { readonly id: number; readonly kind: 'newer-link' };

export type NoticeInput = Notice extends infer N ? (N extends Notice ? Omit<N, 'id'> : never) : never;

export interface NoticeSlice {
  notices: readonly Notice[];
  pushNotice: (notice: NoticeInput) => void;
  dismissNotice: (id: number) => void;
}

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  pushNotice: (notice) => {
    const id = get().notices.reduce((m, n) => Math.max(m, n.id), 0) + 1;
    set({ notices: [...get().notices, { ...notice, id } as Notice] });
  },
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
