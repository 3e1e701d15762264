/**
 * Numbers of the photo panel as a reader sees them, and the geometry of its
 * markers. Pure: the views and their tests share them.
 */
import type { Kernel2d } from '../../../../engine/kernelPresets';
import type { PhotoFilterSettings } from '../../../../engine/photoFilter';
import { DIVERGING_RAMP, GREY_RAMP, type ColourRamp, type PixelLegend } from '../../../../engine/pixelMapping';

/** A value to three decimals at most, with a true minus sign: 0.527, −1.25, 0. */
export function formatValue(v: number): string {
  const rounded = Number(v.toFixed(3));
  if (rounded === 0) return '0';
  return rounded < 0 ? `−${String(-rounded)}` : String(rounded);
}

/** A factor inside a sum: negative numbers in parentheses, `(−1)`. */
export function formatFactor(v: number): string {
  const text = formatValue(v);
  return text.startsWith('−') ? `(${text})` : text;
}

/** A share as a percentage with at most one decimal: 0.4 %, 12 %. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0 %';
  const p = (100 * part) / whole;
  if (p > 0 && p < 0.1) return '< 0.1 %';
  return `${p < 10 ? Number(p.toFixed(1)) : Math.round(p)} %`;
}

/** The effective kernel extent on the input, d(k − 1) + 1 per axis (conv_arithmetic Relationship 15). */
export function effectiveExtent(kernel: Kernel2d, settings: PhotoFilterSettings): [number, number] {
  return [settings.dilation[0] * (kernel.rows - 1) + 1, settings.dilation[1] * (kernel.cols - 1) + 1];
}

/** The output pixel under a point at fractions (fx, fy) ∈ [0, 1) of a picture of width × height. */
export function pixelAt(fx: number, fy: number, width: number, height: number): { oy: number; ox: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  return { oy: clamp(fy, height), ox: clamp(fx, width) };
}

/** The ramp a legend draws: the diverging one for signed values summed into one channel, else grey. */
export function legendRamp(legend: PixelLegend, channels: 1 | 3): ColourRamp {
  return channels === 1 && legend.kind === 'diverging' ? DIVERGING_RAMP : GREY_RAMP;
}

/** A CSS gradient through a ramp's colours at nine evenly spaced stops. */
export function rampGradient(ramp: ColourRamp): string {
  const stops: string[] = [];
  for (let i = 0; i <= 8; i++) {
    const at = Math.round((i / 8) * 255) * 3;
    stops.push(`rgb(${ramp[at]}, ${ramp[at + 1]}, ${ramp[at + 2]}) ${(i / 8) * 100}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
