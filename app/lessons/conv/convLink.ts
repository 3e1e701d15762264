/**
 * The convolution lesson's URL codec: its table of keys. `p` takes numbers
 * (`1`, `1x2`) or PyTorch's `same` / `valid`.
 */
import { PADDING_MODES } from '../../../engine/convInfo';
import {
  decodeFigureLink,
  encodeFigureLink,
  type Decoded,
  type FigureCodec,
  type FigureLinkState,
  specBuilders,
} from '../kit/figureCodec';
import { formatPair, parsePairIn } from '../../urlCodec';
import { CONV_STORY, storyFigure } from './convStory';
import { PHOTO_KEYS } from './photoState';
import { DEFAULT_FIGURE, DEFAULT_PARAMS, LIMITS, seededValues, VALUE_LIMIT, type ConvParams } from './convState';

export type ConvLinkState = FigureLinkState<ConvParams>;

const { int, pair } = specBuilders<ConvParams>(LIMITS);

export const CONV_CODEC: FigureCodec<ConvParams> = {
  specs: [
    int('n', 'batch'),
    int('ci', 'inChannels'),
    int('co', 'outChannels'),
    int('h', 'inH'),
    int('w', 'inW'),
    pair('k', 'kH', 'kW'),
    pair('s', 'strideH', 'strideW'),
    {
      kind: 'custom',
      key: 'p',
      decode: (raw, p) => {
        if (raw === 'same' || raw === 'valid') return { ...p, padKind: raw };
        const v = parsePairIn(raw, LIMITS.padH[0], LIMITS.padH[1]);
        return v === null ? null : { ...p, padKind: 'explicit', padH: v[0], padW: v[1] };
      },
      encode: (p) => (p.padKind === 'explicit' ? formatPair(p.padH, p.padW) : p.padKind),
    },
    { kind: 'enum', key: 'pm', field: 'paddingMode', values: PADDING_MODES },
    pair('d', 'dilH', 'dilW'),
    int('g', 'groups'),
    { kind: 'bool', key: 'b', field: 'bias' },
  ],
  defaults: DEFAULT_PARAMS,
  defaultSeed: DEFAULT_FIGURE.seed,
  valueLimit: VALUE_LIMIT,
  seeded: seededValues,
  storyFigure,
  storySteps: CONV_STORY.length,
  // The photo panel's keys (photoState.ts): read by the lesson's link beside the figure's.
  otherKeys: PHOTO_KEYS,
};

export function decodeConvLink(query: string): Decoded<ConvLinkState> {
  return decodeFigureLink(CONV_CODEC, query);
}

export function encodeConvLink(state: ConvLinkState): string {
  return encodeFigureLink(CONV_CODEC, state);
}
