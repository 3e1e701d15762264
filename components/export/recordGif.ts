/**
 * Records a sequence of figures as an animated GIF. Loaded lazily by the app
 * (`import('…/recordGif')`) so that gifenc stays out of the main bundle: do not
 * import this module statically.
 */
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import type { FigureModel } from '../figures/figureModel';
import { drawFigure, figureCanvasSize, type Context2D } from './drawFigure';
import { themeColors, type ExportTheme } from './figureLayout';

/** Most frames a recording holds; longer sequences are sampled evenly down to this. */
export const MAX_GIF_FRAMES = 200;

/** The part of a canvas the recorder needs: a page canvas and an OffscreenCanvas both qualify. */
export interface RecorderCanvas {
  getContext(contextId: '2d', settings?: CanvasRenderingContext2DSettings): Context2D | null;
}

export interface RecordGifOptions {
  /** Side of one cell in px (GIF pixels). */
  readonly cellSize: number;
  readonly theme: ExportTheme;
  /** Time each input frame shows, in ms (stretched when frames are sampled, so the total time is kept). */
  readonly delayMs: number;
  /** Called after each encoded frame with the frames done and the frames in the recording. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the recording between frames; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Makes the drawing surface, `width` × `height` px (default: an OffscreenCanvas, or a <canvas>). */
  readonly createCanvas?: (width: number, height: number) => RecorderCanvas;
}

/**
 * Picks at most `max` items spread evenly over `frames`, always keeping the
 * first and the last; returns all of them when there are `max` or fewer.
 */
export function sampleFrames<T>(frames: readonly T[], max: number = MAX_GIF_FRAMES): T[] {
  if (frames.length <= max) return [...frames];
  if (max <= 1) return frames.slice(0, Math.max(0, max));
  const picked: T[] = [];
  for (let i = 0; i < max; i += 1) {
    const frame = frames[Math.round((i * (frames.length - 1)) / (max - 1))];
    if (frame !== undefined) picked.push(frame);
  }
  return picked;
}

function defaultCreateCanvas(width: number, height: number): RecorderCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Lets the browser paint and handle input before the next frame is encoded. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Draws each frame (at most MAX_GIF_FRAMES, sampled evenly) with drawFigure at
 * scale 1 and encodes them into a looping GIF with a palette of its own per
 * frame. Every frame is as large as the largest figure in px; smaller figures
 * sit at the top-left on the theme's background. Between frames the event
 * loop runs and the signal is checked.
 */
export async function recordGif(frames: readonly FigureModel[], options: RecordGifOptions): Promise<Blob> {
  const { signal } = options;
  signal?.throwIfAborted();
  const picked = sampleFrames(frames);
  if (picked.length === 0) throw new RangeError('A GIF needs at least one frame.');
  const delay = (options.delayMs * frames.length) / picked.length;

  const sizes = picked.map((frame) => figureCanvasSize(frame, options.cellSize));
  const width = Math.max(...sizes.map((size) => size.width));
  const height = Math.max(...sizes.map((size) => size.height));
  const canvas = (options.createCanvas ?? defaultCreateCanvas)(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('This browser cannot draw on a canvas.');
  const background = themeColors(options.theme).background;

  const gif = GIFEncoder();
  for (const [i, frame] of picked.entries()) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
    drawFigure(ctx, frame, { cellSize: options.cellSize, theme: options.theme });
    const { data } = ctx.getImageData(0, 0, width, height);
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay, repeat: 0 });
    options.onProgress?.(i + 1, picked.length);
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}
