import { useEffect, useRef } from 'react';
import type { EngineProblem } from '../../../engine';
import { useRootStyleVersion } from './useRootStyle';
import type { FieldAnswer } from './fieldJob';
import type { RfWords } from './messages';
import type { WeightMode } from './rfState';

function drawHeat(canvas: HTMLCanvasElement, a: Extract<FieldAnswer, { ok: true }>, px: number): void {
  const ctx = canvas.getContext?.('2d');
  if (!ctx) return;
  const css = getComputedStyle(canvas);
  const hot = css.getPropertyValue('--c-warn').trim() || '#d55e00';
  const bg = css.getPropertyValue('--bg-subtle').trim() || '#f1f2f4';
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, a.cols * px, a.rows * px);
  ctx.fillStyle = hot;
  for (let r = 0; r < a.rows; r++) {
    for (let c = 0; c < a.cols; c++) {
      const v = a.peak > 0 ? (a.magnitude[r * a.cols + c] ?? 0) / a.peak : 0;
      ctx.globalAlpha = v;
      ctx.fillRect(c * px, r * px, px, px);
    }
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = css.getPropertyValue('--c-active').trim() || '#0072b2';
  ctx.lineWidth = 2;
  ctx.strokeRect(1, 1, a.cols * px - 2, a.rows * px - 2);
}

/** The effective field of the chosen cell as a heat map inside its theoretical field. */
export function EffectiveFieldView({
  answer,
  inWorker,
  level,
  weights,
  seed,
  hide,
  t,
  onWeights,
}: {
  answer: FieldAnswer | null;
  inWorker: boolean;
  level: number | null;
  weights: WeightMode;
  seed: number;
  hide: boolean;
  t: RfWords;
  onWeights: (mode: WeightMode, seed: number) => void;
}) {
  const e = t.rf.effective;
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useRootStyleVersion();
  const ok = answer?.ok ? answer : null;
  const px = ok ? Math.max(2, Math.min(24, Math.floor(260 / Math.max(ok.rows, ok.cols, 1)))) : 1;
  useEffect(() => {
    if (ok && canvas.current) drawHeat(canvas.current, ok, px);
  }, [ok, px, theme]);
  const problem: EngineProblem | null = answer && !answer.ok ? answer.problem : null;
  return (
    <section className="rf-effective" aria-labelledby="rf-effective-title">
      <h2 id="rf-effective-title" className="panel-title">
        {e.title}
      </h2>
      <p className="hint">{e.explain}</p>
      <div className="rf-effective-controls" role="radiogroup" aria-label={e.title}>
        <label>
          <input type="radio" name="rf-weights" checked={weights === 'ones'} onChange={() => onWeights('ones', seed)} />{' '}
          {e.ones}
        </label>
        <label>
          <input
            type="radio"
            name="rf-weights"
            checked={weights === 'random'}
            onChange={() => onWeights('random', seed)}
          />{' '}
          {e.random}
        </label>
        <button
          type="button"
          className="btn"
          disabled={weights !== 'random'}
          onClick={() => onWeights('random', (seed * 7919 + 13) % 1_000_000)}
        >
          {e.reroll}
        </button>
      </div>
      {hide ? (
        <p className="hint">{e.hidden}</p>
      ) : level === 0 ? (
        <p className="hint">{e.none}</p>
      ) : problem ? (
        <p role="alert" className="rf-code-error" data-code={problem.code}>
          {t.engine[problem.code](problem.details)}
        </p>
      ) : ok ? (
        <figure className="rf-heat" data-rows={ok.rows} data-cols={ok.cols}>
          <canvas
            ref={canvas}
            width={ok.cols * px}
            height={ok.rows * px}
            style={{ width: ok.cols * px, height: ok.rows * px }}
            role="img"
            aria-label={`${e.title}: ${ok.rows} × ${ok.cols}`}
          />
          <figcaption>
            <span className="rf-heat-scale" aria-hidden="true" /> {e.caption(ok.peak.toPrecision(3), ok.rows, ok.cols)}
          </figcaption>
        </figure>
      ) : (
        <p className="hint" role="status">
          {e.computing}
        </p>
      )}
      {inWorker ? <p className="hint">{e.worker}</p> : null}
    </section>
  );
}
