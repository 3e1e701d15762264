import type { Pair } from './convInfo';
import { EngineError, problem } from './errors';
import { axisWindow, layerProblems, windowOutputSize, type AxisWindow, type PoolLayer } from './layerStack';
import { fromOwned, type Tensor } from './tensor';

/**
 * Part of a stack of feature maps: `channels` maps, each cut to the box of
 * rows y0 … y0 + rows − 1 and columns x0 … x0 + cols − 1 of its level.
 * Element (c, y, x) of the box is `data[(c · rows + y) · cols + x]`.
 */
export interface BoxMap {
  readonly channels: number;
  readonly y0: number;
  readonly x0: number;
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function emptyBoxMap(channels: number, y0: number, x0: number, rows: number, cols: number): BoxMap {
  return { channels, y0, x0, rows, cols, data: new Float64Array(channels * rows * cols) };
}

/** For output o along one axis: the in-map taps q = o·s − p + t·d (ascending) and the average's divisor there. */
interface AxisTaps {
  readonly taps: readonly number[];
  readonly divisor: number;
}

/**
 * The taps of outputs o0 … o0 + count − 1 along one axis of a map of size n.
 * The divisor follows ATen's avg_pool2d: with count_include_pad the window is
 * cut at n + p (ceil_mode's last window may reach past it), otherwise only
 * the taps inside the map count.
 */
function axisTaps(o0: number, count: number, w: AxisWindow, n: number, countIncludePad: boolean): AxisTaps[] {
  const out: AxisTaps[] = [];
  for (let o = o0; o < o0 + count; o++) {
    const start = o * w.stride - w.padding;
    const taps: number[] = [];
    for (let t = 0; t < w.kernel; t++) {
      const q = start + t * w.dilation;
      if (q >= 0 && q < n) taps.push(q);
    }
    const divisor = countIncludePad ? Math.min(start + w.kernel, n + w.padding) - start : taps.length;
    out.push({ taps, divisor });
  }
  return out;
}

/** One pooling layer's forward pass on a box of outputs; `argmax` (max pool only) holds the winning input offset. */
export interface PoolBoxResult {
  readonly output: BoxMap;
  readonly argmax: Int32Array | null;
}

/**
 * Max or average pooling of `input` (a box of a map of size `inSize`) into the
 * outputs rows oy0 … oy0 + rows − 1, columns ox0 … ox0 + cols − 1. The box
 * must hold every in-map cell those windows read. Max pooling takes the first
 * largest value in row-major window order, as ATen's CPU kernel does, and
 * never picks padding (−∞); average pooling divides as ATen's avg_pool2d.
 */
export function poolBoxForward(
  input: BoxMap,
  inSize: Pair,
  layer: PoolLayer,
  oy0: number,
  ox0: number,
  rows: number,
  cols: number,
): PoolBoxResult {
  const includePad = layer.kind === 'avgpool' && layer.countIncludePad;
  const ty = axisTaps(oy0, rows, axisWindow(layer, 'h'), inSize[0], includePad);
  const tx = axisTaps(ox0, cols, axisWindow(layer, 'w'), inSize[1], includePad);
  const output = emptyBoxMap(input.channels, oy0, ox0, rows, cols);
  const isMax = layer.kind === 'maxpool';
  const argmax = isMax ? new Int32Array(output.data.length) : null;
  for (let c = 0; c < input.channels; c++) {
    const base = c * input.rows * input.cols;
    for (let y = 0; y < rows; y++) {
      const ay = ty[y] as AxisTaps;
      for (let x = 0; x < cols; x++) {
        const ax = tx[x] as AxisTaps;
        const o = (c * rows + y) * cols + x;
        if (isMax) {
          // A dilated window can miss the map altogether: −∞ as in PyTorch, and no cell
          // receives its gradient (ATen's CPU kernel points it at a cell outside the window).
          let best = -Infinity;
          const fy = ay.taps[0];
          const fx = ax.taps[0];
          let at = fy === undefined || fx === undefined ? -1 : base + (fy - input.y0) * input.cols + (fx - input.x0);
          for (const qy of ay.taps) {
            for (const qx of ax.taps) {
              const i = base + (qy - input.y0) * input.cols + (qx - input.x0);
              const v = input.data[i] ?? 0;
              if (v > best || Number.isNaN(v)) {
                best = v;
                at = i;
              }
            }
          }
          output.data[o] = best;
          (argmax as Int32Array)[o] = at;
        } else {
          let sum = 0;
          for (const qy of ay.taps) {
            for (const qx of ax.taps) sum += input.data[base + (qy - input.y0) * input.cols + (qx - input.x0)] ?? 0;
          }
          output.data[o] = sum / (ay.divisor * ax.divisor);
        }
      }
    }
  }
  return { output, argmax };
}

/**
 * The gradient flowing back through one pooling layer, into the input box
 * (same place and size as the forward pass's input): max pooling sends each
 * output's gradient to the input it took; average pooling spreads g / divisor
 * over the window's in-map cells.
 */
export function poolBoxBackward(
  inputBox: Omit<BoxMap, 'data'>,
  inSize: Pair,
  layer: PoolLayer,
  grad: BoxMap,
  argmax: Int32Array | null,
): BoxMap {
  const out = emptyBoxMap(inputBox.channels, inputBox.y0, inputBox.x0, inputBox.rows, inputBox.cols);
  if (layer.kind === 'maxpool') {
    grad.data.forEach((g, o) => {
      const i = argmax?.[o] ?? -1;
      if (i >= 0) out.data[i] = (out.data[i] ?? 0) + g;
    });
    return out;
  }
  const ty = axisTaps(grad.y0, grad.rows, axisWindow(layer, 'h'), inSize[0], layer.countIncludePad);
  const tx = axisTaps(grad.x0, grad.cols, axisWindow(layer, 'w'), inSize[1], layer.countIncludePad);
  for (let c = 0; c < grad.channels; c++) {
    const base = c * out.rows * out.cols;
    for (let y = 0; y < grad.rows; y++) {
      const ay = ty[y] as AxisTaps;
      for (let x = 0; x < grad.cols; x++) {
        const ax = tx[x] as AxisTaps;
        const share = (grad.data[(c * grad.rows + y) * grad.cols + x] ?? 0) / (ay.divisor * ax.divisor);
        for (const qy of ay.taps) {
          for (const qx of ax.taps) {
            const i = base + (qy - out.y0) * out.cols + (qx - out.x0);
            out.data[i] = (out.data[i] ?? 0) + share;
          }
        }
      }
    }
  }
  return out;
}

function checkPool(input: Tensor, layer: PoolLayer): [number, number, number, number, number, number] {
  if (input.shape.length !== 4) {
    throw new EngineError([problem('rank-mismatch', { name: 'input', expected: 4, actual: input.shape.length })]);
  }
  const [N = 0, C = 0, H = 0, W = 0] = input.shape;
  const problems = layerProblems(layer, 0, [C, H, W]);
  if (problems.length > 0) throw new EngineError(problems);
  return [N, C, H, W, windowOutputSize(H, axisWindow(layer, 'h')), windowOutputSize(W, axisWindow(layer, 'w'))];
}

function item(t: Tensor, n: number, C: number, H: number, W: number): BoxMap {
  const size = C * H * W;
  return { channels: C, y0: 0, x0: 0, rows: H, cols: W, data: t.data.subarray(n * size, (n + 1) * size) };
}

/**
 * `F.max_pool2d` / `F.avg_pool2d` of an [N, C, H, W] tensor, with the layer's
 * kernel, stride, padding, dilation (max only), ceil_mode and
 * count_include_pad (average only). Output [N, C, H_out, W_out], sizes from
 * `windowOutputSize`.
 */
export function pool2d(input: Tensor, layer: PoolLayer): Tensor {
  const [N, C, H, W, OH, OW] = checkPool(input, layer);
  const out = new Float64Array(N * C * OH * OW);
  for (let n = 0; n < N; n++) {
    const r = poolBoxForward(item(input, n, C, H, W), [H, W], layer, 0, 0, OH, OW);
    out.set(r.output.data, n * C * OH * OW);
  }
  return fromOwned([N, C, OH, OW], out);
}

/** ∂L/∂input of `pool2d`, given ∂L/∂output ([N, C, H_out, W_out]). */
export function pool2dBackward(input: Tensor, layer: PoolLayer, gradOutput: Tensor): Tensor {
  const [N, C, H, W, OH, OW] = checkPool(input, layer);
  const expected = [N, C, OH, OW];
  if (gradOutput.shape.length !== 4 || expected.some((d, i) => gradOutput.shape[i] !== d)) {
    throw new EngineError([
      problem('grad-output-shape-mismatch', { expected: expected.join('×'), actual: gradOutput.shape.join('×') }),
    ]);
  }
  const out = new Float64Array(input.data.length);
  for (let n = 0; n < N; n++) {
    const x = item(input, n, C, H, W);
    const { argmax } = poolBoxForward(x, [H, W], layer, 0, 0, OH, OW);
    const g = item(gradOutput, n, C, OH, OW);
    const gi = poolBoxBackward(x, [H, W], layer, g, argmax);
    out.set(gi.data, n * C * H * W);
  }
  return fromOwned(input.shape, out);
}
