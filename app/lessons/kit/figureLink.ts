import {
  decodeFigureLink,
  encodeFigureLink,
  figureLinkKeys,
  type FigureCodec,
  type FigureLinkState,
  type FigureValues,
} from './figureCodec';
import type { FigureActions, FigureHistory } from './figureActions';
import { sharedSnapshot } from '../../useLessonUrl';
import type { LessonLink, LessonSlice } from '../contract';
import { sliceActions, sliceState } from './slice';

/**
 * A figure lesson's link, from its key table and its slice: the figure, the
 * narrative step, the playback step (none for the last) and the shared settings.
 */
export function figureLessonLink<P>(
  codec: FigureCodec<P>,
  slice: LessonSlice<FigureHistory<P>, FigureActions<P>>,
  total: (figure: FigureValues<P>) => number,
): LessonLink<FigureLinkState<P>> {
  return {
    keys: figureLinkKeys(codec),
    decode: (query) => decodeFigureLink(codec, query),
    encode: (state) => encodeFigureLink(codec, state),
    apply: (state, store) => {
      // Loading sets the step count too; a link without a step shows the figure complete.
      sliceActions(store, slice).load(state.figure, state.story);
      store.getState().setStep(state.step ?? total(state.figure) - 1);
    },
    snapshot: (s) => {
      const { present, story } = sliceState(s, slice);
      return {
        figure: present,
        story,
        step: s.playback.step >= s.playback.total - 1 ? null : s.playback.step,
        shared: sharedSnapshot(s),
      };
    },
  };
}
