import { CONV_CODEC, type ConvLinkState } from './convLink';
import { convView } from './convView';
import { figureLessonLink } from '../kit/figureLink';
import type { LessonLink } from '../contract';
import { sliceActions, sliceState } from '../kit/slice';
import { migrateQuery, readQuery, writeQuery } from '../../urlCodec';
import { convPhotoSlice, decodePhotoPanel, encodePhotoPanel, type PhotoPanelState } from './photoState';
import { convSlice } from './slice';

/** The lesson's link: the figure's state and the photo panel's. */
export type ConvPageLinkState = ConvLinkState & { readonly photo: PhotoPanelState };

const figureLink = figureLessonLink(CONV_CODEC, convSlice, (f) => convView(f).total, [
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

/** The convolution lesson's whole state in its link: the figure, then the photo panel's keys. */
export const convLink: LessonLink<ConvPageLinkState> = {
  keys: figureLink.keys,
  hideable: figureLink.hideable,
  decode: (query) => {
    const figure = figureLink.decode(query);
    const ignored = [...figure.ignored];
    const photo = decodePhotoPanel(migrateQuery(readQuery(query)), ignored);
    return { state: { ...figure.state, photo }, ignored: [...new Set(ignored)] };
  },
  encode: (state) => {
    const photo = writeQuery(encodePhotoPanel(state.photo));
    const figure = figureLink.encode(state);
    return photo ? `${figure}&${photo}` : figure;
  },
  apply: (state, store) => {
    const adjusted = figureLink.apply(state, store);
    sliceActions(store, convPhotoSlice).load(state.photo);
    return adjusted;
  },
  snapshot: (s) => ({ ...figureLink.snapshot(s), photo: sliceState(s, convPhotoSlice) }),
};
