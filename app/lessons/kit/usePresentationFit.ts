import { type RefObject, useLayoutEffect } from 'react';
import { fittedCell } from './presentationFit';

/** The ratio of digits to cell that presentation mode's stylesheet uses (1.25rem in 3.3rem). */
const FONT_RATIO = 0.38;

/**
 * While `on`, sizes the cells of the figure inside `root` (the element with
 * class `figure`) so that its first row of matrices fills the width of the
 * page and fits the height of the screen: `--cell` and `--cell-font` are set
 * on `root`, in px. Measured again when the page's width or the number of
 * cells changes; removed when `on` turns false.
 */
export function usePresentationFit(root: RefObject<HTMLElement | null>, on: boolean): void {
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const clear = () => {
      el.style.removeProperty('--cell');
      el.style.removeProperty('--cell-font');
    };
    if (!on) {
      clear();
      return;
    }
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const bounds = { min: 1.6 * rem, max: 7 * rem };
    const apply = () => {
      const figure = el.querySelector<HTMLElement>('.figure');
      const first = figure?.querySelector<HTMLElement>('.figure-columns') ?? figure;
      const cell = figure?.querySelector<HTMLElement>('.cell');
      if (!figure || !first || !cell) return false;
      const box = figure.getBoundingClientRect();
      const style = getComputedStyle(figure);
      const left = box.left + parseFloat(style.paddingLeft);
      const availableWidth = box.right - parseFloat(style.paddingRight) - left;
      let right = left;
      for (const g of figure.querySelectorAll('.matrix-grid')) right = Math.max(right, g.getBoundingClientRect().right);
      let top = Infinity;
      let bottom = -Infinity;
      for (const g of first.querySelectorAll('.matrix-grid')) {
        const r = g.getBoundingClientRect();
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
      }
      const current = cell.getBoundingClientRect().width;
      // The story, the arithmetic line and playback share the screen with the first row of matrices.
      const availableHeight = window.innerHeight - 11 * rem;
      const next = fittedCell(
        { cell: current, width: right - left, height: bottom - top, availableWidth, availableHeight },
        bounds,
      );
      if (Math.abs(next - current) < 2) return false;
      el.style.setProperty('--cell', `${next}px`);
      el.style.setProperty('--cell-font', `${Math.round(next * FONT_RATIO)}px`);
      return true;
    };
    const fit = () => {
      // Gaps, captions and wrapping do not scale with the cells: a few rounds settle it.
      for (let round = 0; round < 4 && apply(); round++);
    };
    let width = -1;
    let cells = -1;
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      const n = el.getElementsByClassName('cell').length;
      if (w === width && n === cells) return;
      width = w;
      cells = n;
      fit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clear();
    };
  }, [root, on]);
}
