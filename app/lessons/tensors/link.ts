import { sharedSnapshot } from '../../useLessonUrl';
import type { LessonLink } from '../contract';
import { sliceActions, sliceState } from '../kit/slice';
import { tensorsSlice, tensorsTotal } from './slice';
import { decodeTensorsLink, encodeTensorsLink, TENSORS_KEYS, type TensorsLinkState } from './tensorsLink';

/** The tensors lesson's whole state in its link: the program, the narrative step and the line shown. */
export const tensorsLink: LessonLink<TensorsLinkState> = {
  keys: TENSORS_KEYS,
  decode: decodeTensorsLink,
  encode: encodeTensorsLink,
  apply: (state, store) => {
    sliceActions(store, tensorsSlice).load(state.program);
    // A link without a step shows the program after its last line.
    store.getState().setStep(state.step ?? tensorsTotal(state.program) - 1);
  },
  snapshot: (s) => ({
    program: sliceState(s, tensorsSlice),
    step: s.playback.step >= s.playback.total - 1 ? null : s.playback.step,
    shared: sharedSnapshot(s),
  }),
};
