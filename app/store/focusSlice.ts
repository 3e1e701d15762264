import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';

import type { ConvFocus } from '../conv/convView';

/** A cell of the transposed-convolution figure. */
export type TransposedFocus =
  | { readonly kind: 't-input'; readonly index: number }
  | { readonly kind: 't-weight'; readonly index: number }
  | { readonly kind: 't-canvas'; readonly n: number; readonly co: number; readonly ty: number; readonly tx: number }
  | { readonly kind: 't-output'; readonly index: number };

/**
 * The cell under the pointer or keyboard focus, in its own matrix's
 * coordinates: views derive "where it comes from and where it goes" from it.
 */
export type Focus = ConvFocus | TransposedFocus;

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
