/**
 * What the receptive-field figures draw, derived from the engine's answers
 * only: the chosen cell, and for every level the state of each cell
 * (`cellRegion` for the cells that influence the chosen one, `feedsWindow`
 * for the window of the next layer a hovered cell feeds).
 */
import type { StackInfo } from '../../../engine/layerStack';
import { cellRegion, feedsWindow, levelSize, type CellRegion } from '../../../engine/receptiveField';
import type { RfCell } from './rfState';

/** The levels the table accepted: the image and every accepted layer's output. */
export function levelCount(info: StackInfo): number {
  return info.refusedLayer === -1 ? 0 : info.rows.length + 1;
}

/** The chosen cell, brought inside the accepted levels; null means the centre of the last level. */
export function resolveCell(info: StackInfo, cell: RfCell | null): RfCell | null {
  const levels = levelCount(info);
  if (levels === 0) return null;
  const level = cell ? Math.min(cell.level, levels - 1) : levels - 1;
  const [h, w] = levelSize(info, level);
  if (h < 1 || w < 1) return null;
  if (!cell || cell.level !== level) return { level, row: (h - 1) >> 1, col: (w - 1) >> 1 };
  return { level, row: Math.min(h - 1, cell.row), col: Math.min(w - 1, cell.col) };
}

/** What a cell of a map means now; the ring around a map is the padding outside it. */
export type MapCellState = 'idle' | 'active' | 'contributing' | 'gap' | 'padding' | 'target' | 'outside';

/** The state codes of `MapPicture.states`, in this order. */
export const MAP_CELL_STATES: readonly MapCellState[] = [
  'idle',
  'active',
  'contributing',
  'gap',
  'padding',
  'target',
  'outside',
];

/**
 * One level drawn: the map and a ring of `margin` cells of padding around it.
 * `states[(r + margin) · (w + 2·margin) + (c + margin)]` is the code (index
 * in `MAP_CELL_STATES`) of map cell (r, c); ring cells are padding the
 * chosen cell's windows read, or plain outside.
 */
export interface MapPicture {
  readonly level: number;
  readonly size: readonly [number, number];
  readonly margin: number;
  readonly states: Uint8Array;
  /** The influencing cells' extent, clipped to the map ([first, last] rows and columns), if any. */
  readonly rows: readonly [number, number] | null;
  readonly cols: readonly [number, number] | null;
  /** How many cells of the map influence the chosen cell. */
  readonly count: number;
}

/** Widest ring of padding drawn around a map. */
export const MAX_MARGIN = 6;

const code = (s: MapCellState) => MAP_CELL_STATES.indexOf(s);

/**
 * The pictures of every accepted level for the chosen cell (and, when one is
 * hovered, the next layer's window it feeds). With `hideRegion` only the
 * chosen cell is marked: a checkpoint is waiting for its answer.
 */
export function mapPictures(
  info: StackInfo,
  chosen: RfCell | null,
  hovered: RfCell | null,
  hideRegion: boolean,
): MapPicture[] {
  const levels = levelCount(info);
  const region: CellRegion | null =
    chosen && !hideRegion ? cellRegion(info, chosen.level, chosen.row, chosen.col) : null;
  const feeds =
    hovered && hovered.level < levels - 1 ? feedsWindow(info, hovered.level, hovered.row, hovered.col) : null;
  const out: MapPicture[] = [];
  for (let level = 0; level < levels; level++) {
    const [h, w] = levelSize(info, level);
    const lr = region?.levels[level];
    const reach = (xs: readonly number[], n: number) => xs.reduce((m, q) => Math.max(m, q < 0 ? -q : q - n + 1), 0);
    const margin = lr ? Math.min(MAX_MARGIN, Math.max(reach(lr.rows.outside, h), reach(lr.cols.outside, w))) : 0;
    const W = w + 2 * margin;
    const states = new Uint8Array((h + 2 * margin) * W).fill(code('outside'));
    for (let r = 0; r < h; r++) states.fill(code('idle'), (r + margin) * W + margin, (r + margin) * W + margin + w);
    const set = (r: number, c: number, s: MapCellState) => {
      if (r < -margin || r >= h + margin || c < -margin || c >= w + margin) return;
      states[(r + margin) * W + c + margin] = code(s);
    };
    let count = 0;
    if (lr) {
      const rowsRead = [...lr.rows.cells, ...lr.rows.outside];
      const colsRead = [...lr.cols.cells, ...lr.cols.outside];
      for (const r of rowsRead) for (const c of colsRead) set(r, c, 'padding');
      for (const r of lr.rows.cells) for (const c of lr.cols.cells) set(r, c, 'contributing');
      count = lr.rows.cells.length * lr.cols.cells.length;
      if (lr.rows.extent && lr.cols.extent) {
        const rowSet = new Set(lr.rows.cells);
        const colSet = new Set(lr.cols.cells);
        for (let r = lr.rows.extent[0]; r <= lr.rows.extent[1]; r++) {
          for (let c = lr.cols.extent[0]; c <= lr.cols.extent[1]; c++) {
            if (!rowSet.has(r) || !colSet.has(c)) set(r, c, 'gap');
          }
        }
      }
    }
    if (feeds && feeds.level === level) {
      for (const r of feeds.rows.cells) for (const c of feeds.cols.cells) set(r, c, 'target');
    }
    if (chosen && chosen.level === level) set(chosen.row, chosen.col, 'active');
    out.push({
      level,
      size: [h, w],
      margin,
      states,
      rows: lr?.rows.extent ?? null,
      cols: lr?.cols.extent ?? null,
      count,
    });
  }
  return out;
}

/** The centre cell of a level. */
export function centreCell(info: StackInfo, level: number): RfCell {
  const [h, w] = levelSize(info, level);
  return { level, row: (h - 1) >> 1, col: (w - 1) >> 1 };
}
