import { assertValidConv2d, conv2dInfo } from './convInfo';
import { conv2dConfigOf, padInput, type Conv2dOptions } from './conv2d';
import { EngineError, problem } from './errors';
import { paddedSourceTable } from './padding';
import { fromOwned, type Tensor } from './tensor';

export interface Conv2dGradients {
  readonly gradInput: Tensor;
  readonly gradWeight: Tensor;
  /** null when the convolution has no bias. */
  readonly gradBias: Tensor | null;
}

/**
 * Backward pass of conv2d, given ∂L/∂y (grad_output):
 * - grad_input: every output gradient is stamped back through the kernel onto
 *   the padded input (a transposed convolution of grad_output), and each
 *   padding cell's gradient is added to the input cell it copied;
 * - grad_weight[co, c, ky, kx] = Σ_{n, oy, ox} g[n, co, oy, ox] · x̃[n, c, oy·s + ky·d, ox·s + kx·d];
 * - grad_bias[co] = Σ_{n, oy, ox} g[n, co, oy, ox].
 */
export function conv2dBackward(
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null,
  gradOutput: Tensor,
  options: Conv2dOptions = {},
): Conv2dGradients {
  const info = conv2dInfo(conv2dConfigOf(input, weight, bias, options));
  assertValidConv2d(info);
  const [N, Cout, OH, OW] = info.outputShape;
  const expected = [N, Cout, OH, OW];
  if (gradOutput.shape.length !== 4 || expected.some((d, i) => gradOutput.shape[i] !== d)) {
    throw new EngineError([
      problem('grad-output-shape-mismatch', { expected: expected.join('×'), actual: gradOutput.shape.join('×') }),
    ]);
  }
  const { h, w, inPerGroup, outPerGroup } = info;
  const C = info.config.inChannels;
  const PH = h.paddedSize;
  const PW = w.paddedSize;
  const KH = h.kernel;
  const KW = w.kernel;
  const padded = padInput(input, info).data;
  const gPadded = new Float64Array(N * C * PH * PW);
  const gWeight = new Float64Array(weight.data.length);
  const gBias = new Float64Array(Cout);
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < Cout; co++) {
      const g0 = Math.floor(co / outPerGroup) * inPerGroup;
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          const gv = gradOutput.data[((n * Cout + co) * OH + oy) * OW + ox] ?? 0;
          gBias[co] = (gBias[co] ?? 0) + gv;
          for (let ci = 0; ci < inPerGroup; ci++) {
            const c = g0 + ci;
            for (let ky = 0; ky < KH; ky++) {
              const py = oy * h.stride + ky * h.dilation;
              for (let kx = 0; kx < KW; kx++) {
                const px = ox * w.stride + kx * w.dilation;
                const xi = ((n * C + c) * PH + py) * PW + px;
                const wi = ((co * inPerGroup + ci) * KH + ky) * KW + kx;
                gPadded[xi] = (gPadded[xi] ?? 0) + gv * (weight.data[wi] ?? 0);
                gWeight[wi] = (gWeight[wi] ?? 0) + gv * (padded[xi] ?? 0);
              }
            }
          }
        }
      }
    }
  }
  // Fold the padded gradient back: a padding cell passes its gradient to its source.
  const rows = paddedSourceTable(h.padBefore, h.padAfter, h.inSize, info.config.paddingMode);
  const cols = paddedSourceTable(w.padBefore, w.padAfter, w.inSize, info.config.paddingMode);
  const gInput = new Float64Array(input.data.length);
  for (let nc = 0; nc < N * C; nc++) {
    for (let py = 0; py < PH; py++) {
      const sy = rows[py] ?? -1;
      if (sy < 0) continue;
      for (let px = 0; px < PW; px++) {
        const sx = cols[px] ?? -1;
        if (sx < 0) continue;
        const to = (nc * h.inSize + sy) * w.inSize + sx;
        gInput[to] = (gInput[to] ?? 0) + (gPadded[(nc * PH + py) * PW + px] ?? 0);
      }
    }
  }
  return {
    gradInput: fromOwned(input.shape, gInput),
    gradWeight: fromOwned(weight.shape, gWeight),
    gradBias: bias ? fromOwned([Cout], gBias) : null,
  };
}
