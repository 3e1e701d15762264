/**
 * Flat, row-major, immutable tensors of float64.
 *
 * A tensor of shape [N, C, H, W] stores element (n, c, y, x) at
 * `((n * C + c) * H + y) * W + x`. Engine functions never write into a tensor
 * they were given; they always return a new one.
 */
import { refuse } from './errors';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Number of elements of a shape (1 for a 0-dimensional shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Refuses a shape with a size that is not a whole number ≥ 0 ('invalid-shape'). */
function checkShape(shape: readonly number[]): void {
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) refuse('invalid-shape', { shape: shape.join('×') });
}

/**
 * Builds a tensor, copying `data` so the caller's array stays its own. Refuses a
 * bad shape ('invalid-shape') and data of the wrong length ('data-size-mismatch').
 */
export function tensor(shape: readonly number[], data: ArrayLike<number>): Tensor {
  checkShape(shape);
  const size = shapeSize(shape);
  if (data.length !== size) refuse('data-size-mismatch', { name: 'tensor', expected: size, actual: data.length });
  return { shape: Object.freeze([...shape]), data: Float64Array.from(data) };
}

/** A tensor of zeros; refuses a bad shape ('invalid-shape'). */
export function zeros(shape: readonly number[]): Tensor {
  checkShape(shape);
  return { shape: Object.freeze([...shape]), data: new Float64Array(shapeSize(shape)) };
}

/** Wraps an array the engine itself just made (no copy). */
export function fromOwned(shape: readonly number[], data: Float64Array): Tensor {
  return { shape: Object.freeze([...shape]), data };
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) {
    strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  }
  return strides;
}

/** Reads element (n, c, y, x) of an NCHW tensor. */
export function at4(t: Tensor, n: number, c: number, y: number, x: number): number {
  const [, C = 1, H = 1, W = 1] = t.shape;
  return t.data[((n * C + c) * H + y) * W + x] ?? 0;
}

/** Returns a copy of `t` with one element replaced (tensors are immutable). */
export function withValue(t: Tensor, index: number, value: number): Tensor {
  const data = Float64Array.from(t.data);
  data[index] = value;
  return { shape: t.shape, data };
}
