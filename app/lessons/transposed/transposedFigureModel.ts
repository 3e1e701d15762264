/**
 * The transposed-convolution figure as data, derived from the engine's scatter
 * trace (stamps, canvas, overlaps), the equivalent direct convolution and the
 * playback step. Pure; the interactive views and the exports draw it.
 */
import type { Stamp } from '../../../engine';
import type { TransposedWords } from './messages';
import { formatCell } from '../../parseNumbers';
import type { TransposedFigureState } from './transposedState';
import type { TransposedFocus, TransposedView } from './transposedView';
import { countFill, maxAbs, valueFill } from '../../../components/figures/colors';
import {
  shapeHiddenGrid,
  type CellState,
  type FigureGrid,
  type FigureMatrix,
  type FigureModel,
  type GridCellView,
} from '../../../components/figures/figureModel';

export type TransposedGridKind =
  'input' | 'weight' | 'bias' | 'canvas' | 'output' | 'up' | 'flipped' | 'gatherOutput' | 'overlap';

export type TransposedGrid = FigureGrid<TransposedGridKind>;

export interface TransposedFigure {
  readonly inputs: readonly TransposedGrid[];
  readonly kernels: readonly TransposedGrid[];
  readonly bias: TransposedGrid | null;
  readonly canvases: readonly TransposedGrid[];
  readonly outputs: readonly TransposedGrid[];
  readonly ups: readonly TransposedGrid[];
  readonly flipped: readonly TransposedGrid[];
  readonly gatherOutputs: readonly TransposedGrid[];
  readonly overlaps: readonly TransposedGrid[];
  readonly subject: string;
  readonly caption: string;
  readonly maxOverlap: number;
}

export interface TransposedFigureOptions {
  readonly step: number;
  readonly focus: TransposedFocus | null;
  readonly hideOutput: boolean;
  /**
   * Hide the output's shape too (a question about its size, or about the
   * largest padding, waits; implies `hideOutput`): the output, the full canvas
   * before the crop, its overlap counts, the zero-inserted input and the
   * direct convolution's output are each one "?" cell (each of their sizes
   * gives the answer), the figure stays at the first stamp (step 0), and no
   * canvas or output cell can be pointed at. Input, kernels and bias stay.
   */
  readonly hideShape?: boolean;
  readonly theme: 'light' | 'dark';
  readonly t: TransposedWords;
}

const MAX_TERMS = 12;

const where = (...ix: number[]) => `[${ix.join(', ')}]`;
const paren = (v: number) => (v < 0 ? `(${formatCell(v)})` : formatCell(v));

/** `3×2 + 1×0 + … + b = 12` from the stamps that reached one cell. */
function contributionLine(stamps: readonly Stamp[], bias: number | null, value: number, t: TransposedWords): string {
  const terms = stamps.map((s) => `${paren(s.x)}×${paren(s.w)}`);
  const shown =
    terms.length > MAX_TERMS
      ? [
          ...terms.slice(0, MAX_TERMS / 2),
          t.figure.arithmetic.more(terms.length - MAX_TERMS),
          ...terms.slice(-MAX_TERMS / 2),
        ]
      : terms;
  const all = bias === null ? shown : [...shown, paren(bias)];
  return all.length ? `${all.join(' + ')} = ${formatCell(value)}` : formatCell(value);
}

/** What every grid of the transposed figure reads: sizes, the running sums up to the playback step, and what is pointed at. */
function transposedContext(figure: TransposedFigureState, view: TransposedView, options: TransposedFigureOptions) {
  const hideShape = options.hideShape === true;
  // A hidden shape: the first stamp only, and no canvas or output cell to point at (each is one "?").
  const pointsAtShape = options.focus?.kind === 'output' || options.focus?.kind === 'canvas';
  const o = hideShape
    ? { ...options, hideOutput: true, step: 0, focus: pointsAtShape ? null : options.focus }
    : options;
  const { t } = o;
  const p = figure.params;
  const { info, scatter, gather } = view;
  const { h, w } = info;
  const [, , OH, OW] = info.outputShape;
  const CH = h.canvasSize;
  const CW = w.canvasSize;
  const steps = scatter?.steps ?? [];
  const last = Math.max(0, steps.length - 1);
  const step = Math.min(o.step, last);
  const current = steps[step];
  const perGroupOut = Math.max(1, info.outPerGroup);
  const perGroupIn = Math.max(1, info.inPerGroup);
  const inputFill = valueFill(maxAbs(figure.input), o.theme);
  const weightFill = valueFill(maxAbs(figure.weight), o.theme);
  const outFill = valueFill(scatter ? maxAbs(scatter.canvas.data) : 1, o.theme);
  const mark = (s: CellState) => t.grid.states[s] || undefined;
  const cell = (
    text: string,
    state: CellState,
    fill: string | null,
    editable: boolean,
    note?: string,
  ): GridCellView => ({
    text,
    state,
    fill,
    editable,
    ...(mark(state) ? { mark: mark(state) as string } : {}),
    ...(note ? { note } : {}),
  });

  // Each canvas cell's running sum (and the output's) as of the current step, as the engine's stamps recorded them.
  const partial = new Float64Array(p.batch * p.outChannels * CH * CW);
  const partialOut = new Float64Array(partial.length);
  const touched = new Uint8Array(partial.length);
  const canvasAt = (n: number, co: number, ty: number, tx: number) => ((n * p.outChannels + co) * CH + ty) * CW + tx;
  for (let k = 0; k <= step && k < steps.length; k++) {
    for (const s of steps[k]?.stamps ?? []) {
      const at = canvasAt(s.n, s.co, s.ty, s.tx);
      partial[at] = s.canvasAfter;
      if (s.outputAfter !== null) partialOut[at] = s.outputAfter;
      touched[at] = 1;
    }
  }
  const currentTargets = new Set((current?.stamps ?? []).map((s) => canvasAt(s.n, s.co, s.ty, s.tx)));
  const done = step >= last;

  // Focus relations.
  const focus = o.focus;
  let focusStamps: Stamp[] = [];
  let focusCanvas: number | null = null;
  if (scatter && focus) {
    if (focus.kind === 'output') {
      const n = Math.floor(focus.index / (p.outChannels * OH * OW));
      const co = Math.floor(focus.index / (OH * OW)) % p.outChannels;
      const oy = Math.floor(focus.index / OW) % OH;
      const ox = focus.index % OW;
      focusCanvas = canvasAt(n, co, oy + h.cropBefore, ox + w.cropBefore);
    } else if (focus.kind === 'canvas') {
      focusCanvas = canvasAt(focus.n, focus.co, focus.ty, focus.tx);
    }
    if (focusCanvas !== null) {
      focusStamps = steps.flatMap((st) => st.stamps.filter((s) => canvasAt(s.n, s.co, s.ty, s.tx) === focusCanvas));
    }
  }
  const focusInputs = new Set(focusStamps.map((s) => `${s.n},${s.c},${s.iy},${s.ix}`));
  const focusWeights = new Set(focusStamps.map((s) => s.weight));

  const kept = (ty: number, tx: number) =>
    OH > 0 && OW > 0 && ty >= h.cropBefore && ty < h.cropBefore + OH && tx >= w.cropBefore && tx < w.cropBefore + OW;
  /**
   * Whether an output cell (oy, ox) is in the last output_padding rows or columns: the ones the
   * crop of p would have cut (or, past the full canvas, that no stamp reaches) and output_padding
   * keeps. Output size = (i−1)s − 2p + d(k−1) + op + 1 (conv_arithmetic, Relationship 14).
   */
  const byOutputPadding = (oy: number, ox: number) => oy >= OH - p.opH || ox >= OW - p.opW;
  return {
    figure,
    o,
    hideShape,
    t,
    p,
    info,
    scatter,
    gather,
    h,
    w,
    OH,
    OW,
    CH,
    CW,
    steps,
    step,
    current,
    perGroupOut,
    perGroupIn,
    inputFill,
    weightFill,
    outFill,
    cell,
    partial,
    partialOut,
    touched,
    canvasAt,
    currentTargets,
    done,
    focus,
    focusStamps,
    focusCanvas,
    focusInputs,
    focusWeights,
    kept,
    byOutputPadding,
  };
}

type TransposedContext = ReturnType<typeof transposedContext>;

export function buildTransposedFigure(
  figure: TransposedFigureState,
  view: TransposedView,
  o: TransposedFigureOptions,
): TransposedFigure {
  const c = transposedContext(figure, view, o);
  const built: TransposedFigure = {
    inputs: transposedInputGrids(c),
    kernels: transposedKernelGrids(c),
    bias: transposedBiasGrid(c),
    ...transposedCanvasGrids(c),
    outputs: transposedOutputGrids(c),
    ...transposedGatherGrids(c),
    ...transposedCaption(c),
  };
  if (!c.hideShape) return built;
  // Each of these sizes gives the answer: the output's; the full canvas, (i−1)s + d(k−1) + 1, less
  // the crop 2p − op (conv_arithmetic, Relationship 14); its overlap counts; the zero-inserted,
  // padded input less k − 1; the direct convolution's output.
  const hide = (g: TransposedGrid) =>
    shapeHiddenGrid(g, c.t.story.shapeHidden(g.label), c.t.grid.states.pending || undefined);
  return {
    ...built,
    canvases: built.canvases.map(hide),
    overlaps: built.overlaps.map(hide),
    outputs: built.outputs.map(hide),
    ups: built.ups.map(hide),
    gatherOutputs: built.gatherOutputs.map(hide),
  };
}

/** Inputs, one grid per (sample, channel); the cell being stamped is active. */
function transposedInputGrids(c: TransposedContext): TransposedGrid[] {
  const { figure, t, p, current, inputFill, cell, focus, focusInputs } = c;
  const inputs: TransposedGrid[] = [];
  for (let n = 0; n < p.batch; n++) {
    for (let c = 0; c < p.inChannels; c++) {
      const cells: GridCellView[] = [];
      for (let iy = 0; iy < p.inH; iy++) {
        for (let ix = 0; ix < p.inW; ix++) {
          const index = ((n * p.inChannels + c) * p.inH + iy) * p.inW + ix;
          const v = figure.input[index] ?? 0;
          const isFocus = focus?.kind === 'input' && focus.index === index;
          const isStep =
            !focus && current && current.n === n && current.c === c && current.iy === iy && current.ix === ix;
          const state: CellState =
            isFocus || isStep ? 'active' : focusInputs.has(`${n},${c},${iy},${ix}`) ? 'contributing' : 'idle';
          cells.push(cell(formatCell(v), state, inputFill(v), true));
        }
      }
      inputs.push({
        id: `t-input-${n}-${c}`,
        kind: 'input',
        label: t.transposed.matrices.inputOf(n, c, p.batch),
        rows: p.inH,
        cols: p.inW,
        cells,
        a: n,
        b: c,
      });
    }
  }

  return inputs;
}

/** Kernels, one per (input channel, output channel of its group). */
function transposedKernelGrids(c: TransposedContext): TransposedGrid[] {
  const { figure, t, p, current, perGroupOut, perGroupIn, weightFill, cell, focus, focusWeights } = c;
  const kernels: TransposedGrid[] = [];
  for (let c = 0; c < p.inChannels; c++) {
    for (let cop = 0; cop < perGroupOut; cop++) {
      const co = Math.floor(c / perGroupIn) * perGroupOut + cop;
      const cells: GridCellView[] = [];
      for (let ky = 0; ky < p.kH; ky++) {
        for (let kx = 0; kx < p.kW; kx++) {
          const index = ((c * perGroupOut + cop) * p.kH + ky) * p.kW + kx;
          const v = figure.weight[index] ?? 0;
          const isFocus = focus?.kind === 'weight' && focus.index === index;
          const inStep = !focus && current?.c === c;
          const state: CellState = isFocus ? 'active' : focusWeights.has(index) || inStep ? 'contributing' : 'idle';
          cells.push(cell(formatCell(v), state, weightFill(v), true));
        }
      }
      kernels.push({
        id: `t-kernel-${c}-${cop}`,
        kind: 'weight',
        label: t.transposed.matrices.kernelOf(c, co),
        rows: p.kH,
        cols: p.kW,
        cells,
        a: c,
        b: cop,
      });
    }
  }

  return kernels;
}

/** One bias per output channel; none when the layer has no bias. */
function transposedBiasGrid(c: TransposedContext): TransposedGrid | null {
  const { figure, t, p, weightFill, cell } = c;
  const bias: TransposedGrid | null = p.bias
    ? {
        id: 't-bias',
        kind: 'bias',
        label: t.transposed.matrices.bias,
        rows: 1,
        cols: p.outChannels,
        a: 0,
        b: 0,
        cells: figure.biasValues.map((v) => cell(formatCell(v), 'idle', weightFill(v), true)),
      }
    : null;

  return bias;
}

/** The full canvas before the crop and its overlap counts, one of each per (sample, output channel). */
function transposedCanvasGrids(c: TransposedContext): Pick<TransposedFigure, 'canvases' | 'overlaps' | 'maxOverlap'> {
  const {
    o,
    t,
    p,
    scatter,
    CH,
    CW,
    outFill,
    cell,
    partial,
    touched,
    canvasAt,
    currentTargets,
    done,
    focus,
    focusCanvas,
    kept,
    byOutputPadding,
  } = c;
  const canvases: TransposedGrid[] = [];
  const overlaps: TransposedGrid[] = [];
  let maxOverlap = 0;
  if (scatter) {
    for (const v of scatter.overlaps.data) maxOverlap = Math.max(maxOverlap, v);
    for (let n = 0; n < p.batch; n++) {
      for (let co = 0; co < p.outChannels; co++) {
        const cells: GridCellView[] = [];
        const counts: GridCellView[] = [];
        for (let ty = 0; ty < CH; ty++) {
          for (let tx = 0; tx < CW; tx++) {
            const at = canvasAt(n, co, ty, tx);
            const isKept = kept(ty, tx);
            const isFocus = focusCanvas === at;
            const has = touched[at] === 1;
            let state: CellState;
            if (isFocus) state = 'active';
            else if (!focus && currentTargets.has(at)) state = 'target';
            else if (!isKept) state = 'cropped';
            else if (byOutputPadding(ty - c.h.cropBefore, tx - c.w.cropBefore)) state = 'kept';
            else state = has || done ? 'idle' : 'pending';
            const v = partial[at] ?? 0;
            const show = !o.hideOutput && (has || done);
            cells.push(cell(show ? formatCell(v) : '', state, show && isKept ? outFill(v) : null, false));
            const count = scatter.overlaps.data[at] ?? 0;
            counts.push(
              cell(
                o.hideOutput ? '' : String(count),
                isKept ? (isFocus ? 'active' : 'idle') : 'cropped',
                !o.hideOutput && maxOverlap > 0 ? countFill(count, maxOverlap, o.theme) : null,
                false,
              ),
            );
          }
        }
        canvases.push({
          id: `t-canvas-${n}-${co}`,
          kind: 'canvas',
          label: t.transposed.matrices.canvasOf(n, co, p.batch),
          rows: CH,
          cols: CW,
          cells,
          a: n,
          b: co,
        });
        overlaps.push({
          id: `t-overlap-${n}-${co}`,
          kind: 'overlap',
          label: t.transposed.matrices.overlapOf(n, co, p.batch),
          rows: CH,
          cols: CW,
          cells: counts,
          a: n,
          b: co,
        });
      }
    }
  }

  return { canvases, overlaps, maxOverlap };
}

/** The cropped outputs, filled with the running sums up to the playback step. */
function transposedOutputGrids(c: TransposedContext): TransposedGrid[] {
  const {
    o,
    t,
    p,
    scatter,
    h,
    w,
    OH,
    OW,
    outFill,
    cell,
    partialOut,
    touched,
    canvasAt,
    currentTargets,
    done,
    focus,
    byOutputPadding,
  } = c;
  const outputs: TransposedGrid[] = [];
  if (scatter && OH > 0 && OW > 0) {
    for (let n = 0; n < p.batch; n++) {
      for (let co = 0; co < p.outChannels; co++) {
        const cells: GridCellView[] = [];
        for (let oy = 0; oy < OH; oy++) {
          for (let ox = 0; ox < OW; ox++) {
            const at = canvasAt(n, co, oy + h.cropBefore, ox + w.cropBefore);
            const index = ((n * p.outChannels + co) * OH + oy) * OW + ox;
            const has = touched[at] === 1;
            const show = !o.hideOutput && (has || done);
            // Complete: the engine's output (a cell no stamp reaches holds its bias). Before: the sum so far.
            const v = done ? (scatter.output.data[index] ?? 0) : (partialOut[at] ?? 0);
            const isFocus = focus?.kind === 'output' && focus.index === index;
            const state: CellState = isFocus
              ? 'active'
              : !focus && currentTargets.has(at)
                ? 'target'
                : byOutputPadding(oy, ox)
                  ? 'kept'
                  : show
                    ? 'idle'
                    : 'pending';
            cells.push(cell(show ? formatCell(v) : '', state, show ? outFill(v) : null, false));
          }
        }
        outputs.push({
          id: `t-output-${n}-${co}`,
          kind: 'output',
          label: t.transposed.matrices.outputOf(n, co, p.batch),
          rows: OH,
          cols: OW,
          cells,
          a: n,
          b: co,
        });
      }
    }
  }

  return outputs;
}

/** The direct-convolution reading, in step with the stamps: zero-inserted inputs, flipped kernels, outputs. */
function transposedGatherGrids(c: TransposedContext): Pick<TransposedFigure, 'ups' | 'flipped' | 'gatherOutputs'> {
  const {
    o,
    t,
    p,
    gather,
    h,
    w,
    OH,
    OW,
    current,
    inputFill,
    weightFill,
    outFill,
    cell,
    canvasAt,
    currentTargets,
    focus,
    byOutputPadding,
  } = c;
  // The direct-convolution view, in step with the stamps.
  const ups: TransposedGrid[] = [];
  const flipped: TransposedGrid[] = [];
  const gatherOutputs: TransposedGrid[] = [];
  if (gather) {
    const [, , UH, UW] = gather.up.tensor.shape as [number, number, number, number];
    const focusTaps =
      focus?.kind === 'output'
        ? new Set((gather.conv.cell(focus.index)?.taps ?? []).map((tp) => `${tp.c},${tp.py},${tp.px}`))
        : null;
    const focusOutN = focus?.kind === 'output' ? Math.floor(focus.index / (p.outChannels * OH * OW)) : -1;
    for (let n = 0; n < p.batch; n++) {
      for (let c = 0; c < p.inChannels; c++) {
        const cells: GridCellView[] = [];
        for (let uy = 0; uy < UH; uy++) {
          const iy = gather.up.rows[uy] ?? -1;
          for (let ux = 0; ux < UW; ux++) {
            const ix = gather.up.cols[ux] ?? -1;
            const v = gather.up.tensor.data[((n * p.inChannels + c) * UH + uy) * UW + ux] ?? 0;
            const real = iy >= 0 && ix >= 0;
            const isStep =
              !focus && current && real && current.n === n && current.c === c && current.iy === iy && current.ix === ix;
            const inPad =
              uy < h.gatherPadBefore ||
              uy >= UH - h.gatherPadAfter ||
              ux < w.gatherPadBefore ||
              ux >= UW - w.gatherPadAfter;
            let state: CellState;
            if (isStep) state = 'active';
            else if (focusTaps && n === focusOutN && focusTaps.has(`${c},${uy},${ux}`))
              state = real ? 'contributing' : 'padding-contributing';
            else if (real) state = 'idle';
            else state = inPad ? 'padding' : 'gap';
            cells.push(cell(formatCell(v), state, real ? inputFill(v) : null, false));
          }
        }
        ups.push({
          id: `t-up-${n}-${c}`,
          kind: 'up',
          label: t.transposed.matrices.upOf(n, c, p.batch),
          rows: UH,
          cols: UW,
          cells,
          a: n,
          b: c,
        });
      }
    }
    const [Cout, cin, KH, KW] = gather.kernel.shape as [number, number, number, number];
    for (let co = 0; co < Cout; co++) {
      for (let ci = 0; ci < cin; ci++) {
        const cells: GridCellView[] = [];
        for (let k = 0; k < KH * KW; k++) {
          const v = gather.kernel.data[(co * cin + ci) * KH * KW + k] ?? 0;
          cells.push(cell(formatCell(v), 'idle', weightFill(v), false));
        }
        flipped.push({
          id: `t-flipped-${co}-${ci}`,
          kind: 'flipped',
          label: t.transposed.matrices.flippedOf(co, ci),
          rows: KH,
          cols: KW,
          cells,
          a: co,
          b: ci,
        });
      }
    }
    const gOut = gather.conv.output;
    for (let n = 0; n < p.batch; n++) {
      for (let co = 0; co < p.outChannels; co++) {
        const cells: GridCellView[] = [];
        for (let oy = 0; oy < OH; oy++) {
          for (let ox = 0; ox < OW; ox++) {
            const index = ((n * p.outChannels + co) * OH + oy) * OW + ox;
            const at = canvasAt(n, co, oy + h.cropBefore, ox + w.cropBefore);
            const v = gOut.data[index] ?? 0;
            const isFocus = focus?.kind === 'output' && focus.index === index;
            const state: CellState = isFocus
              ? 'active'
              : !focus && currentTargets.has(at)
                ? 'target'
                : byOutputPadding(oy, ox)
                  ? 'kept'
                  : 'idle';
            cells.push(cell(o.hideOutput ? '' : formatCell(v), state, o.hideOutput ? null : outFill(v), false));
          }
        }
        gatherOutputs.push({
          id: `t-gather-output-${n}-${co}`,
          kind: 'gatherOutput',
          label: `${t.transposed.matrices.outputOf(n, co, p.batch)} (${t.transposed.views.gather})`,
          rows: OH,
          cols: OW,
          cells,
          a: n,
          b: co,
        });
      }
    }
  }

  return { ups, flipped, gatherOutputs };
}

/** What the arithmetic line is about, and the line itself. */
function transposedCaption(c: TransposedContext): Pick<TransposedFigure, 'subject' | 'caption'> {
  const { o, t, p, scatter, h, w, OH, OW, CH, CW, current, focus, focusStamps, focusCanvas, kept } = c;
  let subject = '';
  let caption = '';
  if (scatter) {
    if (focusCanvas !== null && focus) {
      const n = Math.floor(focusCanvas / (p.outChannels * CH * CW));
      const co = Math.floor(focusCanvas / (CH * CW)) % p.outChannels;
      const ty = Math.floor(focusCanvas / CW) % CH;
      const tx = focusCanvas % CW;
      const isKept = kept(ty, tx);
      const b = p.bias && isKept ? (scatter.bias[co] ?? 0) : null;
      // The value shown is the engine's: the cropped output (with bias) or the raw canvas.
      const total = isKept
        ? (scatter.output.data[((n * p.outChannels + co) * OH + ty - h.cropBefore) * OW + tx - w.cropBefore] ?? 0)
        : (scatter.canvas.data[focusCanvas] ?? 0);
      subject =
        focus.kind === 'output'
          ? t.transposed.arithmetic.outputCell(where(n, co, ty - h.cropBefore, tx - w.cropBefore))
          : `${t.transposed.arithmetic.canvasCell(where(n, co, ty, tx))}${isKept ? '' : ` (${t.transposed.arithmetic.cropped})`}`;
      caption = o.hideOutput
        ? ''
        : focusStamps.length
          ? contributionLine(focusStamps, b, total, t)
          : b !== null
            ? `${t.transposed.arithmetic.onlyBias}: ${formatCell(b)}`
            : t.transposed.arithmetic.nothing;
    } else if (current && !focus) {
      subject = t.transposed.arithmetic.stamp(
        where(current.n, current.c, current.iy, current.ix),
        formatCell(current.x),
      );
      caption = o.hideOutput
        ? ''
        : current.stamps
            .slice(0, MAX_TERMS)
            .map((s) => `${paren(s.x)}×${paren(s.w)} → ${where(s.ty, s.tx)}`)
            .join(', ') + (current.stamps.length > MAX_TERMS ? ', …' : '');
    }
  }
  return { subject, caption };
}

/** Lays the figure out for export: stamp view on top, the direct convolution below. */
export function transposedFigureModel(fig: TransposedFigure, title: string): FigureModel {
  const matrices: FigureMatrix[] = [];
  let y = 1;
  const row = (grids: readonly TransposedGrid[]) => {
    if (!grids.length) return;
    let x = 0;
    let height = 0;
    for (const g of grids) {
      matrices.push({ id: g.id, label: g.label, rows: g.rows, cols: g.cols, x, y, cells: g.cells });
      // Leave room for the label too (about 3.5 characters per cell).
      x += Math.max(g.cols, Math.ceil(g.label.length / 3.5)) + 1;
      height = Math.max(height, g.rows);
    }
    y += height + 2;
  };
  row([...fig.inputs, ...fig.kernels, ...(fig.bias ? [fig.bias] : [])]);
  row([...fig.canvases, ...fig.outputs]);
  row([...fig.ups, ...fig.flipped, ...fig.gatherOutputs]);
  const width = Math.max(1, ...matrices.map((m) => m.x + m.cols));
  return { title, caption: [fig.subject, fig.caption].filter(Boolean).join(': '), width, height: y, matrices };
}

/** What a screen reader hears at a playback step: which input cell stamps the kernel. */
export function transposedAnnouncement(view: TransposedView, step: number, t: TransposedWords): string {
  const steps = view.scatter?.steps ?? [];
  const s = steps[Math.min(step, steps.length - 1)];
  return s ? t.transposed.arithmetic.stamp(where(s.n, s.c, s.iy, s.ix), formatCell(s.x)) : '';
}
