/**
 * The photo filter worker's handlers, as plain functions: the worker file
 * (photoFilter.worker.ts) exposes them through comlink, and tests call them
 * directly, without a Worker.
 *
 * The worker keeps one image (set by `decode` or `setImage`) and filters it
 * on request. Requests supersede one another: each waits one turn of the
 * event loop before it starts and gives way to any newer request queued by
 * then, so a burst sent while a value is dragged runs its newest request
 * (and at most the one already started); a slow filter (more than
 * SLOW_MULTIPLY_ADDS) runs in bands, reporting progress and stopping when a
 * newer request arrives. Every outcome is a value, never an exception.
 */
import { PADDING_MODES } from '../../engine/convInfo';
import { isEngineError, type EngineErrorCode, type ProblemDetails } from '../../engine/errors';
import {
  explainPixel,
  createPhotoFilterPlan,
  type PhotoFilterPlan,
  type PixelArithmetic,
} from '../../engine/photoFilter';
import type { PhotoFilterSettings, RgbImage } from '../../engine/photoFilter';
import type { Kernel2d } from '../../engine/kernelPresets';
import {
  autoMapping,
  pixelLegend,
  toRgba,
  type PixelLegend,
  type PixelMappingRequest,
} from '../../engine/pixelMapping';
import { decodePhoto, type BitmapDecoder, type PhotoRefusal } from '../photos/decodePhoto';
import { createLatestGate, yieldByTimer, type YieldToEventLoop } from './latest';

/** Filters costing more multiply-adds than this run in bands, with progress (about 20 ms and up). */
export const SLOW_MULTIPLY_ADDS = 1 << 24;

/** Largest kernel side a request may ask for. */
export const MAX_KERNEL_SIDE = 31;

export interface FilterRequest {
  /** The caller's id for this request, echoed in its outcome and progress. */
  readonly id: number;
  readonly kernel: Kernel2d;
  readonly settings: PhotoFilterSettings;
  readonly mapping: PixelMappingRequest;
}

/** A filtered picture: values [channels, height, width] (float32) and their RGBA bytes, with the legend. */
export interface FilterResult {
  readonly status: 'done';
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly values: Float32Array;
  readonly rgba: Uint8ClampedArray;
  readonly legend: PixelLegend;
}

export type FilterOutcome =
  | FilterResult
  /** A newer request came first; this one did not (or not entirely) run. */
  | { readonly status: 'superseded'; readonly id: number }
  /** The engine refused the convolution (e.g. 'same' padding with a stride). */
  | {
      readonly status: 'refused';
      readonly id: number;
      readonly code: EngineErrorCode;
      readonly details: ProblemDetails;
    }
  | { readonly status: 'no-image'; readonly id: number }
  /** The request itself is malformed (kernel size and values disagree, non-finite numbers, …). */
  | { readonly status: 'invalid'; readonly id: number };

export interface FilterProgress {
  readonly id: number;
  /** Bands done, of `total`. */
  readonly done: number;
  readonly total: number;
}

/** The image the worker holds, as a caller sees it. */
export interface LoadedImage {
  readonly width: number;
  readonly height: number;
}

export type DecodeOutcome =
  | {
      readonly ok: true;
      readonly width: number;
      readonly height: number;
      readonly originalWidth: number;
      readonly originalHeight: number;
      /** RGBA bytes of the decoded (scaled) photo, to draw the "before" picture. */
      readonly rgba: Uint8ClampedArray;
    }
  | { readonly ok: false; readonly refusal: PhotoRefusal };

export interface PhotoFilterApi {
  /** Where progress of slow filters goes (one listener; a new one replaces it). */
  onProgress(listener: ((progress: FilterProgress) => void) | null): void;
  /** Decodes a file into the worker's image (see decodePhoto); the old image stays on refusal. */
  decode(blob: Blob): Promise<DecodeOutcome>;
  /** Makes `image` the worker's image (the caller hands it over). */
  setImage(image: RgbImage): LoadedImage | null;
  filter(request: FilterRequest): Promise<FilterOutcome>;
  /** The arithmetic of output pixel (oy, ox) under this kernel and settings; null when there is none. */
  explain(kernel: Kernel2d, settings: PhotoFilterSettings, oy: number, ox: number): PixelArithmetic | null;
}

export interface PhotoFilterApiOptions {
  readonly yieldToEventLoop?: YieldToEventLoop;
  readonly decoder?: BitmapDecoder;
  /** Multiply-adds above which a filter runs in bands (tests lower it). */
  readonly slowMultiplyAdds?: number;
  /** Multiply-adds per band of a slow filter. */
  readonly bandMultiplyAdds?: number;
}

/** A kernel a plan can take: integer sides 1…MAX_KERNEL_SIDE, rows·cols finite values. */
function validKernel(kernel: Kernel2d): boolean {
  const { rows, cols, values } = kernel;
  const side = (v: number) => Number.isInteger(v) && v >= 1 && v <= MAX_KERNEL_SIDE;
  return side(rows) && side(cols) && values.length === rows * cols && values.every((v) => Number.isFinite(v));
}

/** Settings of known kinds (the engine checks the numbers and refuses with a code). */
function validSettings(settings: PhotoFilterSettings): boolean {
  return (
    (settings.colour === 'per-channel' || settings.colour === 'summed') && PADDING_MODES.includes(settings.paddingMode)
  );
}

function validMapping(mapping: PixelMappingRequest): boolean {
  if (mapping.kind !== 'fixed') return ['auto', 'min-max', 'diverging'].includes(mapping.kind);
  return Number.isFinite(mapping.low) && Number.isFinite(mapping.high);
}

function validImage(image: RgbImage): boolean {
  const { width, height, data } = image;
  const side = (v: number) => Number.isInteger(v) && v >= 1 && v <= 4096;
  return side(width) && side(height) && data instanceof Float32Array && data.length === 3 * width * height;
}

/** The mapping a request stands for ('auto' resolved for the kernel and colour mode). */
function resolveMapping(request: FilterRequest): Exclude<PixelMappingRequest, { kind: 'auto' }> {
  if (request.mapping.kind !== 'auto') return request.mapping;
  const resolved = autoMapping(request.kernel.values, request.settings.colour === 'summed' ? 3 : 1);
  return resolved.kind === 'auto' ? { kind: 'min-max' } : resolved;
}

export function createPhotoFilterApi(options: PhotoFilterApiOptions = {}): PhotoFilterApi {
  const yieldToEventLoop = options.yieldToEventLoop ?? yieldByTimer;
  const slow = options.slowMultiplyAdds ?? SLOW_MULTIPLY_ADDS;
  const gate = createLatestGate();
  let image: RgbImage | null = null;
  let progress: ((p: FilterProgress) => void) | null = null;
  /** The last plan and the geometry it was made for, reused while only the kernel's values change. */
  let cached: { key: string; plan: PhotoFilterPlan } | null = null;

  const planFor = (img: RgbImage, request: FilterRequest): PhotoFilterPlan => {
    const { settings, kernel } = request;
    const geometry = {
      ...settings,
      width: img.width,
      height: img.height,
      kernelSize: [kernel.rows, kernel.cols] as const,
    };
    const key = JSON.stringify(geometry);
    if (cached?.key !== key) cached = { key, plan: createPhotoFilterPlan(geometry, options.bandMultiplyAdds) };
    return cached.plan;
  };

  const setImage = (next: RgbImage): LoadedImage | null => {
    if (!validImage(next)) return null;
    image = next;
    cached = null;
    return { width: next.width, height: next.height };
  };

  return {
    onProgress(listener) {
      progress = listener;
    },

    async decode(blob) {
      const result = await decodePhoto(blob, options.decoder);
      if (!result.ok) return result;
      const { photo } = result;
      setImage(photo.image);
      return {
        ok: true,
        width: photo.image.width,
        height: photo.image.height,
        originalWidth: photo.originalWidth,
        originalHeight: photo.originalHeight,
        rgba: photo.rgba,
      };
    },

    setImage,

    async filter(request) {
      const { id } = request;
      const isCurrent = gate.enter();
      // Let newer requests already queued arrive: only the newest runs.
      await yieldToEventLoop();
      if (!isCurrent()) return { status: 'superseded', id };
      const img = image;
      if (!img) return { status: 'no-image', id };
      if (!validKernel(request.kernel) || !validSettings(request.settings) || !validMapping(request.mapping)) {
        return { status: 'invalid', id };
      }
      let plan: PhotoFilterPlan;
      try {
        plan = planFor(img, request);
      } catch (e) {
        if (isEngineError(e)) return { status: 'refused', id, code: e.code, details: e.details };
        return { status: 'invalid', id };
      }
      const values = new Float32Array(plan.channels * plan.outHeight * plan.outWidth);
      if (plan.multiplyAdds <= slow) {
        plan.run(img.data, request.kernel, values);
      } else {
        const total = plan.bandCount;
        for (let band = 0; band < total; band++) {
          plan.runBands(img.data, request.kernel, values, band, band + 1);
          progress?.({ id, done: band + 1, total });
          if (band + 1 < total) {
            await yieldToEventLoop();
            if (!isCurrent()) return { status: 'superseded', id };
          }
        }
      }
      const legend = pixelLegend(values, resolveMapping(request));
      const rgba = toRgba(values, plan.channels, plan.outWidth, plan.outHeight, legend);
      return {
        status: 'done',
        id,
        width: plan.outWidth,
        height: plan.outHeight,
        channels: plan.channels,
        values,
        rgba,
        legend,
      };
    },

    explain(kernel, settings, oy, ox) {
      if (!image || !validKernel(kernel) || !validSettings(settings)) return null;
      try {
        return explainPixel(image, kernel, settings, oy, ox) ?? null;
      } catch {
        return null;
      }
    },
  };
}
