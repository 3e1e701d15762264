import {
  assertValidConvTranspose2d,
  convTranspose2dInfo,
  toPair,
  type ConvTranspose2dConfig,
  type ConvTranspose2dInfo,
  type Pair,
} from './convInfo';
import { EngineError, problem } from './errors';
import { fromOwned, type Tensor } from './tensor';

export interface ConvTranspose2dOptions {
  readonly stride?: number | Pair;
  readonly padding?: number | Pair;
  readonly outputPadding?: number | Pair;
  readonly dilation?: number | Pair;
  readonly groups?: number;
}

/**
 * One stamp contribution: input cell (c, iy, ix) times kernel cell
 * (co, ky, kx) lands on canvas cell (ty, tx) = (iy·s + ky·d, ix·s + kx·d) of
 * output channel co. The canvas is the full, uncropped result.
 */
export interface Stamp {
  readonly n: number;
  readonly c: number;
  readonly iy: number;
  readonly ix: number;
  readonly co: number;
  readonly ky: number;
  readonly kx: number;
  /** Flat index of the kernel weight into the weight tensor. */
  readonly weight: number;
  readonly ty: number;
  readonly tx: number;
  /** Where it lands in the cropped output, or null when it is cropped away. */
  readonly oy: number | null;
  readonly ox: number | null;
  readonly x: number;
  readonly w: number;
  readonly contribution: number;
  /** The canvas cell's running sum once this stamp has landed. */
  readonly canvasAfter: number;
  /** That sum plus the bias: the output cell's value so far, or null when the cell is cropped away. */
  readonly outputAfter: number | null;
}

/** One scatter step: a single input cell stamping value × kernel. */
export interface ScatterStep {
  readonly n: number;
  readonly c: number;
  readonly iy: number;
  readonly ix: number;
  readonly x: number;
  readonly stamps: readonly Stamp[];
}

export interface ConvTranspose2dResult {
  readonly info: ConvTranspose2dInfo;
  readonly output: Tensor;
  /** The uncropped canvas (N, C_out, canvasH, canvasW), bias not added. */
  readonly canvas: Tensor;
  /** Steps in visit order: batch, input channel, row, column. */
  readonly steps: readonly ScatterStep[];
  /** How many stamps reached each canvas cell (N, C_out, canvasH, canvasW). */
  readonly overlaps: Tensor;
  readonly bias: Float64Array;
}

/** Derives the geometry of a conv_transpose2d call from its tensors and options. */
export function convTranspose2dConfigOf(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  options: ConvTranspose2dOptions = {},
): ConvTranspose2dConfig {
  for (const [name, t] of [
    ['input', input],
    ['weight', weight],
  ] as const) {
    if (t.shape.length !== 4) {
      throw new EngineError([problem('rank-mismatch', { name, expected: 4, actual: t.shape.length })]);
    }
  }
  const [batch = 0, inChannels = 0, ih = 0, iw = 0] = input.shape;
  const [wIn = 0, outPerGroup = 0, kh = 0, kw = 0] = weight.shape;
  const groups = options.groups ?? 1;
  if (wIn !== inChannels) {
    throw new EngineError([problem('weight-in-channels-mismatch', { inChannels, weightInChannels: wIn, groups })]);
  }
  const outChannels = outPerGroup * groups;
  if (bias && (bias.shape.length !== 1 || bias.shape[0] !== outChannels)) {
    throw new EngineError([problem('bias-size-mismatch', { outChannels, biasSize: bias.data.length })]);
  }
  return {
    batch,
    inChannels,
    outChannels,
    inputSize: [ih, iw],
    kernelSize: [kh, kw],
    stride: toPair(options.stride ?? 1),
    padding: toPair(options.padding ?? 0),
    outputPadding: toPair(options.outputPadding ?? 0),
    dilation: toPair(options.dilation ?? 1),
    groups,
    bias: bias !== null,
  };
}

function validated(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  options: ConvTranspose2dOptions,
): ConvTranspose2dInfo {
  const info = convTranspose2dInfo(convTranspose2dConfigOf(input, weight, bias, options));
  assertValidConvTranspose2d(info);
  return info;
}

function biasOf(bias: Tensor | null, outChannels: number): Float64Array {
  return bias ? Float64Array.from(bias.data) : new Float64Array(outChannels);
}

/**
 * (a) Scatter-add with a trace. Each input cell multiplies the whole kernel and
 * adds it onto the uncropped canvas at (iy·s, ix·s); overlapping stamps add.
 * Padding p crops p cells from each side; output_padding keeps extra cells at
 * the end (bottom, right). The bias is added to every kept cell.
 */
export function convTranspose2dScatter(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: ConvTranspose2dOptions = {},
): ConvTranspose2dResult {
  const info = validated(input, weight, bias, options);
  return scatterWithInfo(input, weight, bias, info);
}

/** Scatter-add for a configuration whose record is already known to be valid. */
export function scatterWithInfo(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  info: ConvTranspose2dInfo,
): ConvTranspose2dResult {
  const { h, w, inPerGroup, outPerGroup } = info;
  const [N, Cout, OH, OW] = info.outputShape;
  const C = info.config.inChannels;
  const CH = h.canvasSize;
  const CW = w.canvasSize;
  const canvas = new Float64Array(N * Cout * CH * CW);
  const overlaps = new Float64Array(N * Cout * CH * CW);
  const steps: ScatterStep[] = [];
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      const g = Math.floor(c / inPerGroup);
      for (let iy = 0; iy < h.inSize; iy++) {
        for (let ix = 0; ix < w.inSize; ix++) {
          const xv = input.data[((n * C + c) * h.inSize + iy) * w.inSize + ix] ?? 0;
          const stamps: Stamp[] = [];
          for (let cop = 0; cop < outPerGroup; cop++) {
            const co = g * outPerGroup + cop;
            for (let ky = 0; ky < h.kernel; ky++) {
              const ty = iy * h.stride + ky * h.dilation;
              for (let kx = 0; kx < w.kernel; kx++) {
                const tx = ix * w.stride + kx * w.dilation;
                const wi = ((c * outPerGroup + cop) * h.kernel + ky) * w.kernel + kx;
                const wv = weight.data[wi] ?? 0;
                const contribution = xv * wv;
                const at = ((n * Cout + co) * CH + ty) * CW + tx;
                canvas[at] = (canvas[at] ?? 0) + contribution;
                overlaps[at] = (overlaps[at] ?? 0) + 1;
                const oy = ty - h.padding;
                const ox = tx - w.padding;
                const kept = oy >= 0 && oy < OH && ox >= 0 && ox < OW;
                stamps.push({
                  n,
                  c,
                  iy,
                  ix,
                  co,
                  ky,
                  kx,
                  weight: wi,
                  ty,
                  tx,
                  oy: kept ? oy : null,
                  ox: kept ? ox : null,
                  x: xv,
                  w: wv,
                  contribution,
                  canvasAfter: canvas[at] ?? 0,
                  // The same sum the output below makes, so the last stamp's value is the output's.
                  outputAfter: kept ? (canvas[at] ?? 0) + (bias?.data[co] ?? 0) : null,
                });
              }
            }
          }
          steps.push({ n, c, iy, ix, x: xv, stamps });
        }
      }
    }
  }
  const b = biasOf(bias, Cout);
  const out = new Float64Array(N * Cout * OH * OW);
  for (let nc = 0; nc < N * Cout; nc++) {
    const bv = b[nc % Cout] ?? 0;
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        out[(nc * OH + oy) * OW + ox] = (canvas[(nc * CH + oy + h.padding) * CW + ox + w.padding] ?? 0) + bv;
      }
    }
  }
  return {
    info,
    output: fromOwned([N, Cout, OH, OW], out),
    canvas: fromOwned([N, Cout, CH, CW], canvas),
    steps,
    overlaps: fromOwned([N, Cout, CH, CW], overlaps),
    bias: b,
  };
}

/** conv_transpose2d by scatter-add (the output only). */
export function convTranspose2d(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: ConvTranspose2dOptions = {},
): Tensor {
  return convTranspose2dScatter(input, weight, bias, options).output;
}

/**
 * The value of the zero-inserted, padded input that the equivalent direct
 * convolution scans, at coordinate q of one axis: input index when q lands on
 * an original cell, −1 for an inserted zero or a padding zero.
 */
export function upsampledSource(q: number, padBefore: number, stride: number, inSize: number): number {
  const j = q - padBefore;
  if (j < 0 || j % stride !== 0) return -1;
  const i = j / stride;
  return i < inSize ? i : -1;
}

/**
 * (b) Gather: insert s−1 zeros between inputs, pad by d(k−1)−p on each side
 * (output_padding more at the end; negative padding crops), and run a direct
 * convolution with the kernel flipped in both axes and its in/out channels
 * swapped within each group.
 */
export function convTranspose2dGather(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: ConvTranspose2dOptions = {},
): Tensor {
  const info = validated(input, weight, bias, options);
  const { h, w, inPerGroup, outPerGroup } = info;
  const [N, Cout, OH, OW] = info.outputShape;
  const C = info.config.inChannels;
  const b = biasOf(bias, Cout);
  const out = new Float64Array(N * Cout * OH * OW);
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < Cout; co++) {
      const g = Math.floor(co / outPerGroup);
      const cop = co % outPerGroup;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          let acc = 0;
          for (let ci = 0; ci < inPerGroup; ci++) {
            const c = g * inPerGroup + ci;
            for (let ky = 0; ky < h.kernel; ky++) {
              const iy = upsampledSource(oy + ky * h.dilation, h.gatherPadBefore, h.stride, h.inSize);
              if (iy < 0) continue;
              for (let kx = 0; kx < w.kernel; kx++) {
                const ix = upsampledSource(ox + kx * w.dilation, w.gatherPadBefore, w.stride, w.inSize);
                if (ix < 0) continue;
                // Flipped kernel: tap (ky, kx) reads weight (k−1−ky, k−1−kx).
                const fy = h.kernel - 1 - ky;
                const fx = w.kernel - 1 - kx;
                const wv = weight.data[((c * outPerGroup + cop) * h.kernel + fy) * w.kernel + fx] ?? 0;
                acc += wv * (input.data[((n * C + c) * h.inSize + iy) * w.inSize + ix] ?? 0);
              }
            }
          }
          out[((n * Cout + co) * OH + oy) * OW + ox] = acc + (b[co] ?? 0);
        }
      }
    }
  }
  return fromOwned([N, Cout, OH, OW], out);
}

/**
 * The input of the equivalent direct convolution: s−1 zeros inserted between
 * neighbouring inputs, then d(k−1)−p zeros on each side and output_padding
 * more at the end (a negative amount crops instead). Shape
 * [N, C_in, (i−1)s + 1 + 2(d(k−1)−p) + a, …]. Also returns, for each of its
 * rows and columns, the input row/column it holds (−1 for an inserted or
 * padding zero), so views can tell the zeros apart.
 */
export function zeroInsertedInput(
  input: Tensor,
  info: ConvTranspose2dInfo,
): { readonly tensor: Tensor; readonly rows: Int32Array; readonly cols: Int32Array } {
  const { h, w } = info;
  const [N, C] = info.inputShape;
  const size = (a: typeof h) => Math.max(0, (a.inSize - 1) * a.stride + 1 + a.gatherPadBefore + a.gatherPadAfter);
  const UH = size(h);
  const UW = size(w);
  const rows = Int32Array.from({ length: UH }, (_, q) => upsampledSource(q, h.gatherPadBefore, h.stride, h.inSize));
  const cols = Int32Array.from({ length: UW }, (_, q) => upsampledSource(q, w.gatherPadBefore, w.stride, w.inSize));
  const out = new Float64Array(N * C * UH * UW);
  for (let nc = 0; nc < N * C; nc++) {
    for (let uy = 0; uy < UH; uy++) {
      const iy = rows[uy] ?? -1;
      if (iy < 0) continue;
      for (let ux = 0; ux < UW; ux++) {
        const ix = cols[ux] ?? -1;
        if (ix < 0) continue;
        out[(nc * UH + uy) * UW + ux] = input.data[(nc * h.inSize + iy) * w.inSize + ix] ?? 0;
      }
    }
  }
  return { tensor: fromOwned([N, C, UH, UW], out), rows, cols };
}

/**
 * The kernel of the equivalent direct convolution: each [C_in, C_out/g, kH, kW]
 * transposed-conv weight flipped in both spatial axes, with input and output
 * channels swapped within each group, giving a conv2d weight
 * [C_out, C_in/g, kH, kW].
 */
export function flippedKernel(weight: Tensor, info: ConvTranspose2dInfo): Tensor {
  const { inPerGroup, outPerGroup } = info;
  const KH = info.h.kernel;
  const KW = info.w.kernel;
  const Cout = info.config.outChannels;
  const out = new Float64Array(Cout * inPerGroup * KH * KW);
  for (let co = 0; co < Cout; co++) {
    const g = Math.floor(co / outPerGroup);
    const cop = co % outPerGroup;
    for (let ci = 0; ci < inPerGroup; ci++) {
      const c = g * inPerGroup + ci;
      for (let ky = 0; ky < KH; ky++) {
        for (let kx = 0; kx < KW; kx++) {
          out[((co * inPerGroup + ci) * KH + ky) * KW + kx] =
            weight.data[((c * outPerGroup + cop) * KH + (KH - 1 - ky)) * KW + (KW - 1 - kx)] ?? 0;
        }
      }
    }
  }
  return fromOwned([Cout, inPerGroup, KH, KW], out);
}
