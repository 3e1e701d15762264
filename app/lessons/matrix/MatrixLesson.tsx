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
import { matrixLink } from './link';
import { MatrixControls } from './MatrixControls';
import { buildMatrixFigure, matrixAnnouncement, matrixFigureModel } from './matrixFigureModel';
import { MatrixFigureView } from './MatrixFigureView';
import type { MatrixLinkState } from './matrixLink';
import { useMatrixWords } from './messages';
import { matrixPytorchCode } from './matrixPytorch';
import { MATRIX_DEFAULT_FIGURE, matrixApplyFix } from './matrixState';
import { hiddenFor, MATRIX_NARRATIVE, MATRIX_STORY } from './matrixStory';
import { matrixView, type MatrixFocus } from './matrixView';
import { matrixSlice } from './slice';
import './matrix.css';

const binding: LessonUrlBinding<MatrixLinkState> = { lesson: 'matrix', ...matrixLink };

const LEGEND: readonly LegendState[] = ['active', 'contributing', 'pending', 'padding'];

/** `#/matrix`: convolution as a matrix, its transpose, and why the transpose is not the inverse. */
export default function MatrixLesson({ query }: LessonProps) {
  const t = useMatrixWords();
  const figure = useSlice(matrixSlice, (s) => s.present);
  const view = matrixView(figure);
  const page = useFigureLesson(query, matrixSlice, binding, view.total, MATRIX_NARRATIVE);
  // The figure updates in the frame of the edit; the code follows in the next one.
  const deferred = useAfterPaint(figure);
  // One rule for the whole page: while the step's checkpoint waits, no panel gives its answer away.
  const waiting = page.hidden;
  const code = useMemo(() => matrixPytorchCode(deferred, matrixView(deferred), waiting), [deferred, waiting]);
  const hidden = waiting ? hiddenFor(MATRIX_STORY[page.story]?.checkpoint ?? null) : 'none';
  const step = useAppStore((s) => s.playback.step);
  const { model, frames } = useFigureExports<MatrixFocus>(
    matrixSlice,
    (at, focus, theme) =>
      matrixFigureModel(buildMatrixFigure(figure, view, { step: at, focus, hidden: 'none', theme, t }), t.matrix.title),
    step,
    view.total,
  );
  return (
    <LessonLayout
      id="matrix"
      title={t.matrix.title}
      story={
        <FigureStory
          slice={matrixSlice}
          narrative={MATRIX_NARRATIVE}
          texts={t.matrix.steps}
          questions={t.matrix.questions}
          revealed={page.revealed}
          onReveal={page.reveal}
          refused={view.refusal !== null}
        />
      }
      figure={
        <FigurePanel
          refusal={view.refusal}
          fixes={view.fixes}
          settingNames={{}}
          onFix={(s) => page.actions.setParams(matrixApplyFix(figure.params, s))}
          onReset={() => page.actions.load(MATRIX_DEFAULT_FIGURE, 0)}
          playable={view.numbers !== null}
          announce={matrixAnnouncement(figure, step)}
        >
          <MatrixFigureView hidden={hidden} figureRef={page.figureRef} />
        </FigurePanel>
      }
      legend={<Legend states={LEGEND} />}
      side={[<MatrixControls key="controls" />]}
      share={<SharePanel name="convlab-matrix" model={model} frames={frames} code={code} />}
    />
  );
}
