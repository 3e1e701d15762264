import { useMemo } from 'react';
import { useAppStore } from '../../store/react';
import { useAfterPaint } from '../../useAfterPaint';
import type { LessonUrlBinding } from '../../useLessonUrl';
import type { LessonProps } from '../contract';
import { FigureStory } from '../kit/FigureStory';
import { Legend, type LegendState } from '../kit/Legend';
import { FigurePanel, LessonLayout } from '../kit/LessonShell';
import { SharePanel } from '../kit/SharePanel';
import { useSlice } from '../kit/slice';
import { useFigureExports, useFigureLesson } from '../kit/useFigureLesson';
import { ConvControls } from './ConvControls';
import { buildConvFigure, convAnnouncement, convFigureModel } from './convFigureModel';
import { ConvFigureView } from './ConvFigureView';
import { ConvFormulas } from './ConvFormulas';
import { convPytorchCode } from './convPytorch';
import { applyFix } from './convState';
import { CONV_NARRATIVE, storyFigure } from './convStory';
import { convView, type ConvFocus } from './convView';
import { convLink, type ConvPageLinkState } from './link';
import { PhotoLauncher } from './PhotoLauncher';
import { useConvWords } from './messages';
import { convSlice } from './slice';

const binding: LessonUrlBinding<ConvPageLinkState> = { lesson: 'conv', ...convLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'target', 'padding', 'unvisited', 'gap', 'pending'];

/** `#/conv`: the convolution lesson. */
export default function ConvLesson({ query }: LessonProps) {
  const t = useConvWords();
  const figure = useSlice(convSlice, (s) => s.present);
  const view = convView(figure);
  const page = useFigureLesson(query, convSlice, binding, view.total, CONV_NARRATIVE);
  // One rule for the whole page: while the step's checkpoint waits, no panel gives its answer away.
  const hideOutput = page.hidden;
  // The figure updates in the frame of the edit; formulas and code follow in the next one.
  const deferred = useAfterPaint(figure);
  const code = useMemo(() => convPytorchCode(deferred, convView(deferred), hideOutput), [deferred, hideOutput]);
  const step = useAppStore((s) => s.playback.step);
  // A question about the output's size holds playback at its first window.
  const shownStep = page.hiddenShape ? 0 : step;
  const { model, frames } = useFigureExports<ConvFocus>(
    convSlice,
    (at, focus, theme) =>
      convFigureModel(buildConvFigure(figure, view, { step: at, focus, hideOutput: false, theme, t }), t.conv.title),
    step,
    view.total,
  );
  return (
    <LessonLayout
      id="conv"
      title={t.conv.title}
      story={
        <FigureStory
          slice={convSlice}
          narrative={CONV_NARRATIVE}
          texts={t.conv.steps}
          questions={t.conv.questions}
          revealed={page.revealed}
          onReveal={page.reveal}
          refused={view.refusal !== null}
        />
      }
      figure={
        <FigurePanel
          refusal={view.refusal}
          fixes={view.fixes}
          settingNames={{ paddingMode: t.conv.controls.paddingMode }}
          onFix={(s) => page.actions.setParams(applyFix(figure.params, s))}
          // The lesson's start: the first step with its own figure, as a bare link opens it.
          onReset={() => page.actions.load(storyFigure(0), 0)}
          playable={view.result !== null}
          held={page.hiddenShape}
          announce={convAnnouncement(view, shownStep, hideOutput, t)}
        >
          <ConvFigureView hideOutput={hideOutput} hideShape={page.hiddenShape} figureRef={page.figureRef} />
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={[
        <ConvControls key="controls" />,
        <ConvFormulas key="formulas" figure={deferred} hideAnswers={hideOutput} />,
      ]}
      share={<SharePanel name="convlab-conv" model={model} frames={frames} code={code} />}
      extra={<PhotoLauncher hideAnswers={hideOutput} />}
    />
  );
}
