/**
 * The figures' colour tables, sampled from d3's colour schemes when they change, not on every
 * page load.
 *
 *   npx tsx scripts/palettes.ts        (writes components/figures/palettes.ts)
 *
 * `d3-scale-chromatic` ships as one bundled file, and each of its 27 schemes is built by a
 * function call when that file is evaluated, so a bundler cannot leave out the schemes a page
 * never uses: the two the figures draw with cost every lesson about 11 KiB of gzipped JavaScript,
 * and its evaluation, before the figure could take input. The figures only ever ask for a fixed
 * set of colours: 257 steps of PuOr washed towards each theme's background for values, and the
 * 256 colours of viridis (a table in d3 too: `interpolateViridis(t)` picks entry ⌊256·t⌋) washed
 * the same way for counts. Those are the tables written here, as six hex digits per colour.
 * `tests/components/palettes.test.ts` computes them again with d3 and compares.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rgb } from 'd3-color';
import { interpolateRgb } from 'd3-interpolate';
import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';
import { format, resolveConfig } from 'prettier';

export type Theme = 'light' | 'dark';

/** Steps of the value scale on each side of zero. */
export const VALUE_STEPS = 128;
/** Entries of viridis in d3-scale-chromatic. */
export const COUNT_STEPS = 256;

/** Each theme's background, which the colours are washed towards: `--bg-panel` in app/styles.css. */
export const BACKGROUND: Readonly<Record<Theme, string>> = { light: '#ffffff', dark: '#1b1e23' };
/**
 * How far from the background towards the scale's colour: as far as keeps the theme's text at
 * 4.5:1 (WCAG AA) on every step, 4.76:1 at worst in light (the darkest purple) and 4.85:1 in dark.
 */
export const VALUE_AMOUNT: Readonly<Record<Theme, number>> = { light: 0.5, dark: 0.35 };
export const COUNT_AMOUNT: Readonly<Record<Theme, number>> = { light: 0.55, dark: 0.7 };

/** Step `index` of the value scale (0 is −max, VALUE_STEPS is 0, 2·VALUE_STEPS is +max), as d3 mixes it. */
export function valueColour(index: number, theme: Theme): string {
  return interpolateRgb(BACKGROUND[theme], interpolatePuOr(index / (2 * VALUE_STEPS)))(VALUE_AMOUNT[theme]);
}

/** Entry `index` of viridis, washed as d3 mixes it. */
export function countColour(index: number, theme: Theme): string {
  return interpolateRgb(BACKGROUND[theme], interpolateViridis((index + 0.5) / COUNT_STEPS))(COUNT_AMOUNT[theme]);
}

function table(length: number, colour: (index: number) => string): string {
  return Array.from({ length }, (_, i) => rgb(colour(i)).formatHex().slice(1)).join('');
}

export function paletteTables(): { values: Record<Theme, string>; counts: Record<Theme, string> } {
  const themes = ['light', 'dark'] as const;
  const of = (length: number, colour: (i: number, t: Theme) => string) =>
    Object.fromEntries(themes.map((t) => [t, table(length, (i) => colour(i, t))])) as Record<Theme, string>;
  return { values: of(2 * VALUE_STEPS + 1, valueColour), counts: of(COUNT_STEPS, countColour) };
}

/** The module's source, formatted as the project formats its code. */
export async function paletteModule(path: string): Promise<string> {
  const { values, counts } = paletteTables();
  const source = `// Written by scripts/palettes.ts from d3-scale-chromatic: do not edit. See that script.

/** Steps of the value scale on each side of zero. Neighbouring steps differ by less than the eye can tell apart in a cell. */
export const VALUE_STEPS = ${VALUE_STEPS};

/** PuOr, washed towards each theme's background: ${2 * VALUE_STEPS + 1} colours from −max to +max, six hex digits each. */
export const VALUE_COLOURS = ${JSON.stringify(values)} as const;

/** Viridis, washed towards each theme's background: its ${COUNT_STEPS} colours, six hex digits each. */
export const COUNT_COLOURS = ${JSON.stringify(counts)} as const;
`;
  return format(source, { ...(await resolveConfig(path)), filepath: path });
}

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'components', 'figures', 'palettes.ts');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(target, await paletteModule(target));
  console.log(`wrote ${target}`);
}
