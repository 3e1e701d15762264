/**
 * Which prerendered page a link opens with, and in which language and theme, before any module
 * has loaded.
 *
 * The routes are hash routes on one `index.html`, so the server cannot pick a page per link:
 * the build writes every prerendered route (the landing page and each built lesson's default
 * figure) in every language and theme into `index.html` as data blocks,
 * `<script type="text/x-prerendered-page" id="prerendered-<route>/<lang>/<theme>">`: the browser
 * reads a data block as plain text, never runs it, and does not build the DOM of the pages this
 * visit does not show (as it would for `<template>`s), so the other pages cost their download
 * and nothing more. This function, defined by the head's inline script and called by a tiny
 * inline script after each route's templates (the same text each time, so one sha256 in the CSP
 * table, `scripts/securityHeaders.ts`), copies the one for this visit into `#root` as soon as it
 * has been parsed: the browser may paint it while it still parses the others. It also sets `<html lang>` and
 * `data-theme` at once, so the first painted frame already has the visitor's language and theme.
 *
 * Language and theme are chosen in the app's own order (`app/boot.tsx`): the link's `lang=` and
 * `theme=`, then the browser's languages (`detectLang`) and `prefers-color-scheme`.
 *
 * A link with anything else in its query (its own settings, step, presentation…) may show other
 * numbers than the default figure: its frame is marked `data-prerendered-frame`, and the
 * stylesheet hides the lesson's state-dependent parts until the app has rendered the link's own
 * state over it. The frame is `inert` until the app has taken it over (clicks before that would
 * be lost).
 *
 * Self-contained on purpose: its source text is the inline script, so it reads nothing outside
 * its parameters.
 */
export interface TemplateChoiceSettings {
  /** The app's languages, the first being the one a `zh*` browser gets (`app/i18n`). */
  readonly langs: readonly string[];
  /** The link version the app writes (`v=`): with another one the link may open with a notice. */
  readonly version: string;
}

export function chooseTemplate(
  doc: Document,
  hash: string,
  languages: readonly string[],
  prefersDark: boolean,
  settings: TemplateChoiceSettings,
): void {
  const match = /^#?\/*([^?]*?)\/*(?:\?(.*))?$/.exec(hash);
  const path = match?.[1] ?? '';
  const route = path === '' ? 'home' : path;
  let lang: string | null = null;
  let theme: string | null = null;
  // Whether the app's first render of this link is the prerendered page itself.
  let plain = true;
  const seen: string[] = [];
  for (const part of (match?.[2] ?? '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let key = '';
    let value = '';
    try {
      key = decodeURIComponent((eq >= 0 ? part.slice(0, eq) : part).replace(/\+/g, ' '));
      value = decodeURIComponent((eq >= 0 ? part.slice(eq + 1) : '').replace(/\+/g, ' '));
    } catch {
      plain = false;
      continue;
    }
    // A repeated key is dropped by the app's reader (and named in a notice).
    if (seen.indexOf(key) >= 0) {
      plain = false;
      continue;
    }
    seen.push(key);
    if (key === 'lang' && settings.langs.indexOf(value) >= 0) lang = value;
    else if (key === 'theme' && (value === 'light' || value === 'dark')) theme = value;
    else if (key !== 'v' || value !== settings.version) plain = false;
  }
  if (lang === null) {
    lang = 'en';
    for (const l of languages) {
      const lower = l.toLowerCase();
      if (lower.indexOf('zh') === 0 || lower.indexOf('en') === 0) {
        lang = lower.indexOf('zh') === 0 ? 'zh-CN' : 'en';
        break;
      }
    }
  }
  if (theme === null) theme = prefersDark ? 'dark' : 'light';
  // Written only when they differ: the chooser runs once per route, and each write, even of the
  // same value, would have the browser restyle and lay out the whole page again.
  const html = doc.documentElement;
  if (html.lang !== lang) html.lang = lang;
  if (html.dataset.theme !== theme) html.dataset.theme = theme;
  const id = `${route}/${lang}/${theme}`;
  let page = doc.getElementById(`prerendered-${id}`);
  // Pages are prerendered in the light theme only (`app/prerender/renderRoutes.tsx`): in another
  // theme the light page is this visit's frame, its figure hidden until the app has drawn it.
  const light = doc.getElementById(`prerendered-${route}/${lang}/light`);
  if (!page && light) {
    page = light;
    plain = false;
  }
  const root = doc.getElementById('root');
  // Already chosen by an earlier copy of this script, or not parsed yet.
  if (!(page instanceof HTMLScriptElement) || !root || root.dataset.prerendered !== undefined) return;
  // A frame (a route whose page was too large to prerender) is never hydrated.
  if (page.hasAttribute('data-frame')) plain = false;
  // The build's own markup, written by React's server renderer from no one's input.
  root.innerHTML = page.text;
  root.dataset.prerendered = page.id.slice('prerendered-'.length);
  root.dataset.prerenderedFor = hash;
  if (!plain) root.dataset.prerenderedFrame = '';
  root.inert = true;
}

/** The name under which the head's inline script leaves the chooser for the body's calls. */
const CHOOSER = 'convlabChoosePage';

/**
 * The head's part of the inline scripts: defines `convlabChoosePage`, `chooseTemplate` applied to
 * this page, its hash, the browser's languages and colour scheme. Defined once, called after each
 * route's templates (`choosePageCall`), so its text is in the page once rather than once per route.
 */
export function choosePageDefinition(settings: TemplateChoiceSettings): string {
  const args = [
    'document',
    'location.hash',
    'navigator.languages || [navigator.language]',
    "typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches",
    JSON.stringify(settings),
  ];
  return `self.${CHOOSER} = function () { (${chooseTemplate.toString()})(${args.join(', ')}); };`;
}

/** The inline script after each route's templates: the chooser, if the head defined it. */
export function choosePageCall(): string {
  return `self.${CHOOSER} && self.${CHOOSER}();`;
}
