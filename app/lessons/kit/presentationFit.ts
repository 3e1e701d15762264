/**
 * Presentation mode's cell size: large enough that the figure's first row of
 * matrices fills the width of the projected page, small enough that it fits
 * the screen's height. The matrices are laid out in cells of `--cell`, so
 * their extent grows nearly in proportion to it:
 *
 *   cell' = clamp(cell · min(availableWidth / width, availableHeight / height), min, max)
 *
 * Pure; the hook in `usePresentationFit.ts` measures and applies it.
 */

/** What one measurement of the figure found, in CSS pixels. */
export interface FitMeasure {
  /** Side of one cell now. */
  readonly cell: number;
  /** Width and height of the matrices now (their union). */
  readonly width: number;
  readonly height: number;
  /** Room for them: the figure's content box, and the part of the screen the figure may take. */
  readonly availableWidth: number;
  readonly availableHeight: number;
}

/** Bounds of a cell's side in presentation mode, in CSS pixels. */
export interface FitBounds {
  readonly min: number;
  readonly max: number;
}

/**
 * The cell side (px) that makes the matrices fill the room, within `bounds`;
 * the current side when nothing is measured (no matrix on screen).
 */
export function fittedCell(m: FitMeasure, bounds: FitBounds): number {
  if (!(m.cell > 0 && m.width > 0 && m.height > 0)) return m.cell;
  // A little under the full width: borders and gaps do not grow with the cells.
  const scale = Math.min((0.97 * m.availableWidth) / m.width, m.availableHeight / m.height);
  if (!Number.isFinite(scale) || scale <= 0) return m.cell;
  return Math.min(bounds.max, Math.max(bounds.min, Math.floor(m.cell * scale)));
}
