/**
 * Everything the transposed-convolution views draw, derived from the figure by
 * the engine: the scatter trace (stamps, canvas, overlaps), the equivalent
 * direct convolution (zero-inserted input, flipped kernel, its trace) and the
 * formulas. Memoized on the figure object.
 */
import { conv2dTrace, type Conv2dResult } from '../../../engine/conv2d';
import { suggestConvTranspose2dFixes, type ConvTranspose2dInfo } from '../../../engine/convInfo';
import {
  flippedKernel,
  scatterWithInfo,
  zeroInsertedInput,
  type ConvTranspose2dResult,
} from '../../../engine/convTranspose2d';
import { EngineError, type Suggestion } from '../../../engine/errors';
import {
  convTranspose2dOutputSizeFormulaPair,
  inputSizesForOutput,
  type TransposeOutputSizeFormula,
} from '../../../engine/formulas';
import { tensor } from '../../../engine/tensor';
import {
  transposedApplyFix,
  transposedFixWithinLimits,
  transposedInfoOf,
  transposedInputShape,
  transposedWeightShape,
  type TransposedFigureState,
} from './transposedState';

/** The direct-convolution reading of the same result. */
export interface GatherView {
  /** Zero-inserted, padded input with, per row/column, the input index it holds (−1 for a zero). */
  readonly up: ReturnType<typeof zeroInsertedInput>;
  readonly kernel: ReturnType<typeof flippedKernel>;
  /** conv2d of `up` with `kernel`: every output cell's window and taps. */
  readonly conv: Conv2dResult;
}

export interface TransposedView {
  readonly info: ConvTranspose2dInfo;
  /**
   * The scatter trace. Present whenever the canvas can be drawn, even for a
   * refused configuration whose crop would leave nothing.
   */
  readonly scatter: ConvTranspose2dResult | null;
  readonly gather: GatherView | null;
  readonly refusal: EngineError | null;
  readonly fixes: readonly Suggestion[];
  readonly formulas: { readonly h: TransposeOutputSizeFormula; readonly w: TransposeOutputSizeFormula };
  /** Conv input sizes that map to this transposed conv's input size, per axis (output_padding picks one). */
  readonly roundTrip: { readonly h: readonly number[]; readonly w: readonly number[] };
  /** Playback steps: one per input cell. */
  readonly total: number;
}

/** A cell of the transposed-convolution figure: the matrix it is in and where. */
export type TransposedFocus =
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'weight'; readonly index: number }
  | { readonly kind: 'canvas'; readonly n: number; readonly co: number; readonly ty: number; readonly tx: number }
  | { readonly kind: 'output'; readonly index: number };

/** Refusals that still leave a canvas worth drawing. */
const DRAWABLE = new Set(['output-size-not-positive', 'output-padding-too-large']);

const cache = new WeakMap<TransposedFigureState, TransposedView>();

export function transposedView(figure: TransposedFigureState): TransposedView {
  const hit = cache.get(figure);
  if (hit) return hit;
  const view = compute(figure);
  cache.set(figure, view);
  return view;
}

function compute(figure: TransposedFigureState): TransposedView {
  const p = figure.params;
  const info = transposedInfoOf(p);
  const formulas = convTranspose2dOutputSizeFormulaPair(info);
  const roundTrip = {
    h: inputSizesForOutput(p.inH, p.kH, p.strideH, p.padH, p.dilH),
    w: inputSizesForOutput(p.inW, p.kW, p.strideW, p.padW, p.dilW),
  };
  const input = tensor(transposedInputShape(p), figure.input);
  const weight = tensor(transposedWeightShape(p), figure.weight);
  const bias = p.bias ? tensor([p.outChannels], figure.biasValues) : null;
  const drawable = info.problems.every((pr) => DRAWABLE.has(pr.code));
  const scatter = drawable ? scatterWithInfo(input, weight, bias, info) : null;
  const total = Math.max(1, scatter?.steps.length ?? 1);
  if (!info.valid) {
    const fixes = suggestConvTranspose2dFixes(info.config, 12).filter((s) =>
      transposedFixWithinLimits(transposedApplyFix(p, s)),
    );
    return {
      info,
      scatter,
      gather: null,
      refusal: new EngineError(info.problems, fixes),
      fixes,
      formulas,
      roundTrip,
      total,
    };
  }
  const up = zeroInsertedInput(input, info);
  const kernel = flippedKernel(weight, info);
  const conv = conv2dTrace(up.tensor, kernel, bias, { dilation: [p.dilH, p.dilW], groups: p.groups });
  return { info, scatter, gather: { up, kernel, conv }, refusal: null, fixes: [], formulas, roundTrip, total };
}
