/**
 * Build-time only (the `prerender` plugin in `scripts/prerender.ts` loads it with Vite's SSR):
 * the landing page and every built lesson's default figure as static HTML, in every language and
 * theme, the exact tree the client's first render makes for the same link (`AppRoot`), so
 * `hydrateRoot` can take it over (`app/boot.tsx`).
 *
 * The lessons come from the registry: a lesson added there is prerendered with no change here.
 * One that cannot be rendered on the server is left out (`skipped`), and its links open as
 * before: the app renders them once its code has arrived.
 */
import { renderToString } from 'react-dom/server';
import { AppRoot } from '../AppRoot';
import { LANGS, type Lang } from '../i18n';
import { loadedLesson, loadLesson } from '../lessonModules';
import { parseHash } from '../router';
import { openLink } from '../useLessonUrl';
import { isAvailable, LESSONS } from '../lessons/registry';
import { createAppStore } from '../store/appStore';
import type { Theme } from '../theme';

/**
 * The themes pages are prerendered in: the light one only. Every visit downloads every
 * prerendered page, and their size is what the first paint waits for, so a dark theme (whose
 * figures differ only in their cells' colours) is not written twice: a dark visitor gets the
 * light page's frame in the dark theme, its figure hidden until the app draws it in dark colours
 * (`app/prerender/chooseTemplate.ts`).
 */
export const THEMES: readonly Theme[] = ['light'];

/**
 * The most HTML one route's page may add to `index.html` (per language and theme, before
 * compression). Every visit downloads every route's pages, so a lesson whose default page is
 * larger (the matrix lesson draws an 84-cell-wide C) is written as its frame instead: the
 * header and the lesson's place, painted at once, with the lesson rendered once its code has run.
 */
export const PAGE_BUDGET_BYTES = 40_000;

/**
 * The most HTML all routes' pages together may add to `index.html` (every language and theme,
 * before compression). Before its first paint the browser reads, decodes and tokenizes the whole
 * file (on a 4× slower CPU, 220 kB held a lesson's first paint back by about 150 ms), so the routes
 * are written in full in the path's order (the landing page, then the first lessons: the links
 * most often sent), and those that no longer fit are written as their frames.
 */
export const TOTAL_BUDGET_BYTES = 140_000;

/** A route rendered both ways: its full pages and its frames, one per language and theme. */
export interface RenderedRoute {
  readonly name: string;
  readonly full: Readonly<Record<string, PrerenderedPage>>;
  readonly frames: Readonly<Record<string, PrerenderedPage>>;
}

function bytes(pages: Readonly<Record<string, PrerenderedPage>>): number {
  return Object.values(pages).reduce((sum, page) => sum + page.html.length, 0);
}

/**
 * The pages `index.html` holds: each route in full if each of its pages fits `PAGE_BUDGET_BYTES`
 * and all of them still fit `TOTAL_BUDGET_BYTES` after the routes before it, else its frames;
 * and why each framed route was framed.
 */
export function fitPages(routes: readonly RenderedRoute[]): {
  readonly pages: Record<string, PrerenderedPage>;
  readonly framed: readonly string[];
} {
  const pages: Record<string, PrerenderedPage> = {};
  const framed: string[] = [];
  let total = 0;
  for (const route of routes) {
    const large = Object.values(route.full).some((page) => page.html.length > PAGE_BUDGET_BYTES);
    const over = total + bytes(route.full) > TOTAL_BUDGET_BYTES;
    const chosen = large || over ? route.frames : route.full;
    if (large) framed.push(`${route.name}: larger than ${PAGE_BUDGET_BYTES} bytes, so only its frame is prerendered`);
    else if (over)
      framed.push(
        `${route.name}: the routes before it fill ${TOTAL_BUDGET_BYTES} bytes, so only its frame is prerendered`,
      );
    Object.assign(pages, chosen);
    total += bytes(chosen);
  }
  return { pages, framed };
}

export interface PrerenderedPage {
  readonly html: string;
  /** Only the frame (header and the lesson's place), not the lesson's page: never hydrated. */
  readonly frame: boolean;
}

export interface PrerenderedRoutes {
  /** `<route>/<lang>/<theme>` (route `home` or a lesson id) → `#root` for its link without a query. */
  readonly pages: Readonly<Record<string, PrerenderedPage>>;
  /** Routes left out, with why (the build prints them). */
  readonly skipped: readonly string[];
}

/** Renders every route in every language and theme; never throws for one lesson's failure. */
export async function renderRoutes(): Promise<PrerenderedRoutes> {
  const skipped: string[] = [];
  const routes: { readonly name: string; readonly hash: string; readonly load?: () => Promise<unknown> }[] = [
    { name: 'home', hash: '#/' },
  ];
  for (const entry of LESSONS) {
    if (!isAvailable(entry.id)) continue;
    routes.push({ name: entry.id, hash: `#/${entry.id}`, load: () => loadLesson(entry.id) ?? Promise.resolve() });
  }
  const rendered: RenderedRoute[] = [];
  for (const route of routes) {
    try {
      // Before the lesson's code is loaded, its route renders as the frame.
      const frames = renderAll(route.name, route.hash, true);
      await route.load?.();
      rendered.push({ name: route.name, full: renderAll(route.name, route.hash, false), frames });
    } catch (e) {
      skipped.push(`${route.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const { pages, framed } = fitPages(rendered);
  return { pages, skipped: [...skipped, ...framed] };
}

function renderAll(name: string, hash: string, frame: boolean): Record<string, PrerenderedPage> {
  const rendered: Record<string, PrerenderedPage> = {};
  for (const lang of LANGS)
    for (const theme of THEMES) rendered[`${name}/${lang}/${theme}`] = { html: renderHash(hash, lang, theme), frame };
  return rendered;
}

function renderHash(hash: string, lang: Lang, theme: Theme): string {
  const store = createAppStore({ lang, theme });
  // What the app does before its first render of the link (`app/boot.tsx`), so it hydrates this.
  const { route, query } = parseHash(hash);
  const lesson = route.kind === 'lesson' ? loadedLesson(route.lesson) : null;
  if (lesson) openLink(lesson.link, query, store);
  return renderToString(<AppRoot store={store} initialHash={hash} />);
}
