/**
 * What the autoencoder lesson measures: training batches cut from photos,
 * the latent quantised to b bits, picture quality (PSNR) and rate (bits per
 * pixel), and a rate–distortion comparison of two codecs.
 */
import type { FloatArray } from '../fast';
import type { RgbImage } from '../photoFilter';
import { refuse } from '../errors';
import { mseLoss, psnr } from './ops';

/**
 * Fills `out` ([N, 3, side, side], N = out.length / (3·side²)) with square
 * crops: for each one a photo, then a top-left corner, uniformly from
 * `rand` (a seeded generator), so one seed gives the same batches
 * everywhere. Photos smaller than `side` are refused.
 */
export function samplePatches(photos: readonly RgbImage[], side: number, rand: () => number, out: FloatArray): void {
  const area = side * side;
  const n = out.length / (3 * area);
  if (photos.length === 0 || !Number.isInteger(n)) {
    refuse('data-size-mismatch', { name: 'patches', expected: 3 * area, actual: out.length });
  }
  for (const p of photos) {
    if (p.width < side || p.height < side) refuse('non-positive-size', { name: 'patch', value: side });
  }
  for (let b = 0; b < n; b++) {
    const photo = photos[Math.min(photos.length - 1, Math.floor(rand() * photos.length))]!;
    const y0 = Math.floor(rand() * (photo.height - side + 1));
    const x0 = Math.floor(rand() * (photo.width - side + 1));
    const plane = photo.width * photo.height;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < side; y++) {
        const from = c * plane + (y0 + y) * photo.width + x0;
        const to = ((b * 3 + c) * side + y) * side;
        out.set(photo.data.subarray(from, from + side), to);
      }
    }
  }
}

/** Quality of a reconstruction `y` of `x` (values in [0, 1]): PSNR = 10·log₁₀(1/MSE) dB. */
export function psnrOf(y: FloatArray, x: FloatArray): number {
  return psnr(mseLoss(y, x));
}

/** Rate of a code of `bytes` bytes for a picture of width × height pixels: 8·bytes / (W·H) bits per pixel. */
export function bitsPerPixel(bytes: number, width: number, height: number): number {
  return (8 * bytes) / (width * height);
}

/** Most bits per latent value. */
export const MAX_LATENT_BITS = 8;

/** A latent quantised to b bits: one code per value (0 … 2ᵇ − 1) and the step that maps codes back. */
export interface QuantisedLatent {
  readonly bits: number;
  /** The largest value of the latent: code 2ᵇ − 1 stands for it, code 0 for 0. */
  readonly max: number;
  /** One byte per value (b ≤ 8); an entropy coder packs them. */
  readonly codes: Uint8Array;
}

/**
 * Uniform quantisation of a non-negative latent (it comes out of a ReLU) to
 * b bits: q = round(a / max · (2ᵇ − 1)), clamped to 0 … 2ᵇ − 1, and back
 * â = q · max / (2ᵇ − 1). The error of each value is at most
 * max / (2·(2ᵇ − 1)). b is clamped to 1 … MAX_LATENT_BITS.
 */
export function quantiseLatent(latent: FloatArray, bits: number): QuantisedLatent {
  const b = Math.max(1, Math.min(MAX_LATENT_BITS, Math.round(bits)));
  const levels = 2 ** b - 1;
  let max = 0;
  for (const v of latent) if (v > max) max = v;
  const codes = new Uint8Array(latent.length);
  if (max > 0) {
    for (let i = 0; i < latent.length; i++) {
      codes[i] = Math.max(0, Math.min(levels, Math.round((latent[i]! / max) * levels)));
    }
  }
  return { bits: b, max: Math.fround(max), codes };
}

/** The latent a quantised one stands for: â = q · max / (2ᵇ − 1), into `out` (same length as the codes). */
export function dequantiseLatent(q: QuantisedLatent, out: FloatArray): void {
  const step = q.max / (2 ** q.bits - 1);
  for (let i = 0; i < q.codes.length; i++) out[i] = q.codes[i]! * step;
}

/** One measured point of a codec: its rate and the quality it gives. */
export interface RatePoint {
  /** Bits per pixel of the compressed picture. */
  readonly bpp: number;
  /** PSNR of the decoded picture, dB. */
  readonly psnr: number;
  /** The codec's setting that gave it (bits per latent value, or JPEG quality). */
  readonly setting: number;
}

/** One point of codec A compared with codec B at the same rate. */
export interface RateComparison {
  readonly bpp: number;
  readonly a: number;
  /** B's PSNR at A's rate, interpolated linearly between B's two nearest points. */
  readonly b: number;
}

/**
 * Compares codec A with codec B where B has been measured on both sides of
 * A's rate: for each point of A inside B's range of rates, B's PSNR at that
 * rate (linear interpolation on B's curve sorted by rate). Points of A
 * outside B's range are left out: there is nothing honest to compare them with.
 */
export function compareAtEqualRate(a: readonly RatePoint[], b: readonly RatePoint[]): RateComparison[] {
  const curve = [...b].filter((p) => Number.isFinite(p.psnr)).sort((p, q) => p.bpp - q.bpp);
  const out: RateComparison[] = [];
  for (const p of a) {
    if (!Number.isFinite(p.psnr)) continue;
    for (let i = 1; i < curve.length; i++) {
      const lo = curve[i - 1]!;
      const hi = curve[i]!;
      if (p.bpp >= lo.bpp && p.bpp <= hi.bpp) {
        const t = hi.bpp === lo.bpp ? 0 : (p.bpp - lo.bpp) / (hi.bpp - lo.bpp);
        out.push({ bpp: p.bpp, a: p.psnr, b: lo.psnr + t * (hi.psnr - lo.psnr) });
        break;
      }
    }
  }
  return out;
}

/** Where codec A stands against codec B over the rates where both were measured. */
export type RateVerdict =
  | { readonly kind: 'none' }
  /** B is better at every compared rate; `at` is the compared point in the middle. */
  | { readonly kind: 'b-wins'; readonly at: RateComparison }
  | { readonly kind: 'a-wins'; readonly at: RateComparison }
  /** A wins below `crossing` bits per pixel and B above it (or the other way round when `aWinsBelow` is false). */
  | { readonly kind: 'mixed'; readonly crossing: number; readonly aWinsBelow: boolean; readonly bestA: RateComparison };

/** The verdict a sentence can state plainly, from `compareAtEqualRate`. */
export function rateVerdict(a: readonly RatePoint[], b: readonly RatePoint[]): RateVerdict {
  const compared = compareAtEqualRate(a, b).sort((p, q) => p.bpp - q.bpp);
  if (compared.length === 0) return { kind: 'none' };
  const middle = compared[Math.floor((compared.length - 1) / 2)]!;
  if (compared.every((c) => c.b >= c.a)) return { kind: 'b-wins', at: middle };
  if (compared.every((c) => c.a > c.b)) return { kind: 'a-wins', at: middle };
  // The first change of sign of a − b, located by linear interpolation between the two compared rates.
  let crossing = compared[0]!.bpp;
  for (let i = 1; i < compared.length; i++) {
    const p = compared[i - 1]!;
    const q = compared[i]!;
    const dp = p.a - p.b;
    const dq = q.a - q.b;
    if (dp > 0 !== dq > 0) {
      crossing = p.bpp + (dp / (dp - dq)) * (q.bpp - p.bpp);
      break;
    }
  }
  const first = compared[0]!;
  const bestA = compared.reduce((best, c) => (c.a - c.b > best.a - best.b ? c : best), first);
  return { kind: 'mixed', crossing, aWinsBelow: first.a > first.b, bestA };
}
