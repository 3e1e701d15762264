import { useEffect, useState, type RefObject } from 'react';

/** How far outside the viewport a matrix still counts as on screen, so scrolling meets current cells. */
const MARGIN = '300px 0px';

type Listener = (onScreen: boolean) => void;
const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * Whether the element is on (or near) the screen. One observer serves every
 * matrix of a figure. Without IntersectionObserver everything counts as on
 * screen, so nothing ever waits.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    const io = shared();
    if (!el || !io) return;
    listeners.set(el, setOnScreen);
    io.observe(el);
    return () => {
      io.unobserve(el);
      listeners.delete(el);
    };
  }, [ref]);
  return onScreen;
}
