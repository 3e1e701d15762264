/**
 * The lesson's link to its training worker: loads the bundled photos and the
 * shipped weights, hands them to the worker, makes the network whenever the
 * settings change, and keeps what the worker reports: training progress
 * (losses, held-out PSNR and reconstruction, speed) in a store of its own that
 * is updated once per frame (trainingProgress.ts), the rest (photos, the
 * compression measurements) as React state. The main thread only draws: every
 * step and every measurement runs in the worker.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { parsePhotoManifest, PHOTO_MANIFEST_PATH, photoUrl, type PhotoEntry } from '../../photos/photoManifest';
import { browserDecoder, decodePhoto, scaledSize, type PhotoRefusal } from '../../photos/decodePhoto';
import { rgbFromRgba } from '../../../engine/pixelMapping';
import type { DecoderKind } from '../../../engine/nn';
import type { RgbImage } from '../../../engine/photoFilter';
import {
  DEFAULT_TRAINER_SETTINGS,
  TRAINER_LIMITS,
  type CompareReport,
  type CompressionResult,
  type ImportOutcome,
  type JpegResult,
  type TrainerReport,
  type TrainerStatus,
} from '../../workers/autoencoderApi';
import { createAutoencoderClient, type AutoencoderClient } from '../../workers/autoencoderClient';
import { effectiveStart, type AutoencoderState } from './aeState';
import { HELD_OUT_SIDE } from './aeStory';
import { createProgressFeed, EMPTY_PROGRESS, type ProgressFeed, type TrainingProgress } from './trainingProgress';

/** Which bundled photos train the network, and which one is held out (never trained on). */
export const TRAIN_PHOTOS = ['cat', 'coffee', 'rocket'] as const;
export const HELD_OUT_PHOTO = 'astronaut';

/** The JPEG qualities the rate–distortion chart measures. */
export const JPEG_QUALITIES: readonly number[] = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
/** Bits per latent value the autoencoder's curve measures. */
export const AE_BITS: readonly number[] = [1, 2, 3, 4, 5, 6, 8];

export interface ShippedInfo {
  readonly steps: number;
  readonly photos: readonly string[];
}

export interface TrainerView {
  readonly ready: boolean;
  readonly error: 'photos' | 'worker' | null;
  readonly original: { readonly rgba: Uint8ClampedArray; readonly width: number; readonly height: number } | null;
  /** True once the student's own photo is the held-out one. */
  readonly ownPhoto: boolean;
  readonly startedFrom: 'shipped' | 'scratch';
  readonly shipped: ShippedInfo | null;
  readonly photos: readonly PhotoEntry[];
  /** The compression panel's measurements (null until measured for this network). */
  readonly compressed: CompressionResult | null;
  readonly aeCurve: readonly CompressionResult[] | null;
  readonly jpegCurve: readonly JpegResult[] | null;
}

const EMPTY: TrainerView = {
  ready: false,
  error: null,
  original: null,
  ownPhoto: false,
  startedFrom: 'shipped',
  shipped: null,
  photos: [],
  compressed: null,
  aeCurve: null,
  jpegCurve: null,
};

/** A photo drawn at width × height as planar RGB and RGBA bytes. */
async function drawPhoto(url: string, size: (w: number, h: number) => [number, number]) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bitmap = await browserDecoder(await response.blob());
  try {
    const [w, h] = size(bitmap.width, bitmap.height);
    const rgba = bitmap.draw(w, h);
    return { image: { width: w, height: h, data: rgbFromRgba(rgba, w, h) } as RgbImage, rgba };
  } finally {
    bitmap.close();
  }
}

interface Loaded {
  readonly client: AutoencoderClient;
  readonly shippedJson: string | null;
}

export type OwnPhotoOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly refusal: PhotoRefusal | { readonly kind: 'too-small' | 'not-ready' } };

/** The top-left cw × ch part of RGBA bytes whose rows are w pixels wide. */
function cropRgba(rgba: Uint8ClampedArray, w: number, cw: number, ch: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(cw * ch * 4);
  for (let y = 0; y < ch; y++) out.set(rgba.subarray(y * w * 4, y * w * 4 + cw * 4), y * cw * 4);
  return out;
}

export interface Trainer extends TrainerView {
  /** The run's progress, updated once per frame while training: subscribe with narrow selectors. */
  readonly progress: StoreApi<TrainingProgress>;
  /** The run's status (this hook's host re-renders when it changes, not at every report). */
  readonly status: TrainerStatus;
  readonly start: () => void;
  readonly pause: () => void;
  readonly reset: () => void;
  readonly exportWeights: () => Promise<string | null>;
  readonly importWeights: (text: string) => Promise<ImportOutcome | null>;
  /**
   * Makes a photo the student picked (it stays in this browser) the held-out
   * photo: decoded, scaled to at most maxPhotoSide, cut to multiples of 8.
   * Resolves with the refusal when the file is not a usable image.
   */
  readonly pickOwnPhoto: (file: Blob) => Promise<OwnPhotoOutcome>;
  /**
   * Trains a fresh network per decoder side by side (the worker pauses the
   * main run first); `onReport` gets every report, the promise the last one
   * (null before the worker is ready).
   */
  readonly compareDecoders: (
    decoders: readonly DecoderKind[],
    steps: number,
    onReport: (report: CompareReport) => void,
  ) => Promise<CompareReport | null>;
}

export function useTrainer(state: AutoencoderState, onImported: (channels: readonly number[]) => void): Trainer {
  const [view, setView] = useState<TrainerView>(EMPTY);
  const [feed] = useState<ProgressFeed>(() => createProgressFeed());
  useEffect(() => () => feed.dispose(), [feed]);
  const status = useStore(feed.store, (s) => s.status);
  const loaded = useRef<Loaded | null>(null);
  const [loadedTick, setLoadedTick] = useState(0);
  /** The settings the worker's network was made from, so an import does not make it again. */
  const configuredKey = useRef<string | null>(null);
  const start = effectiveStart(state);
  const key = JSON.stringify([state.channels, state.seed, state.lr, start]);

  // Load once: the worker, the photos and the shipped weights.
  useEffect(() => {
    let cancelled = false;
    let client: AutoencoderClient | null = null;
    const base = import.meta.env.BASE_URL;
    void (async () => {
      try {
        client = createAutoencoderClient();
      } catch {
        if (!cancelled) setView((v) => ({ ...v, error: 'worker' }));
        return;
      }
      try {
        const manifest = parsePhotoManifest(await (await fetch(`${base}${PHOTO_MANIFEST_PATH}`)).json());
        if (!manifest.ok) throw new Error(manifest.reason);
        const byId = new Map(manifest.photos.map((p) => [p.id, p]));
        const max = TRAINER_LIMITS.maxPhotoSide;
        const train = await Promise.all(
          TRAIN_PHOTOS.map((id) => drawPhoto(photoUrl(byId.get(id)!, base), (w, h) => scaledSize(w, h, max))),
        );
        const held = await drawPhoto(photoUrl(byId.get(HELD_OUT_PHOTO)!, base), () => [HELD_OUT_SIDE, HELD_OUT_SIDE]);
        const weights = await fetch(`${base}autoencoder/weights.json`);
        const shippedJson = weights.ok ? await weights.text() : null;
        let shipped: ShippedInfo | null = null;
        try {
          const doc = JSON.parse(shippedJson ?? 'null') as { training?: { steps?: unknown; photos?: unknown } } | null;
          const steps = doc?.training?.steps;
          const photos = doc?.training?.photos;
          if (typeof steps === 'number' && Array.isArray(photos)) shipped = { steps, photos: photos.map(String) };
        } catch {
          shipped = null;
        }
        if (cancelled) return;
        const original = { rgba: held.rgba, width: HELD_OUT_SIDE, height: HELD_OUT_SIDE };
        const ok = await client.setPhotos(
          train.map((t) => t.image),
          held.image,
        );
        if (!ok || cancelled) throw new Error('photos refused');
        loaded.current = { client, shippedJson };
        setView((v) => ({ ...v, original, shipped, photos: manifest.photos }));
        setLoadedTick((n) => n + 1);
      } catch {
        if (!cancelled) setView((v) => ({ ...v, error: 'photos' }));
      }
    })();
    return () => {
      cancelled = true;
      loaded.current = null;
      client?.dispose();
    };
  }, []);

  const measureCompression = useCallback(async (bits: number, curves: boolean) => {
    const l = loaded.current;
    if (!l) return;
    const compressed = await l.client.remote.compress(bits);
    setView((v) => ({ ...v, compressed }));
    if (!curves) return;
    const aeCurve: CompressionResult[] = [];
    for (const b of AE_BITS) {
      const r = await l.client.remote.compress(b);
      if (r) aeCurve.push(r);
    }
    setView((v) => ({ ...v, aeCurve }));
  }, []);

  const onReport = useCallback((r: TrainerReport) => feed.push(r), [feed]);

  /** Progress as it stands right after a network is made or loaded. */
  const freshProgress = useCallback(
    (r: TrainerReport): TrainingProgress => ({
      ...EMPTY_PROGRESS,
      status: r.status,
      psnrs: r.heldOut ? [{ step: 0, psnr: r.heldOut.psnr }] : [],
      heldOut: r.heldOut,
    }),
    [],
  );

  /** The JPEG curve depends on the photo alone: it is measured once. */
  const jpegAsked = useRef(false);
  const bitsRef = useRef(state.bits);
  useEffect(() => {
    bitsRef.current = state.bits;
  }, [state.bits]);

  const configure = useCallback(async () => {
    const l = loaded.current;
    if (!l) return;
    const [channels, seed, lr, from] = JSON.parse(key) as [number[], number, number, 'shipped' | 'scratch'];
    configuredKey.current = key;
    const settings = { ...DEFAULT_TRAINER_SETTINGS, channels, seed, lr };
    await l.client.listen(onReport);
    const outcome = await l.client.remote.configure(
      settings,
      ...(from === 'shipped' && l.shippedJson ? [l.shippedJson] : []),
    );
    if (!outcome.ok) return;
    feed.replace(freshProgress(outcome.report));
    setView((v) => ({ ...v, ready: true, startedFrom: from, compressed: null, aeCurve: null }));
    void measureCompression(bitsRef.current, true);
    if (!jpegAsked.current) {
      jpegAsked.current = true;
      const jpegCurve = await l.client.remote.jpeg(JPEG_QUALITIES);
      setView((v) => ({ ...v, jpegCurve }));
    }
  }, [key, onReport, measureCompression, feed, freshProgress]);

  // A new network whenever the settings change (and once everything is loaded).
  useEffect(() => {
    if (loadedTick === 0 || configuredKey.current === key) return;
    void configure();
  }, [configure, key, loadedTick]);

  // The compression panel follows the bits slider while training is not running.
  useEffect(() => {
    if (view.ready && status !== 'running') void measureCompression(state.bits, false);
  }, [state.bits, view.ready, status, measureCompression]);

  const startTraining = useCallback(() => {
    const l = loaded.current;
    if (!l) return;
    feed.setStatus('running');
    void l.client.remote.start().then((last) => {
      // The run's last report: its status (paused, diverged) and any losses not reported yet.
      onReport(last);
      void measureCompression(bitsRef.current, true);
    });
  }, [feed, measureCompression, onReport]);

  const pause = useCallback(() => {
    void loaded.current?.client.remote.pause();
  }, []);

  const reset = useCallback(() => {
    const l = loaded.current;
    if (!l) return;
    void l.client.remote.pause().then(() => {
      configuredKey.current = null;
      void configure();
    });
  }, [configure]);

  const exportWeights = useCallback(async () => (await loaded.current?.client.remote.exportWeights()) ?? null, []);

  const importWeights = useCallback(
    async (text: string) => {
      const l = loaded.current;
      if (!l) return null;
      await l.client.remote.pause();
      const outcome = await l.client.remote.importWeights(text);
      if (outcome.ok) {
        configuredKey.current = JSON.stringify([outcome.channels, state.seed, state.lr, 'scratch']);
        feed.replace(freshProgress(outcome.report));
        setView((v) => ({ ...v, startedFrom: 'scratch' }));
        onImported(outcome.channels);
        void measureCompression(bitsRef.current, true);
      }
      return outcome;
    },
    [feed, freshProgress, measureCompression, onImported, state.seed, state.lr],
  );

  const pickOwnPhoto = useCallback(
    async (file: Blob): Promise<OwnPhotoOutcome> => {
      const l = loaded.current;
      if (!l) return { ok: false, refusal: { kind: 'not-ready' } };
      const decoded = await decodePhoto(file, browserDecoder, TRAINER_LIMITS.maxPhotoSide);
      if (!decoded.ok) return { ok: false, refusal: decoded.refusal };
      const { width, height } = decoded.photo.image;
      // Three halvings in the encoder and three doublings in the decoder come back to a multiple of 8.
      const cw = width - (width % 8);
      const ch = height - (height % 8);
      if (cw < 8 || ch < 8) return { ok: false, refusal: { kind: 'too-small' } };
      const rgba = cropRgba(decoded.photo.rgba, width, cw, ch);
      await l.client.remote.pause();
      const report = await l.client.remote.setHeldOut({ width: cw, height: ch, data: rgbFromRgba(rgba, cw, ch) });
      if (!report) return { ok: false, refusal: { kind: 'too-small' } };
      // The PSNR curve starts again: its earlier points measured another photo.
      const now = feed.store.getState();
      const h = report.heldOut;
      feed.replace({ ...now, status: report.status, heldOut: h, psnrs: h ? [{ step: h.step, psnr: h.psnr }] : [] });
      setView((v) => ({
        ...v,
        original: { rgba, width: cw, height: ch },
        ownPhoto: true,
        compressed: null,
        aeCurve: null,
        jpegCurve: null,
      }));
      void measureCompression(bitsRef.current, true);
      void l.client.remote.jpeg(JPEG_QUALITIES).then((jpegCurve) => setView((v) => ({ ...v, jpegCurve })));
      return { ok: true };
    },
    [feed, measureCompression],
  );

  const compareDecoders = useCallback(
    async (decoders: readonly DecoderKind[], steps: number, onCompare: (report: CompareReport) => void) => {
      const l = loaded.current;
      if (!l) return null;
      await l.client.listenCompare(onCompare);
      return l.client.remote.compare(decoders, steps);
    },
    [],
  );

  return {
    ...view,
    compareDecoders,
    pickOwnPhoto,
    progress: feed.store,
    status,
    start: startTraining,
    pause,
    reset,
    exportWeights,
    importWeights,
  };
}
