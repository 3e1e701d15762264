import { EngineError } from '../../engine/errors';
import { describe, expect, it } from 'vitest';
import {
  autoMapping,
  DIVERGING_RAMP,
  GREY_RAMP,
  pixelLegend,
  rampPosition,
  rgbaFromRgb,
  rgbFromRgba,
  toRgba,
} from '../../engine';

const values = (...v: number[]) => Float32Array.from(v);

describe('autoMapping', () => {
  it('chooses a diverging scale for kernels whose weights sum to 0 (edge detectors)', () => {
    expect(autoMapping([-1, 0, 1, -2, 0, 2, -1, 0, 1], 1)).toEqual({ kind: 'diverging' });
    expect(autoMapping([0, 1, 0, 1, -4, 1, 0, 1, 0], 3)).toEqual({ kind: 'diverging' });
  });

  it('otherwise fixes the range a flat image can give: Σw per channel, three times Σw summed over RGB', () => {
    const box = Array.from({ length: 9 }, () => 1 / 9);
    expect(autoMapping(box, 1)).toEqual({ kind: 'fixed', low: 0, high: expect.closeTo(1, 12) });
    expect(autoMapping(box, 3)).toEqual({ kind: 'fixed', low: 0, high: expect.closeTo(3, 12) });
    expect(autoMapping([0, 0, 0, 0, -1, 0, 0, 0, 0], 1)).toEqual({ kind: 'fixed', low: -1, high: 0 });
  });
});

describe('pixelLegend', () => {
  it('min-max spans the output exactly and clips nothing', () => {
    const legend = pixelLegend(values(0.25, 2, -0.5, 1), { kind: 'min-max' });
    expect(legend).toMatchObject({
      kind: 'min-max',
      low: -0.5,
      high: 2,
      min: -0.5,
      max: 2,
      clippedBelow: 0,
      clippedAbove: 0,
    });
    expect(legend.centre).toBe(0.75);
  });

  it('diverging is centred on 0 and symmetric about it, so signs keep their meaning', () => {
    const legend = pixelLegend(values(-0.5, 0, 2), { kind: 'diverging' });
    expect(legend).toMatchObject({ kind: 'diverging', low: -2, centre: 0, high: 2, clippedBelow: 0, clippedAbove: 0 });
    expect(rampPosition(0, legend)).toBe(0.5);
    expect(rampPosition(-2, legend)).toBe(0);
    expect(rampPosition(2, legend)).toBe(1);
  });

  it('a fixed range counts every value it draws at an end instead of clipping silently', () => {
    const legend = pixelLegend(values(-0.25, 0, 0.5, 1, 1.5, 3), { kind: 'fixed', low: 0, high: 1 });
    expect(legend).toMatchObject({
      kind: 'fixed',
      low: 0,
      high: 1,
      min: -0.25,
      max: 3,
      clippedBelow: 1,
      clippedAbove: 2,
      count: 6,
    });
  });

  it('draws a constant output at the middle of the ramp', () => {
    const legend = pixelLegend(values(0.3, 0.3), { kind: 'min-max' });
    expect(rampPosition(0.3, legend)).toBe(0.5);
    expect(Array.from(toRgba(values(0.3, 0.3), 1, 2, 1, legend))).toEqual([128, 128, 128, 255, 128, 128, 128, 255]);
  });
});

describe('toRgba', () => {
  it('maps each of three channels on the shared scale: low to 0, high to 255', () => {
    // One pixel per channel plane: R = −1, G = 0, B = 1 on a diverging scale.
    const v = values(-1, 0, 1);
    const rgba = toRgba(v, 3, 1, 1, pixelLegend(v, { kind: 'diverging' }));
    expect(Array.from(rgba)).toEqual([0, 128, 255, 255]);
  });

  it('colours one channel with the ramp: grey for sequential scales, blue–white–red for diverging', () => {
    const v = values(-1, 0, 1);
    const diverging = toRgba(v, 1, 3, 1, pixelLegend(v, { kind: 'diverging' }));
    expect(Array.from(diverging.slice(0, 3))).toEqual(Array.from(DIVERGING_RAMP.slice(0, 3)));
    expect(Array.from(diverging.slice(8, 11))).toEqual(Array.from(DIVERGING_RAMP.slice(765, 768)));
    const grey = toRgba(v, 1, 3, 1, pixelLegend(v, { kind: 'min-max' }));
    expect(Array.from(grey)).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
    expect(Array.from(GREY_RAMP.slice(381, 384))).toEqual([127, 127, 127]);
    // Blue for negative, red for positive.
    expect(DIVERGING_RAMP[2]!).toBeGreaterThan(DIVERGING_RAMP[0]!);
    expect(DIVERGING_RAMP[765]!).toBeGreaterThan(DIVERGING_RAMP[767]!);
  });

  it('refuses values that do not fill the picture', () => {
    const v = values(0, 1);
    expect(() => toRgba(v, 3, 1, 1, pixelLegend(v, { kind: 'min-max' }))).toThrow(EngineError);
  });
});

describe('RGB ⇄ RGBA', () => {
  it('reads opaque bytes as c/255 and writes them back unchanged', () => {
    const bytes = new Uint8ClampedArray(256 * 4);
    for (let i = 0; i < 256; i++) bytes.set([i, 255 - i, (i * 7) % 256, 255], i * 4);
    const rgb = rgbFromRgba(bytes, 16, 16);
    expect(rgb[1]).toBeCloseTo(1 / 255, 7);
    expect(Array.from(rgbaFromRgb(rgb, 16, 16))).toEqual(Array.from(bytes));
  });

  it('composites transparent pixels over white', () => {
    const rgb = rgbFromRgba(Uint8ClampedArray.from([0, 0, 0, 0, 255, 0, 0, 255]), 2, 1);
    // Planes: R = [1, 1], G = [1, 0], B = [1, 0].
    expect(Array.from(rgb)).toEqual([1, 1, 1, 0, 1, 0]);
  });
});
