import { TRANSPOSED_CODEC } from './transposedLink';
import { transposedView } from './transposedView';
import { figureLessonLink } from '../kit/figureLink';
import { transposedSlice } from './slice';

/** The transposed-convolution lesson's whole state in its link. */
export const transposedLink = figureLessonLink(TRANSPOSED_CODEC, transposedSlice, (f) => transposedView(f).total, [
  'presets',
  'batch',
  'in-channels',
  'out-channels',
  'input-size',
  'kernel-size',
  'stride',
  'padding',
  'output-padding',
  'dilation',
  'groups',
  'bias',
]);
