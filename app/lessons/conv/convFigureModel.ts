/**
 * The convolution figure as data: every grid, cell state and the arithmetic
 * line, derived from the engine's trace, the playback step and the focus. The
 * interactive view and the exports both draw this; it is a pure function.
 */
import type { Conv2dResult, OutputCellTrace, Tap } from '../../../engine/conv2d';
import { unpaddedIndex } from '../../../engine/convInfo';
import { paddedSource } from '../../../engine/padding';
import type { ConvFigureState } from './convState';
import { paddedKey, relationsOf, type ConvFocus, type ConvView, type Relations } from './convView';
import type { ConvWords } from './messages';
import { formatCell } from '../../parseNumbers';
import { maxAbs, valueFill } from '../../../components/figures/colors';
import {
  shapeHiddenGrid,
  type CellState,
  type FigureGrid,
  type FigureMatrix,
  type FigureModel,
  type GridCellView,
} from '../../../components/figures/figureModel';

export type ConvGridKind = 'input' | 'weight' | 'bias' | 'output';

export type ConvGrid = FigureGrid<ConvGridKind>;

export interface ConvFigure {
  readonly inputs: readonly ConvGrid[];
  readonly kernels: readonly ConvGrid[];
  readonly bias: ConvGrid | null;
  readonly outputs: readonly ConvGrid[];
  /** The arithmetic line: `1×0 + 2×1 + … + b = 7`; the lines below joined with `; `. */
  readonly caption: string;
  /**
   * The arithmetic as the figure shows it, one line each: the sum itself for one
   * input channel; for several, each channel's window sum (labelled), then the
   * subtotals added with the bias.
   */
  readonly captionLines: readonly CaptionLine[];
  /** What the caption is about. */
  readonly subject: string;
}

export interface ConvFigureOptions {
  readonly step: number;
  readonly focus: ConvFocus | null;
  /** Hide output values (a predict-then-reveal checkpoint not yet answered). */
  readonly hideOutput: boolean;
  /**
   * Hide the output's shape too (a question about its size waits; implies
   * `hideOutput`): each output grid is one "?" cell, the figure stays at the
   * first window (step 0), the input marks no rows the floor never visits,
   * and pointing at a cell neither marks nor counts the outputs or windows it
   * takes part in. The input, kernel, padding and first window stay.
   */
  readonly hideShape?: boolean;
  readonly theme: 'light' | 'dark';
  readonly t: ConvWords;
}

const MAX_TERMS = 12;

/** One line of the arithmetic: an optional label (`channel 1`) and the sum. */
export interface CaptionLine {
  readonly label: string;
  readonly sum: string;
}

/** A number as a term of a sum: negative numbers in brackets. */
function termOf(v: number): string {
  return v < 0 ? `(${formatCell(v)})` : formatCell(v);
}

/**
 * The arithmetic of one output cell, split by input channel when it reads
 * several: y = Σ_c (Σ_{ky,kx} w·x over channel c) + b. Every number is the
 * engine's (taps, channel subtotals, bias and value of its trace).
 */
function arithmeticLines(cell: OutputCellTrace, withBias: boolean, t: ConvWords): CaptionLine[] {
  if (cell.channelSums.length <= 1) {
    return [{ label: '', sum: arithmeticLine(cell.taps, withBias ? cell.bias : null, cell.value, t) }];
  }
  const a = t.conv.arithmetic;
  const lines = cell.channelSums.map(({ c, sum }) => ({
    label: a.channelSum(c),
    sum: arithmeticLine(
      cell.taps.filter((tap) => tap.c === c),
      null,
      sum,
      t,
    ),
  }));
  const terms = [...cell.channelSums.map(({ sum }) => termOf(sum)), ...(withBias ? [termOf(cell.bias)] : [])];
  lines.push({
    label: withBias ? a.channelsTotalWithBias : a.channelsTotal,
    sum: `${terms.join(' + ')} = ${formatCell(cell.value)}`,
  });
  return lines;
}

/** The lines as one string, for exports and screen readers. */
function joinLines(lines: readonly CaptionLine[], t: ConvWords): string {
  return lines.map((l) => (l.label ? `${t.conv.arithmetic.lineLabel(l.label)}${l.sum}` : l.sum)).join('; ');
}

function tapTerm(tap: Tap): string {
  const x = formatCell(tap.x);
  const w = formatCell(tap.w);
  return `${tap.x < 0 ? `(${x})` : x}×${tap.w < 0 ? `(${w})` : w}`;
}

/** `1×0 + 2×1 + … + b = 7`, eliding the middle of very long sums. */
function arithmeticLine(taps: readonly Tap[], bias: number | null, value: number, t: ConvWords): string {
  const terms = taps.map(tapTerm);
  const shown =
    terms.length > MAX_TERMS
      ? [
          ...terms.slice(0, MAX_TERMS / 2),
          t.figure.arithmetic.more(terms.length - MAX_TERMS),
          ...terms.slice(-MAX_TERMS / 2),
        ]
      : terms;
  const withBias = bias === null ? shown : [...shown, termOf(bias)];
  return `${withBias.join(' + ')} = ${formatCell(value)}`;
}

function where(...ix: number[]): string {
  return `[${ix.join(', ')}]`;
}

/** The focus playback implies when nothing is pointed at: the cell being computed. */
function effectiveFocus(view: ConvView, step: number, focus: ConvFocus | null): ConvFocus | null {
  if (focus) return focus;
  return view.result ? { kind: 'output', index: Math.min(step, view.result.cellCount - 1) } : null;
}

/** What every grid of the convolution figure reads: the figure, the engine's view and what is pointed at. */
interface ConvContext {
  readonly figure: ConvFigureState;
  readonly o: ConvFigureOptions;
  /** The output's shape is hidden (`ConvFigureOptions.hideShape`). */
  readonly hideShape: boolean;
  readonly t: ConvWords;
  readonly p: ConvFigureState['params'];
  readonly info: ConvView['info'];
  readonly result: ConvView['result'];
  /** What is pointed at, or the cell playback is computing. */
  readonly focus: ConvFocus | null;
  readonly rel: Relations | null;
  readonly activeCell: ReturnType<Conv2dResult['cell']>;
  readonly mark: (s: CellState) => string | undefined;
}

export function buildConvFigure(figure: ConvFigureState, view: ConvView, options: ConvFigureOptions): ConvFigure {
  const hideShape = options.hideShape === true;
  // A hidden shape: the first window only, and no output cell to point at (there is one "?").
  const o = hideShape
    ? { ...options, hideOutput: true, step: 0, focus: options.focus?.kind === 'output' ? null : options.focus }
    : options;
  const { t } = o;
  const result = view.result;
  const focus = effectiveFocus(view, o.step, o.focus);
  // Which outputs (and so how many windows) a cell takes part in follows from the shape: only the first window's.
  const related = result !== null && focus !== null && (!hideShape || focus.kind === 'output');
  const c: ConvContext = {
    figure,
    o,
    hideShape,
    t,
    p: figure.params,
    info: view.info,
    result,
    focus,
    rel: related ? relationsOf(result, focus) : null,
    activeCell: result && focus?.kind === 'output' ? result.cell(focus.index) : undefined,
    mark: (s) => t.grid.states[s] || undefined,
  };
  const outputs = convOutputGrids(c);
  return {
    inputs: convInputGrids(c),
    kernels: convKernelGrids(c),
    bias: convBiasGrid(c),
    // Each output's size is the answer: one "?" cell each, under its own name.
    outputs: hideShape
      ? outputs.map((g) => shapeHiddenGrid(g, t.story.shapeHidden(g.label), c.mark('pending')))
      : outputs,
    ...convCaption(c),
  };
}

/** Padded inputs, one grid per (sample, channel). */
function convInputGrids(c: ConvContext): ConvGrid[] {
  const { figure, o, t, p, info, result, focus, rel, activeCell, mark, hideShape } = c;
  const inputFill = valueFill(maxAbs(figure.input), o.theme);
  const { h, w } = info;
  const PH = Math.max(1, h.paddedSize);
  const PW = Math.max(1, w.paddedSize);
  // The rows and columns the floor never visits follow from the output's size: not while it is asked for.
  const unvisitedRows = result && !hideShape ? h.unvisited : 0;
  const unvisitedCols = result && !hideShape ? w.unvisited : 0;
  // Window span of the active output cell, to show dilation gaps.
  const span =
    activeCell && result
      ? {
          y0: activeCell.windowY,
          y1: activeCell.windowY + h.effectiveKernel - 1,
          x0: activeCell.windowX,
          x1: activeCell.windowX + w.effectiveKernel - 1,
        }
      : null;
  const focusPadded = focus?.kind === 'padded' ? focus : null;
  const inputs: ConvGrid[] = [];
  const inputCells = (n: number, c: number): GridCellView[] => {
    const cells: GridCellView[] = [];
    for (let py = 0; py < PH; py++) {
      for (let px = 0; px < PW; px++) {
        const iy = unpaddedIndex(h, py);
        const ix = unpaddedIndex(w, px);
        const inside = iy !== null && ix !== null;
        const value = result
          ? (result.padded.data[((n * p.inChannels + c) * PH + py) * PW + px] ?? 0)
          : inside
            ? (figure.input[((n * p.inChannels + c) * p.inH + iy) * p.inW + ix] ?? 0)
            : 0;
        const key = paddedKey(n, c, py, px);
        const isFocus =
          focusPadded && focusPadded.n === n && focusPadded.c === c && focusPadded.py === py && focusPadded.px === px;
        const contributing = rel?.padded.has(key) ?? false;
        const inSpan =
          span && activeCell && activeCell.n === n && py >= span.y0 && py <= span.y1 && px >= span.x0 && px <= span.x1;
        let state: CellState;
        if (isFocus) state = 'active';
        else if (contributing) state = inside ? 'contributing' : 'padding-contributing';
        else if (
          inSpan &&
          (h.dilation > 1 || w.dilation > 1) &&
          groupOf(info, c) === groupOfOut(info, activeCell?.co ?? 0)
        )
          state = 'gap';
        else if (!inside) state = 'padding';
        else if (py >= PH - unvisitedRows || px >= PW - unvisitedCols) state = 'unvisited';
        else state = 'idle';
        let note: string | undefined;
        if (!inside && result && p.paddingMode !== 'zeros') {
          const tap = sourceOf(result, py, px);
          if (tap) note = where(tap[0], tap[1]);
        }
        const pad = inside ? '' : padSides(h, w, py, px);
        cells.push({
          text: formatCell(value),
          state,
          fill: inside ? inputFill(value) : null,
          editable: inside,
          ...(mark(state) ? { mark: mark(state) as string } : {}),
          ...(note ? { note } : {}),
          ...(pad ? { pad } : {}),
        });
      }
    }
    return cells;
  };
  for (let n = 0; n < p.batch; n++) {
    for (let c = 0; c < p.inChannels; c++) {
      inputs.push(
        withLazyCells(
          {
            id: `conv-input-${n}-${c}`,
            kind: 'input',
            label: t.conv.matrices.inputOf(n, c, p.batch),
            rows: PH,
            cols: PW,
            a: n,
            b: c,
          },
          () => inputCells(n, c),
        ),
      );
    }
  }

  return inputs;
}

/** Kernels: one per output channel, a slice per input channel of its group. */
function convKernelGrids(c: ConvContext): ConvGrid[] {
  const { figure, o, t, p, focus, rel, mark } = c;
  const weightFill = valueFill(maxAbs(figure.weight), o.theme);
  const perGroup = Math.max(1, Math.floor(p.inChannels / Math.max(1, p.groups)));
  const kernels: ConvGrid[] = [];
  for (let co = 0; co < p.outChannels; co++) {
    for (let ci = 0; ci < perGroup; ci++) {
      const cells: GridCellView[] = [];
      for (let ky = 0; ky < p.kH; ky++) {
        for (let kx = 0; kx < p.kW; kx++) {
          const index = ((co * perGroup + ci) * p.kH + ky) * p.kW + kx;
          const value = figure.weight[index] ?? 0;
          const isFocus = focus?.kind === 'weight' && focus.index === index;
          const state: CellState = isFocus ? 'active' : rel?.weight.has(index) ? 'contributing' : 'idle';
          cells.push({
            text: formatCell(value),
            state,
            fill: weightFill(value),
            editable: true,
            ...(mark(state) ? { mark: mark(state) as string } : {}),
          });
        }
      }
      kernels.push({
        id: `conv-kernel-${co}-${ci}`,
        kind: 'weight',
        label: t.conv.matrices.kernelOf(co, ci),
        rows: p.kH,
        cols: p.kW,
        cells,
        a: co,
        b: ci,
      });
    }
  }

  return kernels;
}

/** One bias per output channel, in one row; none when the layer has no bias. */
function convBiasGrid(c: ConvContext): ConvGrid | null {
  const { figure, o, t, p, focus, rel, mark } = c;
  const weightFill = valueFill(maxAbs(figure.weight), o.theme);
  const bias: ConvGrid | null = p.bias
    ? {
        id: 'conv-bias',
        kind: 'bias',
        label: t.conv.matrices.bias,
        rows: 1,
        cols: p.outChannels,
        a: 0,
        b: 0,
        cells: figure.biasValues.map((value, co) => {
          const isFocus = focus?.kind === 'bias' && focus.index === co;
          const state: CellState = isFocus ? 'active' : rel?.bias.has(co) ? 'contributing' : 'idle';
          return {
            text: formatCell(value),
            state,
            fill: weightFill(value),
            editable: true,
            ...(mark(state) ? { mark: mark(state) as string } : {}),
          };
        }),
      }
    : null;

  return bias;
}

/** Outputs, one grid per (sample, output channel), filled up to the playback step. */
function convOutputGrids(c: ConvContext): ConvGrid[] {
  const { o, t, p, info, result, focus, rel, mark } = c;
  const outputFill = valueFill(result ? maxAbs(result.output.data) : 1, o.theme);
  const outputs: ConvGrid[] = [];
  const [, , OH, OW] = info.outputShape;
  if (result) {
    const outputCells = (n: number, co: number): GridCellView[] => {
      const cells: GridCellView[] = [];
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          const index = ((n * p.outChannels + co) * OH + oy) * OW + ox;
          const value = result.output.data[index] ?? 0;
          const computed = index <= o.step && !o.hideOutput;
          const isFocus = focus?.kind === 'output' && focus.index === index;
          let state: CellState;
          if (isFocus) state = 'active';
          else if (rel?.output.has(index)) state = 'target';
          else state = computed ? 'idle' : 'pending';
          const showValue = !o.hideOutput && (computed || isFocus || state === 'target');
          cells.push({
            text: showValue ? formatCell(value) : '',
            state,
            fill: showValue ? outputFill(value) : null,
            editable: false,
            ...(mark(state) ? { mark: mark(state) as string } : {}),
          });
        }
      }
      return cells;
    };
    for (let n = 0; n < p.batch; n++) {
      for (let co = 0; co < p.outChannels; co++) {
        outputs.push(
          withLazyCells(
            {
              id: `conv-output-${n}-${co}`,
              kind: 'output',
              label: t.conv.matrices.outputOf(n, co, p.batch),
              rows: OH,
              cols: OW,
              a: n,
              b: co,
            },
            () => outputCells(n, co),
          ),
        );
      }
    }
  }

  return outputs;
}

/** What the arithmetic line is about, and the line itself. */
function convCaption(c: ConvContext): Pick<ConvFigure, 'caption' | 'captionLines' | 'subject'> {
  const { o, t, p, info, result, focus, rel } = c;
  const { h, w } = info;
  let captionLines: CaptionLine[] = [];
  let subject = '';
  if (result && focus) {
    switch (focus.kind) {
      case 'output': {
        const cell = result.cell(focus.index);
        if (cell) {
          subject = t.conv.arithmetic.outputCell(where(cell.n, cell.co, cell.oy, cell.ox));
          captionLines = o.hideOutput ? [] : arithmeticLines(cell, p.bias, t);
        }
        break;
      }
      case 'padded': {
        const iy = unpaddedIndex(h, focus.py);
        const ix = unpaddedIndex(w, focus.px);
        const inside = iy !== null && ix !== null;
        const src = inside ? null : sourceOf(result, focus.py, focus.px);
        subject = inside
          ? c.hideShape
            ? t.conv.arithmetic.inputAt(where(focus.n, focus.c, iy, ix))
            : t.conv.arithmetic.inputFeeds(where(focus.n, focus.c, iy, ix), rel?.output.size ?? 0)
          : src
            ? t.conv.arithmetic.paddingCopies(where(src[0], src[1]))
            : t.conv.arithmetic.paddingZero;
        break;
      }
      case 'weight': {
        const at = where(...weightCoords(info, focus.index));
        subject = c.hideShape
          ? t.conv.arithmetic.weightAt(at)
          : t.conv.arithmetic.weightUsed(at, rel ? rel.padded.size : 0);
        break;
      }
      case 'bias':
        subject = t.conv.arithmetic.biasUsed(focus.index);
        break;
    }
  }
  return { caption: joinLines(captionLines, t), captionLines, subject };
}

/**
 * A grid whose cells are made on first read. The view reads the cells of the
 * grids it draws now; the rest are made when they are drawn (or exported).
 */
function withLazyCells(base: Omit<ConvGrid, 'cells'>, build: () => GridCellView[]): ConvGrid {
  let cells: GridCellView[] | null = null;
  return Object.defineProperty({ ...base }, 'cells', {
    get: () => (cells ??= build()),
    enumerable: true,
  }) as ConvGrid;
}

/**
 * The padding borders a padded-input cell lies in (`top left` for a corner):
 * rows before the input on the height axis are the top padding p₀, rows after
 * it the bottom p₁; likewise left and right on the width axis.
 */
export function padSides(h: ConvView['info']['h'], w: ConvView['info']['w'], py: number, px: number): string {
  const sides: string[] = [];
  if (py < h.padBefore) sides.push('top');
  else if (py >= h.padBefore + h.inSize) sides.push('bottom');
  if (px < w.padBefore) sides.push('left');
  else if (px >= w.padBefore + w.inSize) sides.push('right');
  return sides.join(' ');
}

function groupOf(info: ConvView['info'], c: number): number {
  return Math.floor(c / Math.max(1, info.inPerGroup));
}

function groupOfOut(info: ConvView['info'], co: number): number {
  return Math.floor(co / Math.max(1, info.outPerGroup));
}

function weightCoords(info: ConvView['info'], index: number): number[] {
  const kw = info.w.kernel;
  const kh = info.h.kernel;
  const kx = index % kw;
  const ky = Math.floor(index / kw) % kh;
  const ci = Math.floor(index / (kw * kh)) % info.inPerGroup;
  const co = Math.floor(index / (kw * kh * info.inPerGroup));
  return [co, ci, ky, kx];
}

/** Which input cell a padded position copies (reflect, replicate, circular), or null for a zero. */
function sourceOf(result: Conv2dResult, py: number, px: number): readonly [number, number] | null {
  const { h, w, config } = result.info;
  const sy = paddedSource(py, h.padBefore, h.inSize, config.paddingMode);
  const sx = paddedSource(px, w.padBefore, w.inSize, config.paddingMode);
  return sy >= 0 && sx >= 0 ? [sy, sx] : null;
}

/**
 * Lays the figure out for export as the page does: the inputs in a column, then
 * one row per output channel (its kernel slices side by side, then its
 * outputs), and the bias under the rows. Positions and sizes are in cells.
 */
export function convFigureModel(fig: ConvFigure, title: string): FigureModel {
  const matrices: FigureMatrix[] = [];
  const widthOf = (g: ConvGrid) => Math.max(g.cols, Math.ceil(g.label.length / 3.5));
  const place = (g: ConvGrid, x: number, y: number) =>
    matrices.push({ id: g.id, label: g.label, rows: g.rows, cols: g.cols, x, y, cells: g.cells });
  let inputsBottom = 1;
  let inputsWidth = 0;
  for (const g of fig.inputs) {
    place(g, 0, inputsBottom);
    inputsBottom += g.rows + 2;
    inputsWidth = Math.max(inputsWidth, widthOf(g));
  }
  const left = fig.inputs.length > 0 ? inputsWidth + 2 : 0;
  let right = left;
  let y = 1;
  const channels = fig.kernels.reduce((n, k) => Math.max(n, k.a + 1), 0);
  for (let co = 0; co < channels; co++) {
    let x = left;
    let rows = 0;
    const row = [...fig.kernels.filter((k) => k.a === co), ...fig.outputs.filter((o) => o.b === co)];
    row.forEach((g, i) => {
      // A wider gap before the outputs: the page puts "=" there.
      if (i > 0 && g.kind === 'output' && row[i - 1]?.kind !== 'output') x += 1;
      place(g, x, y);
      x += widthOf(g) + 1;
      rows = Math.max(rows, g.rows);
    });
    right = Math.max(right, x - 1);
    y += rows + 2;
  }
  if (fig.bias) {
    place(fig.bias, left, y);
    right = Math.max(right, left + widthOf(fig.bias));
    y += fig.bias.rows + 2;
  }
  return {
    title,
    caption: [fig.subject, fig.caption].filter(Boolean).join(': '),
    width: Math.max(1, right),
    height: Math.max(inputsBottom, y),
    matrices,
  };
}

/** What a screen reader hears at a playback step: the cell and its arithmetic. */
export function convAnnouncement(view: ConvView, step: number, hideOutput: boolean, t: ConvWords): string {
  const cell = view.result?.cell(Math.min(step, view.result.cellCount - 1));
  if (!cell) return '';
  const subject = t.conv.arithmetic.outputCell(where(cell.n, cell.co, cell.oy, cell.ox));
  return hideOutput ? subject : `${subject}: ${joinLines(arithmeticLines(cell, view.info.config.bias, t), t)}`;
}
