/**
 * "Backward is transposed", with small numbers: a strided convolution like the
 * encoder's first layer (3×3 kernel, stride 2, padding 1) on a 4×4 input, and
 * the gradient of its input computed two ways by the engine:
 *
 * - conv2dBackward: ∂L/∂x of y = conv2d(x, w), given ∂L/∂y;
 * - convTranspose2d(∂L/∂y, w) with the same stride and padding, and
 *   output_padding equal to the rows the convolution's floor left unvisited
 *   (conv_arithmetic Relationship 14 undoing Relationship 6), so it returns to 4×4.
 *
 * They agree cell by cell: the backward pass of a convolution is the
 * transposed convolution with the same kernel.
 */
import { conv2dBackward } from '../../../engine/conv2dBackward';
import { conv2dInfo } from '../../../engine/convInfo';
import { conv2dConfigOf } from '../../../engine/conv2d';
import { convTranspose2d } from '../../../engine/convTranspose2d';
import { tensor, type Tensor } from '../../../engine/tensor';

export interface BackwardExample {
  /** x [1, 1, 4, 4], w [1, 1, 3, 3], ∂L/∂y [1, 1, 2, 2]. */
  readonly input: Tensor;
  readonly weight: Tensor;
  readonly gradOutput: Tensor;
  readonly stride: number;
  readonly padding: number;
  /** output_padding of the transposed convolution: the rows (columns) the forward floor left unvisited. */
  readonly outputPadding: number;
  /** ∂L/∂x from the convolution's backward pass, [1, 1, 4, 4]. */
  readonly gradInput: Tensor;
  /** conv_transpose2d(∂L/∂y, w), [1, 1, 4, 4]. */
  readonly transposed: Tensor;
  /** Cells where the two agree (all 16). */
  readonly equalCells: number;
}

/** The worked example: small integers, so every product can be followed by hand. */
export function backwardExample(): BackwardExample {
  const stride = 2;
  const padding = 1;
  const input = tensor([1, 1, 4, 4], [3, 1, 0, 2, 1, 4, 2, 0, 0, 2, 1, 3, 2, 0, 1, 1]);
  const weight = tensor([1, 1, 3, 3], [1, 0, -1, 2, 1, 0, 0, -1, 1]);
  const gradOutput = tensor([1, 1, 2, 2], [1, 2, -1, 3]);
  const options = { stride, padding };
  const info = conv2dInfo(conv2dConfigOf(input, weight, null, options));
  const outputPadding = info.h.unvisited;
  const { gradInput } = conv2dBackward(input, weight, null, gradOutput, options);
  const transposed = convTranspose2d(gradOutput, weight, null, { stride, padding, outputPadding });
  let equalCells = 0;
  for (let i = 0; i < gradInput.data.length; i++) {
    if (Math.abs(gradInput.data[i]! - (transposed.data[i] ?? NaN)) < 1e-12) equalCells++;
  }
  return { input, weight, gradOutput, stride, padding, outputPadding, gradInput, transposed, equalCells };
}
