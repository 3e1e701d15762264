/**
 * The transposed-convolution narrative. Checkpoint answers are read off the
 * engine's view of each step's figure, never written here.
 */
import {
  TRANSPOSED_DEFAULT_PARAMS,
  transposedFigureFromSeed,
  type TransposedFigureState,
  type TransposedParams,
} from './transposedState';
import { storySettings, type StoryStep } from '../kit/story';
import type { FigureNarrative } from '../kit/FigureStory';
import { transposedView, type TransposedView } from './transposedView';

export type TransposedCheckpointKind = 'outputSize' | 'maxOverlap';

export type TransposedStoryStep = StoryStep<TransposedParams, TransposedCheckpointKind>;

export const TRANSPOSED_STORY: readonly TransposedStoryStep[] = [
  { params: {}, seed: 0, checkpoint: 'outputSize' },
  { params: { padH: 1, padW: 1 }, seed: 0, checkpoint: 'outputSize' },
  { params: { padH: 2, padW: 2 }, seed: 0, checkpoint: null },
  { params: { strideH: 2, strideW: 2 }, seed: 0, checkpoint: 'outputSize' },
  {
    params: { inH: 3, inW: 3, kH: 3, kW: 3, strideH: 2, strideW: 2, padH: 1, padW: 1, opH: 1, opW: 1 },
    seed: 4,
    checkpoint: 'outputSize',
  },
  { params: { inH: 4, inW: 4, kH: 3, kW: 3, strideH: 2, strideW: 2 }, seed: 0, checkpoint: 'maxOverlap' },
  {
    params: { inH: 4, inW: 4, kH: 4, kW: 4, strideH: 2, strideW: 2, padH: 1, padW: 1 },
    seed: 0,
    checkpoint: 'maxOverlap',
  },
  { params: { inH: 3, inW: 3, kH: 3, kW: 3, strideH: 2, strideW: 2, bias: true }, seed: 12, checkpoint: null },
];

/** Overlap presets: the same input with kernel/stride pairs that do or do not make a checkerboard. */
export const OVERLAP_PRESETS = [
  { id: 'k3s2', params: { kH: 3, kW: 3, strideH: 2, strideW: 2, padH: 0, padW: 0, opH: 0, opW: 0, dilH: 1, dilW: 1 } },
  { id: 'k4s2', params: { kH: 4, kW: 4, strideH: 2, strideW: 2, padH: 1, padW: 1, opH: 0, opW: 0, dilH: 1, dilW: 1 } },
  { id: 'k2s2', params: { kH: 2, kW: 2, strideH: 2, strideW: 2, padH: 0, padW: 0, opH: 0, opW: 0, dilH: 1, dilW: 1 } },
] as const;

/** The settings step `index` sets up, without making its matrices: cheap enough for every render. */
function transposedStoryParams(index: number): TransposedParams {
  return storySettings(TRANSPOSED_STORY, index, TRANSPOSED_DEFAULT_PARAMS);
}

export function transposedStoryFigure(index: number): TransposedFigureState {
  const step = TRANSPOSED_STORY[Math.max(0, Math.min(TRANSPOSED_STORY.length - 1, index))];
  // The overlap steps use an input of ones, so the canvas shows pure overlap counts times the kernel.
  const fig = transposedFigureFromSeed(transposedStoryParams(index), step?.seed ?? 0);
  return step?.checkpoint === 'maxOverlap'
    ? { ...fig, input: fig.input.map(() => 1), weight: fig.weight.map(() => 1) }
    : fig;
}

function transposedCheckpointAnswer(
  kind: TransposedCheckpointKind,
  view: TransposedView,
): { readonly values: readonly number[]; readonly text: string } {
  if (kind === 'outputSize') {
    const [, , oh, ow] = view.info.outputShape;
    return { values: [oh, ow], text: `${oh} × ${ow}` };
  }
  const max = view.scatter ? Math.max(...view.scatter.overlaps.data) : 0;
  return { values: [max], text: String(max) };
}

/** The narrative as the kit's story panel tells it. */
export const TRANSPOSED_NARRATIVE: FigureNarrative<TransposedParams, TransposedCheckpointKind> = {
  steps: TRANSPOSED_STORY,
  figure: transposedStoryFigure,
  answer: (kind, figure) => transposedCheckpointAnswer(kind, transposedView(figure)),
};
