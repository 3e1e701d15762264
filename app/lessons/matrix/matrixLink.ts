/** The matrix lesson's URL codec: its table of keys. */
import {
  decodeFigureLink,
  encodeFigureLink,
  specBuilders,
  type Decoded,
  type FigureCodec,
  type FigureLinkState,
} from '../kit/figureCodec';
import {
  MATRIX_DEFAULT_PARAMS,
  MATRIX_DEFAULT_SEED,
  MATRIX_LIMITS,
  MATRIX_VALUE_LIMIT,
  matrixSeededValues,
  type MatrixParams,
} from './matrixState';
import { MATRIX_STORY, matrixStoryFigure } from './matrixStory';

export type MatrixLinkState = FigureLinkState<MatrixParams>;

const { int, pair } = specBuilders<MatrixParams>(MATRIX_LIMITS);

export const MATRIX_CODEC: FigureCodec<MatrixParams> = {
  specs: [
    int('h', 'inH'),
    int('w', 'inW'),
    pair('k', 'kH', 'kW'),
    pair('s', 'strideH', 'strideW'),
    pair('p', 'padH', 'padW'),
  ],
  defaults: MATRIX_DEFAULT_PARAMS,
  defaultSeed: MATRIX_DEFAULT_SEED,
  valueLimit: MATRIX_VALUE_LIMIT,
  seeded: matrixSeededValues,
  storyFigure: matrixStoryFigure,
  storySteps: MATRIX_STORY.length,
};

export function decodeMatrixLink(query: string): Decoded<MatrixLinkState> {
  return decodeFigureLink(MATRIX_CODEC, query);
}

export function encodeMatrixLink(state: MatrixLinkState): string {
  return encodeFigureLink(MATRIX_CODEC, state);
}
