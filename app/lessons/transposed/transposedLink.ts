/** The transposed-convolution lesson's URL codec: its table of keys. */
import {
  decodeFigureLink,
  encodeFigureLink,
  type Decoded,
  type FigureCodec,
  type FigureLinkState,
  specBuilders,
} from '../kit/figureCodec';
import {
  TRANSPOSED_DEFAULT_PARAMS,
  TRANSPOSED_DEFAULT_SEED,
  TRANSPOSED_LIMITS,
  transposedSeededValues,
  VALUE_LIMIT,
  type TransposedParams,
} from './transposedState';
import { TRANSPOSED_STORY, transposedStoryFigure } from './transposedStory';

export type TransposedLinkState = FigureLinkState<TransposedParams>;

const { int, pair } = specBuilders<TransposedParams>(TRANSPOSED_LIMITS);

export const TRANSPOSED_CODEC: FigureCodec<TransposedParams> = {
  specs: [
    int('n', 'batch'),
    int('ci', 'inChannels'),
    int('co', 'outChannels'),
    int('h', 'inH'),
    int('w', 'inW'),
    pair('k', 'kH', 'kW'),
    pair('s', 'strideH', 'strideW'),
    pair('p', 'padH', 'padW'),
    pair('op', 'opH', 'opW'),
    pair('d', 'dilH', 'dilW'),
    int('g', 'groups'),
    { kind: 'bool', key: 'b', field: 'bias' },
  ],
  defaults: TRANSPOSED_DEFAULT_PARAMS,
  defaultSeed: TRANSPOSED_DEFAULT_SEED,
  valueLimit: VALUE_LIMIT,
  seeded: transposedSeededValues,
  storyFigure: transposedStoryFigure,
  storySteps: TRANSPOSED_STORY.length,
};

export function decodeTransposedLink(query: string): Decoded<TransposedLinkState> {
  return decodeFigureLink(TRANSPOSED_CODEC, query);
}

export function encodeTransposedLink(state: TransposedLinkState): string {
  return encodeFigureLink(TRANSPOSED_CODEC, state);
}
