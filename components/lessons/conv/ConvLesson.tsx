import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { focusIn, sliceActions, useSlice, useSliceActions } from '../../../app/lessons/kit/slice';
import { convSlice } from '../../../app/lessons/conv/slice';
import type { ConvLinkState } from '../../../app/conv/convLink';
import { convPytorchCode } from '../../../app/conv/convPytorch';
import { applyFix, DEFAULT_FIGURE } from '../../../app/conv/convState';
import { CONV_STORY, storyParams } from '../../../app/conv/convStory';
import { convView, type ConvFocus } from '../../../app/conv/convView';
import { hasStorySettings } from '../../../app/story';
import type { LessonProps } from '../../../app/lessons/contract';
import { useAppStore, useAppStoreApi } from '../../../app/store/react';
import { useLessonUrl, type LessonUrlBinding } from '../../../app/useLessonUrl';
import { convLink } from '../../../app/lessons/conv/link';
import { useAfterPaint } from '../../../app/useAfterPaint';
import { useLatestCallback } from '../../../app/useLatestCallback';
import { useMessages } from '../../../app/useMessages';
import { usePlayback } from '../../../app/usePlayback';
import { buildConvFigure, convAnnouncement, convFigureModel } from '../../figures/convFigureModel';
import { SharePanel } from '../../share/SharePanel';
import { Legend, type LegendState } from '../Legend';
import { FigurePanel, LessonLayout } from '../LessonShell';
import { ConvControls } from './ConvControls';
import { ConvFigureView } from './ConvFigureView';
import { ConvFormulas } from './ConvFormulas';
import { ConvStory } from './ConvStory';

const binding: LessonUrlBinding<ConvLinkState> = { lesson: 'conv', ...convLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'target', 'padding', 'unvisited', 'gap', 'pending'];

/** `#/conv`: the convolution lesson. */
export default function ConvLesson({ query }: LessonProps) {
  const t = useMessages();
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
