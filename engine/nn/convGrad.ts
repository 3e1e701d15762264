/**
 * Forward and backward of conv2d and conv_transpose2d, as prepared plans
 * for training (zero padding, the same padding on both sides of an axis).
 *
 * The two ops are each other's gradient, so the fast forward plans of
 * engine/fast.ts do most of the work:
 *
 * - conv2d y = x ⋆ w: ∂L/∂x = conv_transpose2d(∂L/∂y, w) with the same
 *   stride, padding, dilation and groups, and output_padding equal to the
 *   rows the floor left unvisited (so the size comes back to the input's:
 *   conv_arithmetic Relationship 14 inverts Relationship 6);
 * - conv_transpose2d y = x ⋆ᵀ w: ∂L/∂x = conv2d(∂L/∂y, w) with the same
 *   stride, padding, dilation and groups (Relationship 6 inverts 14).
 *
 * The weight gradient is one kernel for both (`createWeightGradient`): for
 * conv2d, ∂L/∂w[co, c, ky, kx] = Σ_{n,oy,ox} g[n, co, oy, ox] · x̃[n, c, oy·s + ky·d, ox·s + kx·d];
 * for conv_transpose2d the roles swap: ∂L/∂w[c, co, ky, kx] =
 * Σ_{n,iy,ix} x[n, c, iy, ix] · g̃[n, co, iy·s + ky·d, ix·s + kx·d], the same
 * sum with the output gradient as the padded image and the input as the
 * gradient.
 *
 * Data are flat NCHW arrays (Float32Array or Float64Array); sums are taken in
 * float64.
 */
import { assertValidConv2d, assertValidConvTranspose2d, conv2dInfo, convTranspose2dInfo } from '../convInfo';
import type { Conv2dInfo, ConvTranspose2dInfo } from '../convInfo';
import { createConv2dPlan, createConvTranspose2dPlan, type FloatArray } from '../fast';
import { refuse } from '../errors';

/** A prepared conv2d (or conv_transpose2d) with its backward pass, for one fixed geometry. */
export interface ConvTrainPlan<I extends Conv2dInfo | ConvTranspose2dInfo> {
  readonly info: I;
  /**
   * The geometry of the op that computes ∂L/∂x: for a conv2d, the
   * conv_transpose2d of ∂L/∂y (same stride, padding, dilation, groups,
   * output_padding = the unvisited rows); for a conv_transpose2d, the conv2d
   * of ∂L/∂y. What the lesson shows as "backward is transposed".
   */
  readonly gradInputInfo: Conv2dInfo | ConvTranspose2dInfo;
  /** y = op(x, w) + b; shapes as `info` (x `inputShape`, w `weightShape`, b [C_out] or null, y `outputShape`). */
  forward(x: FloatArray, w: FloatArray, b: FloatArray | null, y: FloatArray): void;
  /**
   * Given gy = ∂L/∂y: overwrites gx = ∂L/∂x (skipped when null), gw = ∂L/∂w
   * and gb = ∂L/∂b (skipped when null). Reads x, w and gy, writes nothing else.
   */
  backward(
    x: FloatArray,
    w: FloatArray,
    gy: FloatArray,
    gx: FloatArray | null,
    gw: FloatArray,
    gb: FloatArray | null,
  ): void;
}

/** The geometry of one weight gradient: a correlation of X with G, reduced over batch and positions. */
interface WeightGradGeometry {
  /** X: [N, C, H, W], read with zero padding padTop / padLeft. */
  readonly N: number;
  readonly C: number;
  readonly H: number;
  readonly W: number;
  /** G: [N, Co, GH, GW]. */
  readonly Co: number;
  readonly GH: number;
  readonly GW: number;
  readonly KH: number;
  readonly KW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly groups: number;
}

/**
 * ∂w[co, c, ky, kx] = Σ_{n, gy, gx} G[n, co, gy, gx] · X[n, g·C/groups + c, gy·s_h + ky·d_h − p_t, gx·s_w + kx·d_w − p_l]
 * (X read as 0 outside its bounds), for co in group g; result [Co, C/groups, KH, KW].
 *
 * As a matrix product per group: ∂W = Gᵀ-rows · columns, where row co of G
 * is its values over all (n, gy, gx) (P of them) and column k = (c, ky, kx)
 * holds the X value each position reads through tap k (im2col). Both are
 * copied into float64 scratch rows of length P, so the product runs over
 * contiguous memory, three rows by three columns at a time.
 */
function createWeightGradient(geo: WeightGradGeometry): (x: FloatArray, g: FloatArray, gw: FloatArray) => void {
  const { N, C, H, W, Co, GH, GW, KH, KW, strideH, strideW, dilationH, dilationW, padTop, padLeft, groups } = geo;
  const inPerGroup = C / groups;
  const outPerGroup = Co / groups;
  const K = inPerGroup * KH * KW;
  const plane = GH * GW;
  const P = N * plane;
  const cols = new Float64Array(K * P);
  const rows = new Float64Array(outPerGroup * P);
  const acc = new Float64Array(outPerGroup * K);
  // Per kx: the range of gx whose column ix = gx·s + kx·d − p lies inside X.
  const lo = new Int32Array(KW);
  const hi = new Int32Array(KW);
  for (let kx = 0; kx < KW; kx++) {
    const shift = kx * dilationW - padLeft;
    lo[kx] = Math.min(GW, Math.max(0, Math.ceil(-shift / strideW)));
    hi[kx] = Math.max(lo[kx]!, Math.min(GW, Math.floor((W - 1 - shift) / strideW) + 1));
  }

  function im2col(x: FloatArray, c0: number): void {
    for (let ci = 0, k = 0; ci < inPerGroup; ci++) {
      for (let ky = 0; ky < KH; ky++) {
        for (let kx = 0; kx < KW; kx++, k++) {
          const a = lo[kx]!;
          const b = hi[kx]!;
          const shift = kx * dilationW - padLeft;
          for (let n = 0; n < N; n++) {
            const xPlane = (n * C + c0 + ci) * H * W;
            for (let oy = 0; oy < GH; oy++) {
              const dst = k * P + (n * GH + oy) * GW;
              const iy = oy * strideH + ky * dilationH - padTop;
              if (iy < 0 || iy >= H) {
                cols.fill(0, dst, dst + GW);
                continue;
              }
              const src = xPlane + iy * W + shift;
              for (let ox = 0; ox < a; ox++) cols[dst + ox] = 0;
              for (let ox = a; ox < b; ox++) cols[dst + ox] = x[src + ox * strideW]!;
              for (let ox = b; ox < GW; ox++) cols[dst + ox] = 0;
            }
          }
        }
      }
    }
  }

  return (x, g, gw) => {
    for (let grp = 0; grp < groups; grp++) {
      const co0 = grp * outPerGroup;
      for (let j = 0; j < outPerGroup; j++) {
        for (let n = 0; n < N; n++) {
          const src = (n * Co + co0 + j) * plane;
          const dst = j * P + n * plane;
          for (let i = 0; i < plane; i++) rows[dst + i] = g[src + i]!;
        }
      }
      im2col(x, grp * inPerGroup);
      productRowsByRows(rows, cols, outPerGroup, K, P, acc);
      const base = co0 * K;
      for (let i = 0; i < outPerGroup * K; i++) gw[base + i] = acc[i]!;
    }
  };
}

/** Positions per pass of `productRowsByRows`: 3 + 3 rows of this many doubles (24 KiB) stay in L1. */
const P_CHUNK = 512;

/**
 * out[m·K + k] = Σ_{p < P} A[m·P + p] · B[k·P + p]: every row of A against
 * every row of B. The positions go in chunks of `P_CHUNK`; within a chunk,
 * three rows of B are held while every block of three rows of A goes over
 * them (A's chunk, M rows, stays in L2), the nine sums in locals (9
 * multiply-adds for 6 loads) and added to `out` after the chunk. Leftover
 * rows go one at a time.
 */
function productRowsByRows(A: Float64Array, B: Float64Array, M: number, K: number, P: number, out: Float64Array): void {
  out.fill(0, 0, M * K);
  const M3 = M - (M % 3);
  const K3 = K - (K % 3);
  for (let p0 = 0; p0 < P; p0 += P_CHUNK) {
    const p1 = Math.min(P, p0 + P_CHUNK);
    for (let k = 0; k < K3; k += 3) {
      const b0 = k * P;
      const b1 = b0 + P;
      const b2 = b1 + P;
      for (let m = 0; m < M3; m += 3) {
        const a0 = m * P;
        const a1 = a0 + P;
        const a2 = a1 + P;
        let s00 = 0,
          s01 = 0,
          s02 = 0,
          s10 = 0,
          s11 = 0,
          s12 = 0,
          s20 = 0,
          s21 = 0,
          s22 = 0;
        for (let p = p0; p < p1; p++) {
          const x0 = A[(a0 + p) | 0]!;
          const x1 = A[(a1 + p) | 0]!;
          const x2 = A[(a2 + p) | 0]!;
          const y0 = B[(b0 + p) | 0]!;
          const y1 = B[(b1 + p) | 0]!;
          const y2 = B[(b2 + p) | 0]!;
          s00 += x0 * y0;
          s01 += x0 * y1;
          s02 += x0 * y2;
          s10 += x1 * y0;
          s11 += x1 * y1;
          s12 += x1 * y2;
          s20 += x2 * y0;
          s21 += x2 * y1;
          s22 += x2 * y2;
        }
        const o0 = m * K + k;
        out[o0] = out[o0]! + s00;
        out[o0 + 1] = out[o0 + 1]! + s01;
        out[o0 + 2] = out[o0 + 2]! + s02;
        out[o0 + K] = out[o0 + K]! + s10;
        out[o0 + K + 1] = out[o0 + K + 1]! + s11;
        out[o0 + K + 2] = out[o0 + K + 2]! + s12;
        out[o0 + 2 * K] = out[o0 + 2 * K]! + s20;
        out[o0 + 2 * K + 1] = out[o0 + 2 * K + 1]! + s21;
        out[o0 + 2 * K + 2] = out[o0 + 2 * K + 2]! + s22;
      }
    }
    for (let m = 0; m < M; m++) {
      const a0 = m * P;
      // Row m against the leftover rows of B, and (for leftover rows of A) against all of them.
      for (let k = m < M3 ? K3 : 0; k < K; k++) {
        const b0 = k * P;
        let s = 0;
        for (let p = p0; p < p1; p++) s += A[a0 + p]! * B[b0 + p]!;
        out[m * K + k] = out[m * K + k]! + s;
      }
    }
  }
}

/** gb[co] = Σ_{n, y, x} gy[n, co, y, x]. */
function biasGradient(gy: FloatArray, N: number, Co: number, plane: number, gb: FloatArray): void {
  for (let co = 0; co < Co; co++) {
    let s = 0;
    for (let n = 0; n < N; n++) {
      const base = (n * Co + co) * plane;
      for (let i = 0; i < plane; i++) s += gy[base + i]!;
    }
    gb[co] = s;
  }
}

function requireSymmetricZeroPadding(info: Conv2dInfo): void {
  if (
    info.config.paddingMode !== 'zeros' ||
    info.h.padBefore !== info.h.padAfter ||
    info.w.padBefore !== info.w.padAfter
  ) {
    const mode = info.config.paddingMode === 'zeros' ? 'uneven zeros' : info.config.paddingMode;
    refuse('training-padding-unsupported', { mode });
  }
}

/**
 * Plans conv2d and its backward pass. x [N, C_in, H, W], w [C_out, C_in/g, kH, kW],
 * y [N, C_out, oH, oW]. Throws the engine's typed refusal for an invalid
 * geometry; the padding must be zeros, symmetric per axis (numbers, or 'same'
 * with an odd effective kernel).
 */
export function createConv2dTrainPlan(info: Conv2dInfo): ConvTrainPlan<Conv2dInfo> {
  assertValidConv2d(info);
  requireSymmetricZeroPadding(info);
  const { h, w } = info;
  const [N, C, H, W] = info.inputShape;
  const [, Co, OH, OW] = info.outputShape;
  const fwd = createConv2dPlan(info);
  // ∂L/∂x: the transposed convolution of ∂L/∂y with the same weight.
  const gradInputInfo = convTranspose2dInfo({
    batch: N,
    inChannels: Co,
    outChannels: C,
    inputSize: [OH, OW],
    kernelSize: [h.kernel, w.kernel],
    stride: [h.stride, w.stride],
    padding: [h.padBefore, w.padBefore],
    outputPadding: [h.unvisited, w.unvisited],
    dilation: [h.dilation, w.dilation],
    groups: info.config.groups,
    bias: false,
  });
  const gradInput = createConvTranspose2dPlan(gradInputInfo);
  const weightGrad = createWeightGradient({
    N,
    C,
    H,
    W,
    Co,
    GH: OH,
    GW: OW,
    KH: h.kernel,
    KW: w.kernel,
    strideH: h.stride,
    strideW: w.stride,
    dilationH: h.dilation,
    dilationW: w.dilation,
    padTop: h.padBefore,
    padLeft: w.padBefore,
    groups: info.config.groups,
  });
  return {
    info,
    gradInputInfo,
    forward: (x, wt, b, y) => fwd.run(x, wt, b, y),
    backward(x, wt, gy, gx, gw, gb) {
      if (gx) gradInput.run(gy, wt, null, gx);
      weightGrad(x, gy, gw);
      if (gb) biasGradient(gy, N, Co, OH * OW, gb);
    },
  };
}

/**
 * Plans conv_transpose2d and its backward pass. x [N, C_in, H, W],
 * w [C_in, C_out/g, kH, kW], y [N, C_out, oH, oW].
 */
export function createConvTranspose2dTrainPlan(info: ConvTranspose2dInfo): ConvTrainPlan<ConvTranspose2dInfo> {
  assertValidConvTranspose2d(info);
  const { h, w } = info;
  const [N, C, H, W] = info.inputShape;
  const [, Co, OH, OW] = info.outputShape;
  const groups = info.config.groups;
  const fwd = createConvTranspose2dPlan(info);
  // ∂L/∂x: the convolution of ∂L/∂y with the same weight. When output_padding
  // reaches the stride (possible with dilation), that convolution has rows
  // beyond the input's; they are computed into scratch and dropped.
  const gradInfo = conv2dInfo({
    batch: N,
    inChannels: Co,
    outChannels: C,
    inputSize: [OH, OW],
    kernelSize: [h.kernel, w.kernel],
    stride: [h.stride, w.stride],
    padding: [h.padding, w.padding],
    dilation: [h.dilation, w.dilation],
    groups,
    paddingMode: 'zeros',
    bias: false,
  });
  const gradInput = createConv2dPlan(gradInfo);
  const [, , GH, GW] = gradInfo.outputShape;
  const cropped = GH !== H || GW !== W;
  const wide = cropped ? new Float64Array(N * C * GH * GW) : null;
  const weightGrad = createWeightGradient({
    N,
    C: Co,
    H: OH,
    W: OW,
    Co: C,
    GH: H,
    GW: W,
    KH: h.kernel,
    KW: w.kernel,
    strideH: h.stride,
    strideW: w.stride,
    dilationH: h.dilation,
    dilationW: w.dilation,
    padTop: h.padding,
    padLeft: w.padding,
    groups,
  });
  return {
    info,
    gradInputInfo: gradInfo,
    forward: (x, wt, b, y) => fwd.run(x, wt, b, y),
    backward(x, wt, gy, gx, gw, gb) {
      if (gx && wide) {
        gradInput.run(gy, wt, null, wide);
        for (let nc = 0; nc < N * C; nc++) {
          for (let iy = 0; iy < H; iy++) {
            const src = (nc * GH + iy) * GW;
            const dst = (nc * H + iy) * W;
            for (let ix = 0; ix < W; ix++) gx[dst + ix] = wide[src + ix]!;
          }
        }
      } else if (gx) {
        gradInput.run(gy, wt, null, gx);
      }
      weightGrad(gy, x, gw);
      if (gb) biasGradient(gy, N, Co, OH * OW, gb);
    },
  };
}
