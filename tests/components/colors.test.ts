import { rgb } from 'd3-color';
import { describe, expect, it } from 'vitest';
import { KEPT_MARK, valueFill } from '../../components/figures/colors';

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(colour: string): number {
  const { r, g, b } = rgb(colour);
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The cell text of each theme: `--fg` in app/styles.css.
const INK = { light: '#1b1d21', dark: '#eceef2' } as const;

describe('a cell coloured by its value', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`keeps its number readable (4.5:1, WCAG AA) at every value, in the ${theme} theme`, () => {
      const fill = valueFill(100, theme);
      for (let v = -100; v <= 100; v++) {
        expect(contrast(fill(v), INK[theme]), `value ${v}: ${fill(v)}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('leans purple below zero and orange above it', () => {
    const fill = valueFill(1, 'light');
    const neg = rgb(fill(-1));
    const pos = rgb(fill(1));
    expect(neg.b).toBeGreaterThan(neg.r - 40);
    expect(pos.r).toBeGreaterThan(pos.b);
  });
});

describe('the mark of a cell kept by output_padding', () => {
  // The empty cell (`--bg-subtle`) and the panel (`--bg-panel`) of each theme, in app/styles.css.
  const EMPTY = { light: ['#f1f2f4', '#ffffff'], dark: ['#252932', '#1b1e23'] } as const;
  for (const theme of ['light', 'dark'] as const) {
    it(`stands out 3:1 (WCAG 1.4.11) from the empty cell and every value fill, in the ${theme} theme`, () => {
      const fill = valueFill(100, theme);
      const backgrounds = [...EMPTY[theme], ...Array.from({ length: 201 }, (_, i) => fill(i - 100))];
      for (const bg of backgrounds) {
        expect(contrast(KEPT_MARK[theme], bg), `on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
});
