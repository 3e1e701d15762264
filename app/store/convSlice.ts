import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_FIGURE, figureFromSeed, withParams, type ConvFigureState, type ConvParams } from '../conv/convState';
import { convView } from '../conv/convView';
import { historyOf } from '../history';
import type { AppState } from './appStore';
import { figureActions, type FigureActions, type FigureHistory } from './figureActions';
import { withTotal } from './playbackSlice';

export interface ConvSlice {
  conv: FigureHistory<ConvParams>;
  convLoad: (figure: ConvFigureState, story?: number) => void;
  convSetParams: FigureActions<ConvParams>['setParams'];
  convSetValues: FigureActions<ConvParams>['setValues'];
  convRandomize: (seed: number) => void;
  convUndo: () => void;
  convRedo: () => void;
}

export const createConvSlice: StateCreator<AppState, [], [], ConvSlice> = (set, get) => {
  const a = figureActions(
    () => get().conv,
    (conv, total) => set({ conv, playback: withTotal(get().playback, total) }),
    { withParams, fromSeed: figureFromSeed, total: (f) => convView(f).total },
  );
  return {
    conv: { ...historyOf(DEFAULT_FIGURE), story: 0 },
    convLoad: a.load,
    convSetParams: a.setParams,
    convSetValues: a.setValues,
    convRandomize: a.randomize,
    convUndo: a.undo,
    convRedo: a.redo,
  };
};
