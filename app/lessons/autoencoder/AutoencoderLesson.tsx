import { useCallback, useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/react';
import type { LessonUrlBinding } from '../../useLessonUrl';
import { useLessonUrl } from '../../useLessonUrl';
import type { LessonProps } from '../contract';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { LessonLayout } from '../kit/LessonShell';
import { SharePanel } from '../kit/SharePanel';
import { StoryPanel } from '../kit/StoryPanel';
import { useSlice, useSliceActions } from '../kit/slice';
import { answerMatches } from '../kit/story';
import { AeControls } from './AeControls';
import type { AutoencoderLinkState } from './aeLink';
import { autoencoderPytorchCode } from './aePytorch';
import { AE_DEFAULTS, SHIPPED_CHANNELS } from './aeState';
import { aeAnswer, aeHides, aeShapes, AE_STORY } from './aeStory';
import { BackwardPanel } from './BackwardPanel';
import { CheckerboardPanel } from './CheckerboardPanel';
import { CompressionPanel } from './CompressionPanel';
import { autoencoderLink } from './link';
import { useAutoencoderWords } from './messages';
import { ShapeChain } from './ShapeChain';
import { autoencoderSlice } from './slice';
import { TrainingPanel } from './TrainingPanel';
import { useTrainer } from './useTrainer';
import './autoencoder.css';

const binding: LessonUrlBinding<AutoencoderLinkState> = { lesson: 'autoencoder', ...autoencoderLink };

/** `#/autoencoder`: the convolutional autoencoder, trained in a worker, and what it does to a photo. */
export default function AutoencoderLesson({ query }: LessonProps) {
  const t = useAutoencoderWords();
  const w = t.autoencoder;
  const state = useSlice(autoencoderSlice, (s) => s);
  const actions = useSliceActions(autoencoderSlice);
  const setTotal = useAppStore((s) => s.setTotal);
  useEffect(() => setTotal(1), [setTotal]);
  useLessonUrl(query, binding);
  const onImported = useCallback(
    (channels: readonly number[]) => actions.load({ ...state, channels, start: 'scratch' }),
    [actions, state],
  );
  const trainer = useTrainer(state, onImported);
  const shapes = useMemo(() => aeShapes(state), [state]);
  const code = useMemo(() => autoencoderPytorchCode(state), [state]);
  // Predict-then-reveal: which narrative steps were answered on this visit.
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const hide = aeHides(state, revealed.has(state.story), SHIPPED_CHANNELS);
  const kind = AE_STORY[state.story]?.checkpoint ?? null;
  const answer = kind ? aeAnswer(kind, state) : null;
  const text = w.steps[state.story];
  const { start, pause } = trainer;
  const running = trainer.status === 'running';

  // Keys: Space starts or pauses training, ← → move through the narrative.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)))
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === ' ') {
        e.preventDefault();
        if (running) pause();
        else start();
      } else if (e.key === 'ArrowRight') actions.goToStory(state.story + 1);
      else if (e.key === 'ArrowLeft') actions.goToStory(state.story - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, pause, running, start, state.story]);

  return (
    <LessonLayout
      id="autoencoder"
      title={w.title}
      keys={w.keys}
      story={
        <StoryPanel
          key={state.story}
          index={state.story}
          count={AE_STORY.length}
          title={text?.title ?? ''}
          body={text?.body ?? ''}
          checkpoint={
            kind && answer
              ? {
                  question: w.questions[kind],
                  answer: kind === 'gridDecoder' ? w.checker.answer : answer.text,
                  matches: (typed) => answerMatches(typed, answer.values),
                }
              : null
          }
          revealed={revealed.has(state.story)}
          onReveal={() => setRevealed((r) => new Set(r).add(state.story))}
          onGo={(i) => actions.goToStory(i)}
        />
      }
      figure={
        <ErrorBoundary
          title={t.errors.figureFailed}
          detail={t.errors.figureFailedDetail}
          resetLabel={t.errors.resetFigure}
          onReset={() => actions.load(AE_DEFAULTS)}
        >
          <TrainingPanel trainer={trainer} state={state} t={t} />
          <ShapeChain shapes={shapes} hide={hide} t={t} />
          <BackwardPanel t={t} />
          <CompressionPanel trainer={trainer} bits={state.bits} onBits={actions.setBits} t={t} />
          <CheckerboardPanel trainer={trainer} hideWhy={hide === 'gridDecoder'} t={t} />
        </ErrorBoundary>
      }
      legend={null}
      side={[<AeControls key="controls" exportWeights={trainer.exportWeights} importWeights={trainer.importWeights} />]}
      share={<SharePanel name="convlab-autoencoder" code={hide && hide !== 'gridDecoder' ? w.codeHidden : code} />}
    />
  );
}
