import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_FIGURE, figureFromSeed, withParams, type ConvFigureState, type ConvParams } from '../conv/convState';
import { commit, historyOf, redo, reset, undo, writeValues, type History } from '../history';
import { convView } from '../conv/convView';
import type { AppState } from './appStore';
import { withTotal } from './playbackSlice';

/** Which of the figure's editable matrices. */
export type FigureMatrixId = 'input' | 'weight' | 'biasValues';

export interface ConvSlice {
  conv: History<ConvFigureState> & {
    /** Narrative step. */
    readonly story: number;
  };
  /** Replaces the figure (from a link or a narrative step); not an undoable edit. */
  convLoad: (figure: ConvFigureState, story?: number) => void;
  convSetParams: (params: Partial<ConvParams>) => void;
  /** Writes [flat index, value] pairs into one matrix (one cell, or a pasted block). */
  convSetValues: (matrix: FigureMatrixId, writes: readonly (readonly [number, number])[]) => void;
  convRandomize: (seed: number) => void;
  convUndo: () => void;
  convRedo: () => void;
}

export const createConvSlice: StateCreator<AppState, [], [], ConvSlice> = (set, get) => {
  const update = (f: (h: History<ConvFigureState>) => History<ConvFigureState>, story?: number) => {
    const { conv } = get();
    const next = f(conv);
    if (next === conv && story === undefined) return;
    // The step count follows the figure in the same update, so an edit renders once.
    set({
      conv: { ...next, story: story ?? conv.story },
      playback: withTotal(get().playback, convView(next.present).total),
    });
  };
  return {
    conv: { ...historyOf(DEFAULT_FIGURE), story: 0 },
    convLoad: (figure, story) => update((h) => reset(h, figure), story),
    convSetParams: (params) => update((h) => commit(h, withParams(h.present, { ...h.present.params, ...params }))),
    convSetValues: (matrix, writes) =>
      update((h) => {
        const values = writeValues(h.present[matrix], writes);
        return values === h.present[matrix] ? h : commit(h, { ...h.present, [matrix]: values });
      }),
    convRandomize: (seed) => update((h) => commit(h, figureFromSeed(h.present.params, seed))),
    convUndo: () => update(undo),
    convRedo: () => update(redo),
  };
};
