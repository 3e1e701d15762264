import type { PixelLegend } from '../../../../engine';
import type { PhotoWords } from './messages';
import { formatPercent, formatValue, legendRamp, rampGradient } from './photoFormat';

/**
 * The legend of the value-to-pixel mapping: the ramp with the values at its
 * ends and middle, what the mapping is, the output's extent and how many
 * values were drawn at the ends (never clipped without saying so).
 */
export function PhotoLegend({ legend, channels, t }: { legend: PixelLegend; channels: 1 | 3; t: PhotoWords }) {
  const w = t.photo.legend;
  const f = formatValue;
  const clipped = legend.clippedBelow + legend.clippedAbove;
  const rule =
    legend.kind === 'fixed'
      ? w.fixed(f(legend.low), f(legend.high))
      : legend.kind === 'min-max'
        ? w.minMax(f(legend.low), f(legend.high))
        : channels === 1
          ? w.diverging(f(legend.high))
          : w.divergingGrey(f(legend.high));
  return (
    <section className="photo-legend" aria-label={w.title} data-mapping={legend.kind}>
      <div className="photo-ramp" style={{ backgroundImage: rampGradient(legendRamp(legend, channels)) }} />
      <div className="photo-ramp-labels" aria-hidden="true">
        <span>{f(legend.low)}</span>
        <span>{f(legend.centre)}</span>
        <span>{f(legend.high)}</span>
      </div>
      <p>
        {channels === 3 ? `${w.eachChannel} ` : null}
        {rule} {w.extent(f(legend.min), f(legend.max))}
      </p>
      <p data-testid="photo-clipped" data-clipped={clipped}>
        {clipped > 0
          ? w.clipped(legend.clippedBelow, legend.clippedAbove, formatPercent(clipped, legend.count))
          : w.noneClipped}
      </p>
    </section>
  );
}
