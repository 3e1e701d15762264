import type { StateCreator } from 'zustand/vanilla';
import { historyOf } from '../history';
import {
  T_DEFAULT_FIGURE,
  tFigureFromSeed,
  tWithParams,
  type TransposedFigureState,
  type TransposedParams,
} from '../transposed/transposedState';
import { transposedView } from '../transposed/transposedView';
import type { AppState } from './appStore';
import { figureActions, type FigureActions, type FigureHistory } from './figureActions';
import { withTotal } from './playbackSlice';

export interface TransposedSlice {
  transposed: FigureHistory<TransposedParams>;
  tLoad: (figure: TransposedFigureState, story?: number) => void;
  tSetParams: FigureActions<TransposedParams>['setParams'];
  tSetValues: FigureActions<TransposedParams>['setValues'];
  tRandomize: (seed: number) => void;
  tUndo: () => void;
  tRedo: () => void;
}

export const createTransposedSlice: StateCreator<AppState, [], [], TransposedSlice> = (set, get) => {
  const a = figureActions(
    () => get().transposed,
    (transposed, total) => set({ transposed, playback: withTotal(get().playback, total) }),
    { withParams: tWithParams, fromSeed: tFigureFromSeed, total: (f) => transposedView(f).total },
  );
  return {
    transposed: { ...historyOf(T_DEFAULT_FIGURE), story: 0 },
    tLoad: a.load,
    tSetParams: a.setParams,
    tSetValues: a.setValues,
    tRandomize: a.randomize,
    tUndo: a.undo,
    tRedo: a.redo,
  };
};
