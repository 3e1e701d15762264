import { useState } from 'react';
import type { Messages } from '../../i18n/en';
import { useMessages } from '../../useMessages';
import type { StoryLink } from './story';

export interface Checkpoint {
  readonly question: string;
  /** The answer as the figure shows it, computed by the engine. */
  readonly answer: string;
  readonly matches: (typed: string) => boolean;
  /**
   * The figure on screen is refused: it has no output, so there is nothing to
   * predict or show until a setting changes (a refused figure's sizes are no answer).
   */
  readonly refused?: boolean;
}

/** What the student did at a checkpoint, and the answer of the figure it was given for. */
interface CheckpointResult {
  readonly verdict: 'right' | 'wrong' | 'shown';
  readonly answer: string;
}

/** "Just show me" says it showed the answer; only a typed prediction can be right. */
function verdictText(s: Messages['story'], result: CheckpointResult): string {
  switch (result.verdict) {
    case 'right':
      return s.correct(result.answer);
    case 'wrong':
      return s.wrong(result.answer);
    case 'shown':
      return s.shown(result.answer);
  }
}

/** The line a step shows when the figure is no longer the step's own: what it means, and a button that loads the step's figure. */
export interface StoryRestore {
  readonly text: string;
  readonly label: string;
  readonly onRestore: () => void;
}

/**
 * A lesson's narrative: short steps that each set the figure, some with a
 * question to answer before the figure shows the result (predict, then reveal).
 */
export function StoryPanel({
  index,
  count,
  title,
  body,
  link = null,
  restore = null,
  checkpoint,
  revealed,
  onReveal,
  onGo,
}: {
  index: number;
  count: number;
  title: string;
  body: string;
  /** A link the step's text offers (another lesson, opened where it shows the same thing). */
  link?: StoryLink | null;
  /** Shown when the student has changed the figure the body describes. */
  restore?: StoryRestore | null;
  checkpoint: Checkpoint | null;
  revealed: boolean;
  onReveal: () => void;
  onGo: (index: number) => void;
}) {
  const t = useMessages();
  const s = t.story;
  // What is typed belongs to the step it was typed at.
  const [draft, setDraft] = useState<{ readonly index: number; readonly text: string }>({ index, text: '' });
  const typed = draft.index === index ? draft.text : '';
  const setTyped = (text: string) => setDraft({ index, text });
  // Each step's result belongs to the figure it was given for: its answer is
  // kept as it was then, so later edits to the figure never rewrite it, and a
  // step left and come back to (Previous, Next, Back) shows its own result.
  const [results, setResults] = useState<ReadonlyMap<number, CheckpointResult>>(() => new Map());
  const result = results.get(index) ?? null;
  const settle = (next: CheckpointResult) => {
    setResults((r) => new Map(r).set(index, next));
    onReveal();
  };
  const go = (i: number) => {
    setDraft({ index: i, text: '' });
    onGo(i);
  };
  return (
    <section className="story" aria-label={s.label}>
      <div className="story-nav">
        <button type="button" className="btn" onClick={() => go(index - 1)} disabled={index === 0}>
          ← {s.previous}
        </button>
        <span className="story-count">{s.of(index + 1, count)}</span>
        <button type="button" className="btn" onClick={() => go(index + 1)} disabled={index >= count - 1}>
          {s.next} →
        </button>
      </div>
      <h2 className="story-title">{title}</h2>
      <p>{body}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
      {restore ? (
        <p className="story-restore">
          {restore.text}{' '}
          <button type="button" className="btn" onClick={restore.onRestore}>
            {restore.label}
          </button>
        </p>
      ) : null}
      {checkpoint ? (
        <form
          className="checkpoint"
          onSubmit={(e) => {
            e.preventDefault();
            settle({ verdict: checkpoint.matches(typed) ? 'right' : 'wrong', answer: checkpoint.answer });
          }}
        >
          <p className="checkpoint-q">
            <strong>{s.predict}</strong> {checkpoint.question}
          </p>
          {/* A polite live region that is on the page before the result, so screen readers announce what it says. */}
          <p
            role="status"
            aria-live="polite"
            className={
              !revealed
                ? 'verdict verdict--waiting'
                : result?.verdict === 'wrong'
                  ? 'verdict verdict--wrong'
                  : 'verdict'
            }
          >
            {revealed ? verdictText(s, result ?? { verdict: 'shown', answer: checkpoint.answer }) : ''}
          </p>
          {revealed ? null : checkpoint.refused ? (
            <p className="hint">{s.refusedFigure}</p>
          ) : (
            <div className="checkpoint-row">
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                placeholder={s.yourAnswer}
                aria-label={s.yourAnswer}
                maxLength={20}
              />
              <button type="submit" className="btn btn--primary" disabled={typed.trim() === ''}>
                {s.check}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => settle({ verdict: 'shown', answer: checkpoint.answer })}
              >
                {s.reveal}
              </button>
            </div>
          )}
        </form>
      ) : null}
    </section>
  );
}
