import { AVAILABLE_LESSONS, LESSON_IDS } from '../app/lessons';
import { useMessages } from '../app/useMessages';

/** `#/`: the six lessons as a learning path. */
export function LandingPage() {
  const t = useMessages();
  return (
    <div className="landing">
      <section className="hero">
        <h1>{t.home.title}</h1>
        <p className="lead">{t.tagline}</p>
        <p>{t.home.intro}</p>
      </section>
      <ol className="lesson-path" aria-label={t.home.pathLabel}>
        {LESSON_IDS.map((id, i) => {
          const lesson = t.lessons[id];
          const available = AVAILABLE_LESSONS.has(id);
          return (
            <li key={id} className={available ? 'lesson-card' : 'lesson-card lesson-card--soon'}>
              <span className="lesson-step">{t.home.step(i + 1)}</span>
              <h2>{available ? <a href={`#/${id}`}>{lesson.title}</a> : lesson.title}</h2>
              <p>{lesson.summary}</p>
              {available ? (
                <a className="lesson-open" href={`#/${id}`} aria-label={`${t.home.open}: ${lesson.title}`}>
                  {t.home.open} →
                </a>
              ) : (
                <span className="lesson-soon">{t.home.comingSoon}</span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="footnote">{t.home.checked}</p>
    </div>
  );
}
