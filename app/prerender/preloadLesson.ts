import { afterFirstFrame } from './afterFirstFrame.ts';

/**
 * Starts fetching the linked lesson's code as soon as the page is on screen, beside the app's own.
 *
 * Without it the lesson's chunks are asked for only once the app's entry has arrived and run (its
 * `startLesson` import): on a phone profile (150 ms round trips, 1.6 Mbit/s) that is a second
 * round of requests after the largest file, after the whole page has arrived. The build writes one
 * `<meta name="convlab-lesson" content="<id> <file> <file>…">` per built lesson (its chunk and the
 * chunks it imports that the entry does not, `scripts/prerender.ts`), and this function, inlined
 * as a tiny script in the head (pinned by its sha256 in the CSP table), adds a
 * `<link rel="modulepreload">` for each file of the link's lesson. The browser then holds those
 * modules when the app imports the lesson.
 *
 * Asking for a file costs the main thread a few milliseconds (a dozen files are the cost of a
 * frame on a slow phone), so the script asks once the first frame has been painted, when the
 * prerendered page is on screen; a tab opened in the background paints no frames and asks at once.
 *
 * Self-contained on purpose: its source text is the inline script.
 */
export function preloadLesson(doc: Document, hash: string): void {
  const match = /^#?\/*([^?]*?)\/*(?:\?.*)?$/.exec(hash);
  const route = match?.[1] ?? '';
  if (route === '') return;
  const metas = doc.querySelectorAll('meta[name="convlab-lesson"]');
  for (let i = 0; i < metas.length; i++) {
    const files = (metas[i]?.getAttribute('content') ?? '').split(' ');
    if (files.shift() !== route) continue;
    for (const file of files) {
      if (!file) continue;
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = file;
      doc.head.appendChild(link);
    }
  }
}

/** The inline script's text: `preloadLesson` applied to this page and its hash, after the first frame. */
export function preloadLessonScript(): string {
  return `(${afterFirstFrame.toString()})(document, function () { (${preloadLesson.toString()})(document, location.hash); });`;
}
