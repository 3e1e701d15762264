import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_FIGURE, figureFromSeed, withParams, type ConvFigureState, type ConvParams } from '../conv/convState';
import type { AppState } from './appStore';

/** Which of the figure's editable matrices. */
export type ConvMatrixId = 'input' | 'weight' | 'biasValues';

const HISTORY_LIMIT = 100;

export interface ConvSlice {
  conv: {
    readonly figure: ConvFigureState;
    readonly past: readonly ConvFigureState[];
    readonly future: readonly ConvFigureState[];
    /** Narrative step. */
    readonly story: number;
  };
  /** Replaces the figure (from a link or a narrative step); not an undoable edit. */
  convLoad: (figure: ConvFigureState, story?: number) => void;
  convSetParams: (params: Partial<ConvParams>) => void;
  /** Writes values starting at flat index `start` of a matrix (one cell, or a pasted block). */
  convSetValues: (matrix: ConvMatrixId, writes: readonly (readonly [number, number])[]) => void;
  convRandomize: (seed: number) => void;
  convUndo: () => void;
  convRedo: () => void;
  convSetStory: (story: number) => void;
}

export const createConvSlice: StateCreator<AppState, [], [], ConvSlice> = (set, get) => {
  /** Records an undoable change. */
  const commit = (next: ConvFigureState) => {
    const { conv } = get();
    if (next === conv.figure) return;
    set({
      conv: { ...conv, figure: next, past: [...conv.past, conv.figure].slice(-HISTORY_LIMIT), future: [] },
    });
  };
  return {
    conv: { figure: DEFAULT_FIGURE, past: [], future: [], story: 0 },
    convLoad: (figure, story) => set({ conv: { ...get().conv, figure, story: story ?? get().conv.story } }),
    convSetParams: (params) => {
      const figure = get().conv.figure;
      commit(withParams(figure, { ...figure.params, ...params }));
    },
    convSetValues: (matrix, writes) => {
      const figure = get().conv.figure;
      const values = [...figure[matrix]];
      let changed = false;
      for (const [i, v] of writes) {
        if (i >= 0 && i < values.length && Number.isFinite(v) && values[i] !== v) {
          values[i] = v;
          changed = true;
        }
      }
      if (changed) commit({ ...figure, [matrix]: values });
    },
    convRandomize: (seed) => commit(figureFromSeed(get().conv.figure.params, seed)),
    convUndo: () => {
      const { conv } = get();
      const prev = conv.past[conv.past.length - 1];
      if (!prev) return;
      set({ conv: { ...conv, figure: prev, past: conv.past.slice(0, -1), future: [conv.figure, ...conv.future] } });
    },
    convRedo: () => {
      const { conv } = get();
      const next = conv.future[0];
      if (!next) return;
      set({ conv: { ...conv, figure: next, past: [...conv.past, conv.figure], future: conv.future.slice(1) } });
    },
    convSetStory: (story) => set({ conv: { ...get().conv, story } }),
  };
};
