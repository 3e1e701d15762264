import { describe, expect, it } from 'vitest';
import { overlapCounts } from '../../../../app/lessons/autoencoder/CheckerboardPanel';

describe('the overlap map beside the checkerboards', () => {
  it('counts 4, 2 and 1 stamps in a grid that repeats every 2 cells: the uneven overlap of a 3×3, stride-2 transposed convolution', () => {
    const { rows, cols, counts } = overlapCounts();
    expect([rows, cols]).toEqual([8, 8]);
    const row = (y: number) => counts.slice(y * cols, y * cols + cols);
    // Inside the border, rows alternate between the overlapping (2, 4) and the plain (1, 2) pattern.
    expect(row(1)).toEqual([2, 4, 2, 4, 2, 4, 2, 2]);
    expect(row(2)).toEqual([1, 2, 1, 2, 1, 2, 1, 1]);
    expect(Math.max(...counts)).toBe(4);
    expect(Math.min(...counts)).toBe(1);
  });
});
