import { DEFAULT_FIGURE, figureFromSeed, withParams, type ConvParams } from '../../conv/convState';
import { convView } from '../../conv/convView';
import { historyOf } from '../../history';
import { figureActions, type FigureActions, type FigureHistory } from '../../store/figureActions';
import type { LessonSlice } from '../contract';

/** The convolution lesson's slot of the store: the figure's undo history and narrative step, and its edits. */
export const convSlice: LessonSlice<FigureHistory<ConvParams>, FigureActions<ConvParams>> = {
  id: 'conv',
  initial: { ...historyOf(DEFAULT_FIGURE), story: 0 },
  actions: (lens) =>
    figureActions(lens.get, lens.set, { withParams, fromSeed: figureFromSeed, total: (f) => convView(f).total }),
};
