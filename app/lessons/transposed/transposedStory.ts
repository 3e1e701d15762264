/**
 * The transposed-convolution narrative. Checkpoint answers are read off the
 * engine's view of each step's figure, never written here.
 */
import {
  TRANSPOSED_DEFAULT_PARAMS,
  TRANSPOSED_LIMITS,
  transposedFigureFromSeed,
  transposedInfoOf,
  type TransposedFigureState,
  type TransposedParams,
} from './transposedState';
import { storySettings, type StoryStep } from '../kit/story';
import type { FigureNarrative } from '../kit/FigureStory';
import { transposedView, type TransposedView } from './transposedView';

/**
 * What a checkpoint asks: the output's size, the most stamps on one canvas
 * cell, or the largest padding the layer accepts (the refused-padding step).
 */
export type TransposedCheckpointKind = 'outputSize' | 'maxOverlap' | 'maxPadding';

export type TransposedStoryStep = StoryStep<TransposedParams, TransposedCheckpointKind>;

/**
 * The steps, in order; a link's `story=N` opens step N. Steps 0 and 8–10 were
 * added with the contrast to convolution, the uses, the layer's own kernel
 * and Cᵀ; links written before then name the same number and open the step
 * that now has it (the free-play step moved from 7 to 11).
 */
export const TRANSPOSED_STORY: readonly TransposedStoryStep[] = [
  // Many-to-one against one-to-many.
  { params: {}, seed: 0, checkpoint: null },
  { params: {}, seed: 0, checkpoint: 'outputSize' },
  { params: { padH: 1, padW: 1 }, seed: 0, checkpoint: 'outputSize' },
  { params: { padH: 2, padW: 2 }, seed: 0, checkpoint: 'maxPadding' },
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
  // What it is for: a decoder's ×2 layer (kernel 4, stride 2, padding 1).
  {
    params: { inH: 3, inW: 3, kH: 4, kW: 4, strideH: 2, strideW: 2, padH: 1, padW: 1 },
    seed: 4,
    checkpoint: 'outputSize',
  },
  // A layer with its own learned kernel.
  { params: { inH: 3, inW: 3, kH: 3, kW: 3, strideH: 2, strideW: 2 }, seed: 12, checkpoint: null },
  // The gradient of a convolution, Cᵀ: the shape comes back (a conv k3 s2 takes 5×5 to 2×2), not the values.
  // Its text names the sizes it explains, so it asks nothing.
  { params: { kH: 3, kW: 3, strideH: 2, strideW: 2 }, seed: 4, checkpoint: null },
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

/**
 * The largest padding, the same on both axes, that the engine accepts with the
 * figure's other settings; −1 when none does.
 */
function largestPadding(params: TransposedParams): number {
  for (let p = TRANSPOSED_LIMITS.padH[1]; p >= 0; p--) {
    if (transposedInfoOf({ ...params, padH: p, padW: p }).valid) return p;
  }
  return -1;
}

function transposedCheckpointAnswer(
  kind: TransposedCheckpointKind,
  figure: TransposedFigureState,
  view: TransposedView,
): { readonly values: readonly number[]; readonly text: string } {
  switch (kind) {
    case 'outputSize': {
      const [, , oh, ow] = view.info.outputShape;
      return { values: [oh, ow], text: `${oh} × ${ow}` };
    }
    case 'maxOverlap': {
      const max = view.scatter ? Math.max(...view.scatter.overlaps.data) : 0;
      return { values: [max], text: String(max) };
    }
    case 'maxPadding': {
      const p = largestPadding(figure.params);
      return { values: [p], text: String(p) };
    }
  }
}

/** The narrative as the kit's story panel tells it. */
export const TRANSPOSED_NARRATIVE: FigureNarrative<TransposedParams, TransposedCheckpointKind> = {
  steps: TRANSPOSED_STORY,
  // The output's size, and the largest padding that leaves an output, follow from its shape; the overlap count does not.
  shapeKinds: ['outputSize', 'maxPadding'],
  figure: transposedStoryFigure,
  answer: (kind, figure) => transposedCheckpointAnswer(kind, figure, transposedView(figure)),
};
