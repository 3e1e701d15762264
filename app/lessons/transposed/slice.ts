import { historyOf } from '../kit/history';
import { figureActions, type FigureActions, type FigureHistory } from '../kit/figureActions';
import {
  TRANSPOSED_DEFAULT_FIGURE,
  transposedFigureFromSeed,
  transposedWithParams,
  type TransposedParams,
} from './transposedState';
import { transposedView } from './transposedView';
import type { LessonSlice } from '../contract';

/** The transposed-convolution lesson's slot of the store: the figure's undo history and narrative step, and its edits. */
export const transposedSlice: LessonSlice<FigureHistory<TransposedParams>, FigureActions<TransposedParams>> = {
  id: 'transposed',
  initial: { ...historyOf(TRANSPOSED_DEFAULT_FIGURE), story: 0 },
  actions: (lens) =>
    figureActions(lens.get, lens.set, {
      withParams: transposedWithParams,
      fromSeed: transposedFigureFromSeed,
      total: (f) => transposedView(f).total,
    }),
};
