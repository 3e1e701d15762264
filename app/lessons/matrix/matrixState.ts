/**
 * The matrix lesson's figure: one input channel of up to 6×6 (so that C, with
 * one column per input cell, has at most 36 columns and stays legible), one
 * kernel, stride and zero padding. No bias: y = C·x is linear in x.
 */
import { matrixConv2dConfig, type MatrixConvConfig } from '../../../engine/convAsMatrix';
import { conv2dInfo, type Conv2dInfo } from '../../../engine/convInfo';
import type { Suggestion } from '../../../engine/errors';
import { seededInts } from '../../../engine/random';
import type { FigureValues } from '../kit/figureCodec';
import { applyNumberFix, reshapeKeeping, withinLimits } from '../kit/figureState';

/** Every setting of the matrix figure. */
export interface MatrixParams {
  readonly inH: number;
  readonly inW: number;
  readonly kH: number;
  readonly kW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padH: number;
  readonly padW: number;
}

/** Settings, a seed, the input (H·W) and the kernel (kH·kW), row-major; no bias values. */
export type MatrixFigureState = FigureValues<MatrixParams>;

/** Inclusive bounds of each setting: inputs up to 6×6, so C has at most 36 columns. */
export const MATRIX_LIMITS = {
  inH: [1, 6],
  inW: [1, 6],
  kH: [1, 5],
  kW: [1, 5],
  strideH: [1, 3],
  strideW: [1, 3],
  padH: [0, 2],
  padW: [0, 2],
} as const satisfies Record<keyof MatrixParams, readonly [number, number]>;

export type MatrixParam = keyof typeof MATRIX_LIMITS;

/** Largest value a cell may hold (as in the other lessons). */
export const MATRIX_VALUE_LIMIT = 1_000_000;

/** The lesson's example: a 4×4 input and a 3×3 kernel, stride 1, no padding. */
export const MATRIX_DEFAULT_PARAMS: MatrixParams = {
  inH: 4,
  inW: 4,
  kH: 3,
  kW: 3,
  strideH: 1,
  strideW: 1,
  padH: 0,
  padW: 0,
};

/** Seed 0 makes the lesson's numbers; other seeds small random integers. */
export const MATRIX_DEFAULT_SEED = 0;

/**
 * The lesson's kernel for seed 0: a vertical-edge detector, 1 in the first
 * column and −1 in the last ([[1,0,−1],[1,0,−1],[1,0,−1]] at 3×3); a single
 * column is all ones.
 */
function edgeKernel(kH: number, kW: number): number[] {
  return Array.from({ length: kH * kW }, (_, i) => {
    const kx = i % kW;
    return kW === 1 || kx === 0 ? 1 : kx === kW - 1 ? -1 : 0;
  });
}

/** The matrices a seed makes: seed 0 the lesson's ramp 0, 1, 2, … and edge kernel; other seeds integers in [−3, 3]. */
export function matrixSeededValues(
  p: MatrixParams,
  seed: number,
): Pick<MatrixFigureState, 'input' | 'weight' | 'biasValues'> {
  const nIn = p.inH * p.inW;
  const nW = p.kH * p.kW;
  if (seed === 0) {
    return { input: Array.from({ length: nIn }, (_, i) => i), weight: edgeKernel(p.kH, p.kW), biasValues: [] };
  }
  return { input: seededInts(seed, 1, nIn, -3, 3), weight: seededInts(seed, 2, nW, -2, 2), biasValues: [] };
}

export function matrixFigureFromSeed(params: MatrixParams, seed: number): MatrixFigureState {
  return { params, seed, ...matrixSeededValues(params, seed) };
}

export const MATRIX_DEFAULT_FIGURE = matrixFigureFromSeed(MATRIX_DEFAULT_PARAMS, MATRIX_DEFAULT_SEED);

/** The engine's configuration for these settings. */
export function matrixConfig(p: MatrixParams): MatrixConvConfig {
  return {
    inputSize: [p.inH, p.inW],
    kernelSize: [p.kH, p.kW],
    stride: [p.strideH, p.strideW],
    padding: [p.padH, p.padW],
  };
}

export function matrixInfoOf(p: MatrixParams): Conv2dInfo {
  return conv2dInfo(matrixConv2dConfig(matrixConfig(p)));
}

/** New settings, keeping every value that still has a place; new places take the seed's values. */
export function matrixWithParams(state: MatrixFigureState, params: MatrixParams): MatrixFigureState {
  const fresh = matrixSeededValues(params, state.seed);
  const p = state.params;
  return {
    params,
    seed: state.seed,
    input: reshapeKeeping(state.input, [p.inH, p.inW], [params.inH, params.inW], (i) => fresh.input[i] ?? 0),
    weight: reshapeKeeping(state.weight, [p.kH, p.kW], [params.kH, params.kW], (i) => fresh.weight[i] ?? 0),
    biasValues: [],
  };
}

const PAIRS: Record<string, readonly [MatrixParam, MatrixParam]> = {
  padding: ['padH', 'padW'],
  stride: ['strideH', 'strideW'],
  kernelSize: ['kH', 'kW'],
  inputSize: ['inH', 'inW'],
};

/** Applies one of the engine's suggested fixes to the settings. */
export function matrixApplyFix(p: MatrixParams, s: Suggestion): MatrixParams {
  return applyNumberFix<MatrixParams, MatrixParam>(p, s, PAIRS, []);
}

/** True when the settings lie within the figure's limits. */
export function matrixWithinLimits(p: MatrixParams): boolean {
  return withinLimits(p, MATRIX_LIMITS);
}
