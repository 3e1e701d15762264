import { CONV_CODEC } from './convLink';
import { convView } from './convView';
import { figureLessonLink } from '../kit/figureLink';
import { convSlice } from './slice';

/** The convolution lesson's whole state in its link. */
export const convLink = figureLessonLink(CONV_CODEC, convSlice, (f) => convView(f).total, [
  'batch',
  'in-channels',
  'out-channels',
  'input-size',
  'kernel-size',
  'stride',
  'padding',
  'padding-mode',
  'dilation',
  'groups',
  'bias',
]);
