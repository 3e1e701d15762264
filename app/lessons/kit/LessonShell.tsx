import { type ReactNode, useEffect, useRef } from 'react';
import type { EngineProblem, Suggestion } from '../../../engine';
import { useAppStore } from '../../store/react';
import { useFigureWords, type FigureWords } from './messages';
import { ErrorBoundary } from '../../../components/ErrorBoundary';
import { PanelBoundary } from '../../../components/FailureBoundary';
import { PlaybackBar } from '../../../components/playback/PlaybackBar';
import { RefusalPanel } from './RefusalPanel';
import { usePresentationFit } from './usePresentationFit';

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

/** The User Timing mark a page's first figure sets once React has made it live. */
export const FIGURE_READY_MARK = 'convlab:figure-ready';

/**
 * Marks, once per page, the moment the first figure can take input: its first render has been
 * committed (on a prerendered page, hydrated: until then a tap waits for React). Load benchmarks
 * and field measurements read it (`npm run bench:ui`).
 */
function markFigureReady(): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(FIGURE_READY_MARK, 'mark').length === 0) performance.mark(FIGURE_READY_MARK);
}

/**
 * The figure panel every lesson shares: an error boundary that can reset the
 * figure, the refusal (reasons and one-change fixes) when the engine refuses,
 * the figure itself and playback (`held` while a question about the output's
 * shape waits: its step count would answer it).
 */
export function FigurePanel({
  refusal,
  fixes,
  settingNames,
  onFix,
  onReset,
  playable,
  held = false,
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
  /** Playback waits for the answer: shown, but disabled and without its step count. */
  held?: boolean;
  announce: string;
  children: ReactNode;
}) {
  const t = useFigureWords();
  useEffect(markFigureReady, []);
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
      {playable ? <PlaybackBar announce={announce} held={held} /> : null}
    </ErrorBoundary>
  );
}

/**
 * The page around a lesson: title, the main column (story, figure, legend),
 * the side column (settings, formulas) and, under the main column, the rest
 * (`extra`, a panel a lesson adds such as the photo panel of `conv`, then
 * sharing and the PyTorch code, which need the width). On a wide screen the
 * side column stays beside the figure and scrolls on its own, so a formula and
 * the part of the figure it points at are on screen together; on a narrow one
 * the settings come right under the figure. While presenting, the side column
 * opens beside the figure on request and the figure's cells grow to fill the
 * screen. Every panel has its own error boundary, so a fault in one leaves the
 * others working. `embed=1` links show the figure alone.
 */
export function LessonLayout({
  id,
  title,
  story,
  figure,
  legend,
  side,
  share,
  keys,
  extra,
  keepFigureRow = false,
}: {
  id: string;
  title: string;
  story: ReactNode;
  figure: ReactNode;
  legend: ReactNode;
  /** The side column; a list gives each panel its own error boundary. */
  side: ReactNode | readonly ReactNode[];
  /** Sharing and the PyTorch code, under the main column where long lines fit. */
  share?: ReactNode;
  /** The keys hint under the figure; the playback keys unless the lesson has keys of its own. */
  keys?: string;
  /** A panel under the main column (the photo panel of `conv`). */
  extra?: ReactNode;
  /** On a wide screen, shrink the cells a little rather than let the figure's first row wrap (a wide, tall figure). */
  keepFigureRow?: boolean;
}) {
  const t = useFigureWords();
  const embed = useAppStore((s) => s.embed);
  const presentation = useAppStore((s) => s.presentation);
  const main = useRef<HTMLDivElement>(null);
  usePresentationFit(main, embed ? 'off' : presentation ? 'present' : keepFigureRow ? 'one-row' : 'off');
  if (embed) return <div className="lesson lesson--embed">{figure}</div>;
  const panels = (Array.isArray(side) ? side : [side]).filter((panel) => panel !== null && panel !== undefined);
  return (
    <div className={`lesson lesson--${id}`}>
      <h1 className="lesson-title">{title}</h1>
      <div className={panels.length ? 'lesson-layout' : 'lesson-layout lesson-layout--single'}>
        <div className="lesson-main" ref={main}>
          <PanelBoundary where="story">{story}</PanelBoundary>
          {figure}
          <PanelBoundary where="legend">{legend}</PanelBoundary>
          <p className="hint keys-hint">{keys ?? t.playback.keys}</p>
        </div>
        {panels.length ? (
          <aside className="lesson-side" id="lesson-side">
            {panels.map((panel, i) => (
              <PanelBoundary key={i} where="side panel">
                {panel}
              </PanelBoundary>
            ))}
          </aside>
        ) : null}
        {extra || share ? (
          <div className="lesson-more">
            {extra ? <PanelBoundary where="extra panel">{extra}</PanelBoundary> : null}
            {share ? <PanelBoundary where="share panel">{share}</PanelBoundary> : null}
          </div>
        ) : null}
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
