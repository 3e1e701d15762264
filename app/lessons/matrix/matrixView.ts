/**
 * Everything the matrix lesson draws, derived from the figure by the engine:
 * the unrolling (C, x, y), im2col, the transpose, CᵀC and the gradient. A
 * configuration PyTorch refuses has only its refusal and the nearest fixes.
 * Memoized on the figure object.
 */
import {
  gradientView,
  gramView,
  im2col,
  matrixConv2dConfig,
  transposeView,
  unrollConv,
  type ConvUnrolling,
  type GradientView,
  type GramView,
  type Im2col,
  type TransposeView,
} from '../../../engine/convAsMatrix';
import { suggestConv2dFixes, type Conv2dInfo } from '../../../engine/convInfo';
import { EngineError, type Suggestion } from '../../../engine/errors';
import { tensor } from '../../../engine/tensor';
import { matrixApplyFix, matrixConfig, matrixInfoOf, matrixWithinLimits, type MatrixFigureState } from './matrixState';

/** The engine's numbers for a configuration PyTorch accepts. */
export interface MatrixNumbers {
  readonly unrolled: ConvUnrolling;
  readonly patches: Im2col;
  readonly transpose: TransposeView;
  readonly gram: GramView;
  /** For L = ½‖y‖²: ∂L/∂y = y, and ∂L/∂x two ways. */
  readonly gradient: GradientView;
  /** max |kernel row · patches − C·x|: 0 up to rounding. */
  readonly im2colGap: number;
}

export interface MatrixView {
  readonly info: Conv2dInfo;
  readonly numbers: MatrixNumbers | null;
  readonly refusal: EngineError | null;
  readonly fixes: readonly Suggestion[];
  /** Playback steps: one per element of x, in the flattening order. */
  readonly total: number;
}

/** A cell of the matrix figure that is pointed at, by what it is. */
export type MatrixFocus =
  /** Input cell i, which is also element i of x and column i of C. */
  | { readonly kind: 'input'; readonly index: number }
  /** Kernel weight t (ky·kW + kx). */
  | { readonly kind: 'weight'; readonly index: number }
  /** Entry (row, col) of C (entry (col, row) of Cᵀ). */
  | { readonly kind: 'entry'; readonly row: number; readonly col: number }
  /** Output cell r: row r of C, window r, column r of the patch matrix. */
  | { readonly kind: 'output'; readonly index: number }
  /** Entry (tap, window) of the patch matrix. */
  | { readonly kind: 'patch'; readonly tap: number; readonly window: number }
  /** Entry (i, j) of CᵀC. */
  | { readonly kind: 'gram'; readonly i: number; readonly j: number };

const cache = new WeakMap<MatrixFigureState, MatrixView>();

export function matrixView(figure: MatrixFigureState): MatrixView {
  const hit = cache.get(figure);
  if (hit) return hit;
  const view = compute(figure);
  cache.set(figure, view);
  return view;
}

function compute(figure: MatrixFigureState): MatrixView {
  const p = figure.params;
  const info = matrixInfoOf(p);
  const total = Math.max(1, p.inH * p.inW);
  if (!info.valid) {
    const fixes = suggestConv2dFixes(matrixConv2dConfig(matrixConfig(p)), 12).filter((s) =>
      matrixWithinLimits(matrixApplyFix(p, s)),
    );
    return { info, numbers: null, refusal: new EngineError(info.problems, fixes), fixes, total };
  }
  const config = matrixConfig(p);
  const input = tensor([p.inH * p.inW], figure.input);
  const weight = tensor([p.kH * p.kW], figure.weight);
  const unrolled = unrollConv(input, weight, config);
  const patches = im2col(input, weight, config);
  let im2colGap = 0;
  patches.y.forEach((v, i) => (im2colGap = Math.max(im2colGap, Math.abs(v - (unrolled.y[i] ?? 0)))));
  return {
    info,
    numbers: {
      unrolled,
      patches,
      transpose: transposeView(unrolled, weight),
      gram: gramView(unrolled),
      gradient: gradientView(unrolled, weight),
      im2colGap,
    },
    refusal: null,
    fixes: [],
    total,
  };
}
