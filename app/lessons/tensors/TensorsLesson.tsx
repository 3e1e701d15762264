import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/react';
import { useLatestCallback } from '../../useLatestCallback';
import { useLessonUrl, type LessonUrlBinding } from '../../useLessonUrl';
import { usePlayback } from '../../usePlayback';
import type { LessonProps } from '../contract';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { PlaybackBar } from '../../../components/playback/PlaybackBar';
import { LessonLayout } from '../kit/LessonShell';
import { SharePanel } from '../kit/SharePanel';
import { useSlice, useSliceActions } from '../kit/slice';
import { StoryPanel } from '../kit/StoryPanel';
import { GraphView } from './GraphView';
import { tensorsLink } from './link';
import { useTensorsWords } from './messages';
import { NamesTable } from './NamesTable';
import { ProgramConsole } from './ProgramConsole';
import { ShapeView } from './ShapeView';
import { tensorsSlice, tensorsTotal } from './slice';
import { tensorsFigureModel } from './tensorsFigureModel';
import type { TensorsLinkState } from './tensorsLink';
import { tensorsPytorchCode } from './tensorsPytorch';
import { answerOf, hiddenFrom, lastVisibleStep, predictionMatches, runOf, shownStep, stepCount } from './tensorsRun';
import { normalizeSource, storyProgram, TENSORS_STORY, withLine, type AnswerSource } from './tensorsState';
import { formatShape, formatValue } from './tensorText';
import './tensors.css';

const binding: LessonUrlBinding<TensorsLinkState> = { lesson: 'tensors', ...tensorsLink };

const noop = () => undefined;

function answerText(source: AnswerSource, values: readonly number[]): string {
  return source.kind === 'shape'
    ? formatShape(values)
    : values.map((v) => (source.kind === 'dim-max' ? String(v) : formatValue(v))).join(', ');
}

/** `#/tensors`: tensors and autograd, a console of PyTorch lines with its shapes and graph. */
export default function TensorsLesson({ query }: LessonProps) {
  const t = useTensorsWords();
  const state = useSlice(tensorsSlice, (s) => s);
  const actions = useSliceActions(tensorsSlice);
  const setTotal = useAppStore((s) => s.setTotal);
  const setStep = useAppStore((s) => s.setStep);
  const step = useAppStore((s) => s.playback.step);
  const figureRef = useRef<HTMLDivElement>(null);
  const [answered, setAnswered] = useState<ReadonlySet<number>>(() => new Set());

  const run = runOf(state.source);
  const total = stepCount(run);
  // Before the link is applied: the link's own total and step must win over this render's.
  useEffect(() => setTotal(total), [setTotal, total]);
  useLessonUrl(query, binding);
  usePlayback(figureRef, noop, noop);

  const revealed = answered.has(state.story);
  const reveal = useCallback(() => setAnswered((r) => new Set(r).add(state.story)), [state.story]);
  const hideFrom = hiddenFrom(state, revealed);
  const shown = shownStep(run, step, hideFrom);
  const hidden = hideFrom !== null && step > lastVisibleStep(run, hideFrom);

  const storyStep = TENSORS_STORY[state.story];
  const checkpoint = storyStep?.checkpoint ?? null;
  const expected = checkpoint ? answerOf(runOf(storyStep?.program ?? ''), checkpoint.answer) : null;
  const text = t.tensors.steps[state.story];
  const currentLine = run.steps[shown]?.line ?? 0;
  const caption = shown >= 0 && currentLine > 0 ? t.tensors.console.showing(currentLine) : t.tensors.console.before;

  const model = useLatestCallback(() => tensorsFigureModel(run, shown, t.tensors.title, caption));
  const frames = useLatestCallback(() =>
    Array.from({ length: lastVisibleStep(run, hideFrom) + 1 }, (_, i) =>
      tensorsFigureModel(run, i, t.tensors.title, t.tensors.console.showing(run.steps[i]?.line ?? 0)),
    ),
  );
  const announce = hidden
    ? t.tensors.console.hidden
    : t.tensors.console.announce(currentLine, state.source.split('\n').length);

  return (
    <LessonLayout
      id="tensors"
      title={t.tensors.title}
      story={
        <StoryPanel
          key={state.story}
          index={state.story}
          count={TENSORS_STORY.length}
          title={text?.title ?? ''}
          body={text?.body ?? ''}
          checkpoint={
            checkpoint && expected
              ? {
                  question: t.tensors.questions[checkpoint.question],
                  answer: answerText(checkpoint.answer, expected),
                  matches: (typed) => predictionMatches(typed, expected),
                }
              : null
          }
          revealed={revealed}
          onReveal={reveal}
          onGo={(i) => {
            actions.goToStory(i);
            setStep(tensorsTotal({ story: i, source: storyProgram(i) }) - 1);
          }}
        />
      }
      figure={
        <ErrorBoundary
          title={t.errors.figureFailed}
          detail={t.errors.figureFailedDetail}
          resetLabel={t.errors.resetFigure}
          onReset={() => {
            actions.goToStory(state.story);
            setStep(tensorsTotal({ story: state.story, source: storyProgram(state.story) }) - 1);
          }}
        >
          <div className="tensors-figure" ref={figureRef}>
            <div className="tensors-row">
              <div className="tensors-col">
                <ProgramConsole
                  t={t}
                  source={state.source}
                  run={run}
                  shown={shown}
                  hideFrom={hideFrom}
                  onSource={actions.setSource}
                  onPick={(line) => {
                    const source = normalizeSource(withLine(state.source, line));
                    actions.setSource(source);
                    setStep(tensorsTotal({ story: state.story, source }) - 1);
                  }}
                />
                {state.source !== storyStep?.program ? (
                  <button type="button" className="btn tensors-reset" onClick={() => actions.goToStory(state.story)}>
                    {t.tensors.console.resetProgram}
                  </button>
                ) : null}
                <PlaybackBar announce={announce} />
              </div>
              <div className="tensors-col">
                <ShapeView t={t} run={run} shown={shown} source={state.source} />
                <GraphView t={t} run={run} shown={shown} hidden={hidden} />
              </div>
            </div>
            <NamesTable t={t} run={run} shown={shown} hidden={hidden} />
          </div>
        </ErrorBoundary>
      }
      legend={null}
      side={null}
      share={<SharePanel name="convlab-tensors" model={model} frames={frames} code={tensorsPytorchCode(state)} />}
    />
  );
}
