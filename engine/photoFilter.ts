/**
 * A kernel applied to a colour photo, through the engine's fast conv2d plans.
 *
 * Images are planar RGB float32, [3, H, W] flat and row-major (channel c,
 * row y, column x at (c·H + y)·W + x), with values in 0–1 as torchvision's
 * `ToTensor` gives them: 0 is black, 1 full intensity. The filter is one
 * PyTorch `conv2d` call on the batch of one [1, 3, H, W]:
 *
 * - `per-channel`: groups = 3, weight [3, 1, kH, kW] (the same kernel on each
 *   channel), output [1, 3, oH, oW], a colour picture;
 * - `summed`: groups = 1, weight [1, 3, kH, kW] (the kernel on each channel,
 *   the three products summed: a C_in = 3 convolution), output [1, 1, oH, oW].
 *
 * No bias. Sizes follow conv_arithmetic Relationship 6 (with dilation,
 * Relationship 15): o = ⌊(i + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1.
 *
 * Sums are float64 (the plans' accumulators) and each result is stored as
 * float32. `explainPixel` redoes one output cell's sum in the plan's own
 * order, so its terms add up to exactly the stored value.
 */
import {
  assertValidConv2d,
  conv2dInfo,
  type Conv2dConfig,
  type Conv2dInfo,
  type PaddingMode,
  type PaddingSpec,
  type Pair,
} from './convInfo';
import { refuse } from './errors';
import { createConv2dPlan, type Conv2dPlan } from './fast';
import type { Kernel2d } from './kernelPresets';
import { paddedSource, paddedSourceTable } from './padding';

/** A planar RGB image: data is [3, height, width], values 0–1. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** How the kernel meets the three colour channels. */
export type ColourMode = 'per-channel' | 'summed';

/** The convolution's settings, as the lesson figure holds them. */
export interface PhotoFilterSettings {
  readonly colour: ColourMode;
  readonly stride: Pair;
  readonly padding: PaddingSpec;
  readonly paddingMode: PaddingMode;
  readonly dilation: Pair;
}

/** Settings plus the sizes a plan is made for. */
export interface PhotoFilterGeometry extends PhotoFilterSettings {
  readonly width: number;
  readonly height: number;
  /** [kH, kW]. */
  readonly kernelSize: Pair;
}

/** The filtered picture: data is [channels, height, width], float32. */
export interface FilteredImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Float32Array;
}

/**
 * A prepared filter of one geometry. The work is cut into bands of output
 * rows, so a caller can report progress or stop between bands; running every
 * band gives exactly what one conv2d plan over the whole image gives (the
 * same taps, summed in the same order).
 */
export interface PhotoFilterPlan {
  readonly geometry: PhotoFilterGeometry;
  /** The whole filter as one conv2d: input [1, 3, H, W], output [1, C, oH, oW]. */
  readonly info: Conv2dInfo;
  readonly outWidth: number;
  readonly outHeight: number;
  readonly channels: 1 | 3;
  /** Multiply-adds of the whole filter, C·oH·oW·(C_in/groups)·kH·kW: a measure of its cost. */
  readonly multiplyAdds: number;
  readonly bandCount: number;
  /** Writes output rows of bands [from, to) into `out` ([C, oH, oW]); reads `image` ([3, H, W]). */
  runBands(image: Float32Array, kernel: Kernel2d, out: Float32Array, from: number, to: number): void;
  /** Every band: the whole output. */
  run(image: Float32Array, kernel: Kernel2d, out: Float32Array): void;
}

/** Multiply-adds per band: a few milliseconds of work. */
const DEFAULT_BAND_MULTIPLY_ADDS = 1 << 22;

/** The conv2d call a filter is: batch 1, three input channels, no bias. */
export function photoConvConfig(geometry: PhotoFilterGeometry): Conv2dConfig {
  const perChannel = geometry.colour === 'per-channel';
  return {
    batch: 1,
    inChannels: 3,
    outChannels: perChannel ? 3 : 1,
    inputSize: [geometry.height, geometry.width],
    kernelSize: geometry.kernelSize,
    stride: geometry.stride,
    padding: geometry.padding,
    dilation: geometry.dilation,
    groups: perChannel ? 3 : 1,
    paddingMode: geometry.paddingMode,
    bias: false,
  };
}

/**
 * The weight tensor of a filter, flat: [3, 1, kH, kW] per channel or
 * [1, 3, kH, kW] summed, which are both three copies of the kernel.
 */
export function photoWeight(kernel: Kernel2d): Float64Array {
  const k = kernel.rows * kernel.cols;
  if (kernel.values.length !== k) {
    refuse('data-size-mismatch', { name: 'kernel', expected: k, actual: kernel.values.length });
  }
  const weight = new Float64Array(3 * k);
  for (let c = 0; c < 3; c++) weight.set(kernel.values, c * k);
  return weight;
}

function checkImage(name: string, actual: number, expected: number): void {
  if (actual !== expected) refuse('data-size-mismatch', { name, expected, actual });
}

/**
 * Plans a filter. Throws the engine's typed refusal (EngineError) when
 * PyTorch would refuse the convolution, e.g. 'same' padding with a stride,
 * or a kernel larger than the padded image.
 *
 * Each band of output rows [r₀, r₁) reads padded rows
 * [r₀·s, (r₁ − 1)·s + d(kH − 1) + 1), which `runBands` gathers from the image
 * under the padding mode and hands to a conv2d plan without padding.
 */
export function createPhotoFilterPlan(
  geometry: PhotoFilterGeometry,
  bandMultiplyAdds: number = DEFAULT_BAND_MULTIPLY_ADDS,
): PhotoFilterPlan {
  const info = conv2dInfo(photoConvConfig(geometry));
  assertValidConv2d(info);
  const { h, w } = info;
  const [, C, OH, OW] = info.outputShape;
  const channels: 1 | 3 = C === 1 ? 1 : 3;
  const KH = h.kernel;
  const KW = w.kernel;
  const IH = h.inSize;
  const IW = w.inSize;
  const PW = w.paddedSize;
  const perOutput = info.inPerGroup * KH * KW;
  const rowCost = C * OW * perOutput;
  const bandRows = Math.max(1, Math.min(OH, Math.floor(bandMultiplyAdds / Math.max(1, rowCost))));
  const bandCount = Math.ceil(OH / bandRows);
  const rowSource = paddedSourceTable(h.padBefore, h.padAfter, IH, info.config.paddingMode);
  const colSource = paddedSourceTable(w.padBefore, w.padAfter, IW, info.config.paddingMode);

  // Per channel, the three channels are run as a batch of three one-channel
  // images ([1, 3, …] and [3, 1, …] are the same memory): the same taps in the
  // same order, but each channel's rows stay contiguous in the plan's scratch.
  const perChannel = geometry.colour === 'per-channel';
  const bandConfig: Conv2dConfig = perChannel
    ? { ...info.config, batch: 3, inChannels: 1, outChannels: 1, groups: 1 }
    : info.config;
  /** One conv2d plan, input buffer and output buffer per band height (at most two heights). */
  interface BandWork {
    readonly plan: Conv2dPlan;
    readonly paddedRows: number;
    readonly input: Float32Array;
    readonly output: Float32Array;
  }
  const work = new Map<number, BandWork>();
  const bandWork = (rows: number): BandWork => {
    let found = work.get(rows);
    if (!found) {
      const paddedRows = (rows - 1) * h.stride + h.effectiveKernel;
      const plan = createConv2dPlan(
        conv2dInfo({ ...bandConfig, inputSize: [paddedRows, PW], padding: 'valid', paddingMode: 'zeros' }),
      );
      found = {
        plan,
        paddedRows,
        input: new Float32Array(3 * paddedRows * PW),
        output: new Float32Array(C * rows * OW),
      };
      work.set(rows, found);
    }
    return found;
  };

  function runBands(image: Float32Array, kernel: Kernel2d, out: Float32Array, from: number, to: number): void {
    checkImage('image', image.length, 3 * IH * IW);
    checkImage('output', out.length, C * OH * OW);
    if (kernel.rows !== KH || kernel.cols !== KW) {
      refuse('data-size-mismatch', { name: 'kernel', expected: KH * KW, actual: kernel.rows * kernel.cols });
    }
    // Three copies of the kernel ([1, 3, kH, kW] summed); per channel, a batch of three needs one ([1, 1, kH, kW]).
    const weights = photoWeight(kernel);
    const weight = perChannel ? weights.subarray(0, KH * KW) : weights;
    for (let band = Math.max(0, from); band < Math.min(bandCount, to); band++) {
      const r0 = band * bandRows;
      const rows = Math.min(bandRows, OH - r0);
      const { plan, paddedRows, input, output } = bandWork(rows);
      const py0 = r0 * h.stride;
      // Gather the band's padded rows, every channel (padding cells read 0 or their source).
      for (let c = 0; c < 3; c++) {
        for (let r = 0; r < paddedRows; r++) {
          const sy = rowSource[py0 + r]!;
          const dst = (c * paddedRows + r) * PW;
          if (sy < 0) {
            input.fill(0, dst, dst + PW);
            continue;
          }
          const src = (c * IH + sy) * IW;
          for (let px = 0; px < PW; px++) {
            const sx = colSource[px]!;
            input[dst + px] = sx < 0 ? 0 : image[src + sx]!;
          }
        }
      }
      plan.run(input, weight, null, output);
      for (let c = 0; c < C; c++) out.set(output.subarray(c * rows * OW, (c + 1) * rows * OW), (c * OH + r0) * OW);
    }
  }

  return {
    geometry,
    info,
    outWidth: OW,
    outHeight: OH,
    channels,
    multiplyAdds: OH * rowCost,
    bandCount,
    runBands,
    run: (image, kernel, out) => runBands(image, kernel, out, 0, bandCount),
  };
}

/** The filter in one call: plans, runs every band, returns the picture. */
export function filterImage(image: RgbImage, kernel: Kernel2d, settings: PhotoFilterSettings): FilteredImage {
  const plan = createPhotoFilterPlan({
    ...settings,
    width: image.width,
    height: image.height,
    kernelSize: [kernel.rows, kernel.cols],
  });
  const data = new Float32Array(plan.channels * plan.outHeight * plan.outWidth);
  plan.run(image.data, kernel, data);
  return { width: plan.outWidth, height: plan.outHeight, channels: plan.channels, data };
}

/** One term of an output pixel's sum: kernel weight (ky, kx) times input channel c. */
export interface PixelTerm {
  readonly c: number;
  readonly ky: number;
  readonly kx: number;
  /** The tap's position on the unpadded image (outside it on padding cells). */
  readonly y: number;
  readonly x: number;
  /** True when (y, x) lies outside the image. */
  readonly padding: boolean;
  /** The image pixel the value comes from: (y, x) itself, a reflected/replicated/wrapped one, or null for a zero. */
  readonly source: readonly [number, number] | null;
  readonly input: number;
  readonly weight: number;
  /** weight · input, in float64. */
  readonly product: number;
}

/** The arithmetic of one output channel at one pixel. */
export interface ChannelArithmetic {
  readonly channel: number;
  /** In the order the plan adds them: kernel row, kernel column, then input channel. */
  readonly terms: readonly PixelTerm[];
  /** The float64 sum of the products, added in that order. */
  readonly sum: number;
  /** The sum as the output stores it (float32): equal to the filtered image's value. */
  readonly value: number;
}

/** Where output pixel (oy, ox) comes from: the k×k neighbourhood, kernel and sums of each output channel. */
export interface PixelArithmetic {
  readonly oy: number;
  readonly ox: number;
  /** The top-left tap on the unpadded image: (oy·s − p_top, ox·s − p_left). */
  readonly top: number;
  readonly left: number;
  readonly channels: readonly ChannelArithmetic[];
}

/**
 * The arithmetic behind output pixel (oy, ox): every tap of every output
 * channel, with the input value it reads (padding under the padding mode),
 * the weight and the product, summed in the order the fast plan sums them
 * (kernel row, kernel column, input channel), so `value` is bit-identical to
 * the filtered image. Undefined outside the output. Throws as
 * `createPhotoFilterPlan` does for an invalid geometry.
 */
export function explainPixel(
  image: RgbImage,
  kernel: Kernel2d,
  settings: PhotoFilterSettings,
  oy: number,
  ox: number,
): PixelArithmetic | undefined {
  const info = conv2dInfo(
    photoConvConfig({ ...settings, width: image.width, height: image.height, kernelSize: [kernel.rows, kernel.cols] }),
  );
  assertValidConv2d(info);
  const { h, w, inPerGroup } = info;
  const [, C, OH, OW] = info.outputShape;
  if (!Number.isInteger(oy) || !Number.isInteger(ox) || oy < 0 || ox < 0 || oy >= OH || ox >= OW) return undefined;
  const weight = photoWeight(kernel);
  const K = kernel.rows * kernel.cols;
  const IH = image.height;
  const IW = image.width;
  const mode = info.config.paddingMode;
  const channels: ChannelArithmetic[] = [];
  for (let co = 0; co < C; co++) {
    const terms: PixelTerm[] = [];
    let sum = 0;
    for (let ky = 0; ky < kernel.rows; ky++) {
      const py = oy * h.stride + ky * h.dilation;
      const sy = paddedSource(py, h.padBefore, IH, mode);
      for (let kx = 0; kx < kernel.cols; kx++) {
        const px = ox * w.stride + kx * w.dilation;
        const sx = paddedSource(px, w.padBefore, IW, mode);
        for (let ci = 0; ci < inPerGroup; ci++) {
          // Per channel (groups = 3) output channel co reads input channel co; summed, all three.
          const c = co * inPerGroup + ci;
          const wv = weight[c * K + ky * kernel.cols + kx]!;
          const inside = sy >= 0 && sx >= 0;
          const xv = inside ? image.data[(c * IH + sy) * IW + sx]! : 0;
          const product = wv * xv;
          sum += product;
          const y = py - h.padBefore;
          const x = px - w.padBefore;
          terms.push({
            c,
            ky,
            kx,
            y,
            x,
            padding: y < 0 || y >= IH || x < 0 || x >= IW,
            source: inside ? [sy, sx] : null,
            input: xv,
            weight: wv,
            product,
          });
        }
      }
    }
    // The plan stores sum + bias, with no bias sum + 0, rounded to float32.
    channels.push({ channel: co, terms, sum, value: Math.fround(sum + 0) });
  }
  return { oy, ox, top: oy * h.stride - h.padBefore, left: ox * w.stride - w.padBefore, channels };
}
