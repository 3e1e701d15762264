import { useState } from 'react';
import { answerMatches, checkpointAnswer, CONV_STORY, storyFigure } from '../../../app/conv/convStory';
import { convView } from '../../../app/conv/convView';
import { useAppStore } from '../../../app/store/react';
import { useMessages } from '../../../app/useMessages';

/**
 * The narrative: short steps that each set the figure, some with a question
 * to answer before the figure shows the result.
 */
export function ConvStory({ revealed, onReveal }: { revealed: boolean; onReveal: () => void }) {
  const t = useMessages();
  const s = t.conv.story;
  const story = useAppStore((st) => st.conv.story);
  const figure = useAppStore((st) => st.conv.figure);
  const load = useAppStore((st) => st.convLoad);
  const setStep = useAppStore((st) => st.setStep);
  const [typed, setTyped] = useState('');
  const [verdict, setVerdict] = useState<'right' | 'wrong' | null>(null);
  const index = Math.max(0, Math.min(CONV_STORY.length - 1, story));
  const step = CONV_STORY[index];
  const text = t.conv.steps[index];
  const go = (i: number) => {
    load(storyFigure(i), i);
    setStep(0);
    setTyped('');
    setVerdict(null);
  };
  const checkpoint = step?.checkpoint ?? null;
  const answer = checkpoint ? checkpointAnswer(checkpoint, convView(figure)) : null;
  return (
    <section className="story" aria-label={s.label}>
      <div className="story-nav">
        <button type="button" className="btn" onClick={() => go(index - 1)} disabled={index === 0}>
          ← {s.previous}
        </button>
        <span className="story-count">{s.of(index + 1, CONV_STORY.length)}</span>
        <button type="button" className="btn" onClick={() => go(index + 1)} disabled={index >= CONV_STORY.length - 1}>
          {s.next} →
        </button>
      </div>
      <h2 className="story-title">{text?.title}</h2>
      <p>{text?.body}</p>
      {checkpoint && answer ? (
        <form
          className="checkpoint"
          onSubmit={(e) => {
            e.preventDefault();
            setVerdict(answerMatches(checkpoint, typed, answer.values) ? 'right' : 'wrong');
            onReveal();
          }}
        >
          <p className="checkpoint-q">
            <strong>{s.predict}:</strong> {t.conv.questions[checkpoint]}
          </p>
          {revealed ? (
            <p role="status" className={verdict === 'wrong' ? 'verdict verdict--wrong' : 'verdict'}>
              {verdict === 'wrong' ? s.wrong(answer.text) : s.correct(answer.text)}
            </p>
          ) : (
            <div className="checkpoint-row">
              <label>
                <span className="visually-hidden">{s.yourAnswer}</span>
                <input
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  placeholder={s.yourAnswer}
                  aria-label={s.yourAnswer}
                  inputMode="numeric"
                  maxLength={20}
                />
              </label>
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
