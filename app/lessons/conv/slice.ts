import { DEFAULT_FIGURE, figureFromSeed, withParams, type ConvParams } from './convState';
import { convView } from './convView';
import { historyOf } from '../kit/history';
import { figureActions, type FigureActions, type FigureHistory } from '../kit/figureActions';
import type { LessonSlice } from '../contract';

/** The convolution lesson's slot of the store: the figure's undo history and narrative step, and its edits. */
export const convSlice: LessonSlice<FigureHistory<ConvParams>, FigureActions<ConvParams>> = {
  id: 'conv',
  initial: { ...historyOf(DEFAULT_FIGURE), story: 0 },
  actions: (lens) =>
    figureActions(lens.get, lens.set, { withParams, fromSeed: figureFromSeed, total: (f) => convView(f).total }),
};
