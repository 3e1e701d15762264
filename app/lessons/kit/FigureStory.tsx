import { memo, useMemo } from 'react';
import { useAppStore } from '../../store/react';
import type { LessonSlice } from '../contract';
import type { FigureValues } from './figureCodec';
import { sameFigure, type FigureActions, type FigureHistory } from './figureActions';
import { useFigureWords } from './messages';
import { useSlice, useSliceActions } from './slice';
import { answerMatches, type StoryQuestions, type StoryText } from './story';
import { StoryPanel } from './StoryPanel';

/** A figure lesson's narrative, as `FigureStory` tells it. */
export interface FigureNarrative<P, C extends string> extends StoryQuestions<P, C> {
  /** The figure step `index` sets up. */
  readonly figure: (index: number) => FigureValues<P>;
  /** A checkpoint's answer, read off the engine's view of the figure: [values to compare, text to show]. */
  readonly answer: (kind: C, figure: FigureValues<P>) => { readonly values: readonly number[]; readonly text: string };
}

export interface FigureStoryProps<P, C extends string> {
  readonly slice: LessonSlice<FigureHistory<P>, FigureActions<P>>;
  readonly narrative: FigureNarrative<P, C>;
  /** Each step's title, body and link, in the reader's language. */
  readonly texts: readonly StoryText[];
  readonly questions: Readonly<Record<C, string>>;
  readonly revealed: boolean;
  readonly onReveal: () => void;
  /** The figure on screen is refused: its checkpoint waits until a setting changes. */
  readonly refused: boolean;
}

/**
 * A figure lesson's narrative steps and checkpoints: a step sets the figure and
 * may ask for a prediction first. A step's text describes the step's own
 * figure; once the student has changed it (a setting, a number, new random
 * numbers), the step says so and offers to load its figure again. The last
 * step invites any figure, so it never does.
 */
function FigureStoryPanel<P, C extends string>({
  slice,
  narrative,
  texts,
  questions,
  revealed,
  onReveal,
  refused,
}: FigureStoryProps<P, C>) {
  const story = useSlice(slice, (s) => s.story);
  const figure = useSlice(slice, (s) => s.present);
  const { load } = useSliceActions(slice);
  const setStep = useAppStore((s) => s.setStep);
  const index = Math.max(0, Math.min(narrative.steps.length - 1, story));
  const kind = narrative.steps[index]?.checkpoint ?? null;
  const text = texts[index];
  const answer = kind ? narrative.answer(kind, figure) : null;
  const words = useFigureWords().figure.story;
  const own = useMemo(() => narrative.figure(index), [narrative, index]);
  const restore = () => {
    load(own, index);
    setStep(0);
  };
  const changed = index < narrative.steps.length - 1 && !sameFigure(figure, own);
  return (
    <StoryPanel
      index={index}
      count={narrative.steps.length}
      title={text?.title ?? ''}
      body={text?.body ?? ''}
      link={text?.link ?? null}
      restore={changed ? { text: words.changed, label: words.restore, onRestore: () => restore() } : null}
      checkpoint={
        kind && answer
          ? {
              question: questions[kind],
              answer: answer.text,
              matches: (typed) => answerMatches(typed, answer.values),
              refused,
            }
          : null
      }
      revealed={revealed}
      onReveal={onReveal}
      onGo={(i) => {
        load(narrative.figure(i), i);
        setStep(0);
      }}
    />
  );
}

export const FigureStory = memo(FigureStoryPanel) as typeof FigureStoryPanel;
