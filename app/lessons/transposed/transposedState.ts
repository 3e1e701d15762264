import { convTranspose2dInfo, type ConvTranspose2dConfig, type ConvTranspose2dInfo } from '../../../engine/convInfo';
import type { Suggestion } from '../../../engine/errors';
import { shapeSize } from '../../../engine/tensor';
import type { FigureValues } from '../kit/figureCodec';
import { seededInts } from '../../../engine/random';
import { VALUE_LIMIT } from '../conv/convState';
import { applyNumberFix, figureWithParams, withinLimits, type FigureShapes } from '../kit/figureState';

/** Every setting of the transposed-convolution figure. */
export interface TransposedParams {
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inH: number;
  readonly inW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padH: number;
  readonly padW: number;
  readonly opH: number;
  readonly opW: number;
  readonly dilH: number;
  readonly dilW: number;
  readonly groups: number;
  readonly bias: boolean;
}

export type TransposedFigureState = FigureValues<TransposedParams>;

export const TRANSPOSED_LIMITS = {
  batch: [1, 2],
  inChannels: [1, 4],
  outChannels: [1, 4],
  inH: [1, 6],
  inW: [1, 6],
  kH: [1, 5],
  kW: [1, 5],
  strideH: [1, 4],
  strideW: [1, 4],
  padH: [0, 6],
  padW: [0, 6],
  opH: [0, 3],
  opW: [0, 3],
  dilH: [1, 3],
  dilW: [1, 3],
  groups: [1, 4],
} as const satisfies Partial<Record<keyof TransposedParams, readonly [number, number]>>;

export type TransposedNumericParam = keyof typeof TRANSPOSED_LIMITS;

/** The lesson's worked example: input [[0,1],[2,3]] and kernel [[0,1],[2,3]], no bias. */
export const TRANSPOSED_DEFAULT_PARAMS: TransposedParams = {
  batch: 1,
  inChannels: 1,
  outChannels: 1,
  inH: 2,
  inW: 2,
  kH: 2,
  kW: 2,
  strideH: 1,
  strideW: 1,
  padH: 0,
  padW: 0,
  opH: 0,
  opW: 0,
  dilH: 1,
  dilW: 1,
  groups: 1,
  bias: false,
};

/** Seed 0 makes ramps 0, 1, 2, … (the lesson's numbers); other seeds small random integers. */
export const TRANSPOSED_DEFAULT_SEED = 0;

export function transposedInputShape(p: TransposedParams): [number, number, number, number] {
  return [p.batch, p.inChannels, p.inH, p.inW];
}

/** Weight shape [C_in, C_out/groups, kH, kW]. */
export function transposedWeightShape(p: TransposedParams): [number, number, number, number] {
  return [p.inChannels, Math.max(1, Math.floor(p.outChannels / Math.max(1, p.groups))), p.kH, p.kW];
}

export function transposedSeededValues(
  p: TransposedParams,
  seed: number,
): Pick<TransposedFigureState, 'input' | 'weight' | 'biasValues'> {
  const nIn = shapeSize(transposedInputShape(p));
  const nW = shapeSize(transposedWeightShape(p));
  if (seed === 0) {
    return {
      input: Array.from({ length: nIn }, (_, i) => i % 10),
      weight: Array.from({ length: nW }, (_, i) => i % 10),
      biasValues: Array.from({ length: p.outChannels }, () => 0),
    };
  }
  return {
    input: seededInts(seed, 1, nIn, -1, 3),
    weight: seededInts(seed, 2, nW, -1, 2),
    biasValues: seededInts(seed, 3, p.outChannels, -2, 2),
  };
}

export function transposedFigureFromSeed(params: TransposedParams, seed: number): TransposedFigureState {
  return { params, seed, ...transposedSeededValues(params, seed) };
}

export const TRANSPOSED_DEFAULT_FIGURE = transposedFigureFromSeed(TRANSPOSED_DEFAULT_PARAMS, TRANSPOSED_DEFAULT_SEED);

function transposedConfig(p: TransposedParams): ConvTranspose2dConfig {
  return {
    batch: p.batch,
    inChannels: p.inChannels,
    outChannels: p.outChannels,
    inputSize: [p.inH, p.inW],
    kernelSize: [p.kH, p.kW],
    stride: [p.strideH, p.strideW],
    padding: [p.padH, p.padW],
    outputPadding: [p.opH, p.opW],
    dilation: [p.dilH, p.dilW],
    groups: p.groups,
    bias: p.bias,
  };
}

export function transposedInfoOf(p: TransposedParams): ConvTranspose2dInfo {
  return convTranspose2dInfo(transposedConfig(p));
}

const SHAPES: FigureShapes<TransposedParams> = {
  inputShape: transposedInputShape,
  weightShape: transposedWeightShape,
  seeded: transposedSeededValues,
};

/** New settings, keeping every matrix value that still has a place. */
export function transposedWithParams(state: TransposedFigureState, params: TransposedParams): TransposedFigureState {
  return figureWithParams(SHAPES, state, params);
}

const PAIRS: Record<string, readonly [TransposedNumericParam, TransposedNumericParam]> = {
  padding: ['padH', 'padW'],
  outputPadding: ['opH', 'opW'],
  stride: ['strideH', 'strideW'],
  kernelSize: ['kH', 'kW'],
  dilation: ['dilH', 'dilW'],
  inputSize: ['inH', 'inW'],
};

/** Applies one of the engine's suggested fixes to the settings. */
export function transposedApplyFix(p: TransposedParams, s: Suggestion): TransposedParams {
  return applyNumberFix<TransposedParams, TransposedNumericParam>(p, s, PAIRS, ['groups']);
}

/** True when a fix stays within the figure's limits. */
export function transposedFixWithinLimits(p: TransposedParams): boolean {
  return withinLimits(p, TRANSPOSED_LIMITS);
}

export { VALUE_LIMIT };
