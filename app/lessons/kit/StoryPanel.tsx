import { useState } from 'react';
import { useMessages } from '../../useMessages';

export interface Checkpoint {
  readonly question: string;
  /** The answer as the figure shows it, computed by the engine. */
  readonly answer: string;
  readonly matches: (typed: string) => boolean;
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
  checkpoint,
  revealed,
  onReveal,
  onGo,
}: {
  index: number;
  count: number;
  title: string;
  body: string;
  checkpoint: Checkpoint | null;
  revealed: boolean;
  onReveal: () => void;
  onGo: (index: number) => void;
}) {
  const t = useMessages();
  const s = t.story;
  const [typed, setTyped] = useState('');
  const [verdict, setVerdict] = useState<'right' | 'wrong' | null>(null);
  const go = (i: number) => {
    setTyped('');
    setVerdict(null);
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
      {checkpoint ? (
        <form
          className="checkpoint"
          onSubmit={(e) => {
            e.preventDefault();
            setVerdict(checkpoint.matches(typed) ? 'right' : 'wrong');
            onReveal();
          }}
        >
          <p className="checkpoint-q">
            <strong>{s.predict}:</strong> {checkpoint.question}
          </p>
          {revealed ? (
            <p role="status" className={verdict === 'wrong' ? 'verdict verdict--wrong' : 'verdict'}>
              {verdict === 'wrong' ? s.wrong(checkpoint.answer) : s.correct(checkpoint.answer)}
            </p>
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
                onClick={() => {
                  setVerdict(null);
                  onReveal();
                }}
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
