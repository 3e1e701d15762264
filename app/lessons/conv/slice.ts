import { figureFromSeed, withParams, type ConvParams } from './convState';
import { storyFigure } from './convStory';
import { convView } from './convView';
import { historyOf } from '../kit/history';
import { figureActions, type FigureActions, type FigureHistory } from '../kit/figureActions';
import type { LessonSlice } from '../contract';

/**
 * The convolution lesson's slot of the store: the figure's undo history and narrative step, and
 * its edits. It starts on the first step's figure, the one a bare `#/conv` opens, so the page the
 * build prerenders and the first render of that link show the same numbers.
 */
export const convSlice: LessonSlice<FigureHistory<ConvParams>, FigureActions<ConvParams>> = {
  id: 'conv',
  initial: { ...historyOf(storyFigure(0)), story: 0 },
  actions: (lens) =>
    figureActions(lens.get, lens.set, { withParams, fromSeed: figureFromSeed, total: (f) => convView(f).total }),
};
