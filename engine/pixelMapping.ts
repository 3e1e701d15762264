/**
 * From filter outputs to pixels, and the numbers a legend needs.
 *
 * A filter's output is not a picture: a blur keeps values in 0–1, a
 * sharpen overshoots them, Sobel's are signed and summing over RGB triples
 * the range. A mapping turns a value v into a position t ∈ [0, 1] on a colour
 * ramp, and nothing is clipped without saying so:
 *
 * - `min-max`: t = (v − min) / (max − min), the output's own range (shared by
 *   the three channels, so colours keep their balance); nothing is clipped.
 * - `fixed`: t = (v − low) / (high − low) for a chosen [low, high]; values
 *   outside are drawn at the ends and counted (`clippedBelow`, `clippedAbove`).
 * - `diverging`: centred on 0, t = ½ + v / 2m with m = max |v|; nothing is
 *   clipped, 0 is the ramp's middle.
 *
 * With three channels each is mapped on its own (grey 128 is 0 on a
 * diverging scale); with one, t picks a colour of a 256-entry ramp.
 */
import { refuse } from './errors';

/** How values become pixels. */
export type PixelMappingKind = 'min-max' | 'fixed' | 'diverging';

/**
 * What a caller asks for. `auto` picks `diverging` for a kernel whose weights
 * sum to 0 (an edge detector: flat regions give 0), else `fixed` at the range
 * a flat image can give, [min(0, S), max(0, S)] with S = Σw · (inputs per
 * output), so a flat region keeps its brightness.
 */
export type PixelMappingRequest =
  | { readonly kind: 'auto' }
  | { readonly kind: 'min-max' }
  | { readonly kind: 'diverging' }
  | { readonly kind: 'fixed'; readonly low: number; readonly high: number };

/** The numbers a legend draws. */
export interface PixelLegend {
  readonly kind: PixelMappingKind;
  /** Value drawn at the ramp's start (t = 0). */
  readonly low: number;
  /** Value drawn at its middle (t = ½): 0 for `diverging`. */
  readonly centre: number;
  /** Value drawn at its end (t = 1). */
  readonly high: number;
  /** The output's smallest and largest values. */
  readonly min: number;
  readonly max: number;
  /** Values below `low` / above `high`, drawn at the ends (only `fixed` has any). */
  readonly clippedBelow: number;
  readonly clippedAbove: number;
  /** Values mapped (channels · height · width). */
  readonly count: number;
}

/** Whether this machine stores the low byte of a word first (every browser platform does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** 256 RGB colours, t = i/255 at entry i: 768 bytes. */
export type ColourRamp = Uint8Array;

/** Weights whose sum is this small relative to Σ|w| count as summing to 0. */
const ZERO_SUM = 1e-9;

/** Σw and Σ|w| of a kernel. */
function sums(values: readonly number[]): { sum: number; abs: number } {
  let sum = 0;
  let abs = 0;
  for (const v of values) {
    sum += v;
    abs += Math.abs(v);
  }
  return { sum, abs };
}

/**
 * The mapping `auto` stands for, for a kernel's weights and the number of
 * input channels each output sums (1 per channel, 3 summed over RGB).
 */
export function autoMapping(kernelValues: readonly number[], inputsPerOutput: number): PixelMappingRequest {
  const { sum, abs } = sums(kernelValues);
  if (Math.abs(sum) <= ZERO_SUM * abs) return { kind: 'diverging' };
  const s = sum * inputsPerOutput;
  return { kind: 'fixed', low: Math.min(0, s), high: Math.max(0, s) };
}

/**
 * The legend of a mapping over these values. `auto` must have been resolved
 * (see `autoMapping`). A `fixed` range with high ≤ low, or a constant output,
 * maps every value to t = ½ except those a fixed range clips.
 */
export function pixelLegend(
  values: Float32Array,
  request: Exclude<PixelMappingRequest, { kind: 'auto' }>,
): PixelLegend {
  // One pass: the extent, and what a fixed range clips.
  const low = request.kind === 'fixed' ? request.low : -Infinity;
  const high = request.kind === 'fixed' ? request.high : Infinity;
  let min = Infinity;
  let max = -Infinity;
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < low) below++;
    else if (v > high) above++;
  }
  if (values.length === 0) min = max = 0;
  const base = { min, max, count: values.length, clippedBelow: below, clippedAbove: above };
  switch (request.kind) {
    case 'min-max':
      return { ...base, kind: 'min-max', low: min, centre: (min + max) / 2, high: max };
    case 'diverging': {
      const m = Math.max(Math.abs(min), Math.abs(max));
      return { ...base, kind: 'diverging', low: -m, centre: 0, high: m };
    }
    case 'fixed':
      return { ...base, kind: 'fixed', low, centre: (low + high) / 2, high };
  }
}

/** t ∈ [0, 1] of a value under a legend: (v − low)/(high − low), clamped; ½ when high ≤ low. */
export function rampPosition(value: number, legend: PixelLegend): number {
  const span = legend.high - legend.low;
  if (!(span > 0)) return 0.5;
  const t = (value - legend.low) / span;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/** A ramp through evenly spaced RGB stops, linear in sRGB between them (at least two stops). */
export function rampFromStops(stops: readonly (readonly [number, number, number])[]): ColourRamp {
  const ramp = new Uint8Array(256 * 3);
  const segments = stops.length - 1;
  for (let i = 0; i < 256; i++) {
    const u = (i / 255) * segments;
    const s = Math.min(segments - 1, Math.floor(u));
    const f = u - s;
    const a = stops[s]!;
    const b = stops[s + 1]!;
    for (let j = 0; j < 3; j++) ramp[i * 3 + j] = Math.round(a[j]! + (b[j]! - a[j]!) * f);
  }
  return ramp;
}

/** Black to white. */
export const GREY_RAMP: ColourRamp = rampFromStops([
  [0, 0, 0],
  [255, 255, 255],
]);

/**
 * Blue (negative) through near-white (0) to red (positive): the end and
 * middle colours of ColorBrewer's RdBu scheme (Cynthia Brewer,
 * colorbrewer2.org), reversed so that negative is blue.
 */
export const DIVERGING_RAMP: ColourRamp = rampFromStops([
  [33, 102, 172],
  [247, 247, 247],
  [178, 24, 43],
]);

/**
 * RGBA bytes (ImageData order, [height, width, 4], alpha 255) of a filtered
 * picture, values [channels, height, width]. Three channels: each byte is
 * ⌊255·t + ½⌋ of its own channel. One channel: the ramp's colour at that
 * byte, by default grey, or blue–white–red for `diverging`.
 */
export function toRgba(
  values: Float32Array,
  channels: 1 | 3,
  width: number,
  height: number,
  legend: PixelLegend,
  ramp: ColourRamp = legend.kind === 'diverging' ? DIVERGING_RAMP : GREY_RAMP,
): Uint8ClampedArray {
  const plane = width * height;
  if (values.length !== channels * plane) {
    refuse('data-size-mismatch', { name: 'values', expected: channels * plane, actual: values.length });
  }
  const rgba = new Uint8ClampedArray(plane * 4);
  const span = legend.high - legend.low;
  // byte = ⌊(v − low)·255/span + ½⌋, clamped; an empty range draws everything at t = ½ (byte 128).
  const scale = span > 0 ? 255 / span : 0;
  const offset = (span > 0 ? -legend.low * scale : 127.5) + 0.5;
  const byteOf = (v: number): number => {
    const b = v * scale + offset;
    return b < 0 ? 0 : b >= 255 ? 255 : b | 0;
  };
  if (!LITTLE_ENDIAN) {
    for (let i = 0, o = 0; i < plane; i++, o += 4) {
      if (channels === 3) {
        rgba[o] = byteOf(values[i]!);
        rgba[o + 1] = byteOf(values[plane + i]!);
        rgba[o + 2] = byteOf(values[2 * plane + i]!);
      } else {
        const r = byteOf(values[i]!) * 3;
        rgba.set(ramp.subarray(r, r + 3), o);
      }
      rgba[o + 3] = 255;
    }
    return rgba;
  }
  // One 32-bit store per pixel (R in the low byte on a little-endian machine): twice as fast as four byte stores.
  const words = new Uint32Array(rgba.buffer);
  if (channels === 3) {
    for (let i = 0; i < plane; i++) {
      const r = byteOf(values[i]!);
      const g = byteOf(values[plane + i]!);
      const b = byteOf(values[2 * plane + i]!);
      words[i] = (r | (g << 8) | (b << 16) | 0xff000000) >>> 0;
    }
    return rgba;
  }
  const lut = new Uint32Array(256);
  for (let j = 0; j < 256; j++)
    lut[j] = (ramp[j * 3]! | (ramp[j * 3 + 1]! << 8) | (ramp[j * 3 + 2]! << 16) | 0xff000000) >>> 0;
  for (let i = 0; i < plane; i++) words[i] = lut[byteOf(values[i]!)]!;
  return rgba;
}

/**
 * Planar RGB in 0–1 ([3, height, width], float32) from RGBA bytes (ImageData
 * order), composited over white: c = (c₈·a + 255·(255 − a)) / 255², so a
 * transparent pixel is white and an opaque one keeps its colour.
 */
export function rgbFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Float32Array {
  const plane = width * height;
  if (rgba.length !== plane * 4) {
    refuse('data-size-mismatch', { name: 'rgba', expected: plane * 4, actual: rgba.length });
  }
  const out = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const a = rgba[i * 4 + 3]!;
    const white = 255 * (255 - a);
    for (let c = 0; c < 3; c++) out[c * plane + i] = (rgba[i * 4 + c]! * a + white) / 65025;
  }
  return out;
}

/** RGBA bytes of a planar 0–1 RGB image: round(255·v), clamped, alpha 255 (the "before" picture). */
export function rgbaFromRgb(rgb: Float32Array, width: number, height: number): Uint8ClampedArray {
  const plane = width * height;
  if (rgb.length !== 3 * plane) {
    refuse('data-size-mismatch', { name: 'rgb', expected: 3 * plane, actual: rgb.length });
  }
  const rgba = new Uint8ClampedArray(plane * 4);
  for (let i = 0; i < plane; i++) {
    // Uint8ClampedArray rounds half to even and clamps to 0–255.
    rgba[i * 4] = rgb[i]! * 255;
    rgba[i * 4 + 1] = rgb[plane + i]! * 255;
    rgba[i * 4 + 2] = rgb[2 * plane + i]! * 255;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
