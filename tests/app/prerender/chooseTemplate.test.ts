// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectLang, LANGS } from '../../../app/i18n';
import { chooseTemplate, type TemplateChoiceSettings } from '../../../app/prerender/chooseTemplate';
import { TEMPLATE_CHOICE } from '../../../scripts/prerender';
import { URL_VERSION } from '../../../app/urlCodec';

const SETTINGS: TemplateChoiceSettings = { langs: LANGS, version: String(URL_VERSION) };

/** A page as the build writes it: an empty root and one data block per route, language and theme. */
function page(): Document {
  const templates = ['home', 'conv']
    .flatMap((route) =>
      LANGS.flatMap((lang) =>
        ['light', 'dark'].map(
          (theme) =>
            `<script type="text/x-prerendered-page" id="prerendered-${route}/${lang}/${theme}"><p class="${route}" data-lang="${lang}" data-theme="${theme}">${route}</p></script>`,
        ),
      ),
    )
    .join('');
  document.documentElement.lang = 'en';
  delete document.documentElement.dataset.theme;
  document.body.innerHTML = `<div id="root"></div>${templates}`;
  return document;
}

describe('chooseTemplate: the prerendered page a link opens with', () => {
  let doc: Document;
  beforeEach(() => {
    doc = page();
  });
  const root = () => doc.getElementById('root') as HTMLElement;
  const shown = () => root().querySelector('p') as HTMLElement;
  const choose = (hash: string, languages: readonly string[] = ['en-US'], dark = false) =>
    chooseTemplate(doc, hash, languages, dark, SETTINGS);

  it.each(['', '#', '#/', '#//'])('puts the landing page in #root for %j', (hash) => {
    choose(hash);
    expect(root().querySelector('.home')).not.toBeNull();
    expect(root().dataset.prerendered).toBe('home/en/light');
  });

  it("puts a lesson's default figure in #root, inert until the app takes it over", () => {
    choose('#/conv');
    expect(root().querySelector('.conv')).not.toBeNull();
    expect(root().dataset.prerendered).toBe('conv/en/light');
    expect(root().dataset.prerenderedFrame).toBeUndefined();
    expect(root().inert).toBe(true);
  });

  it("opens in the browser's language and colour scheme, and sets <html lang> and data-theme before the first paint", () => {
    choose('#/conv', ['zh-TW', 'en'], true);
    expect(shown().dataset).toMatchObject({ lang: 'zh-CN', theme: 'dark' });
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.documentElement.dataset.theme).toBe('dark');
  });

  it('gives a dark visitor the light page as a frame, in the dark theme, where only light pages were written', () => {
    for (const dark of [...doc.querySelectorAll('[id$="/dark"]')]) dark.remove();
    choose('#/conv', ['en-US'], true);
    expect(shown().dataset).toMatchObject({ lang: 'en', theme: 'light' });
    expect(root().dataset.prerendered).toBe('conv/en/light');
    expect(root().dataset.prerenderedFrame).toBe('');
    expect(doc.documentElement.dataset.theme).toBe('dark');
  });

  it("prefers the link's lang= and theme= over the browser's, and they still hydrate as they are", () => {
    choose('#/conv?v=1&lang=zh-CN&theme=dark', ['en-US'], false);
    expect(shown().dataset).toMatchObject({ lang: 'zh-CN', theme: 'dark' });
    expect(root().dataset.prerenderedFrame).toBeUndefined();
    doc = page();
    choose('#/?theme=light&lang=en', ['zh-CN'], true);
    expect(root().dataset.prerendered).toBe('home/en/light');
  });

  it.each([
    ['#/conv?lang=fr', 'en'],
    ['#/conv?theme=blue', 'light'],
  ])('ignores a value the app would ignore (%s) and marks the frame, since the app names it in a notice', (hash) => {
    choose(hash);
    expect(root().dataset.prerendered).toBe('conv/en/light');
    expect(root().dataset.prerenderedFrame).toBe('');
  });

  it.each([
    ['its own state', '#/conv?h=6&seed=3'],
    ['another link version', '#/conv?v=99'],
    ['a repeated key', '#/conv?lang=en&lang=en'],
    ['a malformed escape', '#/conv?lang=%E0%A4%A'],
  ])('marks a link with %s as a frame whose numbers are not yet its own', (_, hash) => {
    choose(hash);
    expect(root().querySelector('.conv')).not.toBeNull();
    expect(root().dataset.prerenderedFrame).toBe('');
  });

  it('is run after every template, and a later copy leaves the page an earlier one chose alone', () => {
    choose('#/conv');
    choose('#/conv');
    expect(root().querySelectorAll('p')).toHaveLength(1);
  });

  it('leaves <html lang> and data-theme untouched in the later copies, so the page is not restyled once per route', () => {
    choose('#/conv', ['zh-CN'], true);
    const writes = new MutationObserver(() => undefined);
    writes.observe(doc.documentElement, { attributes: true });
    choose('#/conv', ['zh-CN'], true);
    choose('#/matrix', ['zh-CN'], true);
    expect(writes.takeRecords()).toEqual([]);
    writes.disconnect();
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.documentElement.dataset.theme).toBe('dark');
  });

  it("does nothing before the link's template has been parsed, and puts it in place once it has", () => {
    const later = doc.getElementById('prerendered-conv/en/light') as HTMLScriptElement;
    later.remove();
    choose('#/conv');
    expect(root().childNodes).toHaveLength(0);
    doc.body.appendChild(later);
    choose('#/conv');
    expect(root().dataset.prerendered).toBe('conv/en/light');
  });

  it('leaves #root empty for a route that was not prerendered, but still sets the language and theme', () => {
    choose('#/matrix', ['zh-CN'], true);
    expect(root().childNodes).toHaveLength(0);
    expect(root().dataset.prerendered).toBeUndefined();
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.documentElement.dataset.theme).toBe('dark');
  });

  it.each([[['zh-TW']], [['fr-FR', 'en-GB']], [['fr-FR', 'zh-HK', 'en']], [['de']], [[]], [['EN-us']], [['ZH']]])(
    "picks the same language as the app's detectLang for the browser languages %j",
    (languages) => {
      choose('#/', languages);
      expect(doc.documentElement.lang).toBe(detectLang(languages));
    },
  );

  it("is built with the app's languages and link version", () => {
    expect(TEMPLATE_CHOICE).toEqual(SETTINGS);
  });
});
