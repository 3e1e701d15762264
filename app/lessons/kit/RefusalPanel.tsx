import type { EngineProblem, Suggestion } from '../../../engine';
import { useMessages } from '../../useMessages';

/**
 * A refused configuration, told as a lesson: every reason in plain words
 * (once: the height and width of a setting can fail for the same words) and
 * a button for each nearest valid setting.
 */
export function RefusalPanel({
  problems,
  fixes,
  paramName,
  onFix,
}: {
  problems: readonly EngineProblem[];
  fixes: readonly Suggestion[];
  paramName: (s: Suggestion) => string;
  onFix: (s: Suggestion) => void;
}) {
  const t = useMessages();
  const show = (v: Suggestion['to']) => String(v);
  const reasons = [...new Map(problems.map((p) => [t.engine[p.code](p.details), p.code] as const)).entries()];
  return (
    <section className="refusal" role="alert" aria-labelledby="refusal-title">
      <h3 id="refusal-title">{t.refusal.title}</h3>
      <ul>
        {reasons.map(([text, code]) => (
          <li key={text} data-code={code}>
            {text}
          </li>
        ))}
      </ul>
      {fixes.length > 0 ? (
        <>
          <p>{t.refusal.fixes}</p>
          <div className="refusal-fixes">
            {fixes.map((s, i) => (
              <button key={i} type="button" className="btn" onClick={() => onFix(s)}>
                {t.refusal.fix(paramName(s), show(s.to))}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>{t.refusal.noFix}</p>
      )}
    </section>
  );
}
