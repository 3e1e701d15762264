import { EngineError } from '../../engine/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  createPhotoFilterPlan,
  explainPixel,
  filterImage,
  isEngineError,
  photoWeight,
  tensor,
  type Kernel2d,
  type PhotoFilterSettings,
  type RgbImage,
} from '../../engine';
import { photoCases, randomImage, randomKernel, type PhotoCase } from '../support/photos';

const RUNS = { numRuns: 200 };

const SAME_3X3: PhotoFilterSettings = {
  colour: 'per-channel',
  stride: [1, 1],
  padding: 'same',
  paddingMode: 'zeros',
  dilation: [1, 1],
};

/** The reference conv2d (float64) on the same tensors the filter is defined by. */
function reference({ image, kernel, settings }: PhotoCase): Float64Array {
  const input = tensor([1, 3, image.height, image.width], image.data);
  const perChannel = settings.colour === 'per-channel';
  const weight = tensor([perChannel ? 3 : 1, perChannel ? 1 : 3, kernel.rows, kernel.cols], photoWeight(kernel));
  return conv2d(input, weight, null, {
    stride: settings.stride,
    padding: settings.padding,
    paddingMode: settings.paddingMode,
    dilation: settings.dilation,
    groups: perChannel ? 3 : 1,
  }).data;
}

/** Each value is the float64 reference rounded to float32, give or take one float32 step (sums in another order). */
function float32Of(actual: Float32Array, expected: Float64Array): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (!(Math.abs(actual[i]! - e) <= 2 ** -23 * Math.max(1, Math.abs(e)))) return false;
  }
  return true;
}

describe('filterImage', () => {
  it('equals the engine conv2d on the [1, 3, H, W] tensor, rounded to float32, for every colour and padding mode', () => {
    fc.assert(
      fc.property(photoCases, (c) => {
        const out = filterImage(c.image, c.kernel, c.settings);
        const [, C, OH, OW] = [1, out.channels, out.height, out.width];
        expect(out.data.length).toBe(C * OH * OW);
        expect(float32Of(out.data, reference(c))).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps the size with same padding and halves it with stride 2 and padding 1 (Relationship 6)', () => {
    const image = randomImage(9, 6, 1);
    const kernel = randomKernel(3, 3, 2);
    expect(filterImage(image, kernel, SAME_3X3)).toMatchObject({ width: 9, height: 6, channels: 3 });
    const halved = filterImage(image, kernel, { ...SAME_3X3, stride: [2, 2], padding: [1, 1] });
    expect(halved).toMatchObject({ width: 5, height: 3, channels: 3 });
  });

  it('gives one channel when the kernel is summed over RGB', () => {
    const out = filterImage(randomImage(5, 4, 3), randomKernel(3, 3, 4), { ...SAME_3X3, colour: 'summed' });
    expect(out).toMatchObject({ width: 5, height: 4, channels: 1 });
  });

  it('refuses what PyTorch refuses, with the typed error', () => {
    const image = randomImage(4, 4, 5);
    const codeOf = (kernel: Kernel2d, settings: PhotoFilterSettings): string | undefined => {
      try {
        filterImage(image, kernel, settings);
        return undefined;
      } catch (e) {
        return isEngineError(e) ? e.code : 'untyped';
      }
    };
    expect(codeOf(randomKernel(3, 3, 6), { ...SAME_3X3, stride: [2, 2] })).toBe('same-padding-with-stride');
    expect(codeOf(randomKernel(7, 7, 7), { ...SAME_3X3, padding: 'valid' })).toBe('kernel-larger-than-padded-input');
    expect(codeOf(randomKernel(3, 3, 8), { ...SAME_3X3, padding: [4, 4], paddingMode: 'reflect' })).toBe(
      'reflect-padding-too-large',
    );
  });
});

describe('createPhotoFilterPlan', () => {
  it('gives bit-identical results however the rows are cut into bands', () => {
    fc.assert(
      fc.property(photoCases, fc.integer({ min: 1, max: 400 }), ({ image, kernel, settings }, bandCost) => {
        const geometry = {
          ...settings,
          width: image.width,
          height: image.height,
          kernelSize: [kernel.rows, kernel.cols] as const,
        };
        const whole = createPhotoFilterPlan(geometry, Infinity);
        const banded = createPhotoFilterPlan(geometry, bandCost);
        const a = new Float32Array(whole.channels * whole.outHeight * whole.outWidth);
        const b = new Float32Array(a.length).fill(NaN);
        whole.run(image.data, kernel, a);
        // Bands one at a time, last first: each writes only its own rows.
        for (let band = banded.bandCount - 1; band >= 0; band--) banded.runBands(image.data, kernel, b, band, band + 1);
        expect(whole.bandCount).toBe(1);
        expect(Array.from(b)).toEqual(Array.from(a));
      }),
      RUNS,
    );
  });

  it('counts the multiply-adds: C · oH · oW · (C_in/groups) · kH · kW', () => {
    const geometry = { ...SAME_3X3, width: 512, height: 512, kernelSize: [3, 3] as const };
    expect(createPhotoFilterPlan(geometry).multiplyAdds).toBe(3 * 512 * 512 * 9);
    expect(createPhotoFilterPlan({ ...geometry, colour: 'summed' }).multiplyAdds).toBe(512 * 512 * 27);
  });

  it('rejects an image or kernel of another size than planned', () => {
    const plan = createPhotoFilterPlan({ ...SAME_3X3, width: 4, height: 4, kernelSize: [3, 3] });
    const out = new Float32Array(3 * 16);
    expect(() => plan.run(new Float32Array(3 * 15), randomKernel(3, 3, 1), out)).toThrow(EngineError);
    expect(() => plan.run(new Float32Array(3 * 16), randomKernel(5, 5, 1), out)).toThrow(EngineError);
  });
});

describe('explainPixel', () => {
  it('adds its terms up to exactly the value the filter stored, at every pixel', () => {
    fc.assert(
      fc.property(photoCases, (c) => {
        const out = filterImage(c.image, c.kernel, c.settings);
        const plane = out.width * out.height;
        for (let oy = 0; oy < out.height; oy++) {
          for (let ox = 0; ox < out.width; ox++) {
            const arithmetic = explainPixel(c.image, c.kernel, c.settings, oy, ox)!;
            expect(arithmetic.channels).toHaveLength(out.channels);
            for (const ch of arithmetic.channels) {
              let sum = 0;
              for (const t of ch.terms) sum += t.weight * t.input;
              expect(ch.sum).toBe(sum);
              expect(ch.value).toBe(out.data[ch.channel * plane + oy * out.width + ox]);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists the k×k neighbourhood of each channel, in kernel order, with zeros for zero padding', () => {
    const image: RgbImage = randomImage(4, 3, 9);
    const kernel: Kernel2d = { rows: 3, cols: 3, values: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
    const arithmetic = explainPixel(image, kernel, SAME_3X3, 0, 0)!;
    expect(arithmetic).toMatchObject({ top: -1, left: -1 });
    const green = arithmetic.channels[1]!;
    expect(green.terms.map((t) => [t.ky, t.kx, t.c])).toEqual([
      [0, 0, 1],
      [0, 1, 1],
      [0, 2, 1],
      [1, 0, 1],
      [1, 1, 1],
      [1, 2, 1],
      [2, 0, 1],
      [2, 1, 1],
      [2, 2, 1],
    ]);
    expect(green.terms.map((t) => t.weight)).toEqual(kernel.values);
    const corner = green.terms[0]!;
    expect(corner).toMatchObject({ y: -1, x: -1, padding: true, source: null, input: 0, product: 0 });
    const centre = green.terms[4]!;
    expect(centre).toMatchObject({ y: 0, x: 0, padding: false, source: [0, 0], input: image.data[12] });
  });

  it('names the pixel a reflected padding cell copies', () => {
    const image = randomImage(4, 3, 10);
    const kernel = randomKernel(3, 3, 11);
    const arithmetic = explainPixel(image, kernel, { ...SAME_3X3, paddingMode: 'reflect' }, 0, 0)!;
    const corner = arithmetic.channels[0]!.terms[0]!;
    expect(corner).toMatchObject({ y: -1, x: -1, padding: true, source: [1, 1], input: image.data[1 * 4 + 1] });
  });

  it('interleaves the three channels of each tap when the kernel is summed over RGB', () => {
    const arithmetic = explainPixel(
      randomImage(3, 3, 12),
      randomKernel(3, 3, 13),
      { ...SAME_3X3, colour: 'summed' },
      1,
      1,
    )!;
    expect(arithmetic.channels).toHaveLength(1);
    expect(arithmetic.channels[0]!.terms.slice(0, 4).map((t) => [t.ky, t.kx, t.c])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 2],
      [0, 1, 0],
    ]);
  });

  it('answers undefined outside the output', () => {
    const image = randomImage(4, 4, 14);
    const kernel = randomKernel(3, 3, 15);
    expect(explainPixel(image, kernel, SAME_3X3, 4, 0)).toBeUndefined();
    expect(explainPixel(image, kernel, SAME_3X3, 0, -1)).toBeUndefined();
    expect(explainPixel(image, kernel, SAME_3X3, 0.5, 0)).toBeUndefined();
  });
});
