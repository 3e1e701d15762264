import {
  assertValidConv2d,
  conv2dInfo,
  toPair,
  type Conv2dConfig,
  type Conv2dInfo,
  type Pair,
  type PaddingMode,
  type PaddingSpec,
} from './convInfo';
import { EngineError, problem } from './errors';
import { paddedSourceTable } from './padding';
import { fromOwned, type Tensor } from './tensor';

export interface Conv2dOptions {
  readonly stride?: number | Pair;
  readonly padding?: number | PaddingSpec;
  readonly dilation?: number | Pair;
  readonly groups?: number;
  readonly paddingMode?: PaddingMode;
}

/**
 * One multiply of a window step: input channel `c` at padded position
 * (py, px) times kernel weight (ky, kx) of the output channel's kernel.
 * `source` is the input cell the value comes from: [y, x] inside the input, or
 * a copy of one for reflect/replicate/circular padding; null for a zero pad.
 */
export interface Tap {
  readonly c: number;
  readonly py: number;
  readonly px: number;
  readonly ky: number;
  readonly kx: number;
  readonly padding: boolean;
  readonly source: readonly [number, number] | null;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/** How one output cell came to be: its taps in visit order, plus the bias. */
export interface OutputCellTrace {
  readonly n: number;
  readonly co: number;
  readonly oy: number;
  readonly ox: number;
  /** Top-left of the window on the padded input. */
  readonly windowY: number;
  readonly windowX: number;
  readonly taps: readonly Tap[];
  readonly bias: number;
  readonly value: number;
}

export interface Conv2dResult {
  readonly info: Conv2dInfo;
  readonly output: Tensor;
  /** Padded input values (N, C, i+p₀+p₁ …) as the window sees them. */
  readonly padded: Tensor;
  /** Output cells in row-major (n, co, oy, ox) order. */
  readonly cells: readonly OutputCellTrace[];
}

function rankCheck(t: Tensor, rank: number, name: string): void {
  if (t.shape.length !== rank) {
    throw new EngineError([problem('rank-mismatch', { name, expected: rank, actual: t.shape.length })]);
  }
}

/** Derives the geometry of a conv2d call from its tensors and options. */
export function conv2dConfigOf(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  options: Conv2dOptions = {},
): Conv2dConfig {
  rankCheck(input, 4, 'input');
  rankCheck(weight, 4, 'weight');
  const [batch = 0, inChannels = 0, ih = 0, iw = 0] = input.shape;
  const [outChannels = 0, perGroup = 0, kh = 0, kw = 0] = weight.shape;
  const groups = options.groups ?? 1;
  if (perGroup * groups !== inChannels) {
    throw new EngineError([problem('weight-in-channels-mismatch', { inChannels, weightInChannels: perGroup, groups })]);
  }
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== outChannels)) {
    throw new EngineError([problem('bias-size-mismatch', { outChannels, biasSize: bias.data.length })]);
  }
  const padding = options.padding ?? 0;
  return {
    batch,
    inChannels,
    outChannels,
    inputSize: [ih, iw],
    kernelSize: [kh, kw],
    stride: toPair(options.stride ?? 1),
    padding: typeof padding === 'number' ? [padding, padding] : padding,
    dilation: toPair(options.dilation ?? 1),
    groups,
    paddingMode: options.paddingMode ?? 'zeros',
    bias: bias !== null,
  };
}

/**
 * Materializes the padded input (N, C, i+p₀+p₁, …) under the padding mode.
 */
export function padInput(input: Tensor, info: Conv2dInfo): Tensor {
  const { h, w } = info;
  const [N, C] = info.inputShape;
  const rows = paddedSourceTable(h.padBefore, h.padAfter, h.inSize, info.config.paddingMode);
  const cols = paddedSourceTable(w.padBefore, w.padAfter, w.inSize, info.config.paddingMode);
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const out = new Float64Array(N * C * PH * PW);
  for (let nc = 0; nc < N * C; nc++) {
    for (let py = 0; py < PH; py++) {
      const sy = rows[py] ?? -1;
      if (sy < 0) continue;
      for (let px = 0; px < PW; px++) {
        const sx = cols[px] ?? -1;
        if (sx < 0) continue;
        out[(nc * PH + py) * PW + px] = input.data[(nc * h.inSize + sy) * w.inSize + sx] ?? 0;
      }
    }
  }
  return fromOwned([N, C, PH, PW], out);
}

/**
 * Reference conv2d (cross-correlation, as PyTorch computes it):
 * y[n, co, oy, ox] = b[co] + Σ_{c ∈ group(co), ky, kx} w[co, c, ky, kx] · x̃[n, c, oy·s + ky·d, ox·s + kx·d]
 * where x̃ is the padded input. Float64, no trace.
 */
export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, options: Conv2dOptions = {}): Tensor {
  const info = conv2dInfo(conv2dConfigOf(input, weight, bias, options));
  assertValidConv2d(info);
  return conv2dWithInfo(input, weight, bias, info);
}

/** conv2d for an already-validated record. */
export function conv2dWithInfo(input: Tensor, weight: Tensor, bias: Tensor | null, info: Conv2dInfo): Tensor {
  const padded = padInput(input, info);
  const { h, w, inPerGroup, outPerGroup } = info;
  const [N, Cout, OH, OW] = info.outputShape;
  const C = info.config.inChannels;
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const KH = h.kernel;
  const KW = w.kernel;
  const x = padded.data;
  const wt = weight.data;
  const out = new Float64Array(N * Cout * OH * OW);
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < Cout; co++) {
      const g = Math.floor(co / outPerGroup);
      const b = bias ? (bias.data[co] ?? 0) : 0;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let acc = 0;
          for (let ci = 0; ci < inPerGroup; ci++) {
            const c = g * inPerGroup + ci;
            const xBase = (n * C + c) * PH;
            const wBase = (co * inPerGroup + ci) * KH;
            for (let ky = 0; ky < KH; ky++) {
              const row = (xBase + oy * h.stride + ky * h.dilation) * PW + ox * w.stride;
              const wRow = (wBase + ky) * KW;
              for (let kx = 0; kx < KW; kx++) {
                acc += (wt[wRow + kx] ?? 0) * (x[row + kx * w.dilation] ?? 0);
              }
            }
          }
          out[((n * Cout + co) * OH + oy) * OW + ox] = acc + b;
        }
      }
    }
  }
  return fromOwned([N, Cout, OH, OW], out);
}

/**
 * conv2d with its trace: for every output cell, every tap in visit order
 * (input channel, then kernel row, then kernel column), the bias and the value.
 * The value is summed in the same order as the taps are listed.
 */
export function conv2dTrace(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: Conv2dOptions = {},
): Conv2dResult {
  const info = conv2dInfo(conv2dConfigOf(input, weight, bias, options));
  assertValidConv2d(info);
  const padded = padInput(input, info);
  const { h, w, inPerGroup, outPerGroup } = info;
  const rows = paddedSourceTable(h.padBefore, h.padAfter, h.inSize, info.config.paddingMode);
  const cols = paddedSourceTable(w.padBefore, w.padAfter, w.inSize, info.config.paddingMode);
  const [N, Cout, OH, OW] = info.outputShape;
  const C = info.config.inChannels;
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const out = new Float64Array(N * Cout * OH * OW);
  const cells: OutputCellTrace[] = [];
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < Cout; co++) {
      const g = Math.floor(co / outPerGroup);
      const b = bias ? (bias.data[co] ?? 0) : 0;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          const taps: Tap[] = [];
          let acc = 0;
          for (let ci = 0; ci < inPerGroup; ci++) {
            const c = g * inPerGroup + ci;
            for (let ky = 0; ky < h.kernel; ky++) {
              const py = oy * h.stride + ky * h.dilation;
              const sy = rows[py] ?? -1;
              for (let kx = 0; kx < w.kernel; kx++) {
                const px = ox * w.stride + kx * w.dilation;
                const sx = cols[px] ?? -1;
                const xv = padded.data[((n * C + c) * PH + py) * PW + px] ?? 0;
                const wv = weight.data[((co * inPerGroup + ci) * h.kernel + ky) * w.kernel + kx] ?? 0;
                const product = xv * wv;
                acc += product;
                const isPad =
                  py < h.padBefore || py >= h.padBefore + h.inSize || px < w.padBefore || px >= w.padBefore + w.inSize;
                taps.push({
                  c,
                  py,
                  px,
                  ky,
                  kx,
                  padding: isPad,
                  source: sy >= 0 && sx >= 0 ? [sy, sx] : null,
                  x: xv,
                  w: wv,
                  product,
                });
              }
            }
          }
          const value = acc + b;
          out[((n * Cout + co) * OH + oy) * OW + ox] = value;
          cells.push({ n, co, oy, ox, windowY: oy * h.stride, windowX: ox * w.stride, taps, bias: b, value });
        }
      }
    }
  }
  return { info, output: fromOwned([N, Cout, OH, OW], out), padded, cells };
}
