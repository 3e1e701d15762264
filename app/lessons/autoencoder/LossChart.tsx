import { memo, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';

const W = 520;
const H = 220;
const M = { top: 12, right: 48, bottom: 34, left: 56 };

/** At most `n` points: the mean loss of each equal run of steps (the curve a student reads, not every wiggle). */
export function binnedLosses(losses: readonly number[], n: number): { step: number; loss: number }[] {
  const size = Math.max(1, Math.ceil(losses.length / n));
  const out: { step: number; loss: number }[] = [];
  for (let i = 0; i < losses.length; i += size) {
    const bin = losses.slice(i, i + size);
    out.push({ step: i + bin.length, loss: bin.reduce((a, b) => a + b, 0) / bin.length });
  }
  return out;
}

/**
 * The loss of every step (binned means, log scale, left axis) and the
 * held-out photo's PSNR (dots, right axis), both against the step.
 */
export const LossChart = memo(function LossChart({
  losses,
  psnrs,
  label,
  lossTitle,
  psnrTitle,
  stepTitle,
}: {
  losses: readonly number[];
  psnrs: readonly { readonly step: number; readonly psnr: number }[];
  label: string;
  lossTitle: string;
  psnrTitle: string;
  stepTitle: string;
}) {
  const model = useMemo(() => {
    const points = binnedLosses(losses, 200);
    const steps = Math.max(10, losses.length, ...psnrs.map((p) => p.step));
    const x = scaleLinear()
      .domain([0, steps])
      .range([M.left, W - M.right])
      .nice();
    const lo = Math.min(...points.map((p) => p.loss), 1e-3);
    const hi = Math.max(...points.map((p) => p.loss), 0.1);
    const y = scaleLog()
      .domain([lo, hi])
      .range([H - M.bottom, M.top])
      .nice();
    const dbs = psnrs.map((p) => p.psnr).filter(Number.isFinite);
    const y2 = scaleLinear()
      .domain([Math.min(10, ...dbs), Math.max(30, ...dbs)])
      .range([H - M.bottom, M.top])
      .nice();
    const path =
      line<{ step: number; loss: number }>()
        .x((p) => x(p.step))
        .y((p) => y(p.loss))(points) ?? '';
    return { x, y, y2, path, points };
  }, [losses, psnrs]);
  const { x, y, y2, path } = model;
  return (
    <svg className="ae-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {y.ticks(4).map((t) => (
        <g key={`l${t}`}>
          <line className="ae-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text className="ae-tick" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">
            {t.toExponential(0)}
          </text>
        </g>
      ))}
      {y2.ticks(4).map((t) => (
        <text key={`r${t}`} className="ae-tick ae-tick--psnr" x={W - M.right + 6} y={y2(t)} dominantBaseline="middle">
          {t}
        </text>
      ))}
      {x.ticks(5).map((t) => (
        <text key={`x${t}`} className="ae-tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
          {t}
        </text>
      ))}
      <line className="ae-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
      <path className="ae-line ae-line--loss" d={path} />
      {psnrs.map((p) => (
        <circle key={p.step} className="ae-dot ae-dot--psnr" cx={x(p.step)} cy={y2(p.psnr)} r={3} />
      ))}
      <text className="ae-axis-title" x={M.left} y={M.top - 2}>
        {lossTitle}
      </text>
      <text className="ae-axis-title ae-axis-title--psnr" x={W - M.right} y={H - M.bottom - 4} textAnchor="end">
        ● {psnrTitle}
      </text>
      <text className="ae-axis-title" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
        {stepTitle}
      </text>
    </svg>
  );
});
