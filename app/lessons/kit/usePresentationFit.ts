import { type RefObject, useLayoutEffect } from 'react';
import { fittedCell } from './presentationFit';

/** The ratio of digits to cell that presentation mode's stylesheet uses (1.25rem in 3.3rem). */
const FONT_RATIO = 0.38;

/**
 * How the cells of a figure are sized to the page:
 * - `present`: grown (or shrunk) so the first row of matrices fills the width
 *   of the page and fits the height of the screen, for a projector;
 * - `one-row`: on a wide screen, shrunk (to no less than 1.75rem) just enough
 *   that the first row of matrices stays on one line instead of wrapping,
 *   which keeps a wide figure short;
 * - `off`: the stylesheet's sizes.
 */
export type FigureFit = 'present' | 'one-row' | 'off';

/** The first row of matrices, and whether it wrapped onto more than one line. */
function firstRow(figure: HTMLElement): { row: HTMLElement; wrapped: boolean; natural: number } | null {
  const row = figure.querySelector<HTMLElement>('.figure-columns');
  if (!row) return null;
  const items = [...row.children] as HTMLElement[];
  const gap = parseFloat(getComputedStyle(row).columnGap) || 0;
  const top = items[0]?.offsetTop ?? 0;
  return {
    row,
    wrapped: items.some((el) => el.offsetTop > top + 4),
    natural: items.reduce((sum, el) => sum + el.getBoundingClientRect().width, 0) + gap * (items.length - 1),
  };
}

/**
 * Sizes the cells of the figure inside `root` (the element with class
 * `figure`) as `fit` says, by setting `--cell` and `--cell-font` on `root` in
 * px. Measured again when the page's width or the number of cells changes;
 * removed when `fit` turns `off`.
 */
export function usePresentationFit(root: RefObject<HTMLElement | null>, fit: FigureFit): void {
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const clear = () => {
      el.style.removeProperty('--cell');
      el.style.removeProperty('--cell-font');
    };
    // Off, or with no way to watch sizes (a test's document): the stylesheet's sizes stand.
    if (fit === 'off' || typeof ResizeObserver === 'undefined') {
      clear();
      return;
    }
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const set = (px: number, font: number) => {
      el.style.setProperty('--cell', `${px}px`);
      el.style.setProperty('--cell-font', `${Math.round(font)}px`);
    };
    const present = () => {
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
        { min: 1.6 * rem, max: 7 * rem },
      );
      if (Math.abs(next - current) < 2) return false;
      set(next, next * FONT_RATIO);
      return true;
    };
    const oneRow = () => {
      const figure = el.querySelector<HTMLElement>('.figure');
      const cell = figure?.querySelector<HTMLElement>('.cell');
      const row = figure ? firstRow(figure) : null;
      if (!figure || !cell || !row || !row.wrapped || window.innerWidth < 981) return false;
      const current = cell.getBoundingClientRect().width;
      const fontNow = parseFloat(getComputedStyle(cell).fontSize);
      const next = Math.floor(current * Math.min(0.97, row.row.clientWidth / row.natural));
      if (next < 1.75 * rem) {
        // Even the smallest legible cells would wrap: keep the usual size.
        clear();
        return false;
      }
      set(next, (fontNow * next) / current);
      return true;
    };
    const fitNow = () => {
      // Presenting scales from the size now; keeping one row starts again from the usual size, which may fit now.
      if (fit === 'one-row') clear();
      // Gaps, captions and wrapping do not scale with the cells: a few rounds settle it.
      for (let round = 0; round < 4 && (fit === 'present' ? present() : oneRow()); round++);
    };
    let width = -1;
    let cells = -1;
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      const n = el.getElementsByClassName('cell').length;
      // A page scrollbar that comes and goes as the figure grows and shrinks is not a new width:
      // answering it would size the cells back and forth for ever.
      if (Math.abs(w - width) < 24 && n === cells) return;
      width = w;
      cells = n;
      fitNow();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clear();
    };
  }, [root, fit]);
}
