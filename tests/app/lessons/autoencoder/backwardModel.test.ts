import { describe, expect, it } from 'vitest';
import { backwardExample } from '../../../../app/lessons/autoencoder/backwardModel';

describe('backward is transposed, with small numbers', () => {
  const ex = backwardExample();

  it('takes a 4×4 input through a 3×3 kernel with stride 2 and padding 1 to a 2×2 output, as the encoder’s layers do', () => {
    expect(ex.input.shape).toEqual([1, 1, 4, 4]);
    expect(ex.gradOutput.shape).toEqual([1, 1, 2, 2]);
    expect([ex.stride, ex.padding, ex.outputPadding]).toEqual([2, 1, 1]);
  });

  it('gives the same 4×4 input gradient from the convolution’s backward pass and from conv_transpose2d of ∂L/∂y', () => {
    expect(ex.transposed.shape).toEqual([1, 1, 4, 4]);
    expect(Array.from(ex.transposed.data)).toEqual(Array.from(ex.gradInput.data));
    expect(ex.equalCells).toBe(16);
  });

  it('stamps ∂L/∂y through the kernel: the top-left cell of ∂L/∂x is w[1][1]·g[0][0]', () => {
    // x[0][0] sits under kernel tap (1, 1) of output (0, 0) only (padding 1, stride 2).
    expect(ex.gradInput.data[0]).toBe(ex.weight.data[4]! * ex.gradOutput.data[0]!);
    expect(Array.from(ex.gradInput.data).some((v) => v !== 0)).toBe(true);
  });
});
