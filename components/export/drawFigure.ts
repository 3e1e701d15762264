/**
 * A figure drawn onto a 2D canvas: the same picture as figureToSvg, from the
 * same layout (figureLayout.ts), for PNG and GIF exports.
 */
import type { FigureModel } from '../figures/figureModel';
import {
  DEFAULT_FONT_FAMILY,
  HATCH_SPACING,
  cellInteriorBox,
  cellOutlineBox,
  cellStyle,
  layoutFigure,
  themeColors,
  type ExportTheme,
  type PxBox,
  type TextPlacement,
} from './figureLayout';

/** Either kind of 2D context: a page canvas or an OffscreenCanvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface CanvasDrawOptions {
  /** Side of one cell in CSS px. */
  readonly cellSize: number;
  readonly theme: ExportTheme;
  /** Device pixels per CSS px (default 1); the canvas must be figureCanvasSize × scale device px. */
  readonly scale?: number;
  /** CSS font-family list for all text (default: `DEFAULT_FONT_FAMILY`). */
  readonly fontFamily?: string;
}

/** Size of the figure in CSS px at `cellSize` px per cell (multiply by the scale for device px). */
export function figureCanvasSize(model: FigureModel, cellSize: number): { width: number; height: number } {
  const { width, height } = layoutFigure(model, cellSize);
  return { width, height };
}

function parseDash(dash: string | null): number[] {
  if (dash === null) return [];
  return dash
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map(Number);
}

function fillText(ctx: Context2D, placement: TextPlacement, color: string, fontFamily: string): void {
  ctx.font = `${placement.fontSize}px ${fontFamily}`;
  ctx.fillStyle = color;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(placement.text, placement.x, placement.y);
}

function roundedRect(ctx: Context2D, box: PxBox, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.width, box.height, radius);
}

/** Diagonal lines (45°, HATCH_SPACING px apart) clipped to `box`, as in the SVG pattern. */
function hatch(ctx: Context2D, box: PxBox, color: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash([]);
  ctx.beginPath();
  const step = HATCH_SPACING * Math.SQRT2;
  for (let offset = -box.height; offset < box.width; offset += step) {
    ctx.moveTo(box.x + offset, box.y + box.height);
    ctx.lineTo(box.x + offset + box.height, box.y);
  }
  ctx.stroke();
  ctx.restore();
}

/**
 * Draws a figure onto `ctx` with its top-left corner at the canvas origin:
 * background, matrix labels, cells (fill, outline with the state's dash,
 * hatching drawn as lines) with their text centred, and the caption. All
 * geometry is in CSS px; `scale` maps it to device px. The context's state
 * (transform, styles) is restored afterwards.
 */
export function drawFigure(ctx: Context2D, model: FigureModel, options: CanvasDrawOptions): void {
  const layout = layoutFigure(model, options.cellSize);
  const colors = themeColors(options.theme);
  const fontFamily = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const scale = options.scale ?? 1;

  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, layout.width, layout.height);

  for (const matrix of layout.matrices) {
    fillText(ctx, matrix.label, colors.text, fontFamily);
    for (const cell of matrix.cells) {
      const style = cellStyle(cell.cell, options.theme);
      const outline = cellOutlineBox(cell, style.strokeWidth);
      roundedRect(ctx, outline, 2);
      ctx.fillStyle = style.fill;
      ctx.fill();
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = style.strokeWidth;
      ctx.setLineDash(parseDash(style.dash));
      ctx.stroke();
      ctx.setLineDash([]);
      if (style.hatch) hatch(ctx, cellInteriorBox(cell, style.strokeWidth), colors.hatch);

      if (cell.cell.text === '') continue;
      const cx = cell.x + cell.width / 2;
      const cy = cell.y + cell.height / 2;
      ctx.font = `${style.italic ? 'italic ' : ''}${cell.fontSize}px ${fontFamily}`;
      ctx.fillStyle = style.textColor;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(cell.cell.text, cx, cy);
      if (style.strike) {
        const half = ctx.measureText(cell.cell.text).width / 2;
        ctx.beginPath();
        ctx.moveTo(cx - half, cy);
        ctx.lineTo(cx + half, cy);
        ctx.strokeStyle = style.textColor;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    }
  }

  fillText(ctx, layout.caption, colors.muted, fontFamily);
  ctx.restore();
}
