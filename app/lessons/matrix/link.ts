import { figureLessonLink } from '../kit/figureLink';
import { MATRIX_CODEC } from './matrixLink';
import { matrixView } from './matrixView';
import { matrixSlice } from './slice';

/** The matrix lesson's whole state in its link. */
export const matrixLink = figureLessonLink(MATRIX_CODEC, matrixSlice, (f) => matrixView(f).total, [
  'input-size',
  'kernel-size',
  'stride',
  'padding',
]);
