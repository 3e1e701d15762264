/**
 * The convolution lesson's narrative: each step sets the figure. Checkpoint
 * answers are never written here: they are read off the engine's view of the
 * step's figure, so they cannot disagree with what the figure shows.
 */
import { DEFAULT_PARAMS, figureFromSeed, type ConvFigureState, type ConvParams } from './convState';
import { storySettings, type StoryStep as LessonStoryStep } from '../kit/story';
import type { FigureNarrative } from '../kit/FigureStory';
import { convView, type ConvView } from './convView';
import { formatCell } from '../../parseNumbers';

/**
 * What a checkpoint asks: the output's size or rows, the parameter count, or
 * the number in the top-left output cell (the first window's sum).
 */
export type CheckpointKind = 'outputSize' | 'outputRows' | 'paramCount' | 'firstCell';

/** A step, and for a step that shows a worked example, the example's own numbers instead of seeded ones. */
export type StoryStep = LessonStoryStep<ConvParams, CheckpointKind> & {
  readonly values?: { readonly input: readonly number[]; readonly weight: readonly number[] };
};

/**
 * The lesson's first example (`lesson_examples.json`, case 0): the 4×4 input
 * torch.arange(16.0), one 3×3 kernel whose rows are all [1, 0, −1], no bias.
 */
const FIRST_EXAMPLE = {
  input: Array.from({ length: 16 }, (_, i) => i),
  weight: [1, 0, -1, 1, 0, -1, 1, 0, -1],
};

/**
 * The steps, in order; a link's `story=N` opens step N. Steps 0, 1–3, 5–7 and
 * 10–11 were added when the story was split so that each step teaches one
 * thing; links written before then name the same number and open the step
 * that now has it (the free-play step moved from 7 to 13).
 */
export const CONV_STORY: readonly StoryStep[] = [
  // The lesson's own first example: 4×4 → 2×2, and the [batch, channel, height, width] it needs.
  { params: { inH: 4, inW: 4, bias: false }, seed: 7, checkpoint: 'outputSize', values: FIRST_EXAMPLE },
  // One window: multiply and add, no bias yet.
  { params: { bias: false }, seed: 7, checkpoint: 'firstCell' },
  // The same window with a bias.
  { params: {}, seed: 7, checkpoint: 'firstCell' },
  // The window slides: how many positions fit.
  { params: {}, seed: 7, checkpoint: 'outputSize' },
  { params: { inH: 6, inW: 6, strideH: 2, strideW: 2 }, seed: 11, checkpoint: 'outputRows' },
  // Padding with zeros.
  { params: { padH: 1, padW: 1 }, seed: 7, checkpoint: 'outputSize' },
  // Padding modes: what the border holds.
  { params: { padH: 1, padW: 1, paddingMode: 'reflect' }, seed: 7, checkpoint: null },
  // padding='same'.
  { params: { padKind: 'same', kH: 5, kW: 5 }, seed: 7, checkpoint: null },
  { params: { inH: 7, inW: 7, dilH: 2, dilW: 2 }, seed: 5, checkpoint: 'outputSize' },
  { params: { inChannels: 3, inH: 4, inW: 4 }, seed: 3, checkpoint: 'paramCount' },
  // Many kernels: one output channel and one bias each.
  { params: { inChannels: 3, outChannels: 2, inH: 4, inW: 4 }, seed: 3, checkpoint: null },
  // Counting the parameters of the same layer.
  { params: { inChannels: 3, outChannels: 2, inH: 4, inW: 4 }, seed: 3, checkpoint: 'paramCount' },
  {
    params: { inChannels: 4, outChannels: 2, groups: 2, inH: 4, inW: 4, kH: 2, kW: 2 },
    seed: 9,
    checkpoint: 'paramCount',
  },
  { params: { inH: 6, inW: 6, padH: 1, padW: 1 }, seed: 21, checkpoint: null },
];

/** The settings step `index` sets up, without making its matrices: cheap enough for every render. */
function storyParams(index: number): ConvParams {
  return storySettings(CONV_STORY, index, DEFAULT_PARAMS);
}

export function storyFigure(index: number): ConvFigureState {
  const step = CONV_STORY[Math.max(0, Math.min(CONV_STORY.length - 1, index))];
  const figure = figureFromSeed(storyParams(index), step?.seed ?? 7);
  return step?.values ? { ...figure, ...step.values } : figure;
}

/** The answer to a checkpoint, from the engine's view: [value to compare, text to show]. */
function checkpointAnswer(
  kind: CheckpointKind,
  view: ConvView,
): { readonly values: readonly number[]; readonly text: string } {
  const [, , oh, ow] = view.info.outputShape;
  switch (kind) {
    case 'outputSize':
      return { values: [oh, ow], text: `${oh} × ${ow}` };
    case 'outputRows':
      return { values: [oh], text: String(oh) };
    case 'paramCount':
      return { values: [view.formulas.params.total], text: String(view.formulas.params.total) };
    case 'firstCell': {
      // A refused figure has no output: nothing can match.
      const first = view.result?.output.data[0];
      return first === undefined ? { values: [], text: '—' } : { values: [first], text: formatCell(first) };
    }
  }
}

/** The narrative as the kit's story panel tells it. */
export const CONV_NARRATIVE: FigureNarrative<ConvParams, CheckpointKind> = {
  steps: CONV_STORY,
  // The output's size and its rows are read off its shape; the first cell and the parameter count are not.
  shapeKinds: ['outputSize', 'outputRows'],
  figure: storyFigure,
  answer: (kind, figure) => checkpointAnswer(kind, convView(figure)),
};
