// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { preloadLesson } from '../../../app/prerender/preloadLesson';

/** A head as the build writes it: one line per built lesson, its chunk and the chunks it imports. */
function page(): Document {
  document.head.innerHTML = `<meta name="convlab-lesson" content="conv ./assets/conv-a.js ./assets/kit-b.js">
    <meta name="convlab-lesson" content="transposed ./assets/transposed-c.js ./assets/kit-b.js">`;
  return document;
}

const preloaded = (doc: Document) =>
  [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.getAttribute('href'));

describe("preloadLesson: the linked lesson's code is fetched beside the app's", () => {
  let doc: Document;
  beforeEach(() => {
    doc = page();
  });

  it.each(['#/conv', '#/conv?h=6&lang=zh-CN', 'conv/'])(
    'preloads every file of the lesson a link opens (%s)',
    (hash) => {
      preloadLesson(doc, hash);
      expect(preloaded(doc)).toEqual(['./assets/conv-a.js', './assets/kit-b.js']);
    },
  );

  it('asks for them as the module scripts do, so the browser reuses what it fetched', () => {
    preloadLesson(doc, '#/transposed');
    const link = doc.head.querySelector('link[rel="modulepreload"]') as HTMLLinkElement;
    expect(link.getAttribute('crossorigin')).toBe('');
  });

  it.each(['', '#/', '#/matrix', '#/con'])(
    'preloads nothing for the landing page or a lesson not built (%j)',
    (hash) => {
      preloadLesson(doc, hash);
      expect(preloaded(doc)).toEqual([]);
    },
  );
});
