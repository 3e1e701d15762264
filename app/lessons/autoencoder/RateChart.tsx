import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { RatePoint } from '../../../engine/nn';

const W = 520;
const H = 240;
const M = { top: 14, right: 16, bottom: 36, left: 48 };

/**
 * Rate against distortion: PSNR (dB) over bits per pixel for the
 * autoencoder (its bits per latent value) and for JPEG (its qualities), on
 * the same axes. The current setting of each is ringed.
 */
export const RateChart = memo(function RateChart({
  ours,
  jpeg,
  current,
  matched,
  label,
  oursName,
  jpegName,
  bppTitle,
  psnrTitle,
}: {
  ours: readonly RatePoint[];
  jpeg: readonly RatePoint[];
  current: RatePoint | null;
  matched: RatePoint | null;
  label: string;
  oursName: string;
  jpegName: string;
  bppTitle: string;
  psnrTitle: string;
}) {
  const { x, y, oursPath, jpegPath } = useMemo(() => {
    const all = [...ours, ...jpeg].filter((p) => Number.isFinite(p.psnr));
    const x = scaleLinear()
      .domain([0, Math.max(1, ...all.map((p) => p.bpp))])
      .range([M.left, W - M.right])
      .nice();
    const y = scaleLinear()
      .domain([Math.min(15, ...all.map((p) => p.psnr)), Math.max(35, ...all.map((p) => p.psnr))])
      .range([H - M.bottom, M.top])
      .nice();
    const path = (points: readonly RatePoint[]) =>
      line<RatePoint>()
        .x((p) => x(p.bpp))
        .y((p) => y(p.psnr))([...points].filter((p) => Number.isFinite(p.psnr)).sort((a, b) => a.bpp - b.bpp)) ?? '';
    return { x, y, oursPath: path(ours), jpegPath: path(jpeg) };
  }, [ours, jpeg]);
  return (
    <svg className="ae-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {y.ticks(5).map((t) => (
        <g key={`y${t}`}>
          <line className="ae-grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
          <text className="ae-tick" x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle">
            {t}
          </text>
        </g>
      ))}
      {x.ticks(6).map((t) => (
        <text key={`x${t}`} className="ae-tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
          {t}
        </text>
      ))}
      <line className="ae-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
      <path className="ae-line ae-line--jpeg" d={jpegPath} />
      <path className="ae-line ae-line--ours" d={oursPath} />
      {jpeg.map((p) => (
        <rect
          key={`j${p.setting}`}
          className="ae-dot ae-dot--jpeg"
          x={x(p.bpp) - 3}
          y={y(p.psnr) - 3}
          width={6}
          height={6}
        />
      ))}
      {ours.map((p) => (
        <circle key={`o${p.setting}`} className="ae-dot ae-dot--ours" cx={x(p.bpp)} cy={y(p.psnr)} r={3.5} />
      ))}
      {current && Number.isFinite(current.psnr) ? (
        <circle className="ae-ring ae-ring--ours" cx={x(current.bpp)} cy={y(current.psnr)} r={8} />
      ) : null}
      {matched && Number.isFinite(matched.psnr) ? (
        <circle className="ae-ring ae-ring--jpeg" cx={x(matched.bpp)} cy={y(matched.psnr)} r={8} />
      ) : null}
      <text className="ae-axis-title" x={M.left} y={M.top - 2}>
        {psnrTitle}
      </text>
      <text className="ae-axis-title" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
        {bppTitle}
      </text>
      <g transform={`translate(${W - M.right - 130}, ${H - M.bottom - 44})`}>
        <circle className="ae-dot ae-dot--ours" cx={6} cy={6} r={4} />
        <text className="ae-legend" x={16} y={10}>
          {oursName}
        </text>
        <rect className="ae-dot ae-dot--jpeg" x={2} y={22} width={8} height={8} />
        <text className="ae-legend" x={16} y={30}>
          {jpegName}
        </text>
      </g>
    </svg>
  );
});
