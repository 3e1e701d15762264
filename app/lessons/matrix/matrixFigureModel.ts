/**
 * The matrix lesson's figure as data, derived from the engine's numbers, the
 * playback step (how much of x has been read) and the focused cell. Pure; the
 * interactive view and the exports draw it.
 *
 * What each state means here: `active` is the cell pointed at and everything
 * that is the same quantity (an input cell and its element of x, a kernel
 * weight and every entry of C that holds it); `contributing` is what it is
 * computed from or feeds (a row's window, a column's outputs); `pending` is an
 * element of x not read yet; `padding` an entry of the patch matrix that lies
 * on padding.
 */
import type {
  FigureGrid,
  FigureMatrix,
  FigureModel,
  GridCellView,
  CellState,
} from '../../../components/figures/figureModel';
import { maxAbs, valueFill } from '../../../components/figures/colors';
import { formatCell } from '../../parseNumbers';
import type { Theme } from '../../theme';
import type { MatrixWords } from './messages';
import type { MatrixFigureState } from './matrixState';
import type { MatrixHidden } from './matrixStory';
import type { MatrixFocus, MatrixView } from './matrixView';

export type MatrixGridKind =
  | 'input'
  | 'weight'
  | 'x'
  | 'c'
  | 'y'
  | 'output'
  | 'patches'
  | 'kernelRow'
  | 'im2colY'
  | 'ct'
  | 'yAgain'
  | 'back'
  | 'original'
  | 'difference'
  | 'convT'
  | 'gram'
  | 'identity'
  | 'gradOutput'
  | 'gradMatrix'
  | 'gradBackward';

export type MatrixGrid = FigureGrid<MatrixGridKind>;

export interface MatrixFigure {
  /** Every grid, or null where the configuration is refused or a waiting checkpoint hides it. */
  readonly grids: Readonly<Record<MatrixGridKind, MatrixGrid | null>>;
  /** What the arithmetic line is about, and the line. */
  readonly subject: string;
  readonly caption: string;
}

export interface MatrixFigureOptions {
  readonly step: number;
  readonly focus: MatrixFocus | null;
  readonly hidden: MatrixHidden;
  readonly theme: Theme;
  readonly t: MatrixWords;
}

const MAX_TERMS = 12;
const paren = (v: number) => (v < 0 ? `(${formatCell(v)})` : formatCell(v));

/** Sums of products, shortened in the middle when long: `1×2 + 0×3 + … = 5`. */
function sumLine(terms: readonly string[], value: number, t: MatrixWords): string {
  const shown =
    terms.length > MAX_TERMS
      ? [
          ...terms.slice(0, MAX_TERMS / 2),
          t.figure.arithmetic.more(terms.length - MAX_TERMS),
          ...terms.slice(-MAX_TERMS / 2),
        ]
      : terms;
  return shown.length ? `${shown.join(' + ')} = ${formatCell(value)}` : formatCell(value);
}

/** What the focused cell relates to, as sets of rows of C, input cells and kernel weights. */
interface Relations {
  /** Rows of C (windows, outputs) that are the focused thing. */
  readonly rows: ReadonlySet<number>;
  /** Rows of C fed by a focused input cell. */
  readonly fedRows: ReadonlySet<number>;
  /** Input cells (columns of C) that are the focused thing. */
  readonly cols: ReadonlySet<number>;
  /** Input cells under a focused window. */
  readonly windowInputs: ReadonlySet<number>;
  /** Kernel weights that are the focused thing. */
  readonly taps: ReadonlySet<number>;
}

const NONE: ReadonlySet<number> = new Set();

function relationsOf(view: MatrixView, focus: MatrixFocus | null): Relations {
  const u = view.numbers?.unrolled;
  const empty: Relations = { rows: NONE, fedRows: NONE, cols: NONE, windowInputs: NONE, taps: NONE };
  if (!u || !focus) return empty;
  const windowOf = (r: number) => new Set((u.windows[r] ?? []).filter((i) => i >= 0));
  switch (focus.kind) {
    case 'input': {
      const fed = new Set<number>();
      u.windows.forEach((w, r) => w.includes(focus.index) && fed.add(r));
      return { ...empty, cols: new Set([focus.index]), fedRows: fed };
    }
    case 'weight':
      return { ...empty, taps: new Set([focus.index]) };
    case 'entry': {
      const tap = u.taps[focus.row * u.cols + focus.col] ?? -1;
      return {
        ...empty,
        rows: new Set([focus.row]),
        cols: new Set([focus.col]),
        windowInputs: windowOf(focus.row),
        taps: tap >= 0 ? new Set([tap]) : NONE,
      };
    }
    case 'output':
      return { ...empty, rows: new Set([focus.index]), windowInputs: windowOf(focus.index) };
    case 'patch': {
      const src = u.windows[focus.window]?.[focus.tap] ?? -1;
      return {
        ...empty,
        rows: new Set([focus.window]),
        cols: src >= 0 ? new Set([src]) : NONE,
        windowInputs: windowOf(focus.window),
        taps: new Set([focus.tap]),
      };
    }
    case 'gram':
      return { ...empty, cols: new Set([focus.i, focus.j]) };
  }
}

export function buildMatrixFigure(figure: MatrixFigureState, view: MatrixView, o: MatrixFigureOptions): MatrixFigure {
  const { t } = o;
  const m = t.matrix.matrices;
  const p = figure.params;
  const n = view.numbers;
  const rel = relationsOf(view, o.focus);
  const focused = o.focus !== null;
  const HW = p.inH * p.inW;
  const K = p.kH * p.kW;
  const step = Math.max(0, Math.min(o.step, HW - 1));
  const reading = step < HW - 1;
  const mark = (s: CellState) => t.grid.states[s] || undefined;
  const cell = (text: string, state: CellState, fill: string | null, editable = false): GridCellView => {
    const word = mark(state);
    return { text, state, fill, editable, ...(word ? { mark: word } : {}) };
  };
  const grid = (
    kind: MatrixGridKind,
    label: string,
    rows: number,
    cols: number,
    cells: GridCellView[],
  ): MatrixGrid => ({ id: `m-${kind}`, kind, label, rows, cols, cells, a: 0, b: 0 });

  const inputFill = valueFill(maxAbs(figure.input), o.theme);
  const weightFill = valueFill(maxAbs(figure.weight), o.theme);

  /** An input cell (or element of x, or a cell folded to the input's shape). */
  const inputState = (i: number): CellState =>
    rel.cols.has(i) || (!focused && i === step && reading)
      ? 'active'
      : rel.windowInputs.has(i)
        ? 'contributing'
        : 'idle';
  const weightState = (k: number): CellState => (rel.taps.has(k) ? 'active' : 'idle');
  const outputState = (r: number): CellState =>
    rel.rows.has(r) ? 'active' : rel.fedRows.has(r) ? 'contributing' : 'idle';

  const input = grid(
    'input',
    m.input,
    p.inH,
    p.inW,
    figure.input.map((v, i) => cell(formatCell(v), inputState(i), inputFill(v), true)),
  );
  const weight = grid(
    'weight',
    m.kernel,
    p.kH,
    p.kW,
    figure.weight.map((v, k) => cell(formatCell(v), weightState(k), weightFill(v), true)),
  );
  // x fills in the flattening order as playback reads the input.
  const x = grid(
    'x',
    m.x,
    1,
    HW,
    figure.input.map((v, i) =>
      i > step ? cell('', 'pending', null) : cell(formatCell(v), inputState(i), inputFill(v), true),
    ),
  );

  const grids: Record<MatrixGridKind, MatrixGrid | null> = {
    input,
    weight,
    x,
    c: null,
    y: null,
    output: null,
    patches: null,
    kernelRow: null,
    im2colY: null,
    ct: null,
    yAgain: null,
    back: null,
    original: null,
    difference: null,
    convT: null,
    gram: null,
    identity: null,
    gradOutput: null,
    gradMatrix: null,
    gradBackward: null,
  };
  if (!n || o.hidden === 'product') return { grids, ...matrixCaption(figure, view, o, step) };

  const u = n.unrolled;
  const R = u.rows;
  const N = u.cols;
  /** Entry (r, c) of C, as C and Cᵀ draw it: zeros stay blank-coloured, weights are filled. */
  const entryCell = (r: number, c: number): GridCellView => {
    const tap = u.taps[r * N + c] ?? -1;
    const v = u.matrix.data[r * N + c] ?? 0;
    const isEntry = o.focus?.kind === 'entry' && o.focus.row === r && o.focus.col === c;
    let state: CellState = 'idle';
    if (isEntry || (tap >= 0 && rel.taps.has(tap))) state = 'active';
    else if (tap >= 0 && (rel.rows.has(r) || rel.cols.has(c) || (!focused && reading && c === step)))
      state = 'contributing';
    return cell(formatCell(v), state, tap >= 0 ? weightFill(v) : null);
  };
  const yFill = valueFill(maxAbs(u.y), o.theme);
  const yCells = () => Array.from(u.y, (v, r) => cell(formatCell(v), outputState(r), yFill(v)));

  grids.c = grid(
    'c',
    m.c,
    R,
    N,
    Array.from({ length: R * N }, (_, i) => entryCell(Math.floor(i / N), i % N)),
  );
  grids.y = grid('y', m.y, R, 1, yCells());
  grids.output = grid('output', m.output, u.outH, u.outW, yCells());

  const J = R;
  grids.patches = grid(
    'patches',
    m.patches,
    K,
    J,
    Array.from({ length: K * J }, (_, i) => {
      const tap = Math.floor(i / J);
      const j = i % J;
      const src = n.patches.sources[i] ?? -1;
      const v = n.patches.patches.data[i] ?? 0;
      const exact = o.focus?.kind === 'patch' && o.focus.tap === tap && o.focus.window === j;
      const related = rel.rows.has(j) || rel.taps.has(tap);
      if (src < 0) return cell(formatCell(v), related || exact ? 'padding-contributing' : 'padding', null);
      const state: CellState = exact || rel.cols.has(src) ? 'active' : related ? 'contributing' : 'idle';
      return cell(formatCell(v), state, inputFill(v));
    }),
  );
  grids.kernelRow = grid(
    'kernelRow',
    m.kernelRow,
    1,
    K,
    figure.weight.map((v, k) => cell(formatCell(v), weightState(k), weightFill(v), true)),
  );
  grids.im2colY = grid(
    'im2colY',
    m.im2colY,
    1,
    J,
    Array.from(n.patches.y, (v, r) => cell(formatCell(v), outputState(r), yFill(v))),
  );
  grids.ct = grid(
    'ct',
    m.ct,
    N,
    R,
    Array.from({ length: N * R }, (_, i) => entryCell(i % R, Math.floor(i / R))),
  );
  grids.yAgain = grid('yAgain', m.yAgain, R, 1, yCells());
  if (o.hidden === 'transpose') return { grids, ...matrixCaption(figure, view, o, step) };

  const tr = n.transpose;
  const backFill = valueFill(Math.max(maxAbs(tr.back), maxAbs(u.x), maxAbs(tr.convTransposed)), o.theme);
  const folded = (kind: MatrixGridKind, label: string, values: ArrayLike<number>, fill: (v: number) => string) =>
    grid(
      kind,
      label,
      p.inH,
      p.inW,
      Array.from(values, (v, i) => cell(formatCell(v), rel.cols.has(i) ? 'active' : 'idle', fill(v))),
    );
  grids.back = folded('back', m.back, tr.back, backFill);
  grids.original = folded('original', m.original, u.x, backFill);
  grids.difference = folded('difference', m.difference, tr.difference, valueFill(maxAbs(tr.difference), o.theme));
  grids.convT = folded('convT', m.convT, tr.convTransposed, backFill);

  const g = n.gram.gram.data;
  const gramFill = valueFill(Math.max(1, maxAbs(g)), o.theme);
  const gramFocus = o.focus?.kind === 'gram' ? o.focus : null;
  const gramState = (i: number, j: number): CellState =>
    gramFocus && gramFocus.i === i && gramFocus.j === j
      ? 'active'
      : rel.cols.has(i) || rel.cols.has(j)
        ? 'contributing'
        : 'idle';
  grids.gram = grid(
    'gram',
    m.gram,
    N,
    N,
    Array.from({ length: N * N }, (_, k) => {
      const v = g[k] ?? 0;
      const i = Math.floor(k / N);
      const j = k % N;
      return cell(formatCell(v), gramState(i, j), v === 0 ? null : gramFill(v));
    }),
  );
  grids.identity = grid(
    'identity',
    m.identity,
    N,
    N,
    Array.from({ length: N * N }, (_, k) => {
      const i = Math.floor(k / N);
      const j = k % N;
      return cell(i === j ? '1' : '0', gramState(i, j), i === j ? gramFill(1) : null);
    }),
  );

  const gr = n.gradient;
  const gradFill = valueFill(Math.max(maxAbs(gr.viaMatrix), maxAbs(gr.viaBackward)), o.theme);
  grids.gradOutput = grid(
    'gradOutput',
    m.gradOutput,
    u.outH,
    u.outW,
    Array.from(gr.gradOutput, (v, r) => cell(formatCell(v), outputState(r), yFill(v))),
  );
  grids.gradMatrix = folded('gradMatrix', m.gradMatrix, gr.viaMatrix, gradFill);
  grids.gradBackward = folded('gradBackward', m.gradBackward, gr.viaBackward, gradFill);
  return { grids, ...matrixCaption(figure, view, o, step) };
}

/** The arithmetic line: what the focused cell is and how it is computed, or the element of x being read. */
function matrixCaption(
  figure: MatrixFigureState,
  view: MatrixView,
  o: MatrixFigureOptions,
  step: number,
): Pick<MatrixFigure, 'subject' | 'caption'> {
  const a = o.t.matrix.arithmetic;
  const p = figure.params;
  const u = view.numbers?.unrolled ?? null;
  const f = o.focus;
  const flatten = (i: number) => flattenLine(figure, i);
  if (!f) return { subject: flatten(step), caption: '' };
  switch (f.kind) {
    case 'input':
      return { subject: flatten(f.index), caption: '' };
    case 'weight': {
      const ky = Math.floor(f.index / p.kW);
      const kx = f.index % p.kW;
      const v = formatCell(figure.weight[f.index] ?? 0);
      // While C's size is a question, the weight's count in C would answer it.
      if (!u || o.hidden === 'product') return { subject: `W[${ky}, ${kx}] = ${v}`, caption: '' };
      return { subject: a.weight(`W[${ky}, ${kx}]`, v, u.taps.filter((tp) => tp === f.index).length), caption: '' };
    }
    case 'entry': {
      if (!u) return { subject: '', caption: '' };
      const tap = u.taps[f.row * u.cols + f.col] ?? -1;
      const subject =
        tap >= 0
          ? a.entryWeight(
              `C[${f.row}, ${f.col}]`,
              `W[${Math.floor(tap / p.kW)}, ${tap % p.kW}]`,
              formatCell(figure.weight[tap] ?? 0),
              f.row,
              `x[${f.col}]`,
            )
          : a.entryZero(`C[${f.row}, ${f.col}]`, f.row, `x[${f.col}]`);
      return { subject, caption: '' };
    }
    case 'output':
    case 'patch': {
      if (!u) return { subject: '', caption: '' };
      const r = f.kind === 'output' ? f.index : f.window;
      const terms = (u.windows[r] ?? []).flatMap((src, k) =>
        src < 0 ? [] : [`${paren(figure.weight[k] ?? 0)}×${paren(figure.input[src] ?? 0)}`],
      );
      if (f.kind === 'patch') {
        const src = u.windows[r]?.[f.tap] ?? -1;
        const at = `P[${f.tap}, ${r}]`;
        const subject =
          src < 0
            ? `${at} = 0 (${a.padding})`
            : `${at} = X[${Math.floor(src / p.inW)}, ${src % p.inW}] = ${formatCell(figure.input[src] ?? 0)}`;
        return { subject, caption: `y[${r}] = ${sumLine(terms, u.y[r] ?? 0, o.t)}` };
      }
      return { subject: `y[${r}]`, caption: sumLine(terms, u.y[r] ?? 0, o.t) };
    }
    case 'gram': {
      if (!u || !view.numbers || o.hidden !== 'none') return { subject: '', caption: '' };
      const terms: string[] = [];
      for (let r = 0; r < u.rows; r++) {
        const ci = u.matrix.data[r * u.cols + f.i] ?? 0;
        const cj = u.matrix.data[r * u.cols + f.j] ?? 0;
        if (ci !== 0 && cj !== 0) terms.push(`${paren(ci)}×${paren(cj)}`);
      }
      return {
        subject: `(CᵀC)[${f.i}, ${f.j}]`,
        caption: sumLine(terms, view.numbers.gram.gram.data[f.i * u.cols + f.j] ?? 0, o.t),
      };
    }
  }
}

/** Lays the figure out for export: one row of matrices per section of the page. */
export function matrixFigureModel(fig: MatrixFigure, title: string): FigureModel {
  const g = fig.grids;
  const matrices: FigureMatrix[] = [];
  let y = 1;
  const row = (grids: readonly (MatrixGrid | null)[]) => {
    const shown = grids.filter((x): x is MatrixGrid => x !== null);
    if (!shown.length) return;
    let x = 0;
    let height = 0;
    for (const m of shown) {
      matrices.push({ id: m.id, label: m.label, rows: m.rows, cols: m.cols, x, y, cells: m.cells });
      x += Math.max(m.cols, Math.ceil(m.label.length / 3.5)) + 1;
      height = Math.max(height, m.rows);
    }
    y += height + 2;
  };
  row([g.input, g.weight]);
  row([g.x]);
  row([g.c, g.y, g.output]);
  row([g.kernelRow, g.patches, g.im2colY]);
  row([g.ct, g.yAgain, g.back, g.original, g.difference, g.convT]);
  row([g.gram, g.identity]);
  row([g.gradOutput, g.gradMatrix, g.gradBackward]);
  const width = Math.max(1, ...matrices.map((m) => m.x + m.cols));
  return { title, caption: [fig.subject, fig.caption].filter(Boolean).join(': '), width, height: y, matrices };
}

/** Element i of x and the input cell it is read from: `x[5] = X[1, 1] = 5` (row-major, 0-based). */
function flattenLine(figure: MatrixFigureState, i: number): string {
  const w = figure.params.inW;
  return `x[${i}] = X[${Math.floor(i / w)}, ${i % w}] = ${formatCell(figure.input[i] ?? 0)}`;
}

/** What a screen reader hears at a playback step: which input cell becomes which element of x. */
export function matrixAnnouncement(figure: MatrixFigureState, step: number): string {
  const p = figure.params;
  return flattenLine(figure, Math.max(0, Math.min(step, p.inH * p.inW - 1)));
}
