import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';

/**
 * The cell under the pointer or keyboard focus: which lesson it belongs to,
 * and the cell in that lesson's own terms (each lesson has its own focus
 * type). Views derive "where it comes from and where it goes" from it.
 */
export interface Focus {
  readonly lesson: string;
  readonly cell: unknown;
}

function sameFocus(a: Focus, b: Focus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface FocusSlice {
  focus: Focus | null;
  /** A formula term under the pointer (`i`, `p`, `k`, …): the figure highlights its part. */
  term: string | null;
  setFocus: (focus: Focus | null) => void;
  setTerm: (term: string | null) => void;
}

export const createFocusSlice: StateCreator<AppState, [], [], FocusSlice> = (set, get) => ({
  focus: null,
  term: null,
  setTerm: (term) => {
    if (get().term !== term) set({ term });
  },
  setFocus: (focus) => {
    const cur = get().focus;
    if (cur === focus || (cur && focus && sameFocus(cur, focus))) return;
    set({ focus });
  },
});
