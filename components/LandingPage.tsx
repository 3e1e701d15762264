import { LESSONS } from '../app/lessons/registry';
import { useAppStore } from '../app/store/react';
import { useMessages } from '../app/useMessages';

/** `#/`: the lessons of the registry as a learning path. */
export function LandingPage() {
  const t = useMessages();
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="landing">
      <section className="hero">
        <h1>{t.home.title}</h1>
        <p className="lead">{t.tagline}</p>
        <p>{t.home.intro}</p>
      </section>
      <ol className="lesson-path" aria-label={t.home.pathLabel}>
        {LESSONS.map((lesson, i) => {
          const title = lesson.title[lang];
          const available = 'load' in lesson;
          return (
            <li key={lesson.id} className={available ? 'lesson-card' : 'lesson-card lesson-card--soon'}>
              <span className="lesson-step">{t.home.step(i + 1)}</span>
              <h2>{available ? <a href={`#/${lesson.id}`}>{title}</a> : title}</h2>
              <p>{lesson.summary[lang]}</p>
              {available ? (
                <a className="lesson-open" href={`#/${lesson.id}`} aria-label={`${t.home.open}: ${title}`}>
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
