import { memo, type Ref, useCallback, useMemo } from 'react';
import { focusIn, useSetFocus, useSlice, useSliceActions } from '../kit/slice';
import { convSlice } from './slice';
import { unpaddedIndex } from '../../../engine/convInfo';
import { convView, type ConvFocus } from './convView';
import { useAppStore } from '../../store/react';
import { useConvWords } from './messages';
import { buildConvFigure, type ConvGrid } from './convFigureModel';
import { MatrixGrid, pastedCells } from '../../../components/grid/MatrixGrid';
import { useGridStrings } from '../../../components/grid/useGridStrings';

/**
 * The convolution figure: padded inputs, kernels and bias, outputs. Every
 * state is derived from the engine's trace, the playback step and the focus.
 */
export const ConvFigureView = memo(function ConvFigureView({
  hideOutput,
  hideShape,
  figureRef,
}: {
  hideOutput: boolean;
  /** A question about the output's size waits: see `ConvFigureOptions.hideShape`. */
  hideShape: boolean;
  figureRef: Ref<HTMLDivElement>;
}) {
  const t = useConvWords();
  const figure = useSlice(convSlice, (s) => s.present);
  const step = useAppStore((s) => s.playback.step);
  const focus = useAppStore((s) => focusIn<ConvFocus>(s, convSlice));
  const term = useAppStore((s) => s.term);
  const theme = useAppStore((s) => s.theme);
  const setFocus = useSetFocus<ConvFocus>(convSlice);
  const setValues = useSliceActions(convSlice).setValues;
  const view = convView(figure);
  const built = useMemo(
    () => buildConvFigure(figure, view, { step, focus, hideOutput, hideShape, theme, t }),
    [figure, view, step, focus, hideOutput, hideShape, theme, t],
  );
  const p = figure.params;
  const { h, w } = view.info;
  const perGroup = view.info.inPerGroup || 1;
  const strings = useGridStrings();

  const inputIndex = useCallback(
    (g: ConvGrid, local: number): number | null => {
      const iy = unpaddedIndex(h, Math.floor(local / g.cols));
      const ix = unpaddedIndex(w, local % g.cols);
      if (iy === null || ix === null) return null;
      return ((g.a * p.inChannels + g.b) * p.inH + iy) * p.inW + ix;
    },
    [h, w, p.inH, p.inW, p.inChannels],
  );

  const grid = (g: ConvGrid) => {
    const kernelBase = (g.a * perGroup + g.b) * p.kH * p.kW;
    const outputBase = (g.a * p.outChannels + g.b) * g.rows * g.cols;
    const onCommit =
      g.kind === 'input'
        ? (i: number, v: number) => {
            const at = inputIndex(g, i);
            if (at !== null) setValues('input', [[at, v]]);
          }
        : g.kind === 'weight'
          ? (i: number, v: number) => setValues('weight', [[kernelBase + i, v]])
          : g.kind === 'bias'
            ? (i: number, v: number) => setValues('biasValues', [[i, v]])
            : undefined;
    const onPasteBlock =
      g.kind === 'output'
        ? undefined
        : (start: number, block: number[][]) => {
            const writes: [number, number][] = [];
            for (const [local, v] of pastedCells(start, g.rows, g.cols, block)) {
              if (g.kind === 'input') {
                const at = inputIndex(g, local);
                if (at !== null) writes.push([at, v]);
              } else writes.push([g.kind === 'weight' ? kernelBase + local : local, v]);
            }
            setValues(g.kind === 'input' ? 'input' : g.kind === 'weight' ? 'weight' : 'biasValues', writes);
          };
    const onHover = (i: number | null) => {
      if (i === null) return setFocus(null);
      switch (g.kind) {
        case 'input':
          return setFocus({ kind: 'padded', n: g.a, c: g.b, py: Math.floor(i / g.cols), px: i % g.cols });
        case 'weight':
          return setFocus({ kind: 'weight', index: kernelBase + i });
        case 'bias':
          return setFocus({ kind: 'bias', index: i });
        case 'output':
          return setFocus({ kind: 'output', index: outputBase + i });
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

  // One row per output channel: its kernel (a slice per input channel, side by side), "=" and
  // its output, so the figure reads left to right and each output sits beside its own kernel.
  const rows = Array.from({ length: p.outChannels }, (_, co) => ({
    co,
    kernels: built.kernels.filter((k) => k.a === co),
    outputs: built.outputs.filter((o) => o.b === co),
  }));
  return (
    <div className="figure" ref={figureRef} data-term={term ?? undefined} aria-label={t.conv.figureLabel} role="group">
      <div className="figure-columns">
        <div className="figure-col figure-col--inputs">{built.inputs.map(grid)}</div>
        <div className="figure-op" aria-hidden="true">
          ∗
        </div>
        <div className="figure-rows">
          {rows.map((row) => (
            <div key={row.co} className="figure-row" data-testid={`figure-row-${row.co}`}>
              <div className="kernel-group">{row.kernels.map(grid)}</div>
              {row.outputs.length > 0 ? (
                <>
                  <div className="figure-op" aria-hidden="true">
                    =
                  </div>
                  <div className="figure-col figure-col--outputs">{row.outputs.map(grid)}</div>
                </>
              ) : null}
            </div>
          ))}
          {built.bias ? grid(built.bias) : null}
        </div>
      </div>
      <p
        className={built.captionLines.length > 1 ? 'arithmetic arithmetic--channels' : 'arithmetic'}
        data-testid="arithmetic"
      >
        {built.subject ? <strong>{built.subject}</strong> : null}
        {built.captionLines.map((line, i) => (
          <span key={i} className="arithmetic-sum">
            {line.label ? <span className="arithmetic-label">{t.conv.arithmetic.lineLabel(line.label)}</span> : null}
            {line.sum}
          </span>
        ))}
      </p>
    </div>
  );
});
