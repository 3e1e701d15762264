import type { Pair } from './convInfo';
import { EngineError, problem } from './errors';
import { type AxisWindow, type LayerStack, type StackInfo, type StackLayer } from './layerStack';

/** Inclusive [first, last] index range, or null when empty. */
export type Extent = readonly [number, number] | null;

/**
 * The cells of one feature map, along one axis, that influence a chosen cell
 * of a later level.
 */
export interface AxisSpan {
  /** Cells inside the map that influence it, ascending. */
  readonly cells: readonly number[];
  /** [first, last] of `cells`, so clipped to the map; null when no cell of the map does. */
  readonly extent: Extent;
  /** Cells inside `extent` that it does not see: the gaps a dilated window steps over. */
  readonly skipped: readonly number[];
  /** Padding positions the windows read (negative, or ≥ the map's size): the part outside the map. */
  readonly outside: readonly number[];
}

/** The influencing cells of one level (0 is the image, l the output of layer l). */
export interface LevelRegion {
  readonly level: number;
  /** [H, W] of that level's map. */
  readonly size: Pair;
  readonly rows: AxisSpan;
  readonly cols: AxisSpan;
}

/** Where one cell looks, at every earlier level. */
export interface CellRegion {
  readonly level: number;
  readonly row: number;
  readonly col: number;
  /** Index = level, for levels 0 … level − 1. */
  readonly levels: readonly LevelRegion[];
  /**
   * The theoretical field in image pixels before clipping (Distill 2019):
   * rows uₗ + row·jₗ … uₗ + row·jₗ + rₗ − 1, likewise for columns. Positions
   * below 0 or past the image lie outside it.
   */
  readonly field: { readonly rows: readonly [number, number]; readonly cols: readonly [number, number] };
}

/** The cells of the next level whose windows read one cell. */
export interface FeedsWindow {
  readonly level: number;
  readonly rows: { readonly cells: readonly number[]; readonly extent: Extent };
  readonly cols: { readonly cells: readonly number[]; readonly extent: Extent };
}

/** [H, W] of level `level` of an accepted stack (or of its accepted prefix). */
export function levelSize(info: StackInfo, level: number): Pair {
  if (level === 0) return [info.input.shape[1], info.input.shape[2]];
  const row = info.rows[level - 1];
  return row ? [row.h.outSize, row.w.outSize] : [0, 0];
}

function checkCell(info: StackInfo, level: number, row: number, col: number): void {
  const levels = info.rows.length;
  const bad = (name: string, value: number, max: number): never => {
    throw new EngineError([problem('cell-out-of-range', { name, value, min: 0, max })]);
  };
  if (!Number.isInteger(level) || level < 0 || level > levels) bad('level', level, levels);
  const [h, w] = levelSize(info, level);
  if (!Number.isInteger(row) || row < 0 || row >= h) bad('row', row, h - 1);
  if (!Number.isInteger(col) || col < 0 || col >= w) bad('column', col, w - 1);
}

function span(cells: number[], outside: number[]): AxisSpan {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const extent: Extent = first === undefined || last === undefined ? null : [first, last];
  const skipped: number[] = [];
  if (extent) {
    let k = 0;
    for (let q = extent[0]; q <= extent[1]; q++) {
      if (cells[k] === q) k++;
      else skipped.push(q);
    }
  }
  return { cells, extent, skipped, outside };
}

/**
 * One step back through a window along one axis: the positions of the level
 * below that outputs `positions` read, q = o·s − p + t·d for t = 0 … k−1.
 * Returns the in-map cells (ascending) and the padding positions.
 */
function stepBack(positions: readonly number[], w: AxisWindow, inSize: number): { cells: number[]; outside: number[] } {
  const hit = new Uint8Array(inSize);
  const outside = new Set<number>();
  for (const o of positions) {
    for (let t = 0; t < w.kernel; t++) {
      const q = o * w.stride - w.padding + t * w.dilation;
      if (q >= 0 && q < inSize) hit[q] = 1;
      else outside.add(q);
    }
  }
  const cells: number[] = [];
  for (let q = 0; q < inSize; q++) if (hit[q]) cells.push(q);
  return { cells, outside: [...outside].sort((a, b) => a - b) };
}

/**
 * For cell (row, col) of level `level` (0 is the image; level l is layer l's
 * output, layer l being `stack.layers[l − 1]`): the cells of every earlier
 * level that influence it, clipped at each map's border, with the padding
 * positions read reported as outside and the dilation gaps inside the extent
 * as skipped. Padding carries nothing, so it does not reach further back.
 * Throws `cell-out-of-range` for a cell the stack does not have.
 */
export function cellRegion(info: StackInfo, level: number, row: number, col: number): CellRegion {
  checkCell(info, level, row, col);
  const levels: LevelRegion[] = [];
  let rows: readonly number[] = [row];
  let cols: readonly number[] = [col];
  for (let l = level - 1; l >= 0; l--) {
    const r = info.rows[l];
    if (!r) break;
    const size = levelSize(info, l);
    const backR = stepBack(rows, r.h.window, size[0]);
    const backC = stepBack(cols, r.w.window, size[1]);
    levels[l] = { level: l, size, rows: span(backR.cells, backR.outside), cols: span(backC.cells, backC.outside) };
    rows = backR.cells;
    cols = backC.cells;
  }
  const top = level > 0 ? info.rows[level - 1] : undefined;
  const field = top
    ? {
        rows: [top.h.first + row * top.h.jump, top.h.first + row * top.h.jump + top.h.size - 1] as const,
        cols: [top.w.first + col * top.w.jump, top.w.first + col * top.w.jump + top.w.size - 1] as const,
      }
    : { rows: [row, row] as const, cols: [col, col] as const };
  return { level, row, col, levels, field };
}

function feedsAxis(q: number, w: AxisWindow, outSize: number): { cells: number[]; extent: Extent } {
  const cells: number[] = [];
  for (let o = 0; o < outSize; o++) {
    const offset = q - (o * w.stride - w.padding);
    if (offset >= 0 && offset % w.dilation === 0 && offset / w.dilation < w.kernel) cells.push(o);
  }
  const first = cells[0];
  const last = cells[cells.length - 1];
  return { cells, extent: first === undefined || last === undefined ? null : [first, last] };
}

/**
 * The cells of level `level + 1` whose window reads cell (row, col) of level
 * `level`: every o with o·s − p + t·d = row for some tap t (likewise for
 * columns). Null for the last level, which feeds nothing.
 */
export function feedsWindow(info: StackInfo, level: number, row: number, col: number): FeedsWindow | null {
  checkCell(info, level, row, col);
  const next = info.rows[level];
  if (!next) return null;
  return {
    level: level + 1,
    rows: feedsAxis(row, next.h.window, next.h.outSize),
    cols: feedsAxis(col, next.w.window, next.w.outSize),
  };
}

/** A layer as `receptive_field.json` writes it: the same settings on both axes. */
export interface FixtureRfLayer {
  readonly type: 'conv' | 'pool';
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
}

/** The fixtures' single-channel stacks as lesson stacks; their pools are max pools. */
export function stackFromFixture(inputSize: Pair, layers: readonly FixtureRfLayer[]): LayerStack {
  return {
    input: { channels: 1, size: inputSize },
    layers: layers.map((l): StackLayer => {
      const pair = (v: number): Pair => [v, v];
      return l.type === 'conv'
        ? {
            kind: 'conv',
            inChannels: 1,
            outChannels: 1,
            kernel: pair(l.kernel),
            stride: pair(l.stride),
            padding: pair(l.padding),
            dilation: pair(l.dilation),
            bias: false,
          }
        : {
            kind: 'maxpool',
            kernel: pair(l.kernel),
            stride: pair(l.stride),
            padding: pair(l.padding),
            dilation: pair(l.dilation),
            ceilMode: false,
          };
    }),
  };
}

/** The image rows and columns (level 0) that cell (row, col) of the last level sees, clipped. */
export function inputExtent(info: StackInfo, row: number, col: number): { rows: Extent; cols: Extent } {
  const region = cellRegion(info, info.rows.length, row, col);
  const image = region.levels[0];
  return image ? { rows: image.rows.extent, cols: image.cols.extent } : { rows: [row, row], cols: [col, col] };
}
