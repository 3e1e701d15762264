import { interpolatePuOr } from 'd3-scale-chromatic';
import { interpolateRgb } from 'd3-interpolate';

/** Steps on each side of zero. Neighbouring steps differ by less than the eye can tell apart in a cell. */
const STEPS = 128;

/**
 * The fills of one theme, from −max (index 0) through 0 (index STEPS) to +max
 * (index 2·STEPS), each mixed the first time a cell needs it: a small figure
 * uses a few dozen of them, and mixing all of them up front is a visible cost
 * on a slow phone's first load.
 */
const palettes = new Map<'light' | 'dark', (index: number) => string>();

function paletteOf(theme: 'light' | 'dark'): (index: number) => string {
  const cached = palettes.get(theme);
  if (cached) return cached;
  const base = theme === 'dark' ? '#1b1e23' : '#ffffff';
  // How far towards the scale's colour: as far as keeps the theme's text at 4.5:1 (WCAG AA)
  // on every step, 4.76:1 at worst in light (the darkest purple) and 4.85:1 in dark (near 0).
  const amount = theme === 'dark' ? 0.35 : 0.5;
  const mixed = new Array<string | undefined>(2 * STEPS + 1);
  const palette = (index: number) =>
    (mixed[index] ??= interpolateRgb(base, interpolatePuOr(index / (2 * STEPS)))(amount));
  palettes.set(theme, palette);
  return palette;
}

/**
 * Cell fills: a diverging purple–orange scale (PuOr, readable with the common
 * colour-vision deficiencies) centred on 0, washed towards the background so
 * the numbers stay legible. Negative values lean purple, positive orange.
 * Each step of the scale is mixed once per theme, so a figure of thousands
 * of cells looks its colours up instead of mixing them.
 */
export function valueFill(maxAbs: number, theme: 'light' | 'dark'): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  const palette = paletteOf(theme);
  return (v: number) => {
    const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v / m)) : 0;
    return palette(Math.round((t + 1) * STEPS));
  };
}

/**
 * The mark of a cell that output_padding keeps (a bar along its bottom and
 * right edges): Okabe–Ito's reddish purple, deepened in the light theme and
 * lightened in the dark one so the mark stands 3:1 (WCAG 1.4.11) against the
 * empty cell and every value fill. `--c-kept` in app/styles.css.
 */
export const KEPT_MARK = { light: '#5e1d4a', dark: '#f5c6e3' } as const;

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i] ?? 0));
  return m;
}
