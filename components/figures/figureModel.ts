/**
 * A figure as plain data: labelled matrices of cells with their values and
 * states, laid out on a grid of cell units. The interactive view, the PNG/SVG
 * export and the GIF recorder all draw from this one model, so they cannot
 * disagree.
 */

import { KEPT_MARK } from './colors';

/** What a cell means right now. Tests and styles key on these, never on colours. */
export type CellState =
  | 'idle'
  | 'active'
  | 'contributing'
  | 'target'
  | 'padding'
  | 'padding-contributing'
  | 'unvisited'
  | 'pending'
  | 'cropped'
  | 'gap'
  /** A row or column of a transposed convolution's output that output_padding keeps past the crop. */
  | 'kept';

/** One cell as the grid draws it. */
export interface GridCellView {
  readonly text: string;
  readonly state: CellState;
  readonly fill: string | null;
  readonly editable: boolean;
  /** A short word that tells the state without colour (screen readers and the corner mark). */
  readonly mark?: string;
  /** Small note under the value (e.g. which cell a padding cell copies). */
  readonly note?: string;
  /**
   * Which padding border a padding cell belongs to, space-separated (`top`,
   * `top left`, …), so a formula's p₀ or p₁ can point at its own rows or columns.
   */
  readonly pad?: string;
}

/**
 * One matrix of a lesson's interactive figure, as the grid draws it: `kind`
 * says which tensor it shows, `a` and `b` which slice of it: the indices of
 * the tensor's first two axes (sample and channel for inputs and outputs, the
 * two channel axes of the weight tensor for kernels).
 */
export interface FigureGrid<K extends string> {
  readonly id: string;
  readonly kind: K;
  /** What the grid is called, for screen readers (and, without `caption`, on screen). */
  readonly label: string;
  /** The name shown above the grid, when it is shorter than `label`. */
  readonly caption?: string;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly GridCellView[];
  readonly a: number;
  readonly b: number;
}

/**
 * A grid whose size is the answer to a waiting question: one "?" cell, not yet
 * computed (`mark` names that state). It keeps its own name as its visible
 * caption; `spoken` is what a screen reader hears: the name and that the size
 * comes with the answer.
 */
export function shapeHiddenGrid<K extends string>(
  grid: Pick<FigureGrid<K>, 'id' | 'kind' | 'label' | 'a' | 'b'>,
  spoken: string,
  mark: string | undefined,
): FigureGrid<K> {
  return {
    id: grid.id,
    kind: grid.kind,
    label: spoken,
    caption: grid.label,
    rows: 1,
    cols: 1,
    a: grid.a,
    b: grid.b,
    cells: [{ text: '?', state: 'pending', fill: null, editable: false, ...(mark ? { mark } : {}) }],
  };
}

export interface FigureCell {
  /** Text shown in the cell ('' for a blank cell). */
  readonly text: string;
  readonly state: CellState;
  /** Background fill as a CSS colour (from a colour-blind-safe scale), or null. */
  readonly fill: string | null;
}

export interface FigureMatrix {
  readonly id: string;
  /** Caption above the matrix, in the reader's language. */
  readonly label: string;
  readonly rows: number;
  readonly cols: number;
  /** Top-left corner in cell units. */
  readonly x: number;
  readonly y: number;
  /** rows·cols cells, row-major. */
  readonly cells: readonly FigureCell[];
}

export interface FigureModel {
  readonly title: string;
  /** One line of arithmetic under the figure, e.g. "1×0 + 2×1 + … + b = 7". */
  readonly caption: string;
  /** Size in cell units. */
  readonly width: number;
  readonly height: number;
  readonly matrices: readonly FigureMatrix[];
}

/** Legend colours for exports (kept in step with app/styles.css). */
export const STATE_STYLE: Readonly<
  Record<CellState, { stroke: string; dash: string | null; hatch: boolean; width: number }>
> = {
  idle: { stroke: '#b8bcc6', dash: null, hatch: false, width: 1 },
  active: { stroke: '#0072b2', dash: null, hatch: false, width: 3 },
  contributing: { stroke: '#e69f00', dash: '4 2', hatch: false, width: 3 },
  target: { stroke: '#009e73', dash: null, hatch: false, width: 3 },
  padding: { stroke: '#b8bcc6', dash: '2 2', hatch: true, width: 1 },
  'padding-contributing': { stroke: '#e69f00', dash: '4 2', hatch: true, width: 3 },
  unvisited: { stroke: '#d55e00', dash: '1 2', hatch: true, width: 1.5 },
  pending: { stroke: '#d8dbe2', dash: '2 3', hatch: false, width: 1 },
  cropped: { stroke: '#9aa0ab', dash: '2 2', hatch: true, width: 1 },
  gap: { stroke: '#d8dbe2', dash: '1 3', hatch: false, width: 1 },
  kept: { stroke: KEPT_MARK.light, dash: null, hatch: false, width: 3 },
};
