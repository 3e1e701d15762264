import { Suspense, useEffect, useRef } from 'react';
import { Header } from '../components/Header';
import { LandingPage } from '../components/LandingPage';
import { Notices } from '../components/Notices';
import { PresentationBar } from '../components/PresentationBar';
import { LessonRoute } from './LessonRoute';
import { isAvailable, lessonEntry, type LessonId } from './lessons/registry';
import { useAppStore } from './store/react';
import { useHashRoute } from './useHashRoute';
import { useMessages } from './useMessages';

export interface AppProps {
  /** The link to render where there is no address bar (the build's prerendering of a route). */
  readonly initialHash?: string;
}

/** The app shell: header, notices, the current route. */
export function App({ initialHash }: AppProps) {
  const { route, unknownPath, query } = useHashRoute(initialHash);
  const t = useMessages();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const presentation = useAppStore((s) => s.presentation);
  const embed = useAppStore((s) => s.embed);
  const setPresentation = useAppStore((s) => s.setPresentation);
  const presentPanels = useAppStore((s) => s.presentPanels);
  const setPresentPanels = useAppStore((s) => s.setPresentPanels);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const lastUnknown = useRef<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.presentation = presentation ? 'on' : 'off';
    document.documentElement.dataset.presentPanels = presentation && presentPanels ? 'open' : 'closed';
    document.title = t.appName;
  }, [lang, theme, presentation, presentPanels, t]);

  useEffect(() => {
    if (unknownPath && unknownPath !== lastUnknown.current) pushNotice({ kind: 'unknown-route' });
    lastUnknown.current = unknownPath;
  }, [unknownPath, pushNotice]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const escape = e.key === 'Escape';
      if (e.key !== 'f' && e.key !== 'F' && !escape) return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      if (!escape) setPresentation(!presentation);
      // Escape closes the open panels first, then leaves presentation mode; outside it, Escape is not ours.
      else if (presentation && presentPanels) setPresentPanels(false);
      else if (presentation) setPresentation(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presentation, presentPanels, setPresentation, setPresentPanels]);

  const lesson = route.kind === 'lesson' && isAvailable(route.lesson) ? route.lesson : null;
  return (
    <div className={embed ? 'app app--embed' : 'app'}>
      {embed ? null : <Header />}
      {presentation && !embed ? <PresentationBar panels={lesson !== null} /> : null}
      <Notices />
      <main id="main" tabIndex={-1}>
        {lesson ? (
          <Suspense fallback={<LessonLoading lesson={lesson} />}>
            <LessonRoute lesson={lesson} query={query} />
          </Suspense>
        ) : (
          <LandingPage />
        )}
      </main>
    </div>
  );
}

/** A lesson's place while its code downloads: its title at once, so the page is never blank. */
function LessonLoading({ lesson }: { readonly lesson: LessonId }) {
  const t = useMessages();
  const lang = useAppStore((s) => s.lang);
  return (
    <div className="lesson-loading">
      <h1 className="lesson-title">{lessonEntry(lesson).title[lang]}</h1>
      <p className="loading" role="status">
        {t.errors.lessonLoading}
      </p>
    </div>
  );
}
