/**
 * The matrix lesson's narrative. Checkpoint answers are read off the engine's
 * view of each step's figure, never written here.
 */
import { storySettings, type StoryStep } from '../kit/story';
import type { FigureNarrative } from '../kit/FigureStory';
import { MATRIX_DEFAULT_PARAMS, matrixFigureFromSeed, type MatrixFigureState, type MatrixParams } from './matrixState';
import { matrixView, type MatrixView } from './matrixView';

/** What a checkpoint asks: C's row count, its weight-holding entries, or how many cells Cᵀ·y gets back. */
export type MatrixCheckpointKind = 'rows' | 'weights' | 'giveBack';

export type MatrixStoryStep = StoryStep<MatrixParams, MatrixCheckpointKind>;

export const MATRIX_STORY: readonly MatrixStoryStep[] = [
  { params: {}, seed: 0, checkpoint: null },
  { params: {}, seed: 0, checkpoint: 'rows' },
  { params: {}, seed: 0, checkpoint: 'weights' },
  { params: {}, seed: 0, checkpoint: null },
  { params: { inH: 5, inW: 5, strideH: 2, strideW: 2, padH: 1, padW: 1 }, seed: 0, checkpoint: 'rows' },
  { params: {}, seed: 0, checkpoint: 'giveBack' },
  { params: {}, seed: 0, checkpoint: null },
  { params: {}, seed: 0, checkpoint: null },
  { params: { inH: 3, inW: 3, kH: 1, kW: 1 }, seed: 0, checkpoint: null },
  { params: {}, seed: 0, checkpoint: null },
  { params: { inH: 5, inW: 5 }, seed: 7, checkpoint: null },
];

/** The figure narrative step `index` (clamped to the story) sets up. */
export function matrixStoryFigure(index: number): MatrixFigureState {
  const step = MATRIX_STORY[Math.max(0, Math.min(MATRIX_STORY.length - 1, index))];
  return matrixFigureFromSeed(storySettings(MATRIX_STORY, index, MATRIX_DEFAULT_PARAMS), step?.seed ?? 0);
}

/** Which part of the figure a waiting checkpoint hides: everything that shows C's size, or what Cᵀ·y gives back. */
export type MatrixHidden = 'none' | 'product' | 'transpose';

export function hiddenFor(kind: MatrixCheckpointKind | null): MatrixHidden {
  return kind === null ? 'none' : kind === 'giveBack' ? 'transpose' : 'product';
}

function matrixCheckpointAnswer(
  kind: MatrixCheckpointKind,
  view: MatrixView,
): { readonly values: readonly number[]; readonly text: string } {
  const n = view.numbers;
  if (!n) return { values: [0], text: '0' };
  const u = n.unrolled;
  switch (kind) {
    case 'rows':
      return { values: [u.rows], text: String(u.rows) };
    case 'weights':
      return { values: [u.weightEntries], text: `${u.weightEntries} / ${u.entries}` };
    case 'giveBack': {
      const same = Array.from(n.transpose.back).filter((v, i) => Math.abs(v - (u.x[i] ?? 0)) < 1e-9).length;
      return { values: [same], text: `${same} / ${u.cols}` };
    }
  }
}

/** The narrative as the kit's story panel tells it. */
export const MATRIX_NARRATIVE: FigureNarrative<MatrixParams, MatrixCheckpointKind> = {
  steps: MATRIX_STORY,
  figure: matrixStoryFigure,
  answer: (kind, figure) => matrixCheckpointAnswer(kind, matrixView(figure)),
};
