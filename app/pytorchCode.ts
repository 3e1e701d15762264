/**
 * "Copy as PyTorch": code that builds the same tensors and layer and prints the
 * same output the figure shows. Numbers are formatted from validated floats;
 * nothing a user typed is pasted in as text.
 */
import { formatNumber } from './urlCodec';

/** A nested Python list literal of a row-major array with the given shape. */
export function pyNested(values: readonly number[], shape: readonly number[]): string {
  const walk = (offset: number, dim: number): string => {
    if (dim === shape.length) return pyNumber(values[offset] ?? 0);
    const size = shape[dim] ?? 1;
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    const parts = Array.from({ length: size }, (_, i) => walk(offset + i * stride, dim + 1));
    return `[${parts.join(', ')}]`;
  };
  return walk(0, 0);
}

function pyNumber(v: number): string {
  const s = formatNumber(v);
  return s.includes('.') || s.includes('e') ? s : `${s}.`;
}

export function pyTuple(a: number, b: number): string {
  return `(${a}, ${b})`;
}
