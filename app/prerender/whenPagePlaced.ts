/**
 * Calls `then` with `#root` once this visit's page is in it: as soon as the head's chooser has
 * copied the visitor's prerendered page there (`data-prerendered`, see `chooseTemplate.ts`), or,
 * for a route the build did not prerender, once the whole document has been parsed.
 *
 * The page's entry is an async module (`index.html`), so it runs as soon as it has arrived, maybe
 * before `<body>` exists. Waiting for the whole document instead, as a deferred module does,
 * would make the app's start wait for the browser to parse every other route's prerendered page
 * too, and the browser does that only after it has laid out and painted the first frame: on a
 * slow phone that is a few hundred milliseconds in which the app's code sits ready and unused.
 * Nothing the app does touches the document outside `#root`.
 */
export function whenPagePlaced(doc: Document, then: (root: HTMLElement) => void): void {
  const placed = (): HTMLElement | null => {
    const root = doc.getElementById('root');
    return root && (root.dataset.prerendered !== undefined || doc.readyState !== 'loading') ? root : null;
  };
  const now = placed();
  if (now) {
    then(now);
    return;
  }
  let done = false;
  const check = () => {
    const root = done ? null : placed();
    if (!root) return;
    done = true;
    observer.disconnect();
    doc.removeEventListener('DOMContentLoaded', check);
    then(root);
  };
  const observer = new MutationObserver(check);
  observer.observe(doc, { subtree: true, attributes: true, attributeFilter: ['data-prerendered'] });
  doc.addEventListener('DOMContentLoaded', check);
}
