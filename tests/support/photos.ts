import fc from 'fast-check';
import {
  conv2dInfo,
  photoConvConfig,
  type PaddingMode,
  type PaddingSpec,
  type PhotoFilterSettings,
} from '../../engine';
import type { Kernel2d, RgbImage } from '../../engine';
import { mulberry32 } from '../../engine/random';

/** A planar RGB image of float32 values in [0, 1) from a seed. */
export function randomImage(width: number, height: number, seed: number): RgbImage {
  const rand = mulberry32(seed);
  const data = new Float32Array(3 * width * height);
  for (let i = 0; i < data.length; i++) data[i] = rand();
  return { width, height, data };
}

/** A kernel of values in [−1, 1) from a seed. */
export function randomKernel(rows: number, cols: number, seed: number): Kernel2d {
  const rand = mulberry32(seed);
  return { rows, cols, values: Array.from({ length: rows * cols }, () => rand() * 2 - 1) };
}

/** One filtering case: image, kernel and settings PyTorch accepts. */
export interface PhotoCase {
  readonly image: RgbImage;
  readonly kernel: Kernel2d;
  readonly settings: PhotoFilterSettings;
}

const pair = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));

/** Small images (so the reference is quick), every colour mode, padding mode, 'same'/'valid', stride and dilation. */
export const photoCases: fc.Arbitrary<PhotoCase> = fc
  .record({
    width: fc.integer({ min: 1, max: 13 }),
    height: fc.integer({ min: 1, max: 11 }),
    kernel: pair(5),
    colour: fc.constantFrom('per-channel' as const, 'summed' as const),
    stride: pair(3),
    dilation: pair(3),
    padding: fc.oneof(
      fc.tuple(fc.nat(3), fc.nat(3)),
      fc.constant<PaddingSpec>('same'),
      fc.constant<PaddingSpec>('valid'),
    ),
    paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
    seed: fc.integer(),
  })
  .map((r): PhotoCase => ({
    image: randomImage(r.width, r.height, r.seed),
    kernel: randomKernel(r.kernel[0], r.kernel[1], r.seed + 1),
    settings: {
      colour: r.colour,
      stride: r.padding === 'same' ? [1, 1] : r.stride,
      padding: r.padding,
      paddingMode: r.paddingMode,
      dilation: r.dilation,
    },
  }))
  .filter(
    ({ image, kernel, settings }) =>
      conv2dInfo(
        photoConvConfig({
          ...settings,
          width: image.width,
          height: image.height,
          kernelSize: [kernel.rows, kernel.cols],
        }),
      ).valid,
  );
