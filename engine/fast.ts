/**
 * Fast paths for conv2d and conv_transpose2d.
 *
 * The reference implementations (engine/conv2d.ts, engine/convTranspose2d.ts)
 * are written to be read; these are written to be quick, and are checked
 * against them and against PyTorch (tests/engine/fast.test.ts). Both consume
 * the same geometry records (`Conv2dInfo`, `ConvTranspose2dInfo`), so the
 * shapes cannot disagree.
 *
 * A plan does all shape work once (padding tables, tap offsets, stride
 * phases) and owns its scratch buffers, so `run` allocates nothing. Input,
 * weight, bias and output may be Float32Array or Float64Array. The scratch
 * copies are Float64Array, which holds float32 values exactly, and sums are
 * accumulated in float64 (JavaScript numbers), so the only rounding to
 * float32 is the final store into a Float32Array output.
 *
 * Both ops come down to one kernel, a correlation through a table of tap
 * offsets over a channels-last scratch copy of the input:
 *
 *   out[co, r, u] = bias[co] + Σₖ W[co, k] · X[base(r) + u·xStep + koff[k]]
 *
 * computed three output channels × three output columns at a time, the nine
 * sums held in locals (register blocking), with the weights packed so the
 * three channels' weights of one tap are adjacent.
 */
import { assertValidConv2d, assertValidConvTranspose2d, conv2dInfo, convTranspose2dInfo } from './convInfo';
import type { Conv2dInfo, ConvTranspose2dInfo } from './convInfo';
import { conv2dConfigOf, type Conv2dOptions } from './conv2d';
import { convTranspose2dConfigOf, type ConvTranspose2dOptions } from './convTranspose2d';
import { paddedSourceTable } from './padding';
import { fromOwned, shapeSize, type Tensor } from './tensor';
import { refuse } from './errors';

/** Flat float data a plan reads or writes. */
export type FloatArray = Float32Array | Float64Array;

/** Storage precision of the tensors a `...Fast` convenience hands to its plan. */
export type FastPrecision = 'float32' | 'float64';

/** Output channels computed together by the register-blocked kernel. */
const CO_BLOCK = 3;

/** Scratch doubles (32 KiB) the output rows of one `groupRows` call may span. */
const ROW_CHUNK_DOUBLES = 4096;

/**
 * A prepared conv2d of one fixed geometry.
 *
 * `run` computes y = conv2d(x, w, b) (see `conv2d` in engine/conv2d.ts):
 *
 *   y[n, co, oy, ox] = b[co] + Σ_{c ∈ group(co), ky, kx} w[co, c, ky, kx] · x̃[n, c, oy·s + ky·d, ox·s + kx·d]
 *
 * where x̃ is the input padded per side under the padding mode, and
 * oH = ⌊(H + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1 (conv_arithmetic Relationship 6,
 * with dilation Relationship 15; likewise oW). Shapes (flat,
 * row-major): input `info.inputShape` [N, C_in, H, W], weight
 * `info.weightShape` [C_out, C_in/groups, kH, kW], bias [C_out] or null,
 * out `info.outputShape` [N, C_out, oH, oW]. `run` overwrites `out`, never
 * writes its other arguments and allocates nothing.
 */
export interface Conv2dPlan {
  readonly info: Conv2dInfo;
  run(input: FloatArray, weight: FloatArray, bias: FloatArray | null, out: FloatArray): void;
}

/**
 * A prepared conv_transpose2d of one fixed geometry.
 *
 * `run` computes y = conv_transpose2d(x, w, b) (see engine/convTranspose2d.ts):
 * each input cell (c, iy, ix) adds x · w[c, co, ky, kx] at canvas cell
 * (iy·s + ky·d, ix·s + kx·d), and the output is the canvas cropped by p before
 * (size o = (i−1)s − 2p + d(k−1) + output_padding + 1, conv_arithmetic
 * Relationship 14). Shapes: input [N, C_in, H, W], weight
 * [C_in, C_out/groups, kH, kW], bias [C_out] or null, out [N, C_out, oH, oW].
 * `run` overwrites `out`, never writes its other arguments and allocates
 * nothing.
 */
export interface ConvTranspose2dPlan {
  readonly info: ConvTranspose2dInfo;
  run(input: FloatArray, weight: FloatArray, bias: FloatArray | null, out: FloatArray): void;
}

/** Options of `conv2dFast`: those of `conv2d`, plus the storage precision. */
export interface Conv2dFastOptions extends Conv2dOptions {
  /** 'float64' (default) or 'float32': input, weight, bias and output held as float32. */
  readonly precision?: FastPrecision;
}

/** Options of `convTranspose2dFast`: those of `convTranspose2d`, plus the storage precision. */
export interface ConvTranspose2dFastOptions extends ConvTranspose2dOptions {
  readonly precision?: FastPrecision;
}

function checkLength(name: string, actual: number, expected: number): void {
  if (actual !== expected) refuse('data-size-mismatch', { name, expected, actual });
}

/**
 * The kernels below compute, for u in [0, count) and the `width` channels j
 * of one block,
 *
 *   out[oBase + j·oChan + u·oStep] = b_j + Σ_{k ∈ [k0, k1)} A[wBase + (k−k0)·width + j] · A[xBase + u·xStep + koff[k]]
 *
 * where A is a plan's scratch: the channels-last input, then the packed
 * weights (one array, so each tap checks and loads one typed array, not
 * two). They go a block of columns at a time, with every sum in a local
 * (register blocking); `count` must be a multiple of the column block, and
 * `groupRows` handles the rest. They are kept this small on purpose: V8
 * (TurboFan, x64) has 15 double and about a dozen integer registers for them,
 * and one more value live across the inner loop (a row counter, a bias
 * array, another branch) measurably spills sums to the stack. Index sums are
 * `| 0`: they are far below 2³¹, and it spares V8 an overflow check per load.
 */

/**
 * Three channels × three columns: 9 sums, 3 inputs and 3 weights per tap,
 * 9 multiply-adds for 7 loads (4 × 4 needs more registers than there are
 * and measured slower).
 */
function block3x3(
  A: Float64Array,
  xBase: number,
  xStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wBase: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  oChan: number,
  count: number,
  b0: number,
  b1: number,
  b2: number,
): void {
  const s1 = xStep;
  const s2 = 2 * xStep;
  for (let u = 0; u < count; u += 3) {
    const p0 = (xBase + u * xStep) | 0;
    let a00 = 0,
      a01 = 0,
      a02 = 0,
      a10 = 0,
      a11 = 0,
      a12 = 0,
      a20 = 0,
      a21 = 0,
      a22 = 0;
    let wp = wBase;
    for (let k = k0; k < k1; k++) {
      const p = (p0 + koff[k]!) | 0;
      const x0 = A[p]!;
      const x1 = A[(p + s1) | 0]!;
      const x2 = A[(p + s2) | 0]!;
      const w0 = A[wp]!;
      const w1 = A[(wp + 1) | 0]!;
      const w2 = A[(wp + 2) | 0]!;
      wp = (wp + 3) | 0;
      a00 += w0 * x0;
      a01 += w0 * x1;
      a02 += w0 * x2;
      a10 += w1 * x0;
      a11 += w1 * x1;
      a12 += w1 * x2;
      a20 += w2 * x0;
      a21 += w2 * x1;
      a22 += w2 * x2;
    }
    const q0 = oBase + u * oStep;
    const q1 = q0 + oChan;
    const q2 = q1 + oChan;
    out[q0] = a00 + b0;
    out[q0 + oStep] = a01 + b0;
    out[q0 + 2 * oStep] = a02 + b0;
    out[q1] = a10 + b1;
    out[q1 + oStep] = a11 + b1;
    out[q1 + 2 * oStep] = a12 + b1;
    out[q2] = a20 + b2;
    out[q2 + oStep] = a21 + b2;
    out[q2 + 2 * oStep] = a22 + b2;
  }
}

/** Two channels × four columns: 8 sums, 8 multiply-adds for 7 loads. */
function block2x4(
  A: Float64Array,
  xBase: number,
  xStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wBase: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  oChan: number,
  count: number,
  b0: number,
  b1: number,
): void {
  const s1 = xStep;
  const s2 = 2 * xStep;
  const s3 = 3 * xStep;
  for (let u = 0; u < count; u += 4) {
    const p0 = (xBase + u * xStep) | 0;
    let a00 = 0,
      a01 = 0,
      a02 = 0,
      a03 = 0,
      a10 = 0,
      a11 = 0,
      a12 = 0,
      a13 = 0;
    let wp = wBase;
    for (let k = k0; k < k1; k++) {
      const p = (p0 + koff[k]!) | 0;
      const x0 = A[p]!;
      const x1 = A[(p + s1) | 0]!;
      const x2 = A[(p + s2) | 0]!;
      const x3 = A[(p + s3) | 0]!;
      const w0 = A[wp]!;
      const w1 = A[(wp + 1) | 0]!;
      wp = (wp + 2) | 0;
      a00 += w0 * x0;
      a01 += w0 * x1;
      a02 += w0 * x2;
      a03 += w0 * x3;
      a10 += w1 * x0;
      a11 += w1 * x1;
      a12 += w1 * x2;
      a13 += w1 * x3;
    }
    const q0 = oBase + u * oStep;
    const q1 = q0 + oChan;
    out[q0] = a00 + b0;
    out[q0 + oStep] = a01 + b0;
    out[q0 + 2 * oStep] = a02 + b0;
    out[q0 + 3 * oStep] = a03 + b0;
    out[q1] = a10 + b1;
    out[q1 + oStep] = a11 + b1;
    out[q1 + 2 * oStep] = a12 + b1;
    out[q1 + 3 * oStep] = a13 + b1;
  }
}

/** One channel × four columns (a group's last channel, when it is alone). */
function block1x4(
  A: Float64Array,
  xBase: number,
  xStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wBase: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  count: number,
  b0: number,
): void {
  const s1 = xStep;
  const s2 = 2 * xStep;
  const s3 = 3 * xStep;
  for (let u = 0; u < count; u += 4) {
    const p0 = (xBase + u * xStep) | 0;
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0;
    let wp = wBase;
    for (let k = k0; k < k1; k++) {
      const p = (p0 + koff[k]!) | 0;
      const w = A[wp]!;
      wp = (wp + 1) | 0;
      a0 += w * A[p]!;
      a1 += w * A[(p + s1) | 0]!;
      a2 += w * A[(p + s2) | 0]!;
      a3 += w * A[(p + s3) | 0]!;
    }
    const q0 = oBase + u * oStep;
    out[q0] = a0 + b0;
    out[q0 + oStep] = a1 + b0;
    out[q0 + 2 * oStep] = a2 + b0;
    out[q0 + 3 * oStep] = a3 + b0;
  }
}

/**
 * One channel × two rows × four columns (a group with a single output
 * channel: the lesson-sized convolutions and depthwise ones): 8 sums, each
 * weight load serving two rows; the second row is xRowStep / oRowStep on.
 */
function block1x4x2(
  A: Float64Array,
  xBase: number,
  xStep: number,
  xRowStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wBase: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  oRowStep: number,
  count: number,
  b0: number,
): void {
  const s1 = xStep;
  const s2 = 2 * xStep;
  const s3 = 3 * xStep;
  for (let u = 0; u < count; u += 4) {
    const p0 = (xBase + u * xStep) | 0;
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0,
      c0 = 0,
      c1 = 0,
      c2 = 0,
      c3 = 0;
    let wp = wBase;
    for (let k = k0; k < k1; k++) {
      const p = (p0 + koff[k]!) | 0;
      const q = (p + xRowStep) | 0;
      const w = A[wp]!;
      wp = (wp + 1) | 0;
      a0 += w * A[p]!;
      a1 += w * A[(p + s1) | 0]!;
      a2 += w * A[(p + s2) | 0]!;
      a3 += w * A[(p + s3) | 0]!;
      c0 += w * A[q]!;
      c1 += w * A[(q + s1) | 0]!;
      c2 += w * A[(q + s2) | 0]!;
      c3 += w * A[(q + s3) | 0]!;
    }
    const q0 = oBase + u * oStep;
    const q1 = q0 + oRowStep;
    out[q0] = a0 + b0;
    out[q0 + oStep] = a1 + b0;
    out[q0 + 2 * oStep] = a2 + b0;
    out[q0 + 3 * oStep] = a3 + b0;
    out[q1] = c0 + b0;
    out[q1 + oStep] = c1 + b0;
    out[q1 + 2 * oStep] = c2 + b0;
    out[q1 + 3 * oStep] = c3 + b0;
  }
}

/**
 * Any block of `width` channels, one column at a time: for rows narrower
 * than a column block. Channel j's bias is bias[co + j] (0 when null).
 */
function blockColumns(
  A: Float64Array,
  xBase: number,
  xStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wBase: number,
  width: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  oChan: number,
  count: number,
  bias: FloatArray | null,
  co: number,
): void {
  for (let u = 0; u < count; u++) {
    const p0 = xBase + u * xStep;
    for (let j = 0; j < width; j++) {
      let acc = 0;
      for (let k = k0, wp = wBase + j; k < k1; k++, wp += width) acc += A[wp]! * A[p0 + koff[k]!]!;
      out[oBase + j * oChan + u * oStep] = acc + (bias ? bias[co + j]! : 0);
    }
  }
}

/**
 * Where the packed weights of output channel `cop` (within its group) start,
 * for a reduction over K taps: each block of channels (three, two or one, see
 * `blockWidth`) is interleaved [K][width], blocks one after the other.
 */
function packedOffset(cop: number, K: number): number {
  return cop * K;
}

/**
 * How many of a group's output channels go in blocks of three. The rest, 0
 * to 4 channels, go in blocks of two and at most one single channel: a
 * remainder of one after the threes becomes two pairs (4 = 2 + 2), since the
 * one-channel kernel needs about twice the loads per multiply-add.
 */
function inTriples(outPerGroup: number): number {
  const rest = outPerGroup % CO_BLOCK;
  return outPerGroup - rest - (rest === 1 && outPerGroup > 1 ? CO_BLOCK : 0);
}

/**
 * Width of the block that starts at channel `blk` of a group: 3 within the
 * triples, then 2 while two or more channels are left, then 1.
 */
function blockWidth(blk: number, outPerGroup: number, triples: number): number {
  return blk < triples ? CO_BLOCK : Math.min(2, outPerGroup - blk);
}

/**
 * Packs one group's weights so a kernel reads the weights of one tap for all
 * channels of its block together. Weight k of output channel cop (within the
 * group) is src[srcBase + cop·coStride + kIndex[kStart + k]].
 */
function packGroup(
  dst: Float64Array,
  dstBase: number,
  outPerGroup: number,
  K: number,
  src: FloatArray,
  srcBase: number,
  coStride: number,
  kIndex: Int32Array,
  kStart: number,
): void {
  const triples = inTriples(outPerGroup);
  for (let blk = 0, width = 0; blk < outPerGroup; blk += width) {
    // The block's channels are interleaved: [K][width].
    width = blockWidth(blk, outPerGroup, triples);
    const base = dstBase + packedOffset(blk, K);
    for (let j = 0; j < width; j++) {
      const from = srcBase + (blk + j) * coStride;
      for (let k = 0; k < K; k++) dst[base + k * width + j] = src[from + kIndex[kStart + k]!]!;
    }
  }
}

/**
 * Output rows per `groupRows` call: a few, to spread the call's overhead over
 * small planes (the rows themselves are done one after the other).
 */
function chunkRows(rowStep: number): number {
  return Math.max(1, Math.floor(ROW_CHUNK_DOUBLES / rowStep));
}

/**
 * `rows` output rows of every channel of one group: blocks of three channels,
 * then pairs, then at most one single channel (see `inTriples`); a group of
 * one channel goes two rows at a time. `xBase` is
 * the scratch index of the first window (tap offsets are relative to it),
 * `oBase` the output index of channel co0's first cell; each further row is
 * xRowStep / oRowStep on. When a row's width is not a multiple of the column
 * block, its last block is moved back to end at the row's end: it redoes up
 * to three columns with the very same operations, so they get the same
 * values.
 */
function groupRows(
  A: Float64Array,
  xBase: number,
  xStep: number,
  koff: Int32Array,
  k0: number,
  k1: number,
  wGroup: number,
  outPerGroup: number,
  out: FloatArray,
  oBase: number,
  oStep: number,
  oChan: number,
  count: number,
  rows: number,
  xRowStep: number,
  oRowStep: number,
  bias: FloatArray | null,
  co0: number,
): void {
  const K = k1 - k0;
  if (outPerGroup === 1 && count >= 4) {
    // A lone output channel: rows in pairs.
    const full = count - (count % 4);
    const back = count - 4;
    const b0 = bias ? bias[co0]! : 0;
    let r = 0;
    for (; r + 1 < rows; r += 2) {
      const x0 = xBase + r * xRowStep;
      const o0 = oBase + r * oRowStep;
      block1x4x2(A, x0, xStep, xRowStep, koff, k0, k1, wGroup, out, o0, oStep, oRowStep, full, b0);
      if (full < count) {
        const xb = x0 + back * xStep;
        block1x4x2(A, xb, xStep, xRowStep, koff, k0, k1, wGroup, out, o0 + back * oStep, oStep, oRowStep, 4, b0);
      }
    }
    if (r < rows) {
      const x0 = xBase + r * xRowStep;
      const o0 = oBase + r * oRowStep;
      block1x4(A, x0, xStep, koff, k0, k1, wGroup, out, o0, oStep, full, b0);
      if (full < count)
        block1x4(A, x0 + back * xStep, xStep, koff, k0, k1, wGroup, out, o0 + back * oStep, oStep, 4, b0);
    }
    return;
  }
  const triples = inTriples(outPerGroup);
  // Rows outside, channel blocks inside: the scratch rows one output row
  // reads stay in L1 while every block of channels goes over them.
  for (let r = 0; r < rows; r++) {
    const x0 = xBase + r * xRowStep;
    const oRow = oBase + r * oRowStep;
    for (let blk = 0, width = 0; blk < outPerGroup; blk += width) {
      width = blockWidth(blk, outPerGroup, triples);
      const co = co0 + blk;
      const wBase = wGroup + packedOffset(blk, K);
      const o0 = oRow + blk * oChan;
      const cols = width === 3 ? 3 : 4;
      if (count < cols) {
        blockColumns(A, x0, xStep, koff, k0, k1, wBase, width, out, o0, oStep, oChan, count, bias, co);
        continue;
      }
      const full = count - (count % cols);
      const back = count - cols;
      const b0 = bias ? bias[co]! : 0;
      if (width === 3) {
        const b1 = bias ? bias[co + 1]! : 0;
        const b2 = bias ? bias[co + 2]! : 0;
        block3x3(A, x0, xStep, koff, k0, k1, wBase, out, o0, oStep, oChan, full, b0, b1, b2);
        if (full < count) {
          block3x3(
            A,
            x0 + back * xStep,
            xStep,
            koff,
            k0,
            k1,
            wBase,
            out,
            o0 + back * oStep,
            oStep,
            oChan,
            3,
            b0,
            b1,
            b2,
          );
        }
      } else if (width === 2) {
        const b1 = bias ? bias[co + 1]! : 0;
        block2x4(A, x0, xStep, koff, k0, k1, wBase, out, o0, oStep, oChan, full, b0, b1);
        if (full < count) {
          block2x4(A, x0 + back * xStep, xStep, koff, k0, k1, wBase, out, o0 + back * oStep, oStep, oChan, 4, b0, b1);
        }
      } else {
        block1x4(A, x0, xStep, koff, k0, k1, wBase, out, o0, oStep, full, b0);
        if (full < count)
          block1x4(A, x0 + back * xStep, xStep, koff, k0, k1, wBase, out, o0 + back * oStep, oStep, 4, b0);
      }
    }
  }
}

/**
 * Plans conv2d for a valid `Conv2dInfo` (throws the engine's typed refusal
 * otherwise). Scratch: the padded input of one batch item, channels last
 * (x̃[py, px, c] at (py·P_w + px)·C_in + c, P = i + p₀ + p₁, filled through
 * `paddedSourceTable` so every padding mode is one copy), and the packed
 * weights. Channels last keeps the taps of one window close together.
 */
export function createConv2dPlan(info: Conv2dInfo): Conv2dPlan {
  assertValidConv2d(info);
  const { h, w, inPerGroup, outPerGroup } = info;
  const [N, C, IH, IW] = info.inputShape;
  const [, Cout, OH, OW] = info.outputShape;
  const groups = info.config.groups;
  const KH = h.kernel;
  const KW = w.kernel;
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const K = inPerGroup * KH * KW;
  const rowSource = paddedSourceTable(h.padBefore, h.padAfter, IH, info.config.paddingMode);
  const colSource = paddedSourceTable(w.padBefore, w.padAfter, IW, info.config.paddingMode);
  // Scratch: the padded input, then the packed weights from wOff on.
  const wOff = PH * PW * C;
  const scratch = new Float64Array(wOff + Cout * K);
  // Tap k = (ky, kx, ci): its scratch offset from the window's top-left cell
  // in the group's first channel, and its index within one output channel's
  // weights w[co, ci, ky, kx].
  const koff = new Int32Array(K);
  const wIndex = new Int32Array(K);
  for (let ky = 0, k = 0; ky < KH; ky++) {
    for (let kx = 0; kx < KW; kx++) {
      for (let ci = 0; ci < inPerGroup; ci++, k++) {
        koff[k] = (ky * h.dilation * PW + kx * w.dilation) * C + ci;
        wIndex[k] = (ci * KH + ky) * KW + kx;
      }
    }
  }
  const inPlane = IH * IW;
  const outPlane = OH * OW;
  const rowStep = h.stride * PW * C;
  const colStep = w.stride * C;
  const rowChunk = chunkRows(rowStep);
  const left = w.padBefore;
  const inSize = N * C * inPlane;
  const outSize = N * Cout * outPlane;

  // With zero padding the border cells are zero from allocation and nothing
  // ever writes them, so only the input's own cells are copied.
  const zeroBorder = info.config.paddingMode === 'zeros';
  const top = h.padBefore;

  // Row by row, so the strided (channels-last) writes stay inside one padded
  // row, which fits in L1, while each input row is read in order.
  function pad(input: FloatArray, n: number): void {
    const batchBase = n * C * inPlane;
    if (zeroBorder) {
      for (let y = 0; y < IH; y++) {
        const rowBase = ((y + top) * PW + left) * C;
        for (let c = 0; c < C; c++) {
          const dst = rowBase + c;
          const src = batchBase + c * inPlane + y * IW;
          for (let x = 0; x < IW; x++) scratch[dst + x * C] = input[src + x]!;
        }
      }
      return;
    }
    for (let py = 0; py < PH; py++) {
      const rowBase = py * PW * C;
      const sy = rowSource[py]!;
      for (let c = 0; c < C; c++) {
        const dst = rowBase + c;
        const src = batchBase + c * inPlane + sy * IW;
        for (let px = 0; px < PW; px++) {
          const sx = colSource[px]!;
          scratch[dst + px * C] = sy < 0 || sx < 0 ? 0 : input[src + sx]!;
        }
      }
    }
  }

  function run(input: FloatArray, weight: FloatArray, bias: FloatArray | null, out: FloatArray): void {
    checkLength('input', input.length, inSize);
    checkLength('weight', weight.length, Cout * K);
    if (bias) checkLength('bias', bias.length, Cout);
    checkLength('output', out.length, outSize);
    for (let g = 0; g < groups; g++) {
      packGroup(scratch, wOff + g * outPerGroup * K, outPerGroup, K, weight, g * outPerGroup * K, K, wIndex, 0);
    }
    for (let n = 0; n < N; n++) {
      pad(input, n);
      for (let oy = 0; oy < OH; oy += rowChunk) {
        const rows = Math.min(rowChunk, OH - oy);
        for (let g = 0; g < groups; g++) {
          const co0 = g * outPerGroup;
          groupRows(
            scratch,
            oy * rowStep + g * inPerGroup,
            colStep,
            koff,
            0,
            K,
            wOff + co0 * K,
            outPerGroup,
            out,
            ((n * Cout + co0) * OH + oy) * OW,
            1,
            outPlane,
            OW,
            rows,
            rowStep,
            OW,
            bias,
            co0,
          );
        }
      }
    }
  }

  return { info, run };
}

/** The stride phases of one axis of a transposed convolution. */
interface AxisPhases {
  /** Zero rows (columns) kept before the input so every tap reads inside the scratch. */
  readonly padBefore: number;
  readonly paddedSize: number;
  /** Per phase r = o mod s: its output positions and taps. */
  readonly phases: readonly PhaseTaps[];
}

interface PhaseTaps {
  /** Output positions r, r + s, r + 2s, … inside [0, o). */
  readonly count: number;
  /** Kernel indices k whose canvas offset k·d lands on this phase. */
  readonly taps: readonly number[];
  /** Per tap: output r + s·t reads scratch position t + offset (padBefore included). */
  readonly offsets: readonly number[];
}

/**
 * Sub-pixel decomposition of one axis: output o = r + s·t (phase r = o mod s)
 * is canvas cell o + p = i·s + k·d, so only taps with (r + p − k·d) ≡ 0
 * (mod s) reach it, from input i = t + (r + p − k·d)/s. No inserted zero is
 * ever visited; the zero margins only cover the input's edges.
 */
function axisPhases(
  stride: number,
  dilation: number,
  kernel: number,
  padding: number,
  inSize: number,
  outSize: number,
): AxisPhases {
  const raw: { count: number; taps: number[]; offsets: number[] }[] = [];
  let lo = 0;
  let hi = inSize - 1;
  for (let r = 0; r < stride; r++) {
    const count = r < outSize ? Math.floor((outSize - 1 - r) / stride) + 1 : 0;
    const taps: number[] = [];
    const offsets: number[] = [];
    for (let k = 0; k < kernel; k++) {
      const j = r + padding - k * dilation;
      if (j % stride !== 0) continue;
      const offset = j / stride;
      taps.push(k);
      offsets.push(offset);
      if (count > 0) {
        lo = Math.min(lo, offset);
        hi = Math.max(hi, count - 1 + offset);
      }
    }
    raw.push({ count, taps, offsets });
  }
  return {
    padBefore: -lo,
    paddedSize: hi - lo + 1,
    phases: raw.map((p) => ({ count: p.count, taps: p.taps, offsets: p.offsets.map((o) => o - lo) })),
  };
}

/** One output phase (oy mod s_h, ox mod s_w) of a transposed convolution. */
interface Phase {
  readonly ry: number;
  readonly rx: number;
  readonly rowsOut: number;
  readonly colsOut: number;
  /** Its taps: koff[i0 … i1). */
  readonly i0: number;
  readonly i1: number;
  /** Weights per output channel (i1 − i0), listed at wIndex[w0 … w0 + K). */
  readonly K: number;
  readonly w0: number;
  /** Its packed weights start here (group g at wBase + g·outPerGroup·K). */
  readonly wBase: number;
}

/**
 * Plans conv_transpose2d for a valid `ConvTranspose2dInfo` by stride phases
 * (sub-pixel decomposition): each output phase (oy mod s_h, ox mod s_w) is a
 * small direct correlation over only the kernel taps that hit real input
 * cells, so the s−1 inserted zeros are never multiplied. Scratch: the input
 * of one batch item, channels last, inside zero margins; and the packed
 * weights (each kernel tap belongs to exactly one phase, so they are no larger
 * than the weight itself).
 */
export function createConvTranspose2dPlan(info: ConvTranspose2dInfo): ConvTranspose2dPlan {
  assertValidConvTranspose2d(info);
  const { h, w, inPerGroup, outPerGroup } = info;
  const [N, C, IH, IW] = info.inputShape;
  const [, Cout, OH, OW] = info.outputShape;
  const groups = info.config.groups;
  const KH = h.kernel;
  const KW = w.kernel;
  const kArea = KH * KW;
  const ay = axisPhases(h.stride, h.dilation, KH, h.padding, IH, OH);
  const ax = axisPhases(w.stride, w.dilation, KW, w.padding, IW, OW);
  const PH = ay.paddedSize;
  const PW = ax.paddedSize;
  const wOff = PH * PW * C;
  const phases: Phase[] = [];
  const koffList: number[] = [];
  const wIndexList: number[] = [];
  let wTotal = 0;
  for (let ry = 0; ry < h.stride; ry++) {
    const py = ay.phases[ry]!;
    for (let rx = 0; rx < w.stride; rx++) {
      const px = ax.phases[rx]!;
      if (py.count === 0 || px.count === 0) continue;
      const i0 = koffList.length;
      const w0 = wIndexList.length;
      for (let a = 0; a < py.taps.length; a++) {
        for (let b = 0; b < px.taps.length; b++) {
          for (let ci = 0; ci < inPerGroup; ci++) {
            koffList.push((py.offsets[a]! * PW + px.offsets[b]!) * C + ci);
            // w[c, cop, ky, kx], relative to w[g·inPerGroup, cop, 0, 0].
            wIndexList.push(ci * outPerGroup * kArea + py.taps[a]! * KW + px.taps[b]!);
          }
        }
      }
      const K = wIndexList.length - w0;
      phases.push({
        ry,
        rx,
        rowsOut: py.count,
        colsOut: px.count,
        i0,
        i1: koffList.length,
        K,
        w0,
        wBase: wTotal,
      });
      wTotal += groups * outPerGroup * K;
    }
  }
  const koff = Int32Array.from(koffList);
  const wIndex = Int32Array.from(wIndexList);
  // Scratch: the input inside zero margins (they stay zero: `run` only ever
  // writes the input's own cells), then the packed weights.
  const scratch = new Float64Array(wOff + wTotal);
  const inPlane = IH * IW;
  const outPlane = OH * OW;
  const inSize = N * C * inPlane;
  const outSize = N * Cout * outPlane;
  const rowStep = PW * C;
  const rowChunk = chunkRows(rowStep);
  const maxRowsOut = Math.max(0, ...phases.map((ph) => ph.rowsOut));
  const top = ay.padBefore;
  const left = ax.padBefore;

  function run(input: FloatArray, weight: FloatArray, bias: FloatArray | null, out: FloatArray): void {
    checkLength('input', input.length, inSize);
    checkLength('weight', weight.length, C * outPerGroup * kArea);
    if (bias) checkLength('bias', bias.length, Cout);
    checkLength('output', out.length, outSize);
    for (let i = 0; i < phases.length; i++) {
      const ph = phases[i]!;
      for (let g = 0; g < groups; g++) {
        const srcBase = g * inPerGroup * outPerGroup * kArea;
        const dst = wOff + ph.wBase + g * outPerGroup * ph.K;
        packGroup(scratch, dst, outPerGroup, ph.K, weight, srcBase, kArea, wIndex, ph.w0);
      }
    }
    for (let n = 0; n < N; n++) {
      for (let iy = 0; iy < IH; iy++) {
        const rowBase = ((iy + top) * PW + left) * C;
        for (let c = 0; c < C; c++) {
          const dst = rowBase + c;
          const src = ((n * C + c) * IH + iy) * IW;
          for (let ix = 0; ix < IW; ix++) scratch[dst + ix * C] = input[src + ix]!;
        }
      }
      // Row chunks outside, phases inside: the phases of one chunk read the
      // same few scratch rows while they are still in cache.
      for (let t = 0; t < maxRowsOut; t += rowChunk) {
        for (let i = 0; i < phases.length; i++) {
          const ph = phases[i]!;
          const rows = Math.min(rowChunk, ph.rowsOut - t);
          if (rows <= 0) continue;
          const oy = ph.ry + t * h.stride;
          for (let g = 0; g < groups; g++) {
            const co0 = g * outPerGroup;
            groupRows(
              scratch,
              t * rowStep + g * inPerGroup,
              C,
              koff,
              ph.i0,
              ph.i1,
              wOff + ph.wBase + co0 * ph.K,
              outPerGroup,
              out,
              ((n * Cout + co0) * OH + oy) * OW + ph.rx,
              w.stride,
              outPlane,
              ph.colsOut,
              rows,
              rowStep,
              h.stride * OW,
              bias,
              co0,
            );
          }
        }
      }
    }
  }

  return { info, run };
}

/** The tensor's values in the chosen precision (float64: the tensor's own array, which plans only read). */
function toArray(data: Float64Array, precision: FastPrecision): FloatArray {
  return precision === 'float32' ? Float32Array.from(data) : data;
}

/**
 * conv2d through a one-off plan. Validates exactly as `conv2d` does (the
 * same typed refusals, from `conv2dInfo`), then computes in the chosen
 * precision. Shapes as `conv2d`: input [N, C_in, H, W], weight
 * [C_out, C_in/groups, kH, kW], bias [C_out] or null. Returns a float64
 * tensor [N, C_out, oH, oW]; with 'float32' its values are float32 values.
 */
export function conv2dFast(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: Conv2dFastOptions = {},
): Tensor {
  const plan = createConv2dPlan(conv2dInfo(conv2dConfigOf(input, weight, bias, options)));
  return runOnce(plan, input, weight, bias, options.precision ?? 'float64');
}

/**
 * conv_transpose2d through a one-off plan (stride phases, no inserted zero
 * multiplied). Validates as `convTranspose2d` does. Shapes: input
 * [N, C_in, H, W], weight [C_in, C_out/groups, kH, kW], bias [C_out] or null;
 * returns a float64 tensor [N, C_out, oH, oW].
 */
export function convTranspose2dFast(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  options: ConvTranspose2dFastOptions = {},
): Tensor {
  const plan = createConvTranspose2dPlan(convTranspose2dInfo(convTranspose2dConfigOf(input, weight, bias, options)));
  return runOnce(plan, input, weight, bias, options.precision ?? 'float64');
}

/** One call of a plan on tensors: converts to the precision, runs, returns a float64 tensor. */
function runOnce(
  plan: Conv2dPlan | ConvTranspose2dPlan,
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  precision: FastPrecision,
): Tensor {
  const { info } = plan;
  const out =
    precision === 'float32'
      ? new Float32Array(shapeSize(info.outputShape))
      : new Float64Array(shapeSize(info.outputShape));
  plan.run(
    toArray(input.data, precision),
    toArray(weight.data, precision),
    bias ? toArray(bias.data, precision) : null,
    out,
  );
  return fromOwned(info.outputShape, out instanceof Float64Array ? out : Float64Array.from(out));
}
