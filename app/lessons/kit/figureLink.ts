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

/** Controls every figure lesson has, besides its own settings. */
const FIGURE_HIDEABLE = ['randomize'];

/**
 * A figure lesson's link, from its key table and its slice: the figure, the
 * narrative step, the playback step (none for the last) and the shared settings.
 */
export function figureLessonLink<P>(
  codec: FigureCodec<P>,
  slice: LessonSlice<FigureHistory<P>, FigureActions<P>>,
  total: (figure: FigureValues<P>) => number,
  hideable: readonly string[],
): LessonLink<FigureLinkState<P>> & { readonly hideable: readonly string[] } {
  return {
    keys: figureLinkKeys(codec),
    hideable: [...hideable, ...FIGURE_HIDEABLE],
    decode: (query) => decodeFigureLink(codec, query),
    encode: (state) => encodeFigureLink(codec, state),
    apply: (state, store) => {
      // A step past the last narrative or playback step opens the last one, and the reader is told.
      const story = Math.min(state.story, codec.storySteps - 1);
      // The first link of the lesson in this page starts its history; a link
      // opened after that (in the tab, or Back) is a step Undo reverses, so the
      // figure it replaces is not lost. Loading sets the step count too; a link
      // without a step shows the figure complete.
      const actions = sliceActions(store, slice);
      if (store.getState().lessons[slice.id] === undefined) actions.open(state.figure, story);
      else actions.load(state.figure, story);
      const last = total(state.figure) - 1;
      store.getState().setStep(Math.min(state.step ?? last, last));
      const adjusted: string[] = [];
      if (story !== state.story) adjusted.push('story');
      if (state.step !== null && state.step > last) adjusted.push('step');
      return adjusted;
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
