/**
 * The convolution lesson's narrative: each step sets the figure. Checkpoint
 * answers are never written here: they are read off the engine's view of the
 * step's figure, so they cannot disagree with what the figure shows.
 */
import { DEFAULT_PARAMS, figureFromSeed, type ConvFigureState, type ConvParams } from './convState';
import { storySettings, type StoryStep as LessonStoryStep } from '../kit/story';
import type { FigureNarrative } from '../kit/FigureStory';
import { convView, type ConvView } from './convView';

export type CheckpointKind = 'outputSize' | 'outputRows' | 'paramCount';

export type StoryStep = LessonStoryStep<ConvParams, CheckpointKind>;

export const CONV_STORY: readonly StoryStep[] = [
  { params: {}, seed: 7, checkpoint: 'outputSize' },
  { params: { inH: 6, inW: 6, strideH: 2, strideW: 2 }, seed: 11, checkpoint: 'outputRows' },
  { params: { padH: 1, padW: 1, paddingMode: 'reflect' }, seed: 7, checkpoint: 'outputSize' },
  { params: { inH: 7, inW: 7, dilH: 2, dilW: 2 }, seed: 5, checkpoint: 'outputSize' },
  { params: { inChannels: 3, inH: 4, inW: 4 }, seed: 3, checkpoint: 'paramCount' },
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
  return figureFromSeed(storyParams(index), step?.seed ?? 7);
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
  }
}

/** The narrative as the kit's story panel tells it. */
export const CONV_NARRATIVE: FigureNarrative<ConvParams, CheckpointKind> = {
  steps: CONV_STORY,
  figure: storyFigure,
  answer: (kind, figure) => checkpointAnswer(kind, convView(figure)),
};
