/**
 * Starts fetching the linked lesson's code while the page's head is parsed, beside the app's own.
 *
 * Without it the lesson's chunks are asked for only once the app's entry has arrived and run (its
 * `startLesson` import): on a phone profile (150 ms round trips, 1.6 Mbit/s) that is a second
 * round of requests after the largest file. The build writes one
 * `<meta name="convlab-lesson" content="<id> <file> <file>…">` per built lesson (its chunk and the
 * chunks it imports that the entry does not, `scripts/prerender.ts`), and this function, inlined
 * as a tiny script in the head (pinned by its sha256 in the CSP table), adds a
 * `<link rel="modulepreload">` for each file of the link's lesson. The browser then holds those
 * modules when the app imports the lesson.
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

/** The inline script's text: `preloadLesson` applied to this page and its hash. */
export function preloadLessonScript(): string {
  return `(${preloadLesson.toString()})(document, location.hash);`;
}
