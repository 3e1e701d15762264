import { EngineError, problem } from './errors';
import { layerOutChannels, type ConvLayer, type LayerStack, type StackInfo, type StackLayer } from './layerStack';
import { emptyBoxMap, poolBoxBackward, poolBoxForward, type BoxMap } from './pool2d';
import { cellRegion, levelSize } from './receptiveField';

/**
 * A conv layer's numbers: weight [C_out, C_in, k_h, k_w] row-major, bias
 * [C_out] or null. Other layers have none (null).
 */
export interface ConvWeights {
  readonly weight: Float64Array;
  readonly bias: Float64Array | null;
}

export type StackWeights = readonly (ConvWeights | null)[];

/**
 * BatchNorm2d as a fresh layer runs in `model.eval()`: running mean 0,
 * running variance 1, γ = 1, β = 0, ε = 1e−5, so y = x / √(1 + ε).
 */
export const BATCH_NORM_EVAL_SCALE = 1 / Math.sqrt(1 + 1e-5);

/**
 * Numbers for every conv layer. 'ones': every weight 1 and every bias 0.
 * 'random': PyTorch's default initialisation, weight and bias uniform in
 * ±1/√(C_in·k_h·k_w) (kaiming_uniform with a = √5), drawn from `random`
 * (a seeded generator of numbers in [0, 1)) layer by layer, weights first.
 */
export function stackWeights(
  layers: readonly StackLayer[],
  mode: 'ones' | 'random',
  random: () => number,
): StackWeights {
  return layers.map((layer): ConvWeights | null => {
    if (layer.kind !== 'conv') return null;
    const fanIn = layer.inChannels * layer.kernel[0] * layer.kernel[1];
    const size = layer.outChannels * fanIn;
    if (mode === 'ones') {
      return { weight: new Float64Array(size).fill(1), bias: layer.bias ? new Float64Array(layer.outChannels) : null };
    }
    const bound = 1 / Math.sqrt(fanIn);
    const draw = (n: number): Float64Array => Float64Array.from({ length: n }, () => (2 * random() - 1) * bound);
    const weight = draw(size);
    return { weight, bias: layer.bias ? draw(layer.outChannels) : null };
  });
}

/**
 * The image the field is measured on, as `effectiveField` reads it: all ones,
 * or numbers uniform in [−1, 1) drawn from `random` (a seeded generator of
 * numbers in [0, 1)) in [C, H, W] order. Only a ReLU or a max pool makes the
 * image matter: they choose by value.
 */
export function fieldImage(
  input: LayerStack['input'],
  mode: 'ones' | 'random',
  random: () => number,
): (c: number, y: number, x: number) => number {
  if (mode === 'ones') return () => 1;
  const [h, w] = input.size;
  const values = Float64Array.from({ length: input.channels * h * w }, () => 2 * random() - 1);
  return (c, y, x) => values[(c * h + y) * w + x] ?? 0;
}

/** Which output the gradient starts from: `out[0, channel, row, col]` of level `level`. */
export interface FieldTarget {
  readonly level: number;
  readonly row: number;
  readonly col: number;
  readonly channel: number;
}

/**
 * The effective receptive field (Luo, Li, Urtasun & Zemel, "Understanding the
 * Effective Receptive Field in Deep CNNs", NeurIPS 2016): ∂ out[0, channel,
 * row, col] / ∂ x for the image x, computed by a backward pass through the
 * stack. Only the theoretical field (clipped to the image) can be non-zero,
 * so only its box is computed and returned; `rows` × `cols` is its size, the
 * same as `cellRegion`'s image-level extent.
 */
export interface EffectiveField {
  readonly target: FieldTarget;
  /** Image rows y0 … y0 + rows − 1 and columns x0 … x0 + cols − 1 (0 × 0 when nothing is seen). */
  readonly y0: number;
  readonly x0: number;
  readonly rows: number;
  readonly cols: number;
  /** Σ over image channels of ∂out/∂x, row-major over the box. */
  readonly grad: Float64Array;
  /** Σ over image channels of |∂out/∂x|: what a heat map draws. */
  readonly magnitude: Float64Array;
  /** The largest value of `magnitude` (0 when the field is empty). */
  readonly peak: number;
  /** Per image channel, row-major over the box: ∂out/∂x[c]. */
  readonly perChannel: Float64Array;
  /** Multiply-adds spent (conv taps, forward and backward). */
  readonly cost: number;
}

/** Multiply-adds allowed for one effective field: about a second of work in a browser. */
export const EFFECTIVE_FIELD_MAX_COST = 400_000_000;

interface Box {
  readonly y0: number;
  readonly x0: number;
  readonly rows: number;
  readonly cols: number;
}

/** The in-map rows a window over outputs lo … hi reads, clipped to [0, n). */
function readRange(lo: number, hi: number, k: number, s: number, p: number, d: number, n: number): [number, number] {
  return [Math.max(0, lo * s - p), Math.min(n - 1, hi * s - p + (k - 1) * d)];
}

function boxesOf(info: StackInfo, target: FieldTarget): (Box | null)[] {
  const boxes: (Box | null)[] = [];
  boxes[target.level] = { y0: target.row, x0: target.col, rows: 1, cols: 1 };
  for (let l = target.level - 1; l >= 0; l--) {
    const above = boxes[l + 1];
    const row = info.rows[l];
    if (!above || !row) {
      boxes[l] = null;
      continue;
    }
    const [h, w] = levelSize(info, l);
    const wh = row.h.window;
    const ww = row.w.window;
    const [ry0, ry1] = readRange(above.y0, above.y0 + above.rows - 1, wh.kernel, wh.stride, wh.padding, wh.dilation, h);
    const [rx0, rx1] = readRange(above.x0, above.x0 + above.cols - 1, ww.kernel, ww.stride, ww.padding, ww.dilation, w);
    boxes[l] = ry1 < ry0 || rx1 < rx0 ? null : { y0: ry0, x0: rx0, rows: ry1 - ry0 + 1, cols: rx1 - rx0 + 1 };
  }
  return boxes;
}

function emptyField(target: FieldTarget, cost: number): EffectiveField {
  const none = new Float64Array(0);
  return { target, y0: 0, x0: 0, rows: 0, cols: 0, grad: none, magnitude: none, peak: 0, perChannel: none, cost };
}

function channelsAt(info: StackInfo, level: number): number {
  return level === 0 ? info.input.shape[0] : (info.rows[level - 1]?.outShape[0] ?? 0);
}

/**
 * Local output indices i in [0, count) whose tap q = (o0 + i)·s + offset lies
 * in the map [0, n): a half-open range [lo, hi).
 */
function tapRange(o0: number, count: number, s: number, offset: number, n: number): [number, number] {
  const lo = Math.max(0, Math.ceil(-offset / s) - o0);
  const hi = Math.min(count, Math.floor((n - 1 - offset) / s) - o0 + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * Forward pass of one conv layer from box `input` into `out` (both boxes of
 * their maps): out[co, y, x] = b[co] + Σ w[co, ci, ty, tx] · in[ci, y·s − p + ty·d, x·s − p + tx·d],
 * padding taps reading 0. Loops weight by weight so the innermost loop walks a row.
 */
function convForward(
  input: BoxMap,
  inSize: readonly [number, number],
  layer: ConvLayer,
  w: ConvWeights,
  out: BoxMap,
): void {
  const [kh, kw] = layer.kernel;
  const [sh, sw] = layer.stride;
  const [ph, pw] = layer.padding;
  const [dh, dw] = layer.dilation;
  const cin = layer.inChannels;
  const plane = out.rows * out.cols;
  const inPlane = input.rows * input.cols;
  const od = out.data;
  const id = input.data;
  const wd = w.weight;
  for (let co = 0; co < out.channels; co++) od.fill(w.bias?.[co] ?? 0, co * plane, (co + 1) * plane);
  for (let co = 0; co < out.channels; co++) {
    for (let ci = 0; ci < cin; ci++) {
      for (let ty = 0; ty < kh; ty++) {
        const [ylo, yhi] = tapRange(out.y0, out.rows, sh, ty * dh - ph, inSize[0]);
        for (let tx = 0; tx < kw; tx++) {
          const wv = wd[((co * cin + ci) * kh + ty) * kw + tx] ?? 0;
          if (wv === 0) continue;
          const [xlo, xhi] = tapRange(out.x0, out.cols, sw, tx * dw - pw, inSize[1]);
          for (let y = ylo; y < yhi; y++) {
            const qy = (out.y0 + y) * sh - ph + ty * dh - input.y0;
            const o = co * plane + y * out.cols;
            const i = ci * inPlane + qy * input.cols + tx * dw - pw - input.x0;
            for (let x = xlo; x < xhi; x++) od[o + x] = (od[o + x] ?? 0) + wv * (id[i + (out.x0 + x) * sw] ?? 0);
          }
        }
      }
    }
  }
}

/**
 * ∂/∂input of one conv layer: each output gradient stamped back through the
 * kernel, g_in[ci, y·s − p + ty·d, x·s − p + tx·d] += w[co, ci, ty, tx] · g[co, y, x];
 * padding taps are dropped.
 */
function convBackward(
  grad: BoxMap,
  inBox: Box,
  inSize: readonly [number, number],
  layer: ConvLayer,
  w: ConvWeights,
): BoxMap {
  const cin = layer.inChannels;
  const out = emptyBoxMap(cin, inBox.y0, inBox.x0, inBox.rows, inBox.cols);
  const [kh, kw] = layer.kernel;
  const [sh, sw] = layer.stride;
  const [ph, pw] = layer.padding;
  const [dh, dw] = layer.dilation;
  const plane = grad.rows * grad.cols;
  const inPlane = out.rows * out.cols;
  const gd = grad.data;
  const od = out.data;
  const wd = w.weight;
  for (let co = 0; co < grad.channels; co++) {
    for (let ci = 0; ci < cin; ci++) {
      for (let ty = 0; ty < kh; ty++) {
        const [ylo, yhi] = tapRange(grad.y0, grad.rows, sh, ty * dh - ph, inSize[0]);
        for (let tx = 0; tx < kw; tx++) {
          const wv = wd[((co * cin + ci) * kh + ty) * kw + tx] ?? 0;
          if (wv === 0) continue;
          const [xlo, xhi] = tapRange(grad.x0, grad.cols, sw, tx * dw - pw, inSize[1]);
          for (let y = ylo; y < yhi; y++) {
            const qy = (grad.y0 + y) * sh - ph + ty * dh - out.y0;
            const g = co * plane + y * grad.cols;
            const i = ci * inPlane + qy * out.cols + tx * dw - pw - out.x0;
            for (let x = xlo; x < xhi; x++) {
              const at = i + (grad.x0 + x) * sw;
              od[at] = (od[at] ?? 0) + wv * (gd[g + x] ?? 0);
            }
          }
        }
      }
    }
  }
  return out;
}

function needsForward(layers: readonly StackLayer[], level: number): boolean {
  return layers.slice(0, level).some((l) => l.kind === 'relu' || l.kind === 'maxpool');
}

/** Multiply-adds of the conv layers over the boxes: forward (when needed) and backward. */
function costOf(info: StackInfo, boxes: readonly (Box | null)[], level: number, forward: boolean): number {
  let cost = 0;
  for (let l = 0; l < level; l++) {
    const layer = info.stack.layers[l];
    const out = boxes[l + 1];
    if (!layer || layer.kind !== 'conv' || !out) continue;
    const macs = out.rows * out.cols * layer.outChannels * layer.inChannels * layer.kernel[0] * layer.kernel[1];
    cost += forward ? 2 * macs : macs;
  }
  return cost;
}

/**
 * The effective receptive field of one output cell (see `EffectiveField`).
 * `image(c, y, x)` gives the input's values (they matter only where a ReLU or
 * a max pool chooses); `weights` come from `stackWeights` or from elsewhere.
 * BatchNorm2d runs as in `model.eval()` (`BATCH_NORM_EVAL_SCALE`). When a
 * layer is refused, the cells of the layers before it still have a field.
 * Refuses a refused input, a cell it does not have, and more than `maxCost`
 * multiply-adds (`effective-field-too-costly`).
 */
export function effectiveField(
  info: StackInfo,
  target: FieldTarget,
  weights: StackWeights,
  image: (c: number, y: number, x: number) => number,
  maxCost = EFFECTIVE_FIELD_MAX_COST,
): EffectiveField {
  if (info.refusedLayer === -1) throw new EngineError(info.problems, info.suggestions);
  const { level, row, col, channel } = target;
  const channels = channelsAt(info, level);
  const [H, W] = levelSize(info, level);
  const bad = (name: string, value: number, max: number): never => {
    throw new EngineError([problem('cell-out-of-range', { name, value, min: 0, max })]);
  };
  if (!Number.isInteger(level) || level < 0 || level > info.rows.length) bad('level', level, info.rows.length);
  if (!Number.isInteger(row) || row < 0 || row >= H) bad('row', row, H - 1);
  if (!Number.isInteger(col) || col < 0 || col >= W) bad('column', col, W - 1);
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) bad('channel', channel, channels - 1);

  const layers = info.stack.layers;
  const boxes = boxesOf(info, target);
  const forward = needsForward(layers, level);
  const cost = costOf(info, boxes, level, forward);
  if (cost > maxCost) throw new EngineError([problem('effective-field-too-costly', { cost, max: maxCost })]);

  const image0 = boxes[0];
  const c0 = info.input.shape[0];
  if (!image0) return emptyField(target, 0);

  // Forward through the boxes, keeping what the backward pass needs: each
  // ReLU's input and each max pool's choices.
  const acts: (BoxMap | null)[] = [];
  const argmaxes: (Int32Array | null)[] = [];
  if (forward) {
    const x = emptyBoxMap(c0, image0.y0, image0.x0, image0.rows, image0.cols);
    for (let c = 0; c < c0; c++) {
      for (let y = 0; y < x.rows; y++) {
        for (let xx = 0; xx < x.cols; xx++) x.data[(c * x.rows + y) * x.cols + xx] = image(c, x.y0 + y, x.x0 + xx);
      }
    }
    acts[0] = x;
    for (let l = 0; l < level; l++) {
      const input = acts[l];
      const box = boxes[l + 1];
      const layer = layers[l];
      if (!input || !box || !layer) break;
      const inSize = levelSize(info, l);
      const out = emptyBoxMap(layerOutChannels(layer, input.channels), box.y0, box.x0, box.rows, box.cols);
      switch (layer.kind) {
        case 'conv':
          convForward(input, inSize, layer, weights[l] ?? { weight: new Float64Array(0), bias: null }, out);
          break;
        case 'maxpool':
        case 'avgpool': {
          const r = poolBoxForward(input, inSize, layer, box.y0, box.x0, box.rows, box.cols);
          out.data.set(r.output.data);
          argmaxes[l] = r.argmax;
          break;
        }
        case 'relu':
        case 'batchnorm': {
          const scale = layer.kind === 'batchnorm' ? BATCH_NORM_EVAL_SCALE : 1;
          for (let c = 0; c < out.channels; c++) {
            for (let y = 0; y < box.rows; y++) {
              for (let xx = 0; xx < box.cols; xx++) {
                const v =
                  input.data[(c * input.rows + box.y0 - input.y0 + y) * input.cols + box.x0 - input.x0 + xx] ?? 0;
                out.data[(c * box.rows + y) * box.cols + xx] = layer.kind === 'relu' ? Math.max(0, v) : v * scale;
              }
            }
          }
          break;
        }
      }
      acts[l + 1] = out;
    }
  }

  let grad = emptyBoxMap(channels, row, col, 1, 1);
  grad.data[channel] = 1;
  for (let l = level - 1; l >= 0; l--) {
    const layer = layers[l];
    const inBox = boxes[l];
    if (!layer || !inBox) break;
    const inSize = levelSize(info, l);
    const inChannels = channelsAt(info, l);
    switch (layer.kind) {
      case 'conv':
        grad = convBackward(grad, inBox, inSize, layer, weights[l] ?? { weight: new Float64Array(0), bias: null });
        break;
      case 'maxpool':
      case 'avgpool':
        grad = poolBoxBackward({ channels: inChannels, ...inBox }, inSize, layer, grad, argmaxes[l] ?? null);
        break;
      case 'relu':
      case 'batchnorm': {
        // Same box above and below: these layers keep every position.
        const input = acts[l];
        const next = emptyBoxMap(inChannels, inBox.y0, inBox.x0, inBox.rows, inBox.cols);
        for (let c = 0; c < inChannels; c++) {
          for (let y = 0; y < inBox.rows; y++) {
            for (let x = 0; x < inBox.cols; x++) {
              const gi = (c * grad.rows + inBox.y0 - grad.y0 + y) * grad.cols + inBox.x0 - grad.x0 + x;
              const g = grad.data[gi] ?? 0;
              const i = (c * inBox.rows + y) * inBox.cols + x;
              if (layer.kind === 'batchnorm') next.data[i] = g * BATCH_NORM_EVAL_SCALE;
              else next.data[i] = (input?.data[i] ?? 0) > 0 ? g : 0;
            }
          }
        }
        grad = next;
        break;
      }
    }
  }

  // The boxes above are whole ranges, so they can hold cells that no path
  // reaches (a dilated window steps over them); crop to the exact extent.
  const exact = level === 0 ? null : (cellRegion(info, level, row, col).levels[0] ?? null);
  const ry = level === 0 ? ([row, row] as const) : exact?.rows.extent;
  const rx = level === 0 ? ([col, col] as const) : exact?.cols.extent;
  if (!ry || !rx) return emptyField(target, cost);
  const rows = ry[1] - ry[0] + 1;
  const cols = rx[1] - rx[0] + 1;
  const n = rows * cols;
  const perChannel = new Float64Array(c0 * n);
  const sum = new Float64Array(n);
  const magnitude = new Float64Array(n);
  let peak = 0;
  for (let c = 0; c < c0; c++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const g = grad.data[(c * image0.rows + ry[0] - image0.y0 + y) * image0.cols + rx[0] - image0.x0 + x] ?? 0;
        const i = y * cols + x;
        perChannel[c * n + i] = g;
        sum[i] = (sum[i] ?? 0) + g;
        magnitude[i] = (magnitude[i] ?? 0) + Math.abs(g);
      }
    }
  }
  for (const m of magnitude) peak = Math.max(peak, m);
  return { target, y0: ry[0], x0: rx[0], rows, cols, grad: sum, magnitude, peak, perChannel, cost };
}
