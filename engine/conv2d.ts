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
  /** Flat index of the kernel weight into the weight tensor. */
  readonly weight: number;
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
  /**
   * The window sum of each input channel the cell reads, in tap order:
   * Σ_{ky,kx} w·x over that channel's taps. The value is Σ over channels of
   * these subtotals, plus the bias.
   */
  readonly channelSums: readonly ChannelSum[];
  readonly bias: number;
  readonly value: number;
}

/** One input channel's share of an output cell: its index and the sum of its taps' products. */
export interface ChannelSum {
  readonly c: number;
  readonly sum: number;
}

/**
 * One tap seen from its input side: which output cell (flat, row-major
 * n, co, oy, ox) reads padded position (py, px) of channel `c`, and through
 * which kernel weight (flat index into the weight tensor).
 */
export interface TapUse {
  /** The sample: the input position and the output cell belong to it. */
  readonly n: number;
  readonly output: number;
  readonly weight: number;
  readonly c: number;
  readonly py: number;
  readonly px: number;
}

/**
 * conv2d with its trace. The output and padded input are computed eagerly;
 * the per-cell trace is built on demand (a 2×4×16×16 figure has ~70k taps
 * and a view needs the few it highlights), and the inverse questions
 * (which outputs read this input cell, which inputs meet this weight) are
 * answered from the geometry without scanning every tap. Every answer is
 * the same as reading a full trace: the property tests check it.
 */
export interface Conv2dResult {
  readonly info: Conv2dInfo;
  readonly output: Tensor;
  /** Padded input values (N, C, i+p₀+p₁ …) as the window sees them. */
  readonly padded: Tensor;
  /** Number of output cells, N·C_out·OH·OW. */
  readonly cellCount: number;
  /** How output cell `index` (row-major n, co, oy, ox) came to be; undefined outside the output. */
  cell(index: number): OutputCellTrace | undefined;
  /** Every tap that reads padded position (py, px) of sample n, channel c, in output order. */
  readersOf(n: number, c: number, py: number, px: number): readonly TapUse[];
  /** Every tap that multiplies weight `index` (flat into the weight tensor), in output order. */
  usesOfWeight(index: number): readonly TapUse[];
  /** Padded positions that hold input cell (y, x): itself and, for reflect/replicate/circular, its copies. */
  copiesOf(y: number, x: number): readonly (readonly [number, number])[];
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
  // Nothing to add: tensors are never written, so the input is its own padded copy.
  if (h.padBefore === 0 && h.padAfter === 0 && w.padBefore === 0 && w.padAfter === 0) return input;
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
  return convolvePadded(padInput(input, info), weight, bias, info);
}

/** The sliding window over an input already padded under `info` (see padInput). */
function convolvePadded(padded: Tensor, weight: Tensor, bias: Tensor | null, info: Conv2dInfo): Tensor {
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
 * conv2d sums in the order the taps are listed; each cell's value is read
 * from that output, so the trace and the output cannot disagree.
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
  const output = convolvePadded(padded, weight, bias, info);
  const { h, w, inPerGroup, outPerGroup } = info;
  const rows = paddedSourceTable(h.padBefore, h.padAfter, h.inSize, info.config.paddingMode);
  const cols = paddedSourceTable(w.padBefore, w.padAfter, w.inSize, info.config.paddingMode);
  const [N, Cout, OH, OW] = info.outputShape;
  const C = info.config.inChannels;
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const KH = h.kernel;
  const KW = w.kernel;
  const cellCount = N * Cout * OH * OW;
  const memo = new Map<number, OutputCellTrace>();
  const weightAt = (co: number, ci: number, ky: number, kx: number) => ((co * inPerGroup + ci) * KH + ky) * KW + kx;
  const outputAt = (n: number, co: number, oy: number, ox: number) => ((n * Cout + co) * OH + oy) * OW + ox;

  const buildCell = (index: number): OutputCellTrace => {
    const ox = index % OW;
    const oy = Math.floor(index / OW) % OH;
    const co = Math.floor(index / (OW * OH)) % Cout;
    const n = Math.floor(index / (OW * OH * Cout));
    const g = Math.floor(co / outPerGroup);
    const b = bias ? (bias.data[co] ?? 0) : 0;
    const taps: Tap[] = [];
    const channelSums: ChannelSum[] = [];
    for (let ci = 0; ci < inPerGroup; ci++) {
      const c = g * inPerGroup + ci;
      let sum = 0;
      for (let ky = 0; ky < KH; ky++) {
        const py = oy * h.stride + ky * h.dilation;
        const sy = rows[py] ?? -1;
        for (let kx = 0; kx < KW; kx++) {
          const px = ox * w.stride + kx * w.dilation;
          const sx = cols[px] ?? -1;
          const xv = padded.data[((n * C + c) * PH + py) * PW + px] ?? 0;
          const wi = weightAt(co, ci, ky, kx);
          const wv = weight.data[wi] ?? 0;
          const isPad =
            py < h.padBefore || py >= h.padBefore + h.inSize || px < w.padBefore || px >= w.padBefore + w.inSize;
          taps.push({
            c,
            py,
            px,
            ky,
            kx,
            weight: wi,
            padding: isPad,
            source: sy >= 0 && sx >= 0 ? [sy, sx] : null,
            x: xv,
            w: wv,
            product: wv * xv,
          });
          sum += wv * xv;
        }
      }
      channelSums.push({ c, sum });
    }
    return {
      n,
      co,
      oy,
      ox,
      windowY: oy * h.stride,
      windowX: ox * w.stride,
      taps,
      channelSums,
      bias: b,
      value: output.data[index] ?? 0,
    };
  };

  /** Kernel offsets k with k·d = q − o·s for some output o in range, per axis, o ascending. */
  const hits = (q: number, kernel: number, stride: number, dilation: number, outSize: number) => {
    const found: [number, number][] = [];
    for (let k = kernel - 1; k >= 0; k--) {
      const t = q - k * dilation;
      if (t < 0 || t % stride !== 0) continue;
      const o = t / stride;
      if (o < outSize) found.push([k, o]);
    }
    return found;
  };

  return {
    info,
    output,
    padded,
    cellCount,
    cell(index) {
      if (!Number.isInteger(index) || index < 0 || index >= cellCount) return undefined;
      let traced = memo.get(index);
      if (!traced) {
        traced = buildCell(index);
        memo.set(index, traced);
      }
      return traced;
    },
    readersOf(n, c, py, px) {
      if (n < 0 || n >= N || c < 0 || c >= C) return [];
      const ys = hits(py, KH, h.stride, h.dilation, OH);
      const xs = hits(px, KW, w.stride, w.dilation, OW);
      const g = Math.floor(c / inPerGroup);
      const ci = c - g * inPerGroup;
      const uses: TapUse[] = [];
      for (let co = g * outPerGroup; co < (g + 1) * outPerGroup; co++) {
        for (const [ky, oy] of ys) {
          for (const [kx, ox] of xs) {
            uses.push({ n, output: outputAt(n, co, oy, ox), weight: weightAt(co, ci, ky, kx), c, py, px });
          }
        }
      }
      return uses;
    },
    usesOfWeight(index) {
      if (!Number.isInteger(index) || index < 0 || index >= weight.data.length) return [];
      const kx = index % KW;
      const ky = Math.floor(index / KW) % KH;
      const ci = Math.floor(index / (KW * KH)) % inPerGroup;
      const co = Math.floor(index / (KW * KH * inPerGroup));
      const c = Math.floor(co / outPerGroup) * inPerGroup + ci;
      const uses: TapUse[] = [];
      for (let n = 0; n < N; n++) {
        for (let oy = 0; oy < OH; oy++) {
          for (let ox = 0; ox < OW; ox++) {
            uses.push({
              n,
              output: outputAt(n, co, oy, ox),
              weight: index,
              c,
              py: oy * h.stride + ky * h.dilation,
              px: ox * w.stride + kx * w.dilation,
            });
          }
        }
      }
      return uses;
    },
    copiesOf(y, x) {
      const found: [number, number][] = [];
      for (let py = 0; py < PH; py++) {
        if (rows[py] !== y) continue;
        for (let px = 0; px < PW; px++) if (cols[px] === x) found.push([py, px]);
      }
      return found;
    },
  };
}
