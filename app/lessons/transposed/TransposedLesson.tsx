import { useEffect, useMemo, useRef, useState } from 'react';
import { focusIn, sliceActions, useSlice, useSliceActions } from '../kit/slice';
import { transposedSlice } from './slice';
import type { LessonProps } from '../contract';
import { useAppStore, useAppStoreApi } from '../../store/react';
import type { TransposedLinkState } from './transposedLink';
import { transposedPytorchCode } from './transposedPytorch';
import { T_DEFAULT_FIGURE, tApplyFix } from './transposedState';
import { tCheckpointAnswer, TRANSPOSED_STORY, tStoryFigure, tStoryParams } from './transposedStory';
import { transposedView, type TransposedFocus } from './transposedView';
import { answerMatches, hasStorySettings } from '../kit/story';
import { useLessonUrl, type LessonUrlBinding } from '../../useLessonUrl';
import { transposedLink } from './link';
import { useAfterPaint } from '../../useAfterPaint';
import { useLatestCallback } from '../../useLatestCallback';
import { useTransposedWords } from './messages';
import { usePlayback } from '../../usePlayback';
import { buildTransposedFigure, transposedAnnouncement, transposedFigureModel } from './transposedFigureModel';
import { SharePanel } from '../kit/SharePanel';
import { Legend, type LegendState } from '../kit/Legend';
import { FigurePanel, LessonLayout } from '../kit/LessonShell';
import { StoryPanel } from '../kit/StoryPanel';
import { TransposedControls } from './TransposedControls';
import { TransposedFigureView } from './TransposedFigureView';
import { TransposedFormulas } from './TransposedFormulas';

const binding: LessonUrlBinding<TransposedLinkState> = { lesson: 'transposed', ...transposedLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'target', 'cropped', 'padding', 'gap', 'pending'];

/** `#/transposed`: the transposed convolution lesson. */
export default function TransposedLesson({ query }: LessonProps) {
  const t = useTransposedWords();
  const store = useAppStoreApi();
  const figure = useSlice(transposedSlice, (s) => s.present);
  const story = useSlice(transposedSlice, (s) => s.story);
  const step = useAppStore((s) => s.playback.step);
  const setParams = useSliceActions(transposedSlice).setParams;
  const undo = useSliceActions(transposedSlice).undo;
  const redo = useSliceActions(transposedSlice).redo;
  const setTotal = useAppStore((s) => s.setTotal);
  const load = useSliceActions(transposedSlice).load;
  const setStep = useAppStore((s) => s.setStep);
  const view = transposedView(figure);
  // The figure updates in the frame of the edit; formulas and code follow in the next one.
  const deferred = useAfterPaint(figure);
  const code = useMemo(() => transposedPytorchCode(deferred, transposedView(deferred)), [deferred]);
  const figureRef = useRef<HTMLDivElement>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());

  // Before the link is applied: the link's own total and step must win over this render's.
  useEffect(() => setTotal(view.total), [setTotal, view.total]);
  useLessonUrl(query, binding);
  usePlayback(figureRef, undo, redo);

  const index = Math.max(0, Math.min(TRANSPOSED_STORY.length - 1, story));
  const kind = TRANSPOSED_STORY[index]?.checkpoint ?? null;
  const hideOutput = kind !== null && !revealed.has(index) && hasStorySettings(figure.params, tStoryParams(index));
  const answer = kind ? tCheckpointAnswer(kind, view) : null;
  const text = t.transposed.steps[index];

  const model = useLatestCallback(() => {
    const state = store.getState();
    const opts = { step, focus: focusIn<TransposedFocus>(state, transposedSlice), hideOutput, theme: state.theme, t };
    return transposedFigureModel(buildTransposedFigure(figure, view, opts), t.transposed.title);
  });
  const frames = useLatestCallback(() => {
    const theme = store.getState().theme;
    return Array.from({ length: view.total }, (_, i) =>
      transposedFigureModel(
        buildTransposedFigure(figure, view, { step: i, focus: null, hideOutput: false, theme, t }),
        t.transposed.title,
      ),
    );
  });
  const announce = transposedAnnouncement(view, step, t);
  return (
    <LessonLayout
      id="transposed"
      title={t.transposed.title}
      story={
        <StoryPanel
          index={index}
          count={TRANSPOSED_STORY.length}
          title={text?.title ?? ''}
          body={text?.body ?? ''}
          checkpoint={
            kind && answer
              ? {
                  question: t.transposed.questions[kind],
                  answer: answer.text,
                  matches: (typed) => answerMatches(typed, answer.values),
                }
              : null
          }
          revealed={revealed.has(index)}
          onReveal={() => setRevealed((r) => new Set(r).add(index))}
          onGo={(i) => {
            load(tStoryFigure(i), i);
            setStep(0);
          }}
        />
      }
      figure={
        <FigurePanel
          refusal={view.refusal}
          fixes={view.fixes}
          settingNames={{ outputPadding: t.transposed.controls.outputPadding }}
          onFix={(s) => setParams(tApplyFix(figure.params, s))}
          onReset={() => sliceActions(store, transposedSlice).load(T_DEFAULT_FIGURE, 0)}
          playable={view.scatter !== null}
          announce={announce}
        >
          <TransposedFigureView hideOutput={hideOutput} figureRef={figureRef} />
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={
        <>
          <TransposedControls />
          <TransposedFormulas figure={deferred} hideAnswers={hideOutput} />
          <SharePanel name="convlab-transposed" model={model} frames={frames} code={code} />
        </>
      }
    />
  );
}
