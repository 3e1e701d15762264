/**
 * The main thread's side of the autoencoder training worker: the worker's
 * handlers, typed, with photos handed over (transfer, not copy) and reports
 * arriving through a comlink proxy.
 */
import { proxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { RgbImage } from '../../engine/photoFilter';
import type { AutoencoderApi, CompareReport, TrainerReport } from './autoencoderApi';

export interface AutoencoderClient {
  readonly remote: Remote<AutoencoderApi>;
  /** Hands the photos to the worker: their data is detached here afterwards. */
  setPhotos(train: readonly RgbImage[], heldOut: RgbImage): Promise<boolean>;
  /** Where reports go while training; null stops listening. */
  listen(listener: ((report: TrainerReport) => void) | null): Promise<void>;
  /** Where side-by-side reports go; null stops listening. */
  listenCompare(listener: ((report: CompareReport) => void) | null): Promise<void>;
  /** Stops the worker (when it is one). */
  dispose(): void;
}

/** A new training worker; Vite bundles autoencoder.worker.ts as its own module chunk. */
export function newAutoencoderWorker(): Worker {
  return new Worker(new URL('./autoencoder.worker.ts', import.meta.url), { type: 'module', name: 'autoencoder' });
}

/** A client of a worker, or of any comlink endpoint that exposes the training API (tests use a MessagePort). */
export function createAutoencoderClient(
  endpoint: Endpoint & { terminate?: () => void } = newAutoencoderWorker(),
): AutoencoderClient {
  const remote = wrap<AutoencoderApi>(endpoint);
  return {
    remote,
    setPhotos: (train, heldOut) =>
      // comlink gathers the transfer lists of all arguments: every photo's buffer moves.
      remote.setPhotos(train, transfer(heldOut, [heldOut.data.buffer, ...train.map((p) => p.data.buffer)])),
    listen: (listener) => remote.onReport(listener ? proxy(listener) : null),
    listenCompare: (listener) => remote.onCompare(listener ? proxy(listener) : null),
    dispose() {
      endpoint.terminate?.();
    },
  };
}
