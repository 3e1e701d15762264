import type { ReactNode } from 'react';
import type { EngineProblem, Suggestion } from '../../../engine';
import { useAppStore } from '../../store/react';
import { useFigureWords, type FigureWords } from './messages';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { PlaybackBar } from '../../../components/playback/PlaybackBar';
import { RefusalPanel } from './RefusalPanel';

/**
 * A setting's name in a fix button: "Padding (height)". The engine names
 * settings as PyTorch does (`kernelSize`, `padding`, …); `own` names the ones
 * only this lesson has (`outputPadding`, `paddingMode`).
 */
function suggestionName(t: FigureWords, own: Readonly<Record<string, string>>, s: Suggestion): string {
  const c = t.figure.controls;
  const names: Record<string, string> = {
    padding: c.padding,
    kernelSize: c.kernelSize,
    dilation: c.dilation,
    inputSize: c.inputSize,
    stride: c.stride,
    groups: c.groups,
    inChannels: c.inChannels,
    outChannels: c.outChannels,
    ...own,
  };
  const axis = s.axis === 'h' ? ` (${c.height})` : s.axis === 'w' ? ` (${c.width})` : '';
  return `${names[s.param] ?? s.param}${axis}`;
}

/**
 * The figure panel every lesson shares: an error boundary that can reset the
 * figure, the refusal (reasons and one-change fixes) when the engine refuses,
 * the figure itself and playback.
 */
export function FigurePanel({
  refusal,
  fixes,
  settingNames,
  onFix,
  onReset,
  playable,
  announce,
  children,
}: {
  refusal: { readonly problems: readonly EngineProblem[] } | null;
  fixes: readonly Suggestion[];
  /** Names of the settings only this lesson has, for its fix buttons. */
  settingNames: Readonly<Record<string, string>>;
  onFix: (s: Suggestion) => void;
  onReset: () => void;
  playable: boolean;
  announce: string;
  children: ReactNode;
}) {
  const t = useFigureWords();
  return (
    <ErrorBoundary
      title={t.errors.figureFailed}
      detail={t.errors.figureFailedDetail}
      resetLabel={t.errors.resetFigure}
      onReset={onReset}
    >
      {refusal ? (
        <RefusalPanel
          problems={refusal.problems}
          fixes={fixes}
          paramName={(s) => suggestionName(t, settingNames, s)}
          onFix={onFix}
        />
      ) : null}
      {children}
      {playable ? <PlaybackBar announce={announce} /> : null}
    </ErrorBoundary>
  );
}

/**
 * The page around a lesson: title, the main column (story, figure, legend)
 * and the side column (controls, formulas, share). `embed=1` links show the
 * figure alone.
 */
export function LessonLayout({
  id,
  title,
  story,
  figure,
  legend,
  side,
  hint,
}: {
  id: string;
  title: string;
  story: ReactNode;
  figure: ReactNode;
  legend: ReactNode;
  side: ReactNode;
  /** The keys line under the figure, when the lesson's keys are not playback's. */
  hint?: string;
}) {
  const t = useFigureWords();
  const embed = useAppStore((s) => s.embed);
  if (embed) return <div className="lesson lesson--embed">{figure}</div>;
  return (
    <div className={`lesson lesson--${id}`}>
      <h1 className="lesson-title">{title}</h1>
      <div className="lesson-layout">
        <div className="lesson-main">
          {story}
          {figure}
          {legend}
          <p className="hint">{hint ?? t.playback.keys}</p>
        </div>
        <aside className="lesson-side">{side}</aside>
      </div>
    </div>
  );
}

/** New random numbers (the seed goes into the link), undo and redo. */
export function HistoryActions({
  seed,
  canUndo,
  canRedo,
  showRandomize,
  onRandomize,
  onUndo,
  onRedo,
}: {
  seed: number;
  canUndo: boolean;
  canRedo: boolean;
  showRandomize: boolean;
  onRandomize: (seed: number) => void;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const c = useFigureWords().figure.controls;
  return (
    <div className="controls-actions">
      {showRandomize ? (
        <button type="button" className="btn" onClick={() => onRandomize(((seed || 1) * 7919 + 13) % 1_000_000)}>
          {c.randomize}
        </button>
      ) : null}
      <span className="seed">
        {c.seed}: {seed}
      </span>
      <button type="button" className="btn" onClick={onUndo} disabled={!canUndo}>
        {c.undo}
      </button>
      <button type="button" className="btn" onClick={onRedo} disabled={!canRedo}>
        {c.redo}
      </button>
    </div>
  );
}
