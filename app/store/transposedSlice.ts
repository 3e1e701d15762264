import type { StateCreator } from 'zustand/vanilla';
import { commit, historyOf, redo, reset, undo, writeValues, type History } from '../history';
import {
  T_DEFAULT_FIGURE,
  tFigureFromSeed,
  tWithParams,
  type TransposedFigureState,
  type TransposedParams,
} from '../transposed/transposedState';
import { transposedView } from '../transposed/transposedView';
import type { AppState } from './appStore';
import { withTotal } from './playbackSlice';
import type { FigureMatrixId } from './convSlice';

export interface TransposedSlice {
  transposed: History<TransposedFigureState> & { readonly story: number };
  tLoad: (figure: TransposedFigureState, story?: number) => void;
  tSetParams: (params: Partial<TransposedParams>) => void;
  tSetValues: (matrix: FigureMatrixId, writes: readonly (readonly [number, number])[]) => void;
  tRandomize: (seed: number) => void;
  tUndo: () => void;
  tRedo: () => void;
}

export const createTransposedSlice: StateCreator<AppState, [], [], TransposedSlice> = (set, get) => {
  const update = (f: (h: History<TransposedFigureState>) => History<TransposedFigureState>, story?: number) => {
    const { transposed } = get();
    const next = f(transposed);
    if (next === transposed && story === undefined) return;
    set({
      transposed: { ...next, story: story ?? transposed.story },
      playback: withTotal(get().playback, transposedView(next.present).total),
    });
  };
  return {
    transposed: { ...historyOf(T_DEFAULT_FIGURE), story: 0 },
    tLoad: (figure, story) => update((h) => reset(h, figure), story),
    tSetParams: (params) => update((h) => commit(h, tWithParams(h.present, { ...h.present.params, ...params }))),
    tSetValues: (matrix, writes) =>
      update((h) => {
        const values = writeValues(h.present[matrix], writes);
        return values === h.present[matrix] ? h : commit(h, { ...h.present, [matrix]: values });
      }),
    tRandomize: (seed) => update((h) => commit(h, tFigureFromSeed(h.present.params, seed))),
    tUndo: () => update(undo),
    tRedo: () => update(redo),
  };
};
