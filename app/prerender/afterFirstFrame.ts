/**
 * Runs `task` once the page's next frame has been painted: in a task posted from that frame's
 * requestAnimationFrame callback, which runs after its paint. A tab opened in the background paints
 * no frames, so there it runs at once.
 *
 * The page's entry starts the app this way (`app/main.tsx`), so evaluating it does not hold back
 * the prerendered page's first paint.
 */
export function afterFirstFrame(doc: Document, task: () => void): void {
  if (doc.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function') task();
  else requestAnimationFrame(() => setTimeout(task, 0));
}
