import { historyOf } from '../kit/history';
import { figureActions, type FigureActions, type FigureHistory } from '../kit/figureActions';
import type { LessonSlice } from '../contract';
import { MATRIX_DEFAULT_FIGURE, matrixFigureFromSeed, matrixWithParams, type MatrixParams } from './matrixState';
import { matrixView } from './matrixView';

/** The matrix lesson's slot of the store: the figure's undo history and narrative step, and its edits. */
export const matrixSlice: LessonSlice<FigureHistory<MatrixParams>, FigureActions<MatrixParams>> = {
  id: 'matrix',
  initial: { ...historyOf(MATRIX_DEFAULT_FIGURE), story: 0 },
  actions: (lens) =>
    figureActions(lens.get, lens.set, {
      withParams: matrixWithParams,
      fromSeed: matrixFigureFromSeed,
      total: (f) => matrixView(f).total,
    }),
};
