/**
 * What every figure lesson's page does the same way: read its figure and
 * narrative step, keep the step count in step with the figure, keep the link
 * in the address bar, run playback and its keys, and remember which
 * checkpoints were answered on this visit.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { FigureModel } from '../../../components/figures/figureModel';
import type { Theme } from '../../theme';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { useLatestCallback } from '../../useLatestCallback';
import { useLessonUrl, type LessonUrlBinding } from '../../useLessonUrl';
import { usePlayback } from '../../usePlayback';
import type { LessonSlice } from '../contract';
import type { FigureValues, FigureLinkState } from './figureCodec';
import type { FigureActions, FigureHistory } from './figureActions';
import { focusIn, useSlice, useSliceActions } from './slice';
import { checkpointWaits, shapeWaits, type StoryQuestions } from './story';

export interface FigureLessonPage<P> {
  readonly figure: FigureValues<P>;
  /** Narrative step. */
  readonly story: number;
  readonly actions: FigureActions<P>;
  readonly figureRef: RefObject<HTMLDivElement | null>;
  /**
   * Whether the checkpoint of the current narrative step was answered on this
   * visit; always in an embed, which shows no question to answer.
   */
  readonly revealed: boolean;
  readonly reveal: () => void;
  /**
   * The one rule every panel of the page reads (`checkpointWaits`): the
   * current step's checkpoint waits, so the output's values, the formulas,
   * the printed results of the PyTorch code and the announcements hide its
   * answer. Never in an embed; exports draw without it.
   */
  readonly hidden: boolean;
  /**
   * The waiting checkpoint asks about the output's shape (`shapeWaits`): the
   * figure draws each output as one "?" cell, at its first window, and points
   * at no outputs, and playback waits (no clock, no playback keys; its bar
   * disabled, without telling how many steps there are). Implies `hidden`.
   */
  readonly hiddenShape: boolean;
}

/**
 * `binding` is the lesson's link: its figure's (`FigureLinkState`), or that
 * and more of the lesson's own state; `narrative` its steps, whose
 * checkpoints decide what the page hides, and which of them ask about the shape.
 */
export function useFigureLesson<P, C extends string, L extends FigureLinkState<P> = FigureLinkState<P>>(
  query: string,
  slice: LessonSlice<FigureHistory<P>, FigureActions<P>>,
  binding: LessonUrlBinding<L>,
  total: number,
  narrative: StoryQuestions<P, C>,
): FigureLessonPage<P> {
  const store = useAppStoreApi();
  const figure = useSlice(slice, (s) => s.present);
  const story = useSlice(slice, (s) => s.story);
  const actions = useSliceActions(slice);
  const setTotal = useAppStore((s) => s.setTotal);
  const embed = useAppStore((s) => s.embed);
  const figureRef = useRef<HTMLDivElement>(null);
  // Predict-then-reveal: which narrative steps have been answered this visit.
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());

  // Before the link is applied: the link's own total and step must win over this render's.
  useEffect(() => setTotal(total), [setTotal, total]);
  useLessonUrl(query, binding);
  const answered = embed || revealed.has(story);
  const hiddenShape = shapeWaits(narrative, story, answered);
  // While the shape is hidden, playback waits: no clock, no playback keys; the figure draws the first window.
  usePlayback(figureRef, actions.undo, actions.redo, hiddenShape);
  const reveal = useCallback(() => {
    setRevealed((r) => new Set(r).add(story));
    // Answering a size question starts playback at the window the figure showed while it waited.
    if (hiddenShape) store.getState().setStep(0);
  }, [story, hiddenShape, store]);
  return {
    figure,
    story,
    actions,
    figureRef,
    revealed: answered,
    reveal,
    hidden: checkpointWaits(narrative.steps, story, answered),
    hiddenShape,
  };
}

/**
 * The figure as the share panel exports it: `model` draws it as it is now
 * (step, focus), `frames` every playback step for a GIF. An export is a
 * figure for slides and handouts, with no question beside it, so it always
 * shows the answers a waiting checkpoint hides on the page. Both
 * keep their identity, so the memoized share panel does not render on edits.
 */
export function useFigureExports<F>(
  slice: { readonly id: string },
  draw: (step: number, focus: F | null, theme: Theme) => FigureModel,
  step: number,
  total: number,
): { readonly model: () => FigureModel; readonly frames: () => FigureModel[] } {
  const store = useAppStoreApi();
  const model = useLatestCallback(() => {
    const state = store.getState();
    return draw(step, focusIn<F>(state, slice), state.theme);
  });
  const frames = useLatestCallback(() => {
    const theme = store.getState().theme;
    return Array.from({ length: total }, (_, i) => draw(i, null, theme));
  });
  return { model, frames };
}
