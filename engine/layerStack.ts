import type { Axis, Pair } from './convInfo';
import { EngineError, problem, type EngineProblem, type ProblemDetailsByCode, type Suggestion } from './errors';
import type { FormulaTerm } from './formulas';

/**
 * A stack of layers as the receptive-field lesson edits it: the subset of
 * `torch.nn` that a student can paste (`nn.Conv2d`, `nn.MaxPool2d`,
 * `nn.AvgPool2d`, `nn.ReLU`, `nn.BatchNorm2d`), with PyTorch's own rules.
 * Every spatial setting is a [height, width] pair.
 */
export interface ConvLayer {
  readonly kind: 'conv';
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly dilation: Pair;
  readonly bias: boolean;
}

/** `nn.MaxPool2d`: padding cells are −∞, so they never win. */
export interface MaxPoolLayer {
  readonly kind: 'maxpool';
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly dilation: Pair;
  readonly ceilMode: boolean;
}

/** `nn.AvgPool2d` (it has no dilation); `countIncludePad` is PyTorch's `count_include_pad`. */
export interface AvgPoolLayer {
  readonly kind: 'avgpool';
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;
}

export interface ReluLayer {
  readonly kind: 'relu';
}

/** `nn.BatchNorm2d(channels)`; in the lesson it runs in inference mode (`model.eval()`). */
export interface BatchNormLayer {
  readonly kind: 'batchnorm';
  readonly channels: number;
}

export type StackLayer = ConvLayer | MaxPoolLayer | AvgPoolLayer | ReluLayer | BatchNormLayer;
export type LayerKind = StackLayer['kind'];
export type PoolLayer = MaxPoolLayer | AvgPoolLayer;

/** The input as [channels, height, width] and the layers applied to it in order. */
export interface LayerStack {
  readonly input: { readonly channels: number; readonly size: Pair };
  readonly layers: readonly StackLayer[];
}

/** What the lesson accepts: PyTorch accepts more, the figures and table do not. */
export const STACK_LIMITS = {
  maxLayers: 16,
  maxInputSize: 512,
  maxChannels: 4096,
  maxKernel: 64,
  maxStride: 64,
  maxDilation: 64,
  maxPadding: 256,
} as const;

/** A layer's window along one axis; shape-preserving layers are k = s = d = 1, p = 0. */
export interface AxisWindow {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  readonly ceilMode: boolean;
}

const IDENTITY_WINDOW: AxisWindow = { kernel: 1, stride: 1, padding: 0, dilation: 1, ceilMode: false };

function pick(p: Pair, axis: Axis): number {
  return axis === 'h' ? p[0] : p[1];
}

/** The window of `layer` along `axis`. */
export function axisWindow(layer: StackLayer, axis: Axis): AxisWindow {
  switch (layer.kind) {
    case 'conv':
      return {
        kernel: pick(layer.kernel, axis),
        stride: pick(layer.stride, axis),
        padding: pick(layer.padding, axis),
        dilation: pick(layer.dilation, axis),
        ceilMode: false,
      };
    case 'maxpool':
      return {
        kernel: pick(layer.kernel, axis),
        stride: pick(layer.stride, axis),
        padding: pick(layer.padding, axis),
        dilation: pick(layer.dilation, axis),
        ceilMode: layer.ceilMode,
      };
    case 'avgpool':
      return {
        kernel: pick(layer.kernel, axis),
        stride: pick(layer.stride, axis),
        padding: pick(layer.padding, axis),
        dilation: 1,
        ceilMode: layer.ceilMode,
      };
    case 'relu':
    case 'batchnorm':
      return IDENTITY_WINDOW;
  }
}

/**
 * Output size along one axis, exactly as PyTorch computes it:
 * o = ⌊(n + 2p − d(k−1) − 1 + (ceil ? s−1 : 0)) / s⌋ + 1 (conv_arithmetic
 * Relationship 6, with dilation Relationship 15); in ceil mode the last window
 * must start inside the image or its left padding, so o drops by one when
 * (o−1)·s ≥ n + p (`pooling_output_shape` in ATen).
 */
export function windowOutputSize(n: number, w: AxisWindow): number {
  const span = w.dilation * (w.kernel - 1) + 1;
  const numerator = n + 2 * w.padding - span + (w.ceilMode ? w.stride - 1 : 0);
  let o = Math.floor(numerator / w.stride) + 1;
  if (w.ceilMode && (o - 1) * w.stride >= n + w.padding) o -= 1;
  return o;
}

/** A term-by-term record of one recurrence step, so a view can print it with the numbers in. */
export interface RecurrenceFormula {
  readonly id: 'rf-size' | 'rf-jump' | 'rf-start' | 'rf-output-size';
  readonly terms: readonly FormulaTerm[];
  readonly result: number;
}

/**
 * One layer's row of the receptive-field table along one axis. Sizes and
 * positions are in input pixels; layer l's output is level l, the image level 0.
 * After Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional
 * Neural Networks", Distill 2019, written as recurrences from level 0
 * (r₀ = 1, j₀ = 1, c₀ = 0):
 * - jump (effective stride)   jₗ = jₗ₋₁ · sₗ
 * - receptive-field size      rₗ = rₗ₋₁ + (kₗ − 1) · dₗ · jₗ₋₁
 * - centre of output 0        cₗ = cₗ₋₁ + ((kₗ − 1) · dₗ / 2 − pₗ) · jₗ₋₁
 * - left edge of output 0     uₗ = uₗ₋₁ − pₗ · jₗ₋₁ = cₗ − (rₗ − 1)/2
 * Output i of level l sees input pixels uₗ + i·jₗ … uₗ + i·jₗ + rₗ − 1 before
 * clipping to the image.
 */
export interface AxisRow {
  readonly axis: Axis;
  readonly window: AxisWindow;
  /** d(k − 1) + 1 */
  readonly span: number;
  readonly inSize: number;
  readonly outSize: number;
  readonly jump: number;
  readonly size: number;
  /** Centre of output 0's field, in input pixels (a half when the size is even). */
  readonly start: number;
  /** First input pixel of output 0's field, unclipped (negative in the padding). */
  readonly first: number;
  readonly formulas: {
    readonly outSize: RecurrenceFormula;
    readonly jump: RecurrenceFormula;
    readonly size: RecurrenceFormula;
    readonly start: RecurrenceFormula;
  };
}

export interface LayerRow {
  readonly index: number;
  readonly layer: StackLayer;
  /** [C, H, W] going in and coming out. */
  readonly inShape: readonly [number, number, number];
  readonly outShape: readonly [number, number, number];
  readonly h: AxisRow;
  readonly w: AxisRow;
  /**
   * Learnable parameters: conv C_out·C_in·k_h·k_w (+ C_out with a bias);
   * BatchNorm2d 2C (γ and β; the running statistics are buffers); pools and ReLU 0.
   */
  readonly params: number;
  /**
   * Multiply-adds for one image: conv H_out·W_out·C_out·C_in·k_h·k_w; BatchNorm
   * in inference is one multiply-add per element, C·H·W; pools and ReLU 0.
   */
  readonly macs: number;
}

/** The row of the image itself (level 0): r₀ = 1, j₀ = 1, c₀ = 0. */
export interface LevelZero {
  readonly shape: readonly [number, number, number];
}

/** A refusal inside a stack; `layer` is null when the input itself is refused. */
export type StackProblem = EngineProblem & {
  readonly layer: number | null;
};

/** A change to one layer (or to the input when `layer` is null) that makes it valid. */
export interface StackSuggestion extends Suggestion {
  readonly layer: number | null;
}

/**
 * Everything the lesson shows about a stack. The stack itself is never
 * dropped: when a layer is refused, `rows` holds the layers before it, and
 * `refusedLayer`, `problems` and `suggestions` say which layer, why, and the
 * nearest settings that PyTorch would accept.
 */
export interface StackInfo {
  readonly stack: LayerStack;
  readonly input: LevelZero;
  readonly rows: readonly LayerRow[];
  readonly problems: readonly StackProblem[];
  /** null while every layer is accepted; −1 when the input (or the depth) is refused. */
  readonly refusedLayer: number | null;
  readonly suggestions: readonly StackSuggestion[];
  readonly valid: boolean;
}

function isIntIn(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

function rangeProblem(
  layer: number | null,
  name: string,
  value: number,
  min: number,
  max: number,
  axis?: Axis,
): StackProblem {
  const details = { name, value, min, max, ...(axis ? { axis } : {}), ...(layer !== null ? { layer } : {}) };
  return { ...problem('value-out-of-range', details), layer };
}

function layerProblem<C extends StackProblem['code']>(
  layer: number,
  code: C,
  details: Omit<ProblemDetailsByCode[C], 'layer'>,
): StackProblem {
  return { ...problem(code, { layer, ...details } as ProblemDetailsByCode[C]), layer };
}

const AXES: readonly Axis[] = ['h', 'w'];

/** Problems of the input alone (sizes and channels within the lesson's limits). */
function inputProblems(stack: LayerStack): StackProblem[] {
  const out: StackProblem[] = [];
  const { channels, size } = stack.input;
  if (!isIntIn(channels, 1, STACK_LIMITS.maxChannels)) {
    out.push(rangeProblem(null, 'channels', channels, 1, STACK_LIMITS.maxChannels));
  }
  for (const axis of AXES) {
    const n = pick(size, axis);
    if (!isIntIn(n, 1, STACK_LIMITS.maxInputSize)) {
      out.push(rangeProblem(null, 'inputSize', n, 1, STACK_LIMITS.maxInputSize, axis));
    }
  }
  if (stack.layers.length > STACK_LIMITS.maxLayers) {
    out.push({
      ...problem('stack-too-deep', { layers: stack.layers.length, max: STACK_LIMITS.maxLayers }),
      layer: null,
    });
  }
  return out;
}

/**
 * Why PyTorch (or the lesson's limits) would refuse `layer` on an input of
 * shape [C, H, W]; empty when it is accepted.
 */
export function layerProblems(
  layer: StackLayer,
  index: number,
  inShape: readonly [number, number, number],
): StackProblem[] {
  const out: StackProblem[] = [];
  const [channels, inH, inW] = inShape;
  const pairRange = (name: string, p: Pair, min: number, max: number): void => {
    for (const axis of AXES) {
      const v = pick(p, axis);
      if (!isIntIn(v, min, max)) out.push(rangeProblem(index, name, v, min, max, axis));
    }
  };
  switch (layer.kind) {
    case 'relu':
      return out;
    case 'batchnorm':
      if (layer.channels !== channels) {
        out.push(
          layerProblem(index, 'in-channels-mismatch', { name: 'channels', expected: channels, actual: layer.channels }),
        );
      }
      return out;
    case 'conv':
      if (!isIntIn(layer.inChannels, 1, STACK_LIMITS.maxChannels)) {
        out.push(rangeProblem(index, 'inChannels', layer.inChannels, 1, STACK_LIMITS.maxChannels));
      } else if (layer.inChannels !== channels) {
        out.push(
          layerProblem(index, 'in-channels-mismatch', {
            name: 'inChannels',
            expected: channels,
            actual: layer.inChannels,
          }),
        );
      }
      if (!isIntIn(layer.outChannels, 1, STACK_LIMITS.maxChannels)) {
        out.push(rangeProblem(index, 'outChannels', layer.outChannels, 1, STACK_LIMITS.maxChannels));
      }
      pairRange('kernel', layer.kernel, 1, STACK_LIMITS.maxKernel);
      pairRange('stride', layer.stride, 1, STACK_LIMITS.maxStride);
      pairRange('padding', layer.padding, 0, STACK_LIMITS.maxPadding);
      pairRange('dilation', layer.dilation, 1, STACK_LIMITS.maxDilation);
      break;
    case 'maxpool':
    case 'avgpool':
      pairRange('kernel', layer.kernel, 1, STACK_LIMITS.maxKernel);
      pairRange('stride', layer.stride, 1, STACK_LIMITS.maxStride);
      pairRange('padding', layer.padding, 0, STACK_LIMITS.maxPadding);
      if (layer.kind === 'maxpool') pairRange('dilation', layer.dilation, 1, STACK_LIMITS.maxDilation);
      if (out.length > 0) return out;
      // ATen's pool2d_shape_check: pad ≤ ⌊k/2⌋ on each axis.
      for (const axis of AXES) {
        const k = pick(layer.kernel, axis);
        const p = pick(layer.padding, axis);
        if (p > Math.floor(k / 2)) {
          out.push(
            layerProblem(index, 'pool-padding-too-large', { axis, padding: p, kernel: k, max: Math.floor(k / 2) }),
          );
        }
      }
      break;
  }
  if (out.length > 0) return out;
  const outH = windowOutputSize(inH, axisWindow(layer, 'h'));
  const outW = windowOutputSize(inW, axisWindow(layer, 'w'));
  if (outH < 1 || outW < 1) {
    const wh = axisWindow(layer, 'h');
    const ww = axisWindow(layer, 'w');
    out.push(
      layerProblem(index, 'kernel-larger-than-padded-input', {
        paddedH: inH + 2 * wh.padding,
        paddedW: inW + 2 * ww.padding,
        kernelH: wh.dilation * (wh.kernel - 1) + 1,
        kernelW: ww.dilation * (ww.kernel - 1) + 1,
        dilationH: wh.dilation,
        dilationW: ww.dilation,
      }),
    );
  }
  return out;
}

/** Channels coming out of a layer that receives `channels`. */
export function layerOutChannels(layer: StackLayer, channels: number): number {
  return layer.kind === 'conv' ? layer.outChannels : channels;
}

function term(id: string, symbol: string, value: number): FormulaTerm {
  return { id, symbol, value };
}

interface Carried {
  readonly jump: number;
  readonly size: number;
  readonly start: number;
  readonly first: number;
}

function axisRow(axis: Axis, window: AxisWindow, inSize: number, prev: Carried): AxisRow {
  const { kernel: k, stride: s, padding: p, dilation: d } = window;
  const span = d * (k - 1) + 1;
  const outSize = windowOutputSize(inSize, window);
  const jump = prev.jump * s;
  const size = prev.size + (k - 1) * d * prev.jump;
  const start = prev.start + ((k - 1) * d * 0.5 - p) * prev.jump;
  const first = prev.first - p * prev.jump;
  return {
    axis,
    window,
    span,
    inSize,
    outSize,
    jump,
    size,
    start,
    first,
    formulas: {
      outSize: {
        id: 'rf-output-size',
        terms: [
          term('n', 'n_{l-1}', inSize),
          term('p', 'p_l', p),
          term('d', 'd_l', d),
          term('k', 'k_l', k),
          term('s', 's_l', s),
          term('ceil', '\\lceil\\rceil', window.ceilMode ? 1 : 0),
        ],
        result: outSize,
      },
      jump: { id: 'rf-jump', terms: [term('jPrev', 'j_{l-1}', prev.jump), term('s', 's_l', s)], result: jump },
      size: {
        id: 'rf-size',
        terms: [
          term('rPrev', 'r_{l-1}', prev.size),
          term('k', 'k_l', k),
          term('d', 'd_l', d),
          term('jPrev', 'j_{l-1}', prev.jump),
        ],
        result: size,
      },
      start: {
        id: 'rf-start',
        terms: [
          term('cPrev', 'c_{l-1}', prev.start),
          term('k', 'k_l', k),
          term('d', 'd_l', d),
          term('p', 'p_l', p),
          term('jPrev', 'j_{l-1}', prev.jump),
        ],
        result: start,
      },
    },
  };
}

function paramsAndMacs(
  layer: StackLayer,
  outShape: readonly [number, number, number],
): { params: number; macs: number } {
  const [c, h, w] = outShape;
  switch (layer.kind) {
    case 'conv': {
      const perOutput = layer.inChannels * layer.kernel[0] * layer.kernel[1];
      return {
        params: layer.outChannels * perOutput + (layer.bias ? layer.outChannels : 0),
        macs: h * w * layer.outChannels * perOutput,
      };
    }
    case 'batchnorm':
      return { params: 2 * layer.channels, macs: c * h * w };
    case 'maxpool':
    case 'avgpool':
    case 'relu':
      return { params: 0, macs: 0 };
  }
}

const ORIGIN: Carried = { jump: 1, size: 1, start: 0, first: 0 };

/**
 * The receptive-field table of a stack (see `AxisRow` for the recurrences),
 * with PyTorch's refusals: the first refused layer stops the table, keeps the
 * stack, and comes with the nearest valid settings for that layer.
 */
export function stackInfo(stack: LayerStack): StackInfo {
  const [inH, inW] = stack.input.size;
  const input: LevelZero = { shape: [stack.input.channels, inH, inW] };
  const early = inputProblems(stack);
  if (early.length > 0) {
    return {
      stack,
      input,
      rows: [],
      problems: early,
      refusedLayer: -1,
      suggestions: suggestInputFixes(stack),
      valid: false,
    };
  }
  const rows: LayerRow[] = [];
  let shape: readonly [number, number, number] = input.shape;
  let ph = ORIGIN;
  let pw = ORIGIN;
  for (let index = 0; index < stack.layers.length; index++) {
    const layer = stack.layers[index] as StackLayer;
    const problems = layerProblems(layer, index, shape);
    if (problems.length > 0) {
      return {
        stack,
        input,
        rows,
        problems,
        refusedLayer: index,
        suggestions: [...suggestLayerFixes(layer, index, shape), ...suggestLargerInput(stack, index, problems)],
        valid: false,
      };
    }
    const h = axisRow('h', axisWindow(layer, 'h'), shape[1], ph);
    const w = axisRow('w', axisWindow(layer, 'w'), shape[2], pw);
    const outShape: readonly [number, number, number] = [layerOutChannels(layer, shape[0]), h.outSize, w.outSize];
    rows.push({ index, layer, inShape: shape, outShape, h, w, ...paramsAndMacs(layer, outShape) });
    shape = outShape;
    ph = h;
    pw = w;
  }
  return { stack, input, rows, problems: [], refusedLayer: null, suggestions: [], valid: true };
}

/** Throws the typed refusal (problems and suggestions) when the stack is refused. */
export function assertValidStack(info: StackInfo): void {
  if (!info.valid) throw new EngineError(info.problems, info.suggestions);
}

/** Fields of a layer that hold a [h, w] pair. */
type PairField = 'kernel' | 'stride' | 'padding' | 'dilation';

const PAIR_FIELDS: Readonly<Record<LayerKind, readonly PairField[]>> = {
  conv: ['padding', 'kernel', 'dilation', 'stride'],
  maxpool: ['padding', 'kernel', 'dilation', 'stride'],
  avgpool: ['padding', 'kernel', 'stride'],
  relu: [],
  batchnorm: [],
};

const FIELD_RANGE: Readonly<Record<PairField, readonly [number, number]>> = {
  kernel: [1, STACK_LIMITS.maxKernel],
  stride: [1, STACK_LIMITS.maxStride],
  padding: [0, STACK_LIMITS.maxPadding],
  dilation: [1, STACK_LIMITS.maxDilation],
};

function withPair(layer: StackLayer, field: PairField, axis: Axis | null, v: number): StackLayer {
  const current = (layer as unknown as Record<PairField, Pair>)[field];
  const next: Pair = axis === null ? [v, v] : axis === 'h' ? [v, current[1]] : [current[0], v];
  return { ...layer, [field]: next } as StackLayer;
}

function clampInt(v: number, min: number, max: number): number {
  if (!Number.isFinite(v)) return min;
  return Math.min(max, Math.max(min, Math.round(v)));
}

/**
 * The nearest settings of one layer that PyTorch accepts on this input, one
 * change each, closest first: a padding, kernel, dilation or stride (both axes
 * or one), ceil_mode, or the channels the previous layer gives.
 */
export function suggestLayerFixes(
  layer: StackLayer,
  index: number,
  inShape: readonly [number, number, number],
  limit = 6,
): StackSuggestion[] {
  const ok = (l: StackLayer): boolean => layerProblems(l, index, inShape).length === 0;
  if (ok(layer)) return [];
  // Out-of-range numbers first come back into range; the search then starts there.
  let base: StackLayer = layer;
  const found: { s: StackSuggestion; distance: number }[] = [];
  const channels = inShape[0];
  if (layer.kind === 'conv') {
    if (layer.inChannels !== channels) {
      base = { ...base, inChannels: channels } as ConvLayer;
      found.push({ s: { layer: index, param: 'inChannels', from: layer.inChannels, to: channels }, distance: 0 });
    }
    const oc = clampInt(layer.outChannels, 1, STACK_LIMITS.maxChannels);
    if (oc !== layer.outChannels) {
      base = { ...base, outChannels: oc } as ConvLayer;
      found.push({ s: { layer: index, param: 'outChannels', from: layer.outChannels, to: oc }, distance: 0 });
    }
  }
  if (layer.kind === 'batchnorm' && layer.channels !== channels) {
    found.push({ s: { layer: index, param: 'channels', from: layer.channels, to: channels }, distance: 0 });
    return found.map((f) => f.s);
  }
  for (const field of PAIR_FIELDS[layer.kind]) {
    const [min, max] = FIELD_RANGE[field];
    for (const axis of AXES) {
      const value = pick((base as unknown as Record<PairField, Pair>)[field], axis);
      const clamped = clampInt(value, min, max);
      if (clamped !== value) {
        base = withPair(base, field, axis, clamped);
        found.push({ s: { layer: index, param: field, axis, from: value, to: clamped }, distance: 0 });
      }
    }
  }
  if (found.length > 0 && ok(base)) return found.map((f) => f.s).slice(0, limit);
  for (const field of PAIR_FIELDS[layer.kind]) {
    const [min, max] = FIELD_RANGE[field];
    const pair = (base as unknown as Record<PairField, Pair>)[field];
    const knobs: { axis: Axis | null; from: number }[] = [
      { axis: null, from: Math.max(pair[0], pair[1]) },
      { axis: 'h', from: pair[0] },
      { axis: 'w', from: pair[1] },
    ];
    for (const { axis, from } of knobs) {
      for (let distance = 1; distance <= 64; distance++) {
        const hit = [from - distance, from + distance]
          .filter((v) => v >= min && v <= max)
          .find((v) => ok(withPair(base, field, axis, v)));
        if (hit !== undefined) {
          const s: StackSuggestion =
            axis === null
              ? { layer: index, param: field, from, to: hit }
              : { layer: index, param: field, axis, from, to: hit };
          found.push({ s, distance });
          break;
        }
      }
    }
  }
  if ((layer.kind === 'maxpool' || layer.kind === 'avgpool') && ok({ ...layer, ceilMode: !layer.ceilMode })) {
    found.push({
      s: { layer: index, param: 'ceilMode', from: String(layer.ceilMode), to: String(!layer.ceilMode) },
      distance: 1,
    });
  }
  found.sort((a, b) => a.distance - b.distance);
  return found.map((f) => f.s).slice(0, limit);
}

/**
 * When a window no longer fits (`kernel-larger-than-padded-input`), the
 * smallest larger image on which every layer up to the refused one fits:
 * one input-size change, per axis, or for both when the image is square.
 */
function suggestLargerInput(stack: LayerStack, index: number, problems: readonly StackProblem[]): StackSuggestion[] {
  if (!problems.some((p) => p.code === 'kernel-larger-than-padded-input')) return [];
  const [h, w] = stack.input.size;
  // Walks the layers' own checks (not stackInfo, which would look for fixes again).
  const fits = (size: Pair): boolean => {
    let shape: readonly [number, number, number] = [stack.input.channels, size[0], size[1]];
    for (let l = 0; l <= index; l++) {
      const layer = stack.layers[l] as StackLayer;
      if (layerProblems(layer, l, shape).length > 0) return false;
      const [oh, ow] = [
        windowOutputSize(shape[1], axisWindow(layer, 'h')),
        windowOutputSize(shape[2], axisWindow(layer, 'w')),
      ];
      shape = [layerOutChannels(layer, shape[0]), oh, ow];
    }
    return true;
  };
  const search = (from: number, sized: (v: number) => Pair): number | null => {
    for (let v = from + 1; v <= STACK_LIMITS.maxInputSize; v++) if (fits(sized(v))) return v;
    return null;
  };
  const out: StackSuggestion[] = [];
  if (h === w) {
    const v = search(h, (n) => [n, n]);
    if (v !== null) out.push({ layer: null, param: 'inputSize', from: h, to: v });
    return out;
  }
  const vh = search(h, (n) => [n, w]);
  if (vh !== null) out.push({ layer: null, param: 'inputSize', axis: 'h', from: h, to: vh });
  const vw = search(w, (n) => [h, n]);
  if (vw !== null) out.push({ layer: null, param: 'inputSize', axis: 'w', from: w, to: vw });
  return out;
}

function suggestInputFixes(stack: LayerStack): StackSuggestion[] {
  const out: StackSuggestion[] = [];
  const { channels, size } = stack.input;
  const c = clampInt(channels, 1, STACK_LIMITS.maxChannels);
  if (c !== channels) out.push({ layer: null, param: 'channels', from: channels, to: c });
  for (const axis of AXES) {
    const n = pick(size, axis);
    const clamped = clampInt(n, 1, STACK_LIMITS.maxInputSize);
    if (clamped !== n) out.push({ layer: null, param: 'inputSize', axis, from: n, to: clamped });
  }
  if (stack.layers.length > STACK_LIMITS.maxLayers) {
    out.push({ layer: null, param: 'layers', from: stack.layers.length, to: STACK_LIMITS.maxLayers });
  }
  return out;
}

/** A stack with one suggestion applied (a new value: stacks are immutable). */
export function applyStackSuggestion(stack: LayerStack, s: StackSuggestion): LayerStack {
  if (s.layer === null) {
    if (s.param === 'channels' && typeof s.to === 'number')
      return { ...stack, input: { ...stack.input, channels: s.to } };
    if (s.param === 'inputSize' && typeof s.to === 'number') {
      const size: Pair =
        s.axis === 'h' ? [s.to, stack.input.size[1]] : s.axis === 'w' ? [stack.input.size[0], s.to] : [s.to, s.to];
      return { ...stack, input: { ...stack.input, size } };
    }
    if (s.param === 'layers' && typeof s.to === 'number') return { ...stack, layers: stack.layers.slice(0, s.to) };
    return stack;
  }
  const layer = stack.layers[s.layer];
  if (!layer) return stack;
  let next: StackLayer;
  if (s.param === 'ceilMode') next = { ...layer, ceilMode: s.to === 'true' } as StackLayer;
  else if (typeof s.to === 'number' && (PAIR_FIELDS[layer.kind] as readonly string[]).includes(s.param)) {
    next = withPair(layer, s.param as PairField, s.axis ?? null, s.to);
  } else next = { ...layer, [s.param]: s.to } as StackLayer;
  return { ...stack, layers: stack.layers.map((l, i) => (i === s.layer ? next : l)) };
}
