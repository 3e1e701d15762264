import { interpolatePuOr } from 'd3-scale-chromatic';
import { scaleDiverging } from 'd3-scale';
import { interpolateRgb } from 'd3-interpolate';

/**
 * Cell fills: a diverging purple–orange scale (PuOr, readable with the common
 * colour-vision deficiencies) centred on 0, washed towards the background so
 * the numbers stay legible. Negative values lean purple, positive orange.
 */
export function valueFill(maxAbs: number, theme: 'light' | 'dark'): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  const scale = scaleDiverging(interpolatePuOr).domain([-m, 0, m]);
  const wash = interpolateRgb(theme === 'dark' ? '#1b1e23' : '#ffffff', '#000000');
  const base = wash(0);
  return (v: number) => interpolateRgb(base, scale(v))(theme === 'dark' ? 0.45 : 0.55);
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i] ?? 0));
  return m;
}
