/**
 * The main thread's side of the photo filter worker: a small typed client.
 *
 * Every `filter` call gets a fresh id; a newer call makes older ones resolve
 * as 'superseded' (the worker skips or stops them), so a view can send one
 * request per drag step and draw whatever comes back 'done'. (A request the
 * worker started before a newer one arrived may still come back 'done'; the
 * client never hands out a result older than one it has handed out.) Buffers cross
 * the thread boundary by transfer, not copy: `setImage` hands the image's
 * data to the worker (the caller's array is detached afterwards).
 */
import { proxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { Kernel2d } from '../../engine/kernelPresets';
import type { PixelArithmetic, PhotoFilterSettings, RgbImage } from '../../engine/photoFilter';
import type { PixelMappingRequest } from '../../engine/pixelMapping';
import type { DecodeOutcome, FilterOutcome, FilterProgress, LoadedImage, PhotoFilterApi } from './photoFilterApi';

/** An outcome, with the milliseconds from the call to the answer (the update time a student feels). */
export type TimedFilterOutcome = FilterOutcome & { readonly elapsedMs: number };

export interface PhotoFilterClient {
  /** Decodes a picked, dropped or pasted file (or a fetched bundled photo) in the worker and keeps it there. */
  decode(blob: Blob): Promise<DecodeOutcome>;
  /** Hands an image to the worker (its data is transferred: detached here afterwards). */
  setImage(image: RgbImage): Promise<LoadedImage | null>;
  /** Filters the worker's image; `onProgress` hears about slow filters, band by band. */
  filter(
    kernel: Kernel2d,
    settings: PhotoFilterSettings,
    mapping: PixelMappingRequest,
    onProgress?: (progress: FilterProgress) => void,
  ): Promise<TimedFilterOutcome>;
  explain(kernel: Kernel2d, settings: PhotoFilterSettings, oy: number, ox: number): Promise<PixelArithmetic | null>;
  /** Stops the worker (when it is one). */
  dispose(): void;
}

/** A new photo filter worker; Vite bundles photoFilter.worker.ts as its own module chunk. */
export function newPhotoFilterWorker(): Worker {
  return new Worker(new URL('./photoFilter.worker.ts', import.meta.url), { type: 'module', name: 'photo-filter' });
}

/** A client of a worker, or of any comlink endpoint that exposes the photo filter API (tests use a MessagePort). */
export function createPhotoFilterClient(
  endpoint: Endpoint & { terminate?: () => void } = newPhotoFilterWorker(),
  now: () => number = () => performance.now(),
): PhotoFilterClient {
  const remote: Remote<PhotoFilterApi> = wrap<PhotoFilterApi>(endpoint);
  let lastId = 0;
  let newestDelivered = 0;
  const listeners = new Map<number, (progress: FilterProgress) => void>();
  const progressReady = remote.onProgress(
    proxy((progress: FilterProgress) => {
      listeners.get(progress.id)?.(progress);
    }),
  );

  return {
    decode: (blob) => remote.decode(blob),

    setImage: (image) => remote.setImage(transfer(image, [image.data.buffer])),

    async filter(kernel, settings, mapping, onProgress) {
      const id = ++lastId;
      const started = now();
      // Only the newest request's progress is heard. Its listener stays until a newer request
      // replaces it: progress travels on its own port and may arrive after the result.
      listeners.clear();
      if (onProgress) listeners.set(id, onProgress);
      await progressReady;
      const outcome = await remote.filter({ id, kernel, settings, mapping });
      // Never hand out a result older than one already handed out.
      if (outcome.status === 'done' && id < newestDelivered)
        return { status: 'superseded', id, elapsedMs: now() - started };
      if (outcome.status === 'done') newestDelivered = id;
      return { ...outcome, elapsedMs: now() - started };
    },

    explain: (kernel, settings, oy, ox) => remote.explain(kernel, settings, oy, ox),

    dispose() {
      listeners.clear();
      endpoint.terminate?.();
    },
  };
}
