/**
 * The app's start, loaded by `main.tsx` once the page's first frame is on screen.
 *
 * The build prerendered each route's link without a query, in every language and theme
 * (`app/prerender/`), and the page's inline script put the one for this visit into `#root`
 * (`app/prerender/chooseTemplate.ts`). When this visit's first render is that same page (a link
 * with no state of its own, read now, after a pending edit may have been restored into the
 * address), React hydrates it; otherwise it renders over it. Either way it first waits for the
 * linked lesson's code, fetched since the page's head was parsed, so its first render is the
 * lesson itself, never the loading placeholder.
 */
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './AppRoot';
import { detectLang } from './i18n';
import { loadedLesson, loadLesson } from './lessonModules';
import { parseHash } from './router';
import { createAppStore } from './store/appStore';
import { decodeShared, readQuery } from './urlCodec';
import { openLink } from './useLessonUrl';

/** Once the app's first render is on screen, the prerendered page's marks go and it takes input. */
function releaseFrame(root: HTMLElement): void {
  root.inert = false;
  delete root.dataset.prerendered;
  delete root.dataset.prerenderedFrame;
  delete root.dataset.prerenderedFor;
}

export async function boot(root: HTMLElement): Promise<void> {
  const hash = window.location.hash;
  const { route, query } = parseHash(hash);
  // The link's language and theme, else the browser's: the inline script's order, so the first
  // render matches the page it painted.
  const linked = decodeShared(readQuery(query), []);
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const store = createAppStore({
    lang: linked.lang ?? detectLang(navigator.languages ?? [navigator.language]),
    theme: linked.theme ?? (prefersDark ? 'dark' : 'light'),
  });
  if (route.kind === 'lesson') {
    await loadLesson(route.lesson)?.catch(() => undefined);
    // The link's own state is in the store before the first render, as the build did for the
    // prerendered page: that render is the link's figure, drawn once.
    const lesson = loadedLesson(route.lesson);
    try {
      if (lesson) openLink(lesson.link, query, store);
    } catch {
      // Left to the lesson's own reader of its link (`useLessonUrl`), which shows what went wrong.
    }
  }
  const { lang, theme } = store.getState();
  const page = `${route.kind === 'lesson' ? route.lesson : 'home'}/${lang}/${theme}`;
  // The page was rendered with its lesson's code: a lesson whose code did not arrive renders
  // (its error) over it.
  const same =
    (route.kind !== 'lesson' || loadedLesson(route.lesson) !== null) &&
    root.dataset.prerendered === page &&
    root.dataset.prerenderedFrame === undefined &&
    root.dataset.prerenderedFor === hash;
  const app = <AppRoot store={store} onShown={() => releaseFrame(root)} />;
  // As a transition, React renders (and hydrates) the page in short slices instead of one long
  // task: the prerendered page is already on screen and the main thread stays free for input.
  // createRoot clears what the script put into `#root` when it commits its first render.
  startTransition(() => {
    if (same) hydrateRoot(root, app);
    else createRoot(root).render(app);
  });
}
