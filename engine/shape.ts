import { EngineError, problem } from './errors';
import type { Tensor } from './tensor';

/**
 * Wraps a possibly negative dim into [0, rank) for an op that accepts dims in
 * [-rank, rank-1] (PyTorch treats a 0-d tensor as having one dim for this).
 */
function wrapDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  if (!Number.isInteger(dim) || dim < -r || dim > r - 1) {
    throw new EngineError([problem('dimension-out-of-range', { dim, min: -r, max: r - 1 })]);
  }
  return dim < 0 ? dim + r : dim;
}

/**
 * `torch.unsqueeze(t, dim)`: inserts a dim of size 1 at `dim`. Valid dims are
 * [-(rank+1), rank]; a negative dim counts from the end of the result.
 */
export function unsqueezeShape(shape: readonly number[], dim: number): number[] {
  const at = wrapDim(dim, shape.length + 1);
  return [...shape.slice(0, at), 1, ...shape.slice(at)];
}

/**
 * `torch.squeeze(t)` removes every dim of size 1; `torch.squeeze(t, dim)`
 * removes `dim` only if its size is 1 and otherwise returns the shape as is.
 */
export function squeezeShape(shape: readonly number[], dim?: number | null): number[] {
  if (dim === undefined || dim === null) return shape.filter((d) => d !== 1);
  const at = wrapDim(dim, shape.length);
  if (shape.length === 0 || shape[at] !== 1) return [...shape];
  return [...shape.slice(0, at), ...shape.slice(at + 1)];
}

/** `unsqueeze` of a tensor: same data, new shape (a view in PyTorch). */
export function unsqueeze(t: Tensor, dim: number): Tensor {
  return { shape: Object.freeze(unsqueezeShape(t.shape, dim)), data: t.data };
}

/** `squeeze` of a tensor: same data, new shape (a view in PyTorch). */
export function squeeze(t: Tensor, dim?: number | null): Tensor {
  return { shape: Object.freeze(squeezeShape(t.shape, dim)), data: t.data };
}
