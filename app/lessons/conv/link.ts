import { CONV_CODEC } from '../../conv/convLink';
import { convView } from '../../conv/convView';
import { figureLessonLink } from '../kit/figureLink';
import { convSlice } from './slice';

/** The convolution lesson's whole state in its link. */
export const convLink = figureLessonLink(CONV_CODEC, convSlice, (f) => convView(f).total);
