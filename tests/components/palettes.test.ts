import { rgb } from 'd3-color';
import { interpolateRgb } from 'd3-interpolate';
import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { countFill, valueFill } from '../../components/figures/colors';
import { COUNT_COLOURS, VALUE_COLOURS } from '../../components/figures/palettes';
import { paletteTables } from '../../scripts/palettes';

const THEMES = ['light', 'dark'] as const;
const BACKGROUND = { light: '#ffffff', dark: '#1b1e23' } as const;
const hex = (colour: string) => rgb(colour).formatHex();

describe('the colour tables the figures draw with', () => {
  it('are the ones d3 computes today (run `npx tsx scripts/palettes.ts` after changing the scales)', () => {
    const { values, counts } = paletteTables();
    expect(VALUE_COLOURS).toEqual(values);
    expect(COUNT_COLOURS).toEqual(counts);
  });

  for (const theme of THEMES) {
    it(`colour a value as d3's PuOr washed towards the ${theme} background, 128 steps each side of zero`, () => {
      const amount = theme === 'dark' ? 0.35 : 0.5;
      const fill = valueFill(7, theme);
      for (let v = -8; v <= 8; v += 0.25) {
        const index = Math.round((Math.max(-1, Math.min(1, v / 7)) + 1) * 128);
        const expected = interpolateRgb(BACKGROUND[theme], interpolatePuOr(index / 256))(amount);
        expect(hex(fill(v)), `value ${v}`).toBe(hex(expected));
      }
      expect(fill(Number.NaN)).toBe(fill(0));
    });

    it(`colour a count as d3's viridis from its first quarter up, washed towards the ${theme} background`, () => {
      const amount = theme === 'dark' ? 0.7 : 0.55;
      for (const max of [1, 2, 3, 4, 7, 9, 16, 25, 81]) {
        for (let count = 0; count <= max; count++) {
          const expected = interpolateRgb(BACKGROUND[theme], interpolateViridis(0.25 + (0.75 * count) / max))(amount);
          expect(hex(countFill(count, max, theme)), `${count} of ${max}`).toBe(hex(expected));
        }
      }
    });
  }

  it('give a count a colour even when nothing overlaps (max 0) or the count is not a number', () => {
    expect(countFill(0, 0, 'light')).toMatch(/^#[0-9a-f]{6}$/);
    expect(countFill(Number.NaN, 4, 'dark')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
