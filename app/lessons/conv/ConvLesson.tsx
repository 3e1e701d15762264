import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { focusIn, sliceActions, useSlice, useSliceActions } from '../kit/slice';
import { convSlice } from './slice';
import type { ConvLinkState } from './convLink';
import { convPytorchCode } from './convPytorch';
import { applyFix, DEFAULT_FIGURE } from './convState';
import { CONV_STORY, storyParams } from './convStory';
import { convView, type ConvFocus } from './convView';
import { hasStorySettings } from '../kit/story';
import type { LessonProps } from '../contract';
import { useAppStore, useAppStoreApi } from '../../store/react';
import { useLessonUrl, type LessonUrlBinding } from '../../useLessonUrl';
import { convLink } from './link';
import { useAfterPaint } from '../../useAfterPaint';
import { useLatestCallback } from '../../useLatestCallback';
import { useConvWords } from './messages';
import { usePlayback } from '../../usePlayback';
import { buildConvFigure, convAnnouncement, convFigureModel } from './convFigureModel';
import { SharePanel } from '../kit/SharePanel';
import { Legend, type LegendState } from '../kit/Legend';
import { FigurePanel, LessonLayout } from '../kit/LessonShell';
import { ConvControls } from './ConvControls';
import { ConvFigureView } from './ConvFigureView';
import { ConvFormulas } from './ConvFormulas';
import { ConvStory } from './ConvStory';

const binding: LessonUrlBinding<ConvLinkState> = { lesson: 'conv', ...convLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'target', 'padding', 'unvisited', 'gap', 'pending'];

/** `#/conv`: the convolution lesson. */
export default function ConvLesson({ query }: LessonProps) {
  const t = useConvWords();
  const store = useAppStoreApi();
  const figure = useSlice(convSlice, (s) => s.present);
  const story = useSlice(convSlice, (s) => s.story);
  const setParams = useSliceActions(convSlice).setParams;
  const undo = useSliceActions(convSlice).undo;
  const redo = useSliceActions(convSlice).redo;
  const setTotal = useAppStore((s) => s.setTotal);
  const view = convView(figure);
  // The figure updates in the frame of the edit; formulas and code follow in the next one.
  const deferred = useAfterPaint(figure);
  const code = useMemo(() => convPytorchCode(deferred, convView(deferred)), [deferred]);
  const figureRef = useRef<HTMLDivElement>(null);
  // Predict-then-reveal: which narrative steps have been answered this visit.
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());

  // Before the link is applied: the link's own total and step must win over this render's.
  useEffect(() => setTotal(view.total), [setTotal, view.total]);
  useLessonUrl(query, binding);
  usePlayback(figureRef, undo, redo);

  const reveal = useCallback(() => setRevealed((r) => new Set(r).add(story)), [story]);
  const checkpoint = CONV_STORY[story]?.checkpoint ?? null;
  const hideOutput =
    checkpoint !== null &&
    !revealed.has(story) &&
    story < CONV_STORY.length - 1 &&
    hasStorySettings(figure.params, storyParams(story));
  const step = useAppStore((s) => s.playback.step);
  const announce = convAnnouncement(view, step, hideOutput, t);

  const model = useLatestCallback(() =>
    convFigureModel(
      buildConvFigure(figure, view, {
        step,
        focus: focusIn<ConvFocus>(store.getState(), convSlice),
        hideOutput,
        theme: store.getState().theme,
        t,
      }),
      t.conv.title,
    ),
  );
  const frames = useLatestCallback(() =>
    Array.from({ length: view.total }, (_, i) =>
      convFigureModel(
        buildConvFigure(figure, view, { step: i, focus: null, hideOutput: false, theme: store.getState().theme, t }),
        t.conv.title,
      ),
    ),
  );
  return (
    <LessonLayout
      id="conv"
      title={t.conv.title}
      story={<ConvStory revealed={revealed.has(story)} onReveal={reveal} />}
      figure={
        <FigurePanel
          refusal={view.refusal}
          fixes={view.fixes}
          settingNames={{ paddingMode: t.conv.controls.paddingMode }}
          onFix={(s) => setParams(applyFix(figure.params, s))}
          onReset={() => sliceActions(store, convSlice).load(DEFAULT_FIGURE, 0)}
          playable={view.result !== null}
          announce={announce}
        >
          <ConvFigureView hideOutput={hideOutput} figureRef={figureRef} />
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={
        <>
          <ConvControls />
          <ConvFormulas figure={deferred} hideAnswers={hideOutput} />
          <SharePanel name="convlab-conv" model={model} frames={frames} code={code} />
        </>
      }
    />
  );
}
