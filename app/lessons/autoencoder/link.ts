import type { LessonLink } from '../contract';
import { sharedSnapshot } from '../../useLessonUrl';
import { sliceActions, sliceState } from '../kit/slice';
import { decodeAutoencoderLink, encodeAutoencoderLink, AE_KEYS, type AutoencoderLinkState } from './aeLink';
import { autoencoderSlice } from './slice';

/** The autoencoder lesson's whole state in its link. */
export const autoencoderLink: LessonLink<AutoencoderLinkState> = {
  keys: AE_KEYS,
  decode: decodeAutoencoderLink,
  encode: encodeAutoencoderLink,
  apply: (link, store) => {
    sliceActions(store, autoencoderSlice).load(link.state);
    store.getState().setStep(0);
  },
  snapshot: (s) => ({ state: sliceState(s, autoencoderSlice), shared: sharedSnapshot(s) }),
};
