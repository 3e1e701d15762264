import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the page's theme or presentation mode
 * changes on `<html>` (its `data-theme` and `data-presentation`). The canvases
 * read their colours from the CSS variables those set, and the shell sets
 * them in an effect that runs after the canvases' own, so they redraw on this.
 */
export function useRootStyleVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'data-presentation'],
    });
    return () => observer.disconnect();
  }, []);
  return version;
}
