import { conv2dInfo, type Conv2dConfig, type Conv2dInfo, type PaddingMode, type Pair } from '../../../engine/convInfo';
import type { Suggestion } from '../../../engine/errors';
import { shapeSize } from '../../../engine/tensor';
import type { FigureValues } from '../kit/figureCodec';
import { applyNumberFix, figureWithParams, withinLimits, type FigureShapes } from '../kit/figureState';
import { seededInts } from '../../../engine/random';

/** How padding is given: numbers per axis, or PyTorch's 'same' / 'valid'. */
export type PadKind = 'explicit' | 'same' | 'valid';

/** Every setting of the convolution figure (what the controls edit). */
export interface ConvParams {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inH: number;
  readonly inW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padKind: PadKind;
  readonly padH: number;
  readonly padW: number;
  readonly paddingMode: PaddingMode;
  readonly dilH: number;
  readonly dilW: number;
  readonly groups: number;
  readonly bias: boolean;
}

/** The figure's whole state: settings, a seed and the matrices the student edits (input N·C·H·W, kernels C_out·(C_in/g)·kH·kW, one bias per output channel, all row-major). */
export type ConvFigureState = FigureValues<ConvParams>;

/** Inclusive bounds of each numeric setting: lesson sizes, small enough to read. */
export const LIMITS = {
  batch: [1, 2],
  inChannels: [1, 4],
  outChannels: [1, 4],
  inH: [1, 16],
  inW: [1, 16],
  kH: [1, 7],
  kW: [1, 7],
  strideH: [1, 4],
  strideW: [1, 4],
  padH: [0, 6],
  padW: [0, 6],
  dilH: [1, 4],
  dilW: [1, 4],
  groups: [1, 4],
} as const satisfies Partial<Record<keyof ConvParams, readonly [number, number]>>;

export type NumericParam = keyof typeof LIMITS;

export const VALUE_LIMIT = 1e6;

export const DEFAULT_PARAMS: ConvParams = {
  batch: 1,
  inChannels: 1,
  outChannels: 1,
  inH: 5,
  inW: 5,
  kH: 3,
  kW: 3,
  strideH: 1,
  strideW: 1,
  padKind: 'explicit',
  padH: 0,
  padW: 0,
  paddingMode: 'zeros',
  dilH: 1,
  dilW: 1,
  groups: 1,
  bias: true,
};

const DEFAULT_SEED = 7;

export function inputShape(p: ConvParams): [number, number, number, number] {
  return [p.batch, p.inChannels, p.inH, p.inW];
}

/** Weight shape [C_out, C_in/groups, kH, kW]; C_in/groups is floored for refused settings. */
export function weightShape(p: ConvParams): [number, number, number, number] {
  return [p.outChannels, Math.max(1, Math.floor(p.inChannels / Math.max(1, p.groups))), p.kH, p.kW];
}

/** Matrices generated from a seed: small integers so the arithmetic reads easily. */
export function seededValues(p: ConvParams, seed: number): Pick<ConvFigureState, 'input' | 'weight' | 'biasValues'> {
  return {
    input: seededInts(seed, 1, shapeSize(inputShape(p)), 0, 4),
    weight: seededInts(seed, 2, shapeSize(weightShape(p)), -1, 2),
    biasValues: seededInts(seed, 3, p.outChannels, -2, 2),
  };
}

export function figureFromSeed(params: ConvParams, seed: number): ConvFigureState {
  return { params, seed, ...seededValues(params, seed) };
}

export const DEFAULT_FIGURE: ConvFigureState = figureFromSeed(DEFAULT_PARAMS, DEFAULT_SEED);

/** The engine's configuration for these settings. */
function toConfig(p: ConvParams): Conv2dConfig {
  const padding = p.padKind === 'explicit' ? ([p.padH, p.padW] as Pair) : p.padKind;
  return {
    batch: p.batch,
    inChannels: p.inChannels,
    outChannels: p.outChannels,
    inputSize: [p.inH, p.inW],
    kernelSize: [p.kH, p.kW],
    stride: [p.strideH, p.strideW],
    padding,
    dilation: [p.dilH, p.dilW],
    groups: p.groups,
    paddingMode: p.paddingMode,
    bias: p.bias,
  };
}

export function infoOf(p: ConvParams): Conv2dInfo {
  return conv2dInfo(toConfig(p));
}

const SHAPES: FigureShapes<ConvParams> = { inputShape, weightShape, seeded: seededValues };

/** New settings, keeping every matrix value that still has a place. */
export function withParams(state: ConvFigureState, params: ConvParams): ConvFigureState {
  return figureWithParams(SHAPES, state, params);
}

/** The settings an engine suggestion names, per axis or single. */
const FIX_PAIRS: Readonly<Record<string, readonly [NumericParam, NumericParam]>> = {
  padding: ['padH', 'padW'],
  kernelSize: ['kH', 'kW'],
  dilation: ['dilH', 'dilW'],
  inputSize: ['inH', 'inW'],
  stride: ['strideH', 'strideW'],
};
const FIX_SINGLES: readonly NumericParam[] = ['groups', 'inChannels', 'outChannels'];

/** Applies one of the engine's suggested fixes to the settings. */
export function applyFix(p: ConvParams, s: Suggestion): ConvParams {
  if (typeof s.to === 'string') {
    if (s.param === 'paddingMode') return { ...p, paddingMode: s.to as PaddingMode };
    if (s.param === 'padding') return { ...p, padKind: s.to === 'same' || s.to === 'valid' ? s.to : 'explicit' };
    return p;
  }
  const fixed = applyNumberFix(p, s, FIX_PAIRS, FIX_SINGLES);
  // A number of padding is explicit padding.
  return s.param === 'padding' ? { ...fixed, padKind: 'explicit' } : fixed;
}

/**
 * Depthwise convolution: groups = C_in, so each kernel sees one input channel,
 * and C_out a multiple of C_in (each channel gets C_out / C_in kernels). Keeps
 * the channels when they already allow it; one input channel becomes three,
 * as in a colour image.
 */
export function depthwiseParams(p: ConvParams): Pick<ConvParams, 'inChannels' | 'outChannels' | 'groups'> {
  const c = p.inChannels > 1 ? p.inChannels : 3;
  const out = p.outChannels % c === 0 ? p.outChannels : c;
  return { inChannels: c, outChannels: out, groups: c };
}

/** True when these settings are a depthwise convolution (groups = C_in > 1, C_out a multiple of it). */
export function isDepthwise(p: ConvParams): boolean {
  return p.groups > 1 && p.groups === p.inChannels && p.outChannels % p.groups === 0;
}

/** True when a fix stays within the figure's limits. */
export function fixWithinLimits(p: ConvParams): boolean {
  return withinLimits(p, LIMITS);
}
