import { TRANSPOSED_CODEC } from '../../transposed/transposedLink';
import { transposedView } from '../../transposed/transposedView';
import { figureLessonLink } from '../kit/figureLink';
import { transposedSlice } from './slice';

/** The transposed-convolution lesson's whole state in its link. */
export const transposedLink = figureLessonLink(TRANSPOSED_CODEC, transposedSlice, (f) => transposedView(f).total);
