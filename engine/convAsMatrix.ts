/**
 * One-channel convolution as matrix algebra, as the matrix lesson shows it:
 * the input flattened into x, the sparse matrix C with y = C·x, the im2col
 * patch matrix, Cᵀ and Cᵀ·y, CᵀC beside the identity, and the input gradient
 * of a loss on y as Cᵀ times the output gradient.
 *
 * Everything here is batch 1, one input and one output channel, zero padding,
 * no dilation, no bias: the sizes where every entry of C can be drawn. x and y
 * are flattened row-major (the order of `torch.flatten`).
 */
import { conv2dBackward } from './conv2dBackward';
import { conv2dInfo, type Conv2dConfig, type Conv2dInfo, type Pair } from './convInfo';
import { convMatrix, matTVec, matVec, transpose } from './convMatrix';
import { convTranspose2d } from './convTranspose2d';
import { EngineError, problem } from './errors';
import { fromOwned, type Tensor } from './tensor';

/** The geometry of a one-channel convolution: sizes per axis as [height, width]. */
export interface MatrixConvConfig {
  readonly inputSize: Pair;
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
}

/** The conv2d configuration a `MatrixConvConfig` stands for (batch 1, one channel, zero padding, no bias). */
export function matrixConv2dConfig(c: MatrixConvConfig): Conv2dConfig {
  return {
    batch: 1,
    inChannels: 1,
    outChannels: 1,
    inputSize: c.inputSize,
    kernelSize: c.kernelSize,
    stride: c.stride,
    padding: c.padding,
    dilation: [1, 1],
    groups: 1,
    paddingMode: 'zeros',
    bias: false,
  };
}

/** Where element i of the flattened input comes from: input cell (row, col), with i = row·W + col. */
export interface FlatPlace {
  readonly row: number;
  readonly col: number;
}

/**
 * The flattening order of an H×W grid, row-major: element i of x is cell
 * (⌊i/W⌋, i mod W). The lesson animates x being filled in this order.
 */
export function flattenOrder(h: number, w: number): readonly FlatPlace[] {
  return Array.from({ length: Math.max(0, h) * Math.max(0, w) }, (_, i) => ({ row: Math.floor(i / w), col: i % w }));
}

/** y = C·x with everything needed to draw it. */
export interface ConvUnrolling {
  readonly info: Conv2dInfo;
  readonly inH: number;
  readonly inW: number;
  readonly outH: number;
  readonly outW: number;
  /** C: [rows, cols] = [OH·OW, H·W]. Row r is the window at output cell (⌊r/OW⌋, r mod OW). */
  readonly matrix: Tensor;
  readonly rows: number;
  readonly cols: number;
  /**
   * For every entry of C (row-major): the kernel weight it holds, as the flat
   * kernel index ky·kW + kx, or −1 for an entry that is zero whatever the
   * kernel (no weight of that window lands on that input cell).
   */
  readonly taps: Int32Array;
  /**
   * For every row of C: the input cell under each kernel weight (flat input
   * index, ky·kW + kx order), or −1 where the weight lies on padding.
   */
  readonly windows: readonly (readonly number[])[];
  /** The flattening order of x. */
  readonly order: readonly FlatPlace[];
  /** x: the input flattened, H·W long. */
  readonly x: Float64Array;
  /** y = C·x, OH·OW long (fold it row-major into OH×OW). */
  readonly y: Float64Array;
  /** Entries of C that hold a kernel weight (structural non-zeros). */
  readonly weightEntries: number;
  /** rows·cols. */
  readonly entries: number;
}

function refuseUnless(info: Conv2dInfo): void {
  if (!info.valid) throw new EngineError(info.problems);
}

function checkData(t: Tensor, size: number, what: 'input' | 'weight'): void {
  if (t.data.length !== size) {
    throw new EngineError([problem('data-size-mismatch', { name: what, expected: size, actual: t.data.length })]);
  }
}

/**
 * Unrolls a one-channel convolution into y = C·x. `input` holds H·W values
 * and `weight` kH·kW (any shape with those sizes, row-major). Throws the
 * engine's typed refusal when PyTorch would refuse the configuration.
 */
export function unrollConv(input: Tensor, weight: Tensor, config: MatrixConvConfig): ConvUnrolling {
  const conv = matrixConv2dConfig(config);
  const info = conv2dInfo(conv);
  refuseUnless(info);
  const [inH, inW] = config.inputSize;
  const [kH, kW] = config.kernelSize;
  checkData(input, inH * inW, 'input');
  checkData(weight, kH * kW, 'weight');
  const { matrix, rows, cols } = convMatrix(conv, weight);
  const outH = info.h.outSize;
  const outW = info.w.outSize;
  const taps = new Int32Array(rows * cols).fill(-1);
  const windows: number[][] = [];
  let weightEntries = 0;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const r = oy * outW + ox;
      const window: number[] = [];
      for (let ky = 0; ky < kH; ky++) {
        const iy = oy * info.h.stride + ky - info.h.padBefore;
        for (let kx = 0; kx < kW; kx++) {
          const ix = ox * info.w.stride + kx - info.w.padBefore;
          const inside = iy >= 0 && iy < inH && ix >= 0 && ix < inW;
          window.push(inside ? iy * inW + ix : -1);
          if (inside) {
            taps[r * cols + iy * inW + ix] = ky * kW + kx;
            weightEntries++;
          }
        }
      }
      windows.push(window);
    }
  }
  const x = Float64Array.from(input.data);
  return {
    info,
    inH,
    inW,
    outH,
    outW,
    matrix,
    rows,
    cols,
    taps,
    windows,
    order: flattenOrder(inH, inW),
    x,
    y: matVec(matrix, x),
    weightEntries,
    entries: rows * cols,
  };
}

/** The same product the way frameworks compute it: the kernel as one row times the patch matrix. */
export interface Im2col {
  /** [kH·kW, OH·OW]: column j holds the input under window j (`torch.nn.functional.unfold`), 0 on padding. */
  readonly patches: Tensor;
  /** For every entry of `patches` (row-major): the flat input index it copies, or −1 for padding. */
  readonly sources: Int32Array;
  /** The kernel flattened row-major: a 1 × kH·kW row. */
  readonly kernelRow: Float64Array;
  /** kernelRow · patches: OH·OW long, equal to C·x. */
  readonly y: Float64Array;
}

/** im2col of a one-channel convolution: patches[t, j] = x̃[window j at kernel tap t]. */
export function im2col(input: Tensor, weight: Tensor, config: MatrixConvConfig): Im2col {
  const info = conv2dInfo(matrixConv2dConfig(config));
  refuseUnless(info);
  const [inH, inW] = config.inputSize;
  const [kH, kW] = config.kernelSize;
  checkData(input, inH * inW, 'input');
  checkData(weight, kH * kW, 'weight');
  const outH = info.h.outSize;
  const outW = info.w.outSize;
  const K = kH * kW;
  const J = outH * outW;
  const patches = new Float64Array(K * J);
  const sources = new Int32Array(K * J).fill(-1);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const j = oy * outW + ox;
      for (let ky = 0; ky < kH; ky++) {
        const iy = oy * info.h.stride + ky - info.h.padBefore;
        for (let kx = 0; kx < kW; kx++) {
          const ix = ox * info.w.stride + kx - info.w.padBefore;
          if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
          const t = ky * kW + kx;
          sources[t * J + j] = iy * inW + ix;
          patches[t * J + j] = input.data[iy * inW + ix] ?? 0;
        }
      }
    }
  }
  const kernelRow = Float64Array.from(weight.data);
  const y = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    let acc = 0;
    for (let t = 0; t < K; t++) acc += (kernelRow[t] ?? 0) * (patches[t * J + j] ?? 0);
    y[j] = acc;
  }
  return { patches: fromOwned([K, J], patches), sources, kernelRow, y };
}

/**
 * output_padding per axis that makes conv_transpose2d of an OH×OW map come
 * back to H×W: H − ((OH−1)s − 2p + k) (conv_arithmetic Relationship 14
 * solved for it). Always in [0, s), so PyTorch accepts it.
 */
export function restoringOutputPadding(info: Conv2dInfo): Pair {
  const op = (a: Conv2dInfo['h']) => a.inSize - ((a.outSize - 1) * a.stride - a.padBefore - a.padAfter + a.kernel);
  return [op(info.h), op(info.w)];
}

/** Cᵀ and what it does to y. */
export interface TransposeView {
  /** Cᵀ: [H·W, OH·OW]. */
  readonly transposed: Tensor;
  /** The vector Cᵀ multiplies, OH·OW long. */
  readonly y: Float64Array;
  /** Cᵀ·y: H·W long (fold it row-major into H×W). Same shape as x, not the same values. */
  readonly back: Float64Array;
  /** x − Cᵀ·y, cell by cell. */
  readonly difference: Float64Array;
  /** The output_padding that restores H×W. */
  readonly outputPadding: Pair;
  /** The engine's conv_transpose2d of y (scatter-add) with that output_padding, H·W long. */
  readonly convTransposed: Float64Array;
  /** max |Cᵀ·y − conv_transpose2d(y)|: 0 up to rounding. */
  readonly transposeGap: number;
}

/** Cᵀ·y next to x, and next to the engine's transposed convolution of y. */
export function transposeView(u: ConvUnrolling, weight: Tensor, y: ArrayLike<number> = u.y): TransposeView {
  const yv = Float64Array.from({ length: u.rows }, (_, i) => y[i] ?? 0);
  const back = matTVec(u.matrix, yv);
  const outputPadding = restoringOutputPadding(u.info);
  const [kH, kW] = u.info.config.kernelSize;
  const ct = convTranspose2d(
    fromOwned([1, 1, u.outH, u.outW], yv),
    fromOwned([1, 1, kH, kW], Float64Array.from(weight.data)),
    null,
    {
      stride: [u.info.h.stride, u.info.w.stride],
      padding: [u.info.h.padBefore, u.info.w.padBefore],
      outputPadding,
    },
  );
  const convTransposed = Float64Array.from(ct.data);
  let transposeGap = 0;
  for (let i = 0; i < back.length; i++) {
    transposeGap = Math.max(transposeGap, Math.abs((back[i] ?? 0) - (convTransposed[i] ?? 0)));
  }
  return {
    transposed: transpose(u.matrix),
    y: yv,
    back,
    difference: u.x.map((v, i) => v - (back[i] ?? 0)),
    outputPadding,
    convTransposed,
    transposeGap,
  };
}

/** CᵀC beside the identity. */
export interface GramView {
  /** CᵀC: [H·W, H·W]. Entry (i, j) = Σ_r C[r,i]·C[r,j]. */
  readonly gram: Tensor;
  /** max |CᵀC − I| over all entries: 0 only when C's columns are orthonormal (then Cᵀ = C⁻¹ on C's range). */
  readonly identityGap: number;
  /** C's rank is at most its row count; CᵀC = I needs rank H·W, so at least as many rows as columns. */
  readonly fewerRowsThanColumns: boolean;
  /** Whether CᵀC equals the identity (within 1e-9). */
  readonly orthogonal: boolean;
}

export function gramView(u: ConvUnrolling): GramView {
  const n = u.cols;
  const g = new Float64Array(n * n);
  const m = u.matrix.data;
  for (let r = 0; r < u.rows; r++) {
    for (let i = 0; i < n; i++) {
      const a = m[r * n + i] ?? 0;
      if (a === 0) continue;
      for (let j = 0; j < n; j++) g[i * n + j] = (g[i * n + j] ?? 0) + a * (m[r * n + j] ?? 0);
    }
  }
  let identityGap = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) identityGap = Math.max(identityGap, Math.abs((g[i * n + j] ?? 0) - (i === j ? 1 : 0)));
  }
  return {
    gram: fromOwned([n, n], g),
    identityGap,
    fewerRowsThanColumns: u.rows < u.cols,
    orthogonal: identityGap <= 1e-9,
  };
}

/** The input gradient of a loss on y, two ways. */
export interface GradientView {
  /** ∂L/∂y, OH·OW long. */
  readonly gradOutput: Float64Array;
  /** Cᵀ·(∂L/∂y), H·W long. */
  readonly viaMatrix: Float64Array;
  /** The engine's conv2d backward (grad_input), H·W long. */
  readonly viaBackward: Float64Array;
  /** max |viaMatrix − viaBackward|: 0 up to rounding. */
  readonly gap: number;
}

/**
 * ∂L/∂x = Cᵀ·∂L/∂y (y = C·x is linear in x, so its Jacobian is C). The
 * lesson's loss is L = ½‖y‖², whose ∂L/∂y is y itself; any `gradOutput`
 * (OH·OW values) may be given instead.
 */
export function gradientView(u: ConvUnrolling, weight: Tensor, gradOutput: ArrayLike<number> = u.y): GradientView {
  const g = Float64Array.from({ length: u.rows }, (_, i) => gradOutput[i] ?? 0);
  const viaMatrix = matTVec(u.matrix, g);
  const [kH, kW] = u.info.config.kernelSize;
  const back = conv2dBackward(
    fromOwned([1, 1, u.inH, u.inW], Float64Array.from(u.x)),
    fromOwned([1, 1, kH, kW], Float64Array.from(weight.data)),
    null,
    fromOwned([1, 1, u.outH, u.outW], g),
    { stride: [u.info.h.stride, u.info.w.stride], padding: [u.info.h.padBefore, u.info.w.padBefore] },
  );
  const viaBackward = Float64Array.from(back.gradInput.data);
  let gap = 0;
  for (let i = 0; i < viaMatrix.length; i++) gap = Math.max(gap, Math.abs((viaMatrix[i] ?? 0) - (viaBackward[i] ?? 0)));
  return { gradOutput: g, viaMatrix, viaBackward, gap };
}
