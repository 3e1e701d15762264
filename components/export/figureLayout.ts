/**
 * Layout and style shared by every export renderer (SVG, canvas → PNG, GIF).
 * Both renderers draw exactly the boxes computed here, so the pictures they
 * produce cannot drift apart.
 *
 * Units: the model places matrices in cell units; everything this module
 * returns is in CSS pixels (px) of the unscaled figure.
 */
import {
  STATE_STYLE,
  type CellState,
  type FigureCell,
  type FigureMatrix,
  type FigureModel,
} from '../figures/figureModel';

export type ExportTheme = 'light' | 'dark';

/** A rectangle in px, origin at the figure's top-left corner. */
export interface PxBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a line of text goes: (x, y) is the left end of its alphabetic baseline, in px. */
export interface TextPlacement {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Font size in px. */
  readonly fontSize: number;
}

/** One cell's full pixel box (before the inset applied when drawing its outline). */
export interface CellLayout extends PxBox {
  readonly row: number;
  readonly col: number;
  readonly cell: FigureCell;
  /** Font size of the cell text in px; the text is centred in the box. */
  readonly fontSize: number;
}

export interface MatrixLayout {
  readonly matrix: FigureMatrix;
  /** The matrix's cells as a whole, in px. */
  readonly box: PxBox;
  /** The band above the matrix that holds its label, in px. */
  readonly labelBox: PxBox;
  readonly label: TextPlacement;
  readonly cells: readonly CellLayout[];
}

export interface FigureLayout {
  /** Size of the whole figure in px, rounded up to whole pixels. */
  readonly width: number;
  readonly height: number;
  /** Side of one cell in px. */
  readonly cellSize: number;
  readonly matrices: readonly MatrixLayout[];
  /** The band at the bottom holding the caption, in px. */
  readonly captionBox: PxBox;
  readonly caption: TextPlacement;
}

/** Proportions of the layout, as fractions of the cell size. */
const MARGIN = 0.5;
const LABEL_BAND = 0.75;
const CAPTION_BAND = 1;
const CELL_FONT = 0.36;
const LABEL_FONT = 0.38;
const CAPTION_FONT = 0.36;
/** Space left between neighbouring cells, in px. */
const CELL_GAP = 2;

/** Whether `other` occupies the cell row just above `matrix`, within its columns. */
function blocksRowAbove(other: FigureMatrix, matrix: FigureMatrix): boolean {
  const row = matrix.y - 1;
  return (
    other !== matrix &&
    other.y <= row &&
    row < other.y + other.rows &&
    other.x < matrix.x + matrix.cols &&
    matrix.x < other.x + other.cols
  );
}

/**
 * A generous estimate of the width of a line of text in px (no font metrics
 * are available here): 0.62 em per character, 1 em per wide (CJK, fullwidth)
 * character.
 */
function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62;
  return ems * fontSize;
}

/**
 * Computes every pixel box of a figure drawn with cells of `cellSize` px.
 *
 * Matrices keep the positions the model gives them (in cell units). A label
 * goes in the cell row just above its matrix when the model left that row
 * free; where it did not (a matrix at y = 0, or another matrix in that row
 * above it), a label band is inserted before that row of matrices and
 * everything below moves down, so a label never covers cells. The caption sits
 * in a band under everything. The figure is widened when the caption or a
 * label is estimated to be wider than the matrices.
 */
export function layoutFigure(model: FigureModel, cellSize: number): FigureLayout {
  const margin = cellSize * MARGIN;
  const labelBand = cellSize * LABEL_BAND;
  const captionBand = cellSize * CAPTION_BAND;

  const needsBand = (y: number): boolean =>
    model.matrices.some((m) => m.y === y && (y < 1 || model.matrices.some((other) => blocksRowAbove(other, m))));
  const bandLevels = [...new Set(model.matrices.map((m) => m.y))].filter(needsBand);
  /** Label bands inserted at or above the row of a matrix at `y`. */
  const bandsAbove = (y: number): number => bandLevels.filter((level) => level <= y).length;

  const extentCols = Math.max(model.width, ...model.matrices.map((m) => m.x + m.cols));
  const extentRows = Math.max(model.height, ...model.matrices.map((m) => m.y + m.rows));

  const matrices = model.matrices.map((matrix): MatrixLayout => {
    const x = margin + matrix.x * cellSize;
    const y = margin + matrix.y * cellSize + bandsAbove(matrix.y) * labelBand;
    const box = { x, y, width: matrix.cols * cellSize, height: matrix.rows * cellSize };
    const labelBox = { x, y: y - labelBand, width: box.width, height: labelBand };
    const cells: CellLayout[] = [];
    for (let row = 0; row < matrix.rows; row += 1) {
      for (let col = 0; col < matrix.cols; col += 1) {
        const cell = matrix.cells[row * matrix.cols + col];
        if (cell === undefined) continue;
        cells.push({
          row,
          col,
          cell,
          x: x + col * cellSize,
          y: y + row * cellSize,
          width: cellSize,
          height: cellSize,
          fontSize: cellSize * CELL_FONT,
        });
      }
    }
    return {
      matrix,
      box,
      labelBox,
      label: { text: matrix.label, x, y: y - labelBand * 0.3, fontSize: cellSize * LABEL_FONT },
      cells,
    };
  });

  const contentBottom = margin + extentRows * cellSize + bandLevels.length * labelBand;
  const captionFont = cellSize * CAPTION_FONT;
  const width = Math.ceil(
    Math.max(
      margin * 2 + extentCols * cellSize,
      margin * 2 + estimateTextWidth(model.caption, captionFont),
      ...matrices.map((m) => m.label.x + estimateTextWidth(m.label.text, m.label.fontSize) + margin),
    ),
  );
  const captionBox = { x: margin, y: contentBottom, width: width - margin * 2, height: captionBand };
  const caption = {
    text: model.caption,
    x: margin,
    y: contentBottom + captionBand * 0.65,
    fontSize: captionFont,
  };
  const height = Math.ceil(contentBottom + captionBand + margin);
  return { width, height, cellSize, matrices, captionBox, caption };
}

/** Colours of one theme, from the palette in app/styles.css. */
export interface ThemeColors {
  readonly background: string;
  /** Fill of a cell that has no fill of its own. */
  readonly cell: string;
  /** Fill of a padding or cropped cell that has no fill of its own. */
  readonly padding: string;
  readonly hatch: string;
  readonly text: string;
  readonly muted: string;
}

const THEMES: Readonly<Record<ExportTheme, ThemeColors>> = {
  light: {
    background: '#fbfbfa',
    cell: '#ffffff',
    padding: '#e7e9ee',
    hatch: '#b6bbc6',
    text: '#1b1d21',
    muted: '#5b6170',
  },
  dark: {
    background: '#121417',
    cell: '#1b1e23',
    padding: '#2a2f38',
    hatch: '#4b5260',
    text: '#eceef2',
    muted: '#a5acba',
  },
};

/** STATE_STYLE strokes are the light theme's; these are their dark-theme counterparts. */
const DARK_STROKES: Readonly<Record<string, string>> = {
  '#0072b2': '#56b4e9',
  '#e69f00': '#f0b323',
  '#009e73': '#2ec4a0',
  '#d55e00': '#ff8a4c',
  '#b8bcc6': '#4b5260',
  '#d8dbe2': '#3a404b',
  '#9aa0ab': '#6b7280',
};

/** The colours of a theme. */
export function themeColors(theme: ExportTheme): ThemeColors {
  return THEMES[theme];
}

/** How a cell in a given state is drawn: everything a renderer needs besides its box. */
export interface CellStyle {
  readonly fill: string;
  readonly stroke: string;
  /** Outline width in px. */
  readonly strokeWidth: number;
  /** Dash pattern in px (SVG stroke-dasharray syntax), or null for a solid outline. */
  readonly dash: string | null;
  readonly hatch: boolean;
  readonly textColor: string;
  /** Padding cells show copied values in italics. */
  readonly italic: boolean;
  /** Cropped cells show struck-through values. */
  readonly strike: boolean;
}

/** Parses `#rgb`, `#rrggbb` and `rgb(r, g, b)` into bytes; null for anything else. */
function parseColor(color: string): [number, number, number] | null {
  const value = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value)?.[1];
  if (hex !== undefined) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/.exec(value);
  if (rgb === null) return null;
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** Dark or light text, whichever reads better on `fill`; null when there is no fill or it cannot be parsed. */
function textColorOn(fill: string | null): string | null {
  const rgb = fill === null ? null : parseColor(fill);
  if (rgb === null) return null;
  const [r, g, b] = rgb.map((byte) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.18 ? '#1b1d21' : '#ffffff';
}

const PADDING_STATES: ReadonlySet<CellState> = new Set(['padding', 'padding-contributing', 'cropped']);

/** Resolves STATE_STYLE and the theme into the concrete style of one cell. */
export function cellStyle(cell: FigureCell, theme: ExportTheme): CellStyle {
  const base = STATE_STYLE[cell.state];
  const colors = themeColors(theme);
  const padded = PADDING_STATES.has(cell.state);
  return {
    fill: cell.fill ?? (padded ? colors.padding : colors.cell),
    stroke: theme === 'dark' ? (DARK_STROKES[base.stroke] ?? base.stroke) : base.stroke,
    strokeWidth: base.width,
    dash: base.dash,
    hatch: base.hatch,
    textColor:
      textColorOn(cell.fill) ?? (cell.state === 'cropped' || cell.state === 'pending' ? colors.muted : colors.text),
    italic: cell.state === 'padding' || cell.state === 'padding-contributing',
    strike: cell.state === 'cropped',
  };
}

/**
 * The rectangle a cell's outline is drawn on, in px: the cell box shrunk by
 * half the gap between cells and half the stroke width, so that thick
 * outlines stay inside their own cell.
 */
export function cellOutlineBox(box: PxBox, strokeWidth: number): PxBox {
  const inset = CELL_GAP / 2 + strokeWidth / 2;
  return { x: box.x + inset, y: box.y + inset, width: box.width - inset * 2, height: box.height - inset * 2 };
}

/** The inside of a cell's outline, in px: where its hatching goes, clear of the outline itself. */
export function cellInteriorBox(box: PxBox, strokeWidth: number): PxBox {
  const inset = CELL_GAP / 2 + strokeWidth;
  return { x: box.x + inset, y: box.y + inset, width: box.width - inset * 2, height: box.height - inset * 2 };
}

/** Spacing of the diagonal hatching lines, in px. */
export const HATCH_SPACING = 6;

/**
 * Default font stack of exported figures: the platforms' UI fonts, then Chinese fonts by name. A
 * file opened in another program has no page language to guide its font fallback, so unlike the
 * app's own stack (`--font-sans`) this one names them.
 */
export const DEFAULT_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
