/**
 * Kernel presets of the "kernels on photos" panel, with the values their
 * sources publish.
 *
 * Every preset is written as PyTorch applies it: `conv2d` is a
 * cross-correlation, y[oy, ox] = Σ w[ky, kx] · x[oy + ky, ox + kx], with no
 * flip. All presets but Sobel's are symmetric under a half turn, so flipping
 * changes nothing; Sobel's are given in correlation form (see `sobel-x`).
 * Weights are `numerators[i] / divisor`, so a view can print "1/16 × […]" as
 * the sources do.
 */

/** Preset ids, as they appear in links. */
export type KernelPresetId =
  'identity' | 'box-blur' | 'gaussian-3' | 'gaussian-5' | 'sharpen' | 'sobel-x' | 'sobel-y' | 'laplacian' | 'emboss';

export interface KernelPreset {
  readonly id: KernelPresetId;
  /** kH = kW. */
  readonly size: number;
  /** Row-major integer weights, kH·kW of them. */
  readonly numerators: readonly number[];
  /** Every weight is numerator / divisor. */
  readonly divisor: number;
  /** Where the values are published. */
  readonly source: string;
}

/** A kH×kW kernel, row-major: weight (ky, kx) is values[ky·cols + kx]. */
export interface Kernel2d {
  readonly rows: number;
  readonly cols: number;
  readonly values: readonly number[];
}

const WIKIPEDIA_KERNELS = 'https://en.wikipedia.org/wiki/Kernel_(image_processing)';

/** Every preset, in the order a picker lists them. */
export const KERNEL_PRESETS: readonly KernelPreset[] = [
  {
    id: 'identity',
    size: 3,
    numerators: [0, 0, 0, 0, 1, 0, 0, 0, 0],
    divisor: 1,
    source: WIKIPEDIA_KERNELS,
  },
  {
    id: 'box-blur',
    size: 3,
    numerators: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    divisor: 9,
    source: WIKIPEDIA_KERNELS,
  },
  {
    // Binomial weights (1, 2, 1) ⊗ (1, 2, 1): the 3×3 approximation of a Gaussian.
    id: 'gaussian-3',
    size: 3,
    numerators: [1, 2, 1, 2, 4, 2, 1, 2, 1],
    divisor: 16,
    source: WIKIPEDIA_KERNELS,
  },
  {
    // Binomial weights (1, 4, 6, 4, 1) ⊗ (1, 4, 6, 4, 1).
    id: 'gaussian-5',
    size: 5,
    numerators: [1, 4, 6, 4, 1, 4, 16, 24, 16, 4, 6, 24, 36, 24, 6, 4, 16, 24, 16, 4, 1, 4, 6, 4, 1],
    divisor: 256,
    source: WIKIPEDIA_KERNELS,
  },
  {
    id: 'sharpen',
    size: 3,
    numerators: [0, -1, 0, -1, 5, -1, 0, -1, 0],
    divisor: 1,
    source: WIKIPEDIA_KERNELS,
  },
  {
    // Sobel and Feldman (1968). Wikipedia writes Gx = [[+1, 0, −1], [+2, 0, −2],
    // [+1, 0, −1]] for a true convolution; as a correlation that is this
    // kernel (also OpenCV's Sobel dx = 1): positive where brightness grows
    // to the right.
    id: 'sobel-x',
    size: 3,
    numerators: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
    divisor: 1,
    source: 'https://en.wikipedia.org/wiki/Sobel_operator',
  },
  {
    // Gy in correlation form: positive where brightness grows downwards.
    id: 'sobel-y',
    size: 3,
    numerators: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
    divisor: 1,
    source: 'https://en.wikipedia.org/wiki/Sobel_operator',
  },
  {
    // The five-point stencil of the discrete Laplace operator.
    id: 'laplacian',
    size: 3,
    numerators: [0, 1, 0, 1, -4, 1, 0, 1, 0],
    divisor: 1,
    source: 'https://en.wikipedia.org/wiki/Discrete_Laplace_operator',
  },
  {
    // Victor Powell, "Image Kernels Explained Visually": light from the bottom right.
    id: 'emboss',
    size: 3,
    numerators: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
    divisor: 1,
    source: 'https://setosa.io/ev/image-kernels/',
  },
];

/** The preset with this id, or undefined (ids come from links, so callers check). */
export function kernelPreset(id: string): KernelPreset | undefined {
  return KERNEL_PRESETS.find((p) => p.id === id);
}

/** A preset's weights as a kernel: values[i] = numerators[i] / divisor. */
export function presetKernel(preset: KernelPreset): Kernel2d {
  return {
    rows: preset.size,
    cols: preset.size,
    values: preset.numerators.map((n) => n / preset.divisor),
  };
}
