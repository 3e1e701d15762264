/**
 * The maps as the share panel exports them (PNG/SVG): the same pictures the
 * page draws, each cut to at most 40 × 40 cells around what is highlighted.
 */
import type { CellState, FigureMatrix, FigureModel } from '../../../components/figures/figureModel';
import type { StackInfo } from '../../../engine';
import type { RfWords } from './messages';
import { MAP_CELL_STATES, type MapCellState, type MapPicture } from './rfView';

const MAX_SIDE = 40;

const EXPORT_STATE: Record<MapCellState, CellState> = {
  idle: 'idle',
  active: 'active',
  contributing: 'contributing',
  gap: 'gap',
  padding: 'padding',
  target: 'target',
  outside: 'padding',
};

/** Rows (or columns) lo … hi of the drawn picture (ring included) to export: the highlighted part, centred. */
function window(total: number, first: number | null, last: number | null): [number, number] {
  if (total <= MAX_SIDE) return [0, total - 1];
  const mid = first === null || last === null ? total >> 1 : (first + last) >> 1;
  const lo = Math.max(0, Math.min(total - MAX_SIDE, mid - (MAX_SIDE >> 1)));
  return [lo, lo + MAX_SIDE - 1];
}

export function rfFigureModel(info: StackInfo, pictures: readonly MapPicture[], t: RfWords): FigureModel {
  const matrices: FigureMatrix[] = [];
  let x = 0;
  let height = 0;
  for (const p of pictures) {
    const W = p.size[1] + 2 * p.margin;
    const H = p.size[0] + 2 * p.margin;
    const [r0, r1] = window(H, p.rows ? p.rows[0] + p.margin : null, p.rows ? p.rows[1] + p.margin : null);
    const [c0, c1] = window(W, p.cols ? p.cols[0] + p.margin : null, p.cols ? p.cols[1] + p.margin : null);
    const rows = r1 - r0 + 1;
    const cols = c1 - c0 + 1;
    const cells = [];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const state = EXPORT_STATE[MAP_CELL_STATES[p.states[r * W + c] ?? 0] ?? 'idle'];
        cells.push({ text: '', state, fill: null });
      }
    }
    const row = info.rows[p.level - 1];
    const name = row ? t.rf.maps.after(p.level - 1, t.rf.kinds[row.layer.kind]) : t.rf.maps.image;
    const cut = rows < H || cols < W ? ` [${r0 - p.margin}–${r1 - p.margin}, ${c0 - p.margin}–${c1 - p.margin}]` : '';
    matrices.push({
      id: `level-${p.level}`,
      label: `${name} ${p.size[0]}×${p.size[1]}${cut}`,
      rows,
      cols,
      x,
      y: 1,
      cells,
    });
    x += cols + 2;
    height = Math.max(height, rows + 1);
  }
  return { title: t.rf.title, caption: '', width: Math.max(1, x - 2), height: height + 1, matrices };
}
