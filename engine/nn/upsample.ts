/**
 * Upsampling by an integer factor s, forward and backward, as PyTorch's
 * `F.interpolate(x, scale_factor=s, mode=…)` computes it (align_corners=False):
 * the first half of a resize-then-convolve decoder (Odena, Dumoulin & Olah,
 * "Deconvolution and Checkerboard Artifacts", Distill 2016).
 *
 * Each output row o (and column, independently) reads at most two input rows
 * i₀ ≤ i₁ with weights λ₀ + λ₁ = 1:
 *
 * - nearest: i₀ = i₁ = ⌊o / s⌋, λ₀ = 1;
 * - bilinear: the source coordinate c = max((o + ½)/s − ½, 0), i₀ = ⌊c⌋,
 *   i₁ = min(i₀ + 1, H − 1), λ₁ = c − i₀, λ₀ = 1 − λ₁.
 *
 * y[n, ch, oy, ox] = Σ λ_y·λ_x · x[n, ch, i_y, i_x] over the (up to) 2×2 taps; the
 * backward pass is its transpose: every ∂L/∂y[oy, ox] adds λ_y·λ_x·∂L/∂y to
 * ∂L/∂x[i_y, i_x]. Data are flat NCHW arrays; x [N, C, H, W], y [N, C, H·s, W·s].
 */
import type { FloatArray } from '../fast';
import { refuse } from '../errors';

export type UpsampleMode = 'nearest' | 'bilinear';
export const UPSAMPLE_MODES: readonly UpsampleMode[] = ['nearest', 'bilinear'];

/** Where one output row (or column) reads: two input indices and their weights. */
export interface UpsampleTaps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly l0: Float64Array;
  readonly l1: Float64Array;
}

/** The taps of an axis of `size` input cells upsampled by `factor` (output size·factor cells). */
export function upsampleTaps(mode: UpsampleMode, size: number, factor: number): UpsampleTaps {
  if (!Number.isInteger(size) || size < 1) refuse('non-positive-size', { name: 'inputSize', value: size });
  if (!Number.isInteger(factor) || factor < 1) refuse('invalid-stride', { stride: factor });
  const n = size * factor;
  const taps = { i0: new Int32Array(n), i1: new Int32Array(n), l0: new Float64Array(n), l1: new Float64Array(n) };
  for (let o = 0; o < n; o++) {
    if (mode === 'nearest') {
      const i = Math.floor(o / factor);
      taps.i0[o] = i;
      taps.i1[o] = i;
      taps.l0[o] = 1;
      taps.l1[o] = 0;
    } else {
      const c = Math.max((o + 0.5) / factor - 0.5, 0);
      const i = Math.min(Math.floor(c), size - 1);
      const lambda = c - i;
      taps.i0[o] = i;
      taps.i1[o] = Math.min(i + 1, size - 1);
      taps.l0[o] = 1 - lambda;
      taps.l1[o] = lambda;
    }
  }
  return taps;
}

/** A prepared upsampling of [N·C planes of H×W] by `factor`, forward and backward. */
export interface UpsamplePlan {
  readonly mode: UpsampleMode;
  readonly factor: number;
  /** Planes (N·C), and the input and output size [H, W], [H·s, W·s]. */
  readonly planes: number;
  readonly inputSize: readonly [number, number];
  readonly outputSize: readonly [number, number];
  /** y = upsample(x). */
  forward(x: FloatArray, y: FloatArray): void;
  /** Overwrites gx = ∂L/∂x from gy = ∂L/∂y. */
  backward(gy: FloatArray, gx: FloatArray): void;
}

/** Plans the upsampling of `planes` planes of H×W (N·C for a batch). Throws the typed refusal for bad sizes. */
export function createUpsamplePlan(
  mode: UpsampleMode,
  planes: number,
  size: readonly [number, number],
  factor: number,
): UpsamplePlan {
  if (!Number.isInteger(planes) || planes < 1) refuse('non-positive-size', { name: 'channels', value: planes });
  const [H, W] = size;
  const ty = upsampleTaps(mode, H, factor);
  const tx = upsampleTaps(mode, W, factor);
  const OH = H * factor;
  const OW = W * factor;
  return {
    mode,
    factor,
    planes,
    inputSize: [H, W],
    outputSize: [OH, OW],
    forward(x, y) {
      for (let p = 0; p < planes; p++) {
        const xin = p * H * W;
        const yout = p * OH * OW;
        for (let oy = 0; oy < OH; oy++) {
          const r0 = xin + ty.i0[oy]! * W;
          const r1 = xin + ty.i1[oy]! * W;
          const a0 = ty.l0[oy]!;
          const a1 = ty.l1[oy]!;
          const row = yout + oy * OW;
          for (let ox = 0; ox < OW; ox++) {
            const c0 = tx.i0[ox]!;
            const c1 = tx.i1[ox]!;
            const b0 = tx.l0[ox]!;
            const b1 = tx.l1[ox]!;
            y[row + ox] = a0 * (b0 * x[r0 + c0]! + b1 * x[r0 + c1]!) + a1 * (b0 * x[r1 + c0]! + b1 * x[r1 + c1]!);
          }
        }
      }
    },
    backward(gy, gx) {
      gx.fill(0, 0, planes * H * W);
      for (let p = 0; p < planes; p++) {
        const xin = p * H * W;
        const yout = p * OH * OW;
        for (let oy = 0; oy < OH; oy++) {
          const r0 = xin + ty.i0[oy]! * W;
          const r1 = xin + ty.i1[oy]! * W;
          const a0 = ty.l0[oy]!;
          const a1 = ty.l1[oy]!;
          const row = yout + oy * OW;
          for (let ox = 0; ox < OW; ox++) {
            const g = gy[row + ox]!;
            const c0 = tx.i0[ox]!;
            const c1 = tx.i1[ox]!;
            const b0 = tx.l0[ox]! * g;
            const b1 = tx.l1[ox]! * g;
            gx[r0 + c0] = gx[r0 + c0]! + a0 * b0;
            gx[r0 + c1] = gx[r0 + c1]! + a0 * b1;
            gx[r1 + c0] = gx[r1 + c0]! + a1 * b0;
            gx[r1 + c1] = gx[r1 + c1]! + a1 * b1;
          }
        }
      }
    },
  };
}
