import { memo, type Ref, useMemo } from 'react';
import { focusIn, useSetFocus, useSlice, useSliceActions } from '../kit/slice';
import { transposedSlice } from './slice';
import { useAppStore } from '../../store/react';
import { transposedView, type TransposedFocus } from './transposedView';
import { useTransposedWords } from './messages';
import { buildTransposedFigure, type TransposedGrid } from './transposedFigureModel';
import { MatrixGrid, pastedCells } from '../../../components/grid/MatrixGrid';
import { useGridStrings } from '../../../components/grid/useGridStrings';

/**
 * The transposed-convolution figure: the stamp-and-sum view with its crop, the
 * same result as a direct convolution, and the overlap map, all in step.
 */
export const TransposedFigureView = memo(function TransposedFigureView({
  hideOutput,
  hideShape,
  figureRef,
}: {
  hideOutput: boolean;
  /** A question about the output's size waits: see `TransposedFigureOptions.hideShape`. */
  hideShape: boolean;
  figureRef: Ref<HTMLDivElement>;
}) {
  const t = useTransposedWords();
  const v = t.transposed.views;
  const figure = useSlice(transposedSlice, (s) => s.present);
  const step = useAppStore((s) => s.playback.step);
  const focus = useAppStore((s) => focusIn<TransposedFocus>(s, transposedSlice));
  const theme = useAppStore((s) => s.theme);
  const setFocus = useSetFocus<TransposedFocus>(transposedSlice);
  const setValues = useSliceActions(transposedSlice).setValues;
  const view = transposedView(figure);
  const built = useMemo(
    () => buildTransposedFigure(figure, view, { step, focus, hideOutput, hideShape, theme, t }),
    [figure, view, step, focus, hideOutput, hideShape, theme, t],
  );
  const p = figure.params;
  const { h, w } = view.info;
  const strings = useGridStrings();
  const perGroupOut = Math.max(1, view.info.outPerGroup);

  const grid = (g: TransposedGrid) => {
    const base =
      g.kind === 'input'
        ? (g.a * p.inChannels + g.b) * p.inH * p.inW
        : g.kind === 'weight'
          ? (g.a * perGroupOut + g.b) * p.kH * p.kW
          : g.kind === 'output' || g.kind === 'gatherOutput'
            ? (g.a * p.outChannels + g.b) * g.rows * g.cols
            : 0;
    const matrix =
      g.kind === 'input' ? 'input' : g.kind === 'weight' ? 'weight' : g.kind === 'bias' ? 'biasValues' : null;
    const onCommit = matrix ? (i: number, value: number) => setValues(matrix, [[base + i, value]]) : undefined;
    const onPasteBlock = matrix
      ? (start: number, block: number[][]) =>
          setValues(
            matrix,
            pastedCells(start, g.rows, g.cols, block).map(([i, v]) => [base + i, v]),
          )
      : undefined;
    const onHover = (i: number | null) => {
      if (i === null) return setFocus(null);
      switch (g.kind) {
        case 'input':
          return setFocus({ kind: 'input', index: base + i });
        case 'weight':
          return setFocus({ kind: 'weight', index: base + i });
        case 'canvas':
        case 'overlap':
          return setFocus({ kind: 'canvas', n: g.a, co: g.b, ty: Math.floor(i / g.cols), tx: i % g.cols });
        case 'output':
        case 'gatherOutput':
          return setFocus({ kind: 'output', index: base + i });
        default:
          return setFocus(null);
      }
    };
    return (
      <div key={g.id} className={`matrix-wrap matrix--${g.kind}`}>
        <MatrixGrid
          id={g.id}
          label={g.label}
          caption={g.caption ?? g.label}
          matrix={g}
          strings={strings}
          {...(onCommit ? { onCommit } : {})}
          {...(onPasteBlock ? { onPasteBlock } : {})}
          onHover={onHover}
        />
      </div>
    );
  };

  const pair = (a: number, b: number) => (a === b ? String(a) : `${a}×${b}`);
  return (
    <div className="figure figure--transposed" ref={figureRef} role="group" aria-label={t.transposed.figureLabel}>
      <h2 className="panel-title">{v.scatter}</h2>
      <p className="hint">{v.scatterNote}</p>
      <div className="figure-columns">
        <div className="figure-col figure-col--inputs">{built.inputs.map(grid)}</div>
        <div className="figure-op" aria-hidden="true">
          ×
        </div>
        <div className="figure-col figure-col--kernels">
          <div className="kernel-group">{built.kernels.map(grid)}</div>
          {built.bias ? grid(built.bias) : null}
        </div>
        <div className="figure-op" aria-hidden="true">
          →
        </div>
        <div className="figure-col figure-col--outputs">{built.canvases.map(grid)}</div>
        {built.outputs.length ? (
          <>
            <div className="figure-op" aria-hidden="true">
              ⇒
            </div>
            <div className="figure-col figure-col--outputs">{built.outputs.map(grid)}</div>
          </>
        ) : null}
      </div>
      <p className="hint">{v.crop(pair(p.padH, p.padW), pair(p.opH, p.opW))}</p>
      <p className="arithmetic" data-testid="arithmetic">
        {built.subject ? <strong>{built.subject}</strong> : null}
        {built.caption ? <span className="arithmetic-sum">{built.caption}</span> : null}
      </p>
      {built.ups.length ? (
        <section className="figure-sub" aria-label={v.gather}>
          <h2 className="panel-title">{v.gather}</h2>
          <p className="hint">
            {v.gatherNote(v.insertZeros(h.insertedZeros, w.insertedZeros), pair(h.gatherPadBefore, w.gatherPadBefore))}
          </p>
          <div className="figure-columns">
            <div className="figure-col figure-col--inputs">{built.ups.map(grid)}</div>
            <div className="figure-op" aria-hidden="true">
              ∗
            </div>
            <div className="figure-col figure-col--kernels">
              <div className="kernel-group">{built.flipped.map(grid)}</div>
            </div>
            <div className="figure-op" aria-hidden="true">
              =
            </div>
            <div className="figure-col figure-col--outputs">{built.gatherOutputs.map(grid)}</div>
          </div>
        </section>
      ) : null}
      {built.overlaps.length ? (
        <section className="figure-sub" aria-label={v.overlaps}>
          <h2 className="panel-title">{v.overlaps}</h2>
          <p className="hint">{v.overlapNote}</p>
          <div className="figure-col figure-col--outputs">{built.overlaps.map(grid)}</div>
          <p className="formula-note" data-testid="max-overlap">
            {hideOutput ? t.story.hiddenUntilAnswered : v.maxOverlap(built.maxOverlap)}
          </p>
        </section>
      ) : null}
    </div>
  );
});
