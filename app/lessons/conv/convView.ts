/**
 * Everything the convolution views draw, derived from the figure state by the
 * engine. Memoized on the figure object: the store never holds derived data.
 */
import { conv2dTrace, type Conv2dResult } from '../../../engine/conv2d';
import { suggestConv2dFixes, unpaddedIndex, type Conv2dInfo } from '../../../engine/convInfo';
import { EngineError, type Suggestion } from '../../../engine/errors';
import {
  convOutputSizeFormula,
  paramCountFormula,
  type OutputSizeFormula,
  type ParamCountFormula,
} from '../../../engine/formulas';
import { tensor } from '../../../engine/tensor';
import { fixWithinLimits, applyFix, inputShape, infoOf, weightShape, type ConvFigureState } from './convState';

export interface ConvView {
  readonly info: Conv2dInfo;
  /** Null when the engine refuses the configuration. */
  readonly result: Conv2dResult | null;
  readonly refusal: EngineError | null;
  /** Nearest valid settings (one parameter changed), within the figure's limits. */
  readonly fixes: readonly Suggestion[];
  readonly formulas: {
    readonly h: OutputSizeFormula;
    readonly w: OutputSizeFormula;
    readonly params: ParamCountFormula;
  };
  /** Playback steps: one per output cell. */
  readonly total: number;
}

const cache = new WeakMap<ConvFigureState, ConvView>();

export function convView(figure: ConvFigureState): ConvView {
  const hit = cache.get(figure);
  if (hit) return hit;
  const view = computeView(figure);
  cache.set(figure, view);
  return view;
}

function computeView(figure: ConvFigureState): ConvView {
  const p = figure.params;
  const info = infoOf(p);
  const formulas = {
    h: convOutputSizeFormula(info.h),
    w: convOutputSizeFormula(info.w),
    params: paramCountFormula({
      inChannels: p.inChannels,
      outChannels: p.outChannels,
      groups: p.groups,
      kernelSize: [p.kH, p.kW],
      bias: p.bias,
    }),
  };
  if (!info.valid) {
    const fixes = suggestConv2dFixes(info.config, 12).filter((s) => fixWithinLimits(applyFix(p, s)));
    return { info, result: null, refusal: new EngineError(info.problems, fixes), fixes, formulas, total: 1 };
  }
  try {
    const result = conv2dTrace(
      tensor(inputShape(p), figure.input),
      tensor(weightShape(p), figure.weight),
      p.bias ? tensor([p.outChannels], figure.biasValues) : null,
      {
        stride: [p.strideH, p.strideW],
        padding: info.config.padding,
        dilation: [p.dilH, p.dilW],
        groups: p.groups,
        paddingMode: p.paddingMode,
      },
    );
    return { info, result, refusal: null, fixes: [], formulas, total: Math.max(1, result.cellCount) };
  } catch (e) {
    if (e instanceof EngineError) return { info, result: null, refusal: e, fixes: [], formulas, total: 1 };
    throw e;
  }
}

/** Highlight sets for a focus: which cells of each matrix take part. */
export interface Relations {
  /** Padded-input cells, keyed `${n},${c},${py},${px}`. */
  readonly padded: ReadonlySet<string>;
  /** Kernel cells, flat weight indices. */
  readonly weight: ReadonlySet<number>;
  /** Output cells, flat output indices. */
  readonly output: ReadonlySet<number>;
  readonly bias: ReadonlySet<number>;
}

export type ConvFocus =
  | { readonly kind: 'output'; readonly index: number }
  | { readonly kind: 'padded'; readonly n: number; readonly c: number; readonly py: number; readonly px: number }
  | { readonly kind: 'weight'; readonly index: number }
  | { readonly kind: 'bias'; readonly index: number };

export function paddedKey(n: number, c: number, py: number, px: number): string {
  return `${n},${c},${py},${px}`;
}

/**
 * Where a focused cell comes from and where it goes, read off the trace:
 * an output cell's taps; every output an input cell feeds (and through which
 * weight); every input a kernel weight multiplies (weight sharing).
 */
export function relationsOf(result: Conv2dResult, focus: ConvFocus): Relations {
  const { info } = result;
  const padded = new Set<string>();
  const weight = new Set<number>();
  const output = new Set<number>();
  const bias = new Set<number>();
  switch (focus.kind) {
    case 'output': {
      const cell = result.cell(focus.index);
      if (!cell) break;
      output.add(focus.index);
      for (const t of cell.taps) {
        padded.add(paddedKey(cell.n, t.c, t.py, t.px));
        weight.add(t.weight);
      }
      if (info.config.bias) bias.add(cell.co);
      break;
    }
    case 'padded': {
      const iy = unpaddedIndex(info.h, focus.py);
      const ix = unpaddedIndex(info.w, focus.px);
      padded.add(paddedKey(focus.n, focus.c, focus.py, focus.px));
      // A real input cell feeds through itself and through every padding copy of it.
      const positions = iy !== null && ix !== null ? result.copiesOf(iy, ix) : [[focus.py, focus.px] as const];
      const uses = positions.flatMap(([py, px]) => result.readersOf(focus.n, focus.c, py, px));
      for (const u of uses) {
        output.add(u.output);
        weight.add(u.weight);
        padded.add(paddedKey(focus.n, u.c, u.py, u.px));
      }
      break;
    }
    case 'weight': {
      weight.add(focus.index);
      for (const u of result.usesOfWeight(focus.index)) {
        padded.add(paddedKey(u.n, u.c, u.py, u.px));
        output.add(u.output);
      }
      break;
    }
    case 'bias': {
      bias.add(focus.index);
      const [N, Cout, OH, OW] = info.outputShape;
      if (focus.index < 0 || focus.index >= Cout) break;
      for (let n = 0; n < N; n++) {
        const base = (n * Cout + focus.index) * OH * OW;
        for (let i = 0; i < OH * OW; i++) output.add(base + i);
      }
      break;
    }
  }
  return { padded, weight, output, bias };
}
