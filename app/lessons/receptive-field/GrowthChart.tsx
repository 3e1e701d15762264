import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { stackInfo, type StackInfo } from '../../../engine/layerStack';
import { STACK_PRESETS, type PresetId } from '../../../engine/rfPresets';
import type { RfWords } from './messages';

/** Field size (height axis) at every level: [level, r], level 0 being the image (r₀ = 1). */
export function growth(info: StackInfo): [number, number][] {
  return [[0, 1], ...info.rows.map((r): [number, number] => [r.index + 1, r.h.size])];
}

const WIDTH = 360;
const HEIGHT = 220;
const M = { top: 12, right: 16, bottom: 36, left: 48 };

/**
 * Receptive field against depth (d3-scale, d3-shape): the stack as a solid
 * line with dots, the comparison preset dashed. React draws the elements.
 */
export function GrowthChart({
  info,
  compare,
  hide,
  t,
  onCompare,
}: {
  info: StackInfo;
  compare: PresetId | null;
  hide: boolean;
  t: RfWords;
  onCompare: (id: PresetId | null) => void;
}) {
  const c = t.rf.chart;
  const ours = growth(info);
  const preset = compare ? STACK_PRESETS.find((p) => p.id === compare) : undefined;
  const theirs = preset ? growth(stackInfo(preset.stack)) : [];
  const all = [...ours, ...theirs];
  const x = scaleLinear()
    .domain([0, Math.max(1, ...all.map((p) => p[0]))])
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(2, ...all.map((p) => p[1]))])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const xTicks = x.ticks(Math.min(8, Math.max(1, x.domain()[1] ?? 1))).filter(Number.isInteger);
  const yTicks = y.ticks(5);
  return (
    <section className="rf-chart" aria-labelledby="rf-chart-title">
      <h2 id="rf-chart-title" className="panel-title">
        {c.title}
      </h2>
      <div className="rf-chart-controls">
        <label htmlFor="rf-compare">{c.compare}</label>
        <select
          id="rf-compare"
          value={compare ?? ''}
          onChange={(e) => onCompare(e.target.value === '' ? null : (e.target.value as PresetId))}
        >
          <option value="">{c.none}</option>
          {STACK_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t.rf.presets.names[p.id]}
            </option>
          ))}
        </select>
      </div>
      {hide ? (
        <p className="hint">{c.hidden}</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="rf-chart-svg"
          role="img"
          aria-label={`${c.label}: ${c.yours} ${ours.map((p) => p[1]).join(', ')}${
            preset ? `; ${t.rf.presets.names[preset.id]} ${theirs.map((p) => p[1]).join(', ')}` : ''
          }`}
        >
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={M.left} x2={WIDTH - M.right} y1={y(v)} y2={y(v)} className="rf-grid" />
              <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="rf-tick">
                {v}
              </text>
            </g>
          ))}
          {xTicks.map((v) => (
            <text key={`x${v}`} x={x(v)} y={HEIGHT - M.bottom + 16} textAnchor="middle" className="rf-tick">
              {v}
            </text>
          ))}
          <text x={(M.left + WIDTH - M.right) / 2} y={HEIGHT - 4} textAnchor="middle" className="rf-axis-label">
            {c.x}
          </text>
          <text
            transform={`translate(12 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            className="rf-axis-label"
          >
            {c.y}
          </text>
          {preset ? <path d={path(theirs) ?? ''} className="rf-line rf-line--compare" /> : null}
          <path d={path(ours) ?? ''} className="rf-line" />
          {ours.map((p) => (
            <circle key={p[0]} cx={x(p[0])} cy={y(p[1])} r={3} className="rf-dot" />
          ))}
        </svg>
      )}
      {!hide ? (
        <p className="rf-chart-key">
          <span className="rf-key rf-key--ours" aria-hidden="true" /> {c.yours}
          {preset ? (
            <>
              {' '}
              <span className="rf-key rf-key--compare" aria-hidden="true" /> {t.rf.presets.names[preset.id]}
            </>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
