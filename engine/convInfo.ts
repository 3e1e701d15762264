import { EngineError, problem, type EngineProblem, type Suggestion } from './errors';

/** A value per spatial axis: [height, width]. */
export type Pair = readonly [number, number];
export type Axis = 'h' | 'w';
export const AXES: readonly Axis[] = ['h', 'w'];

export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
export const PADDING_MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

/** Padding as PyTorch's `nn.Conv2d` takes it: per axis, or `'same'` / `'valid'`. */
export type PaddingSpec = Pair | 'same' | 'valid';

/**
 * The geometry of one `conv2d` call, without any tensor values. Weight shape is
 * [outChannels, inChannels / groups, kernelSize[0], kernelSize[1]].
 */
export interface Conv2dConfig {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inputSize: Pair;
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly padding: PaddingSpec;
  readonly dilation: Pair;
  readonly groups: number;
  readonly paddingMode: PaddingMode;
  readonly bias: boolean;
}

/**
 * The geometry of one `conv_transpose2d` call. Weight shape is
 * [inChannels, outChannels / groups, kernelSize[0], kernelSize[1]].
 */
export interface ConvTranspose2dConfig {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inputSize: Pair;
  readonly kernelSize: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly outputPadding: Pair;
  readonly dilation: Pair;
  readonly groups: number;
  readonly bias: boolean;
}

/** Everything about one spatial axis of a convolution. */
export interface ConvAxisInfo {
  readonly axis: Axis;
  /** i: input size. */
  readonly inSize: number;
  /** k: kernel size. */
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  /** d(k−1)+1: the span of the (dilated) kernel. */
  readonly effectiveKernel: number;
  /** Padding before (top / left) and after (bottom / right). */
  readonly padBefore: number;
  readonly padAfter: number;
  /** i + padBefore + padAfter. */
  readonly paddedSize: number;
  /**
   * o = ⌊(i + p₀ + p₁ − d(k−1) − 1) / s⌋ + 1 (conv_arithmetic Relationship 6,
   * with dilation Relationship 15). May be ≤ 0 for an invalid configuration.
   */
  readonly outSize: number;
  /**
   * Trailing padded rows/columns that no window position reaches because of the
   * floor: paddedSize − ((o−1)s + d(k−1) + 1). 0 when the windows tile exactly.
   */
  readonly unvisited: number;
}

export interface Conv2dInfo {
  readonly config: Conv2dConfig;
  readonly h: ConvAxisInfo;
  readonly w: ConvAxisInfo;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly inputShape: readonly [number, number, number, number];
  readonly weightShape: readonly [number, number, number, number];
  readonly outputShape: readonly [number, number, number, number];
  /** Empty when PyTorch accepts the configuration. */
  readonly problems: readonly EngineProblem[];
  readonly valid: boolean;
}

/** Everything about one spatial axis of a transposed convolution. */
export interface ConvTransposeAxisInfo {
  readonly axis: Axis;
  readonly inSize: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly effectiveKernel: number;
  readonly padding: number;
  readonly outputPadding: number;
  /** (i−1)s + d(k−1) + 1: the uncropped canvas every stamp lands on. */
  readonly fullSize: number;
  /**
   * o = (i−1)s − 2p + d(k−1) + output_padding + 1 (conv_arithmetic
   * Relationship 14 with dilation). May be ≤ 0 for an invalid configuration.
   */
  readonly outSize: number;
  /** Canvas cells cut away before the output starts (= padding). */
  readonly cropBefore: number;
  /** Canvas cells cut away after the output ends (p − output_padding, ≥ 0). */
  readonly cropAfter: number;
  /** Canvas size drawn: the full canvas, grown when output_padding exceeds p. */
  readonly canvasSize: number;
  /** Zeros inserted between neighbouring inputs in the equivalent convolution. */
  readonly insertedZeros: number;
  /** d(k−1) − p: padding of the equivalent direct convolution (may be negative). */
  readonly gatherPadBefore: number;
  /** d(k−1) − p + output_padding. */
  readonly gatherPadAfter: number;
}

export interface ConvTranspose2dInfo {
  readonly config: ConvTranspose2dConfig;
  readonly h: ConvTransposeAxisInfo;
  readonly w: ConvTransposeAxisInfo;
  readonly inPerGroup: number;
  readonly outPerGroup: number;
  readonly inputShape: readonly [number, number, number, number];
  readonly weightShape: readonly [number, number, number, number];
  readonly outputShape: readonly [number, number, number, number];
  readonly problems: readonly EngineProblem[];
  readonly valid: boolean;
}

function axisIndex(axis: Axis): 0 | 1 {
  return axis === 'h' ? 0 : 1;
}

function pick(p: Pair, axis: Axis): number {
  return p[axisIndex(axis)];
}

/**
 * Padding per side. `'same'` follows PyTorch: total d(k−1), ⌊total/2⌋ before,
 * the extra one after. `'valid'` is no padding.
 */
/** The input coordinate that padded coordinate `q` shows on one axis, or null where `q` is padding. */
export function unpaddedIndex(axis: ConvAxisInfo, q: number): number | null {
  const j = q - axis.padBefore;
  return j >= 0 && j < axis.inSize ? j : null;
}

export function paddingPerSide(spec: PaddingSpec, kernel: number, dilation: number, axis: Axis): [number, number] {
  if (spec === 'valid') return [0, 0];
  if (spec === 'same') {
    const total = dilation * (kernel - 1);
    const before = Math.floor(total / 2);
    return [before, total - before];
  }
  const p = pick(spec, axis);
  return [p, p];
}

const GEOMETRY_CODES: readonly string[] = [
  'non-positive-size',
  'invalid-stride',
  'invalid-dilation',
  'negative-padding',
  'negative-output-padding',
];

/** Sizes can be compared only once every size, stride and dilation is a proper number. */
function geometryIsSane(problems: readonly EngineProblem[]): boolean {
  return problems.every((p) => !GEOMETRY_CODES.includes(p.code));
}

function isPositiveInt(v: number): boolean {
  return Number.isInteger(v) && v >= 1;
}

function commonProblems(
  c: {
    batch: number;
    inChannels: number;
    outChannels: number;
    inputSize: Pair;
    kernelSize: Pair;
    stride: Pair;
    dilation: Pair;
    groups: number;
  },
  problems: EngineProblem[],
): void {
  for (const [name, value] of [
    ['batch', c.batch],
    ['inChannels', c.inChannels],
    ['outChannels', c.outChannels],
  ] as const) {
    if (!isPositiveInt(value)) problems.push(problem('non-positive-size', { name, value }));
  }
  for (const axis of AXES) {
    const i = pick(c.inputSize, axis);
    const k = pick(c.kernelSize, axis);
    if (!isPositiveInt(i)) problems.push(problem('non-positive-size', { name: 'inputSize', axis, value: i }));
    if (!isPositiveInt(k)) problems.push(problem('non-positive-size', { name: 'kernelSize', axis, value: k }));
    const s = pick(c.stride, axis);
    if (!isPositiveInt(s)) problems.push(problem('invalid-stride', { axis, stride: s }));
    const d = pick(c.dilation, axis);
    if (!isPositiveInt(d)) problems.push(problem('invalid-dilation', { axis, dilation: d }));
  }
  if (!isPositiveInt(c.groups)) {
    problems.push(problem('invalid-groups', { groups: c.groups }));
  } else {
    if (c.inChannels % c.groups !== 0) {
      problems.push(problem('in-channels-not-divisible-by-groups', { inChannels: c.inChannels, groups: c.groups }));
    }
    if (c.outChannels % c.groups !== 0) {
      problems.push(problem('out-channels-not-divisible-by-groups', { outChannels: c.outChannels, groups: c.groups }));
    }
  }
}

/**
 * The one record every conv2d path consumes (in the spirit of tfjs's
 * `Conv2DInfo`): sizes per axis, effective kernel, padding per side, output
 * size, unvisited remainder and the reasons PyTorch would refuse it.
 */
export function conv2dInfo(config: Conv2dConfig): Conv2dInfo {
  const problems: EngineProblem[] = [];
  commonProblems(config, problems);
  const strided = config.stride[0] !== 1 || config.stride[1] !== 1;
  if (config.padding === 'same' && strided) {
    problems.push(problem('same-padding-with-stride', { strideH: config.stride[0], strideW: config.stride[1] }));
  }
  const axes = AXES.map((axis): ConvAxisInfo => {
    const inSize = pick(config.inputSize, axis);
    const kernel = pick(config.kernelSize, axis);
    const stride = pick(config.stride, axis);
    const dilation = pick(config.dilation, axis);
    const [padBefore, padAfter] = paddingPerSide(config.padding, kernel, dilation, axis);
    if (config.padding !== 'same' && config.padding !== 'valid' && !(Number.isInteger(padBefore) && padBefore >= 0)) {
      problems.push(problem('negative-padding', { axis, padding: padBefore }));
    }
    if (config.paddingMode === 'reflect' && (padBefore >= inSize || padAfter >= inSize)) {
      problems.push(
        problem('reflect-padding-too-large', { axis, padding: Math.max(padBefore, padAfter), inputSize: inSize }),
      );
    }
    if (config.paddingMode === 'circular' && (padBefore > inSize || padAfter > inSize)) {
      problems.push(
        problem('circular-padding-too-large', { axis, padding: Math.max(padBefore, padAfter), inputSize: inSize }),
      );
    }
    const effectiveKernel = dilation * (kernel - 1) + 1;
    const paddedSize = inSize + padBefore + padAfter;
    const outSize = Math.floor((paddedSize - effectiveKernel) / stride) + 1;
    const unvisited = outSize >= 1 ? paddedSize - ((outSize - 1) * stride + effectiveKernel) : 0;
    return {
      axis,
      inSize,
      kernel,
      stride,
      dilation,
      effectiveKernel,
      padBefore,
      padAfter,
      paddedSize,
      outSize,
      unvisited,
    };
  });
  const h = axes[0] as ConvAxisInfo;
  const w = axes[1] as ConvAxisInfo;
  if (geometryIsSane(problems) && (h.paddedSize < h.effectiveKernel || w.paddedSize < w.effectiveKernel)) {
    problems.push(
      problem('kernel-larger-than-padded-input', {
        paddedH: h.paddedSize,
        paddedW: w.paddedSize,
        kernelH: h.effectiveKernel,
        kernelW: w.effectiveKernel,
        dilationH: h.dilation,
        dilationW: w.dilation,
      }),
    );
  }
  const groups = Math.max(1, config.groups);
  const inPerGroup = Math.floor(config.inChannels / groups);
  const outPerGroup = Math.floor(config.outChannels / groups);
  return {
    config,
    h,
    w,
    inPerGroup,
    outPerGroup,
    inputShape: [config.batch, config.inChannels, h.inSize, w.inSize],
    weightShape: [config.outChannels, inPerGroup, h.kernel, w.kernel],
    outputShape: [config.batch, config.outChannels, Math.max(0, h.outSize), Math.max(0, w.outSize)],
    problems,
    valid: problems.length === 0,
  };
}

/**
 * The record for `conv_transpose2d`: canvas, crop, output size (conv_arithmetic
 * Relationship 14: o = s(i−1) + a + k − 2p, here with dilation) and refusals.
 */
export function convTranspose2dInfo(config: ConvTranspose2dConfig): ConvTranspose2dInfo {
  const problems: EngineProblem[] = [];
  commonProblems(config, problems);
  const axes = AXES.map((axis): ConvTransposeAxisInfo => {
    const inSize = pick(config.inputSize, axis);
    const kernel = pick(config.kernelSize, axis);
    const stride = pick(config.stride, axis);
    const dilation = pick(config.dilation, axis);
    const padding = pick(config.padding, axis);
    const outputPadding = pick(config.outputPadding, axis);
    if (!(Number.isInteger(padding) && padding >= 0)) problems.push(problem('negative-padding', { axis, padding }));
    if (!(Number.isInteger(outputPadding) && outputPadding >= 0)) {
      problems.push(problem('negative-output-padding', { axis, outputPadding }));
    } else if (outputPadding >= stride && outputPadding >= dilation) {
      problems.push(problem('output-padding-too-large', { axis, outputPadding, stride, dilation }));
    }
    const effectiveKernel = dilation * (kernel - 1) + 1;
    const fullSize = (inSize - 1) * stride + effectiveKernel;
    const outSize = fullSize - 2 * padding + outputPadding;
    const cropBefore = padding;
    const canvasSize = Math.max(fullSize, padding + Math.max(0, outSize));
    const cropAfter = Math.max(0, canvasSize - padding - Math.max(0, outSize));
    return {
      axis,
      inSize,
      kernel,
      stride,
      dilation,
      effectiveKernel,
      padding,
      outputPadding,
      fullSize,
      outSize,
      cropBefore,
      cropAfter,
      canvasSize,
      insertedZeros: stride - 1,
      gatherPadBefore: effectiveKernel - 1 - padding,
      gatherPadAfter: effectiveKernel - 1 - padding + outputPadding,
    };
  });
  const h = axes[0] as ConvTransposeAxisInfo;
  const w = axes[1] as ConvTransposeAxisInfo;
  if (geometryIsSane(problems) && (h.outSize < 1 || w.outSize < 1)) {
    problems.push(
      problem('output-size-not-positive', {
        inH: h.inSize,
        inW: w.inSize,
        outH: h.outSize,
        outW: w.outSize,
        fullH: h.fullSize,
        fullW: w.fullSize,
        paddingH: h.padding,
        paddingW: w.padding,
      }),
    );
  }
  const groups = Math.max(1, config.groups);
  const inPerGroup = Math.floor(config.inChannels / groups);
  const outPerGroup = Math.floor(config.outChannels / groups);
  return {
    config,
    h,
    w,
    inPerGroup,
    outPerGroup,
    inputShape: [config.batch, config.inChannels, h.inSize, w.inSize],
    weightShape: [config.inChannels, outPerGroup, h.kernel, w.kernel],
    outputShape: [config.batch, config.outChannels, Math.max(0, h.outSize), Math.max(0, w.outSize)],
    problems,
    valid: problems.length === 0,
  };
}

/** A numeric knob of a configuration that a suggestion may turn. */
interface Knob<C> {
  readonly param: string;
  readonly axis?: Axis;
  readonly get: (c: C) => number;
  readonly set: (c: C, v: number) => C;
  readonly min: number;
  readonly max: number;
}

function setPair(p: Pair, axis: Axis, v: number): Pair {
  return axis === 'h' ? [v, p[1]] : [p[0], v];
}

function pairKnobs<C>(
  param: string,
  get: (c: C) => Pair,
  set: (c: C, p: Pair) => C,
  min: number,
  max: number,
): Knob<C>[] {
  const perAxis = AXES.map((axis) => ({
    param,
    axis,
    get: (c: C) => pick(get(c), axis),
    set: (c: C, v: number) => set(c, setPair(get(c), axis, v)),
    min,
    max,
  }));
  // Both axes to one value: the usual square control, and the one change that
  // can mend both axes at once.
  const both: Knob<C> = {
    param,
    get: (c: C) => Math.max(...get(c)),
    set: (c: C, v: number) => set(c, [v, v]),
    min,
    max,
  };
  return [both, ...perAxis];
}

const MAX_SEARCH = 32;

function searchKnobs<C>(config: C, knobs: readonly Knob<C>[], isValid: (c: C) => boolean): Suggestion[] {
  const found: { s: Suggestion; distance: number }[] = [];
  for (const knob of knobs) {
    const from = knob.get(config);
    for (let distance = 1; distance <= MAX_SEARCH; distance++) {
      // Smaller first: shrinking a number is the more common fix.
      const candidates = [from - distance, from + distance].filter((v) => v >= knob.min && v <= knob.max);
      const hit = candidates.find((v) => isValid(knob.set(config, v)));
      if (hit !== undefined) {
        found.push({
          s: knob.axis ? { param: knob.param, axis: knob.axis, from, to: hit } : { param: knob.param, from, to: hit },
          distance,
        });
        break;
      }
    }
  }
  found.sort((a, b) => a.distance - b.distance);
  return withoutRepeats(
    config,
    knobs,
    found.map((f) => f.s),
  );
}

/**
 * Each fix once. A pair whose height and width are equal (padding 0 × 0) is
 * one setting to the student: "set padding to 1" says it, and the same value
 * for one axis alone would repeat it. A pair whose axes differ keeps the
 * per-axis fix, which names its axis and changes less, over setting both to
 * the same value.
 */
function withoutRepeats<C>(config: C, knobs: readonly Knob<C>[], fixes: readonly Suggestion[]): Suggestion[] {
  const axisValue = (param: string, axis: Axis) => knobs.find((k) => k.param === param && k.axis === axis)?.get(config);
  const tied = (param: string) => {
    const h = axisValue(param, 'h');
    return h !== undefined && h === axisValue(param, 'w');
  };
  const isPair = (param: string) => axisValue(param, 'h') !== undefined;
  const sameTo = (s: Suggestion, pick: (o: Suggestion) => boolean) =>
    fixes.some((o) => o !== s && o.param === s.param && o.to === s.to && pick(o));
  return fixes.filter((s) =>
    s.axis !== undefined
      ? !(tied(s.param) && sameTo(s, (o) => o.axis === undefined))
      : !(isPair(s.param) && !tied(s.param) && sameTo(s, (o) => o.axis !== undefined)),
  );
}

/**
 * Nearest valid conv2d configurations that change one parameter, closest
 * first. Empty when the configuration is already valid.
 */
export function suggestConv2dFixes(config: Conv2dConfig, limit = 6): Suggestion[] {
  if (conv2dInfo(config).valid) return [];
  const isValid = (c: Conv2dConfig): boolean => conv2dInfo(c).valid;
  const knobs: Knob<Conv2dConfig>[] = [
    ...(Array.isArray(config.padding)
      ? pairKnobs<Conv2dConfig>(
          'padding',
          (c) => c.padding as Pair,
          (c, padding) => ({ ...c, padding }),
          0,
          64,
        )
      : []),
    ...pairKnobs<Conv2dConfig>(
      'kernelSize',
      (c) => c.kernelSize,
      (c, kernelSize) => ({ ...c, kernelSize }),
      1,
      64,
    ),
    ...pairKnobs<Conv2dConfig>(
      'dilation',
      (c) => c.dilation,
      (c, dilation) => ({ ...c, dilation }),
      1,
      64,
    ),
    ...pairKnobs<Conv2dConfig>(
      'inputSize',
      (c) => c.inputSize,
      (c, inputSize) => ({ ...c, inputSize }),
      1,
      256,
    ),
    ...pairKnobs<Conv2dConfig>(
      'stride',
      (c) => c.stride,
      (c, stride) => ({ ...c, stride }),
      1,
      64,
    ),
    { param: 'groups', get: (c) => c.groups, set: (c, groups) => ({ ...c, groups }), min: 1, max: 256 },
    { param: 'inChannels', get: (c) => c.inChannels, set: (c, inChannels) => ({ ...c, inChannels }), min: 1, max: 256 },
    {
      param: 'outChannels',
      get: (c) => c.outChannels,
      set: (c, outChannels) => ({ ...c, outChannels }),
      min: 1,
      max: 256,
    },
  ];
  const out = searchKnobs(config, knobs, isValid);
  // Non-numeric fixes: another padding mode, or explicit padding instead of 'same'.
  if (config.paddingMode !== 'zeros' && isValid({ ...config, paddingMode: 'zeros' })) {
    out.push({ param: 'paddingMode', from: config.paddingMode, to: 'zeros' });
  }
  if (config.padding === 'same' && isValid({ ...config, padding: 'valid' })) {
    out.push({ param: 'padding', from: 'same', to: 'valid' });
  }
  return out.slice(0, limit);
}

/** Nearest valid conv_transpose2d configurations, one parameter changed. */
export function suggestConvTranspose2dFixes(config: ConvTranspose2dConfig, limit = 6): Suggestion[] {
  if (convTranspose2dInfo(config).valid) return [];
  const isValid = (c: ConvTranspose2dConfig): boolean => convTranspose2dInfo(c).valid;
  const knobs: Knob<ConvTranspose2dConfig>[] = [
    ...pairKnobs<ConvTranspose2dConfig>(
      'padding',
      (c) => c.padding,
      (c, padding) => ({ ...c, padding }),
      0,
      64,
    ),
    ...pairKnobs<ConvTranspose2dConfig>(
      'outputPadding',
      (c) => c.outputPadding,
      (c, outputPadding) => ({ ...c, outputPadding }),
      0,
      64,
    ),
    ...pairKnobs<ConvTranspose2dConfig>(
      'stride',
      (c) => c.stride,
      (c, stride) => ({ ...c, stride }),
      1,
      64,
    ),
    ...pairKnobs<ConvTranspose2dConfig>(
      'kernelSize',
      (c) => c.kernelSize,
      (c, kernelSize) => ({ ...c, kernelSize }),
      1,
      64,
    ),
    ...pairKnobs<ConvTranspose2dConfig>(
      'dilation',
      (c) => c.dilation,
      (c, dilation) => ({ ...c, dilation }),
      1,
      64,
    ),
    ...pairKnobs<ConvTranspose2dConfig>(
      'inputSize',
      (c) => c.inputSize,
      (c, inputSize) => ({ ...c, inputSize }),
      1,
      256,
    ),
    { param: 'groups', get: (c) => c.groups, set: (c, groups) => ({ ...c, groups }), min: 1, max: 256 },
  ];
  return searchKnobs(config, knobs, isValid).slice(0, limit);
}

/** Throws the typed refusal (with suggestions) when the configuration is invalid. */
export function assertValidConv2d(info: Conv2dInfo): void {
  if (!info.valid) throw new EngineError(info.problems, suggestConv2dFixes(info.config));
}

export function assertValidConvTranspose2d(info: ConvTranspose2dInfo): void {
  if (!info.valid) throw new EngineError(info.problems, suggestConvTranspose2dFixes(info.config));
}

/** Accepts a number or a pair, as PyTorch does. */
export function toPair(v: number | Pair): Pair {
  return typeof v === 'number' ? [v, v] : v;
}

/** A configuration with one suggestion applied. */
export function applySuggestion<C extends Conv2dConfig | ConvTranspose2dConfig>(config: C, s: Suggestion): C {
  const current = (config as unknown as Record<string, unknown>)[s.param];
  if (Array.isArray(current) && typeof s.to === 'number') {
    const pair = current as unknown as Pair;
    const next: Pair = s.axis ? setPair(pair, s.axis, s.to) : [s.to, s.to];
    return { ...config, [s.param]: next };
  }
  return { ...config, [s.param]: s.to };
}
