import { memo, useMemo } from 'react';
import { MatrixGrid, type GridMatrix } from '../../../components/grid/MatrixGrid';
import { useGridStrings } from '../../../components/grid/useGridStrings';
import type { Tensor } from '../../../engine/tensor';
import { backwardExample } from './backwardModel';
import type { AutoencoderWords } from './messages';

/** A [1, 1, H, W] tensor as a read-only grid; `differs` marks cells that disagree with another tensor. */
function gridOf(t: Tensor, other: Tensor | null = null): GridMatrix {
  const [, , rows = 0, cols = 0] = t.shape;
  return {
    rows,
    cols,
    cells: Array.from(t.data, (v, i) => ({
      text: String(Math.round(v * 1e6) / 1e6),
      // 'contributing' where the two gradients agree: every cell, as the engine computes them.
      state: other && Math.abs(v - (other.data[i] ?? NaN)) < 1e-12 ? ('contributing' as const) : ('idle' as const),
      fill: null,
      editable: false,
    })),
  };
}

/**
 * Beside the encoder's strided convolution: the input gradient of a small
 * convolution like it (4×4 input, 3×3 kernel, stride 2, padding 1), once from
 * the convolution's backward pass and once as the transposed convolution of
 * the output gradient with the same kernel, equal cell by cell.
 */
export const BackwardPanel = memo(function BackwardPanel({ t }: { t: AutoencoderWords }) {
  const w = t.autoencoder.backward;
  const strings = useGridStrings();
  const ex = useMemo(() => backwardExample(), []);
  const grids = useMemo(
    () => ({
      gradOutput: gridOf(ex.gradOutput),
      weight: gridOf(ex.weight),
      gradInput: gridOf(ex.gradInput, ex.transposed),
      transposed: gridOf(ex.transposed, ex.gradInput),
    }),
    [ex],
  );
  const items = [
    { id: 'ae-bw-gy', label: w.gradOutput, matrix: grids.gradOutput },
    { id: 'ae-bw-w', label: w.weight, matrix: grids.weight },
    { id: 'ae-bw-gx', label: w.gradInput, matrix: grids.gradInput },
    { id: 'ae-bw-t', label: w.transposed(ex.stride, ex.padding, ex.outputPadding), matrix: grids.transposed },
  ];
  const total = ex.gradInput.data.length;
  return (
    <section className="ae-panel" aria-labelledby="ae-backward-title">
      <h2 id="ae-backward-title" className="panel-title">
        {w.title}
      </h2>
      <p className="hint">{w.intro(ex.stride, ex.padding)}</p>
      <div className="ae-grids">
        {items.map((g) => (
          <div key={g.id} className="matrix-wrap">
            <MatrixGrid id={g.id} label={g.label} caption={g.label} matrix={g.matrix} strings={strings} />
          </div>
        ))}
      </div>
      <p className={ex.equalCells === total ? 'verdict' : 'verdict verdict--wrong'} data-testid="ae-backward-verdict">
        {w.verdict(ex.equalCells, total)}
      </p>
      <p className="hint">{w.why(ex.outputPadding)}</p>
    </section>
  );
});
