/**
 * The tensors as the share panel exports them (PNG, SVG, one GIF frame per
 * line): every name after a line as a matrix of its values (a tensor of more
 * than 2 dims as its rows stacked: shape [1, 1, 4, 4] draws 4 rows of 4), and
 * each `.grad` beside its tensor. The line's new or changed tensors are
 * marked `active`.
 */
import type { FigureMatrix, FigureModel } from '../../../components/figures/figureModel';
import type { ProgramRun } from '../../../engine/autograd';
import { changedStorages, lineTensor, namedTensors, stateAt } from './tensorsRun';
import { formatShape, formatValue } from './tensorText';

/** Cell units across before a row of matrices wraps. */
const WRAP = 18;

export function tensorsFigureModel(run: ProgramRun, index: number, title: string, caption: string): FigureModel {
  const state = stateAt(run, index);
  const changed = changedStorages(run, index);
  const made = lineTensor(run, index);
  const matrices: FigureMatrix[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  const place = (id: string, label: string, shape: readonly number[], data: readonly number[], active: boolean) => {
    const cols = shape.length === 0 ? 1 : (shape[shape.length - 1] ?? 1);
    const rows = Math.max(1, Math.ceil(data.length / Math.max(1, cols)));
    if (x > 0 && x + cols > WRAP) {
      x = 0;
      y += rowHeight + 2;
      rowHeight = 0;
    }
    matrices.push({
      id,
      label,
      rows,
      cols,
      x,
      y,
      cells: Array.from({ length: rows * cols }, (_, i) => ({
        text: formatValue(data[i] ?? 0),
        state: active ? 'active' : 'idle',
        fill: null,
      })),
    });
    x += Math.max(cols, Math.ceil(label.length / 4)) + 1;
    rowHeight = Math.max(rowHeight, rows);
    width = Math.max(width, x);
  };
  for (const { name, tensor } of namedTensors(state)) {
    if (!tensor) continue;
    const active = changed.has(tensor.storage) || made?.name === name;
    place(name, `${name} ${formatShape(tensor.shape)}`, tensor.shape, tensor.data, active);
    if (tensor.grad) place(`${name}.grad`, `${name}.grad`, tensor.grad.shape, tensor.grad.data, false);
  }
  return { title, caption, width: Math.max(1, width), height: y + rowHeight, matrices };
}
