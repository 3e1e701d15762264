import type { LessonSlice } from '../contract';
import { clampStory, normalizeSource, storyProgram, TENSORS_INITIAL, type TensorsState } from './tensorsState';
import { runOf, stepCount } from './tensorsRun';

export interface TensorsActions {
  /** Replaces the program (normalized, so it always fits in a link); the step count follows its run. */
  readonly setSource: (text: string) => void;
  /** Opens narrative step `story` with its ready-made program. */
  readonly goToStory: (story: number) => void;
  /** Puts a whole state in place (a link). */
  readonly load: (state: TensorsState) => void;
}

/** The total the playback bar steps through for a program: one step per line that ran. */
export function tensorsTotal(state: TensorsState): number {
  return stepCount(runOf(state.source));
}

/** The tensors lesson's slot of the store: the program and the narrative step. */
export const tensorsSlice: LessonSlice<TensorsState, TensorsActions> = {
  id: 'tensors',
  initial: TENSORS_INITIAL,
  actions: (lens) => {
    const put = (next: TensorsState) => lens.set(next, tensorsTotal(next));
    return {
      setSource: (text) => {
        const source = normalizeSource(text);
        if (source !== lens.get().source) put({ ...lens.get(), source });
      },
      goToStory: (story) => {
        const s = clampStory(story);
        put({ story: s, source: storyProgram(s) });
      },
      load: (state) => put({ story: clampStory(state.story), source: normalizeSource(state.source) }),
    };
  },
};
