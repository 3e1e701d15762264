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
import { transposedLink } from './link';
import { useTransposedWords } from './messages';
import { transposedSlice } from './slice';
import { TransposedControls } from './TransposedControls';
import { buildTransposedFigure, transposedAnnouncement, transposedFigureModel } from './transposedFigureModel';
import { TransposedFigureView } from './TransposedFigureView';
import { TransposedFormulas } from './TransposedFormulas';
import type { TransposedLinkState } from './transposedLink';
import { transposedPytorchCode } from './transposedPytorch';
import { TRANSPOSED_DEFAULT_FIGURE, transposedApplyFix } from './transposedState';
import { TRANSPOSED_NARRATIVE, TRANSPOSED_STORY } from './transposedStory';
import { transposedView, type TransposedFocus } from './transposedView';

const binding: LessonUrlBinding<TransposedLinkState> = { lesson: 'transposed', ...transposedLink };

const LEGEND: readonly LegendState[] = [
  'active',
  'contributing',
  'target',
  'cropped',
  'kept',
  'padding',
  'gap',
  'pending',
];

/** `#/transposed`: the transposed convolution lesson. */
export default function TransposedLesson({ query }: LessonProps) {
  const t = useTransposedWords();
  const figure = useSlice(transposedSlice, (s) => s.present);
  const view = transposedView(figure);
  const page = useFigureLesson(query, transposedSlice, binding, view.total, TRANSPOSED_NARRATIVE);
  // One rule for the whole page: while the step's checkpoint waits, no panel gives its answer away.
  const hideOutput = page.hidden;
  // The figure updates in the frame of the edit; formulas and code follow in the next one.
  const deferred = useAfterPaint(figure);
  const code = useMemo(
    () => transposedPytorchCode(deferred, transposedView(deferred), hideOutput),
    [deferred, hideOutput],
  );
  const step = useAppStore((s) => s.playback.step);
  // A question about the output's size holds playback at its first stamp.
  const shownStep = page.hiddenShape ? 0 : step;
  const { model, frames } = useFigureExports<TransposedFocus>(
    transposedSlice,
    (at, focus, theme) =>
      transposedFigureModel(
        buildTransposedFigure(figure, view, { step: at, focus, hideOutput: false, theme, t }),
        t.transposed.title,
      ),
    step,
    view.total,
  );
  return (
    <LessonLayout
      id="transposed"
      title={t.transposed.title}
      keepFigureRow
      story={
        <FigureStory
          slice={transposedSlice}
          narrative={TRANSPOSED_NARRATIVE}
          texts={t.transposed.steps}
          questions={t.transposed.questions}
          revealed={page.revealed}
          onReveal={page.reveal}
          // The refused-padding step asks about the refusal itself: its question stands.
          refused={view.refusal !== null && TRANSPOSED_STORY[page.story]?.checkpoint !== 'maxPadding'}
        />
      }
      figure={
        <FigurePanel
          // A refusal and its fixes answer the refused-padding step's question: they wait for the answer too.
          refusal={hideOutput ? null : view.refusal}
          fixes={hideOutput ? [] : view.fixes}
          settingNames={{ outputPadding: t.transposed.controls.outputPadding }}
          onFix={(s) => page.actions.setParams(transposedApplyFix(figure.params, s))}
          onReset={() => page.actions.load(TRANSPOSED_DEFAULT_FIGURE, 0)}
          playable={view.scatter !== null}
          held={page.hiddenShape}
          announce={transposedAnnouncement(view, shownStep, t)}
        >
          <TransposedFigureView hideOutput={hideOutput} hideShape={page.hiddenShape} figureRef={page.figureRef} />
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={[
        <TransposedControls key="controls" />,
        <TransposedFormulas key="formulas" figure={deferred} hideAnswers={hideOutput} />,
      ]}
      share={<SharePanel name="convlab-transposed" model={model} frames={frames} code={code} />}
    />
  );
}
