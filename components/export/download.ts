/**
 * Turning figures into files and handing files to the browser's download.
 */
import type { FigureModel } from '../figures/figureModel';
import { drawFigure, figureCanvasSize } from './drawFigure';
import type { ExportTheme } from './figureLayout';
import { figureToSvg, svgToString, type SvgExportOptions } from './figureToSvg';

/**
 * Saves `blob` as a file named `filename`: through an object URL and a
 * temporary `<a download>` that is clicked and removed; the URL is revoked
 * once the browser has had a chance to start the download.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export interface PngExportOptions {
  /** Side of one cell in CSS px. */
  readonly cellSize: number;
  readonly theme: ExportTheme;
  /** Device px per CSS px; default: the screen's devicePixelRatio, at least 2 and at most 4. */
  readonly scale?: number;
  readonly fontFamily?: string;
}

/** Device px per CSS px for PNG exports: sharp on ordinary and high-density screens alike. */
function defaultScale(): number {
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.min(4, Math.max(2, Math.ceil(ratio)));
}

/**
 * Renders a figure to a PNG image. The image measures figureCanvasSize × scale
 * device px, so the default (scale ≥ 2) stays sharp when shown at its CSS size.
 */
export async function figureToPngBlob(model: FigureModel, options: PngExportOptions): Promise<Blob> {
  const scale = options.scale ?? defaultScale();
  const size = figureCanvasSize(model, options.cellSize);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(size.width * scale);
  canvas.height = Math.ceil(size.height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw on a canvas.');
  drawFigure(ctx, model, {
    cellSize: options.cellSize,
    theme: options.theme,
    scale,
    ...(options.fontFamily === undefined ? {} : { fontFamily: options.fontFamily }),
  });
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) reject(new Error('The canvas could not be encoded as PNG.'));
      else resolve(blob);
    }, 'image/png');
  });
}

/** Renders a figure to an SVG file (image/svg+xml, UTF-8). */
export function figureToSvgBlob(model: FigureModel, options: SvgExportOptions): Blob {
  return new Blob([svgToString(figureToSvg(model, options))], { type: 'image/svg+xml;charset=utf-8' });
}
