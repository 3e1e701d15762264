import { COUNT_COLOURS, VALUE_COLOURS, VALUE_STEPS } from './palettes';

type Theme = 'light' | 'dark';

/** Each table of `palettes.ts` (six hex digits per colour) as CSS colours, made on first use. */
const decoded = new Map<string, readonly string[]>();

function coloursOf(table: string): readonly string[] {
  let colours = decoded.get(table);
  if (!colours) {
    colours = Array.from({ length: table.length / 6 }, (_, i) => `#${table.slice(6 * i, 6 * i + 6)}`);
    decoded.set(table, colours);
  }
  return colours;
}

/**
 * Cell fills: a diverging purple–orange scale (PuOr, readable with the common
 * colour-vision deficiencies) centred on 0, washed towards the background so
 * the numbers stay legible (4.5:1 for the theme's text on every step).
 * Negative values lean purple, positive orange. The scale's 257 steps are
 * sampled from d3 ahead of time (`scripts/palettes.ts`), so a figure of
 * thousands of cells looks its colours up instead of mixing them.
 */
export function valueFill(maxAbs: number, theme: Theme): (v: number) => string {
  const m = maxAbs > 0 ? maxAbs : 1;
  const colours = coloursOf(VALUE_COLOURS[theme]);
  return (v: number) => {
    const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v / m)) : 0;
    return colours[Math.round((t + 1) * VALUE_STEPS)]!;
  };
}

/**
 * The fill of a count out of `max` (how many stamps overlap on a cell): viridis
 * (colour-blind safe, sequential) from its first quarter up, washed towards the
 * background so the numbers stay legible. d3's `interpolateViridis(t)` is its
 * entry ⌊256·t⌋, and so is this.
 */
export function countFill(count: number, max: number, theme: Theme): string {
  const t = 0.25 + (0.75 * count) / (max > 0 ? max : 1);
  const index = Math.max(0, Math.min(255, Math.floor(t * 256)));
  return coloursOf(COUNT_COLOURS[theme])[Number.isFinite(index) ? index : 0]!;
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
