import { memo, useMemo, useState, type ReactNode, type Ref } from 'react';
import { MatrixGrid, pastedCells } from '../../../components/grid/MatrixGrid';
import { useGridStrings } from '../../../components/grid/useGridStrings';
import { formatCell } from '../../parseNumbers';
import { useAppStore } from '../../store/react';
import { focusIn, useSetFocus, useSlice, useSliceActions } from '../kit/slice';
import { useMatrixWords } from './messages';
import { buildMatrixFigure, type MatrixGrid as MatrixFigureGrid, type MatrixGridKind } from './matrixFigureModel';
import type { MatrixHidden } from './matrixStory';
import { matrixView, type MatrixFocus } from './matrixView';
import { matrixSlice } from './slice';

/** The sections of the figure; the arithmetic line shows in the one last pointed at. */
type Section = 'unroll' | 'im2col' | 'transpose' | 'inverse' | 'backward';

const SECTION_OF: Record<MatrixGridKind, Section> = {
  input: 'unroll',
  weight: 'unroll',
  x: 'unroll',
  c: 'unroll',
  y: 'unroll',
  output: 'unroll',
  patches: 'im2col',
  kernelRow: 'im2col',
  im2colY: 'im2col',
  ct: 'transpose',
  yAgain: 'transpose',
  back: 'transpose',
  original: 'transpose',
  difference: 'transpose',
  convT: 'transpose',
  gram: 'inverse',
  identity: 'inverse',
  gradOutput: 'backward',
  gradMatrix: 'backward',
  gradBackward: 'backward',
};

/** Equal up to rounding: the engine's two ways of computing the same numbers. */
const SAME = 1e-9;

/**
 * The convolution-as-a-matrix figure: the unrolling y = C·x, im2col, the
 * transpose beside x and beside the transposed convolution, CᵀC beside the
 * identity, and the gradient as Cᵀ. Large matrices scroll inside their own frame.
 */
export const MatrixFigureView = memo(function MatrixFigureView({
  hidden,
  figureRef,
}: {
  hidden: MatrixHidden;
  figureRef: Ref<HTMLDivElement>;
}) {
  const t = useMatrixWords();
  const s = t.matrix.sections;
  const figure = useSlice(matrixSlice, (st) => st.present);
  const step = useAppStore((st) => st.playback.step);
  const focus = useAppStore((st) => focusIn<MatrixFocus>(st, matrixSlice));
  const theme = useAppStore((st) => st.theme);
  const setFocus = useSetFocus<MatrixFocus>(matrixSlice);
  const setValues = useSliceActions(matrixSlice).setValues;
  const strings = useGridStrings();
  const [section, setSection] = useState<Section>('unroll');
  const view = matrixView(figure);
  const built = useMemo(
    () => buildMatrixFigure(figure, view, { step, focus, hidden, theme, t }),
    [figure, view, step, focus, hidden, theme, t],
  );
  const g = built.grids;
  const n = view.numbers;

  const focusOf = (kind: MatrixGridKind, i: number): MatrixFocus | null => {
    const u = n?.unrolled;
    switch (kind) {
      case 'input':
      case 'x':
      case 'original':
      case 'back':
      case 'difference':
      case 'convT':
      case 'gradMatrix':
      case 'gradBackward':
        return { kind: 'input', index: i };
      case 'weight':
      case 'kernelRow':
        return { kind: 'weight', index: i };
      case 'c':
        return u ? { kind: 'entry', row: Math.floor(i / u.cols), col: i % u.cols } : null;
      case 'ct':
        return u ? { kind: 'entry', row: i % u.rows, col: Math.floor(i / u.rows) } : null;
      case 'y':
      case 'output':
      case 'im2colY':
      case 'yAgain':
      case 'gradOutput':
        return { kind: 'output', index: i };
      case 'patches':
        return u ? { kind: 'patch', tap: Math.floor(i / u.rows), window: i % u.rows } : null;
      case 'gram':
      case 'identity':
        return u ? { kind: 'gram', i: Math.floor(i / u.cols), j: i % u.cols } : null;
    }
  };

  const grid = (m: MatrixFigureGrid | null): ReactNode => {
    if (!m) return null;
    const target =
      m.kind === 'input' || m.kind === 'x' ? 'input' : m.kind === 'weight' || m.kind === 'kernelRow' ? 'weight' : null;
    const editable = target
      ? {
          onCommit: (i: number, value: number) => setValues(target, [[i, value]]),
          onPasteBlock: (start: number, block: number[][]) =>
            setValues(target, pastedCells(start, m.rows, m.cols, block)),
        }
      : {};
    return (
      <div key={m.id} className={`matrix-wrap matrix--${m.kind}`}>
        <MatrixGrid
          id={m.id}
          label={m.label}
          caption={m.label}
          matrix={m}
          strings={strings}
          {...editable}
          onHover={(i) => {
            if (i === null) return setFocus(null);
            setSection(SECTION_OF[m.kind]);
            setFocus(focusOf(m.kind, i));
          }}
        />
      </div>
    );
  };

  /** A matrix that may be wider than a phone: it scrolls inside its own frame, reachable from the keyboard. */
  const framed = (m: MatrixFigureGrid | null): ReactNode =>
    m ? (
      <div className="mx-frame" role="region" aria-label={s.frame(m.label)} tabIndex={0}>
        {grid(m)}
      </div>
    ) : null;

  const op = (text: string) => (
    <div className="figure-op" aria-hidden="true">
      {text}
    </div>
  );

  const line = (here: Section) =>
    (focus ? section : 'unroll') === here ? (
      <p className="arithmetic" data-testid="arithmetic">
        {built.subject ? <strong>{built.subject}</strong> : null}
        {built.caption ? <span className="arithmetic-sum">{built.caption}</span> : null}
      </p>
    ) : null;
  const hiddenNote = <p className="hint mx-hidden">{s.hidden}</p>;
  const gap = (v: number) => formatCell(v);

  return (
    <div className="figure figure--matrix" ref={figureRef} role="group" aria-label={t.matrix.figureLabel}>
      <section aria-label={s.unroll}>
        <h2 className="panel-title">{s.unroll}</h2>
        <p className="hint">{s.unrollNote}</p>
        <div className="mx-row">
          {grid(g.input)}
          {grid(g.weight)}
        </div>
        {framed(g.x)}
        {g.c && n ? (
          <>
            <div className="mx-row">
              {framed(g.c)}
              {op('· x =')}
              {grid(g.y)}
              {op('→')}
              {grid(g.output)}
            </div>
            <p className="formula-note" data-testid="sparsity">
              {s.sparsity(n.unrolled.rows, n.unrolled.cols, n.unrolled.weightEntries, n.unrolled.entries)}
            </p>
          </>
        ) : view.numbers ? (
          hiddenNote
        ) : null}
        {line('unroll')}
      </section>
      {n ? (
        <section className="figure-sub" aria-label={s.im2col}>
          <h2 className="panel-title">{s.im2col}</h2>
          <p className="hint">{s.im2colNote}</p>
          {g.patches ? (
            <>
              <div className="mx-row">
                {grid(g.kernelRow)}
                {op('·')}
                {framed(g.patches)}
                {op('=')}
                {framed(g.im2colY)}
              </div>
              <p className="formula-note" data-testid="im2col-same">
                {n.im2colGap < SAME ? s.im2colSame : s.im2colDiffers(gap(n.im2colGap))}
              </p>
            </>
          ) : (
            hiddenNote
          )}
          {line('im2col')}
        </section>
      ) : null}
      {n ? (
        <section className="figure-sub" aria-label={s.transpose}>
          <h2 className="panel-title">{s.transpose}</h2>
          <p className="hint">{s.transposeNote}</p>
          {g.ct ? (
            <div className="mx-row">
              {framed(g.ct)}
              {op('·')}
              {grid(g.yAgain)}
              {g.back ? (
                <>
                  {op('=')}
                  {grid(g.back)}
                </>
              ) : null}
            </div>
          ) : null}
          {g.back ? (
            <>
              <div className="mx-row">
                {grid(g.original)}
                {op('− Cᵀ·y =')}
                {grid(g.difference)}
              </div>
              <p className="formula-note" data-testid="same-shape">
                {n.gram.orthogonal
                  ? s.giveBack
                  : s.sameShape(
                      Array.from(n.transpose.back).filter((v, i) => Math.abs(v - (n.unrolled.x[i] ?? 0)) < SAME).length,
                      n.unrolled.cols,
                    )}
              </p>
              <div className="mx-row">{grid(g.convT)}</div>
              <p className="formula-note" data-testid="transpose-same">
                {n.transpose.transposeGap < SAME
                  ? s.transposeSame(n.transpose.outputPadding.join(', '))
                  : s.transposeDiffers(gap(n.transpose.transposeGap))}
              </p>
            </>
          ) : (
            hiddenNote
          )}
          {line('transpose')}
        </section>
      ) : null}
      {n ? (
        <section className="figure-sub" aria-label={s.notInverse}>
          <h2 className="panel-title">{s.notInverse}</h2>
          <p className="hint">{s.notInverseNote}</p>
          {g.gram ? (
            <>
              <div className="mx-row">
                {framed(g.gram)}
                {op('≟')}
                {framed(g.identity)}
              </div>
              <p className="formula-note" data-testid="gram-verdict">
                {n.gram.orthogonal
                  ? s.orthogonal
                  : n.gram.fewerRowsThanColumns
                    ? s.fewerRows(n.unrolled.rows, n.unrolled.cols)
                    : s.gramGap(gap(n.gram.identityGap))}
              </p>
              <p className="formula-note">{s.ownKernel}</p>
            </>
          ) : (
            hiddenNote
          )}
          {line('inverse')}
        </section>
      ) : null}
      {n ? (
        <section className="figure-sub" aria-label={s.backward}>
          <h2 className="panel-title">{s.backward}</h2>
          <p className="hint">{s.backwardNote}</p>
          {g.gradMatrix ? (
            <>
              <div className="mx-row">
                {grid(g.gradOutput)}
                {op('→')}
                {grid(g.gradMatrix)}
                {op('=')}
                {grid(g.gradBackward)}
              </div>
              <p className="formula-note" data-testid="backward-same">
                {n.gradient.gap < SAME ? s.backwardSame : s.backwardDiffers(gap(n.gradient.gap))}
              </p>
            </>
          ) : (
            hiddenNote
          )}
          {line('backward')}
        </section>
      ) : null}
    </div>
  );
});
