import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store/react';
import { convTranspose2dScatter } from '../../../engine/convTranspose2d';
import { tensor } from '../../../engine/tensor';
import type { DecoderKind } from '../../../engine/nn';
import { MatrixGrid, type GridMatrix } from '../../../components/grid/MatrixGrid';
import { useGridStrings } from '../../../components/grid/useGridStrings';
import { countFill } from '../../../components/figures/colors';
import type { CompareReport } from '../../workers/autoencoderApi';
import { PhotoCanvas } from './PhotoCanvas';
import type { AutoencoderWords } from './messages';
import type { Trainer } from './useTrainer';

/** The decoders trained side by side: the lesson's, and resize (nearest) then convolve. */
export const COMPARED_DECODERS: readonly DecoderKind[] = ['transposed', 'nearest'];
/** Steps of each network per press: checkerboards show in the first hundreds of steps from scratch. */
export const COMPARE_STEPS = 200;

/**
 * The overlap map of the lesson's transposed layer (3×3, stride 2, padding 1,
 * output_padding 1) on a 4×4 input: how many stamps reach each kept output
 * cell, from the engine's scatter trace (the transposed lesson's overlap counts).
 */
export function overlapCounts(): { readonly rows: number; readonly cols: number; readonly counts: number[] } {
  const side = 4;
  const scatter = convTranspose2dScatter(
    tensor([1, 1, side, side], new Array<number>(side * side).fill(1)),
    tensor([1, 1, 3, 3], new Array<number>(9).fill(1)),
    null,
    { stride: 2, padding: 1, outputPadding: 1 },
  );
  const [, , , CW] = scatter.overlaps.shape as [number, number, number, number];
  const [, , OH, OW] = scatter.info.outputShape;
  const pad = 1;
  const counts: number[] = [];
  for (let y = 0; y < OH; y++)
    for (let x = 0; x < OW; x++) counts.push(scatter.overlaps.data[(y + pad) * CW + x + pad]!);
  return { rows: OH, cols: OW, counts };
}

/**
 * Checkerboards: the transposed-convolution decoder and a resize-then-convolve
 * one trained side by side in the worker from the same seed, their
 * reconstructions of the held-out photo's centre, and the overlap map that
 * explains the grid. `hideWhy` keeps the explanation back while the narrative
 * asks the student to predict.
 */
export function CheckerboardPanel({
  trainer,
  hideWhy,
  t,
}: {
  trainer: Trainer;
  hideWhy: boolean;
  t: AutoencoderWords;
}) {
  const w = t.autoencoder.checker;
  const strings = useGridStrings();
  const theme = useAppStore((s) => s.theme);
  const [report, setReport] = useState<CompareReport | null>(null);
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { compareDecoders, pause } = trainer;
  const run = useCallback(() => {
    setRunning(true);
    void compareDecoders(COMPARED_DECODERS, COMPARE_STEPS, (r) => {
      if (mounted.current) setReport(r);
    }).then((last) => {
      if (!mounted.current) return;
      if (last) setReport(last);
      setRunning(false);
    });
  }, [compareDecoders]);
  const overlap = useMemo(() => {
    const { rows, cols, counts } = overlapCounts();
    const max = Math.max(...counts);
    const matrix: GridMatrix = {
      rows,
      cols,
      cells: counts.map((n) => ({
        text: String(n),
        state: 'idle' as const,
        // Viridis by count (colour-blind safe), washed toward the page so the numbers stay legible.
        fill: countFill(n, max, theme),
        editable: false,
      })),
    };
    return matrix;
  }, [theme]);
  const status = running ? 'running' : (report?.status ?? null);
  return (
    <section className="ae-panel" aria-labelledby="ae-checker-title">
      <h2 id="ae-checker-title" className="panel-title">
        {w.title}
      </h2>
      <p className="hint">{w.intro}</p>
      <div className="ae-row">
        {running ? (
          <button type="button" className="btn btn--primary" onClick={pause}>
            {w.stop}
          </button>
        ) : (
          <button type="button" className="btn btn--primary" onClick={run} disabled={!trainer.ready}>
            {w.train(COMPARE_STEPS)}
          </button>
        )}
        {report ? (
          <span className="ae-mono" data-testid="ae-compare-step">
            {w.progress(report.step, report.steps)}
          </span>
        ) : null}
      </div>
      <p role="status" className={status === 'diverged' ? 'verdict verdict--wrong' : 'hint'}>
        {status && status !== 'running' ? w.status[status] : status === 'running' ? w.status.running : w.empty}
      </p>
      <div className="ae-pair ae-pair--checker">
        {COMPARED_DECODERS.map((decoder, i) => {
          const picture = report?.pictures[i] ?? null;
          const name = w.decoder[decoder];
          return (
            <figure key={decoder} data-decoder={decoder}>
              <PhotoCanvas
                rgba={picture?.rgba ?? null}
                width={picture?.width ?? 96}
                height={picture?.height ?? 96}
                label={name}
                pixelated
              />
              <figcaption>
                {name}
                {picture ? ` · ${w.psnr(picture.psnr.toFixed(2))}` : null}
              </figcaption>
            </figure>
          );
        })}
      </div>
      <figure className="ae-overlap">
        {hideWhy ? (
          <p className="hint">{t.autoencoder.hidden}</p>
        ) : (
          <>
            <MatrixGrid id="ae-overlap" label={w.overlapLabel} matrix={overlap} strings={strings} />
            <figcaption className="hint">{w.overlapCaption}</figcaption>
            <p>{w.why}</p>
          </>
        )}
      </figure>
    </section>
  );
}
