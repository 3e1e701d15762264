import type { PaddingMode } from './convInfo';

/**
 * Where a cell of the padded input takes its value from, along one axis.
 *
 * `q` is a coordinate on the padded axis (0 … i + p₀ + p₁ − 1). Returns the
 * input coordinate it copies, or −1 for a zero. `reflect` mirrors without
 * repeating the edge, `replicate` repeats the edge, `circular` wraps around.
 */
export function paddedSource(q: number, padBefore: number, inSize: number, mode: PaddingMode): number {
  const j = q - padBefore;
  if (j >= 0 && j < inSize) return j;
  switch (mode) {
    case 'zeros':
      return -1;
    case 'reflect': {
      if (inSize === 1) return 0;
      const period = 2 * (inSize - 1);
      const m = ((j % period) + period) % period;
      return m < inSize ? m : period - m;
    }
    case 'replicate':
      return j < 0 ? 0 : inSize - 1;
    case 'circular':
      return ((j % inSize) + inSize) % inSize;
  }
}

/** `paddedSource` for every coordinate of a padded axis, as one lookup table. */
export function paddedSourceTable(padBefore: number, padAfter: number, inSize: number, mode: PaddingMode): Int32Array {
  const size = inSize + padBefore + padAfter;
  const table = new Int32Array(size);
  for (let q = 0; q < size; q++) table[q] = paddedSource(q, padBefore, inSize, mode);
  return table;
}
