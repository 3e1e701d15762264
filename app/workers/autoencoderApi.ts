/**
 * The autoencoder lesson's training worker, as plain functions: the worker
 * file (autoencoder.worker.ts) exposes them through comlink, and tests call
 * them directly, without a Worker.
 *
 * The worker holds the photos (training photos and one held-out photo), one
 * network (its spec, parameters, Adam's state and the seeded generator that
 * cuts the batches) and trains it on request: `start` runs steps in slices
 * of about SLICE_MS, yielding between slices so `pause`, `reset` and the
 * other requests get through, and reports the losses, the held-out photo's
 * PSNR and reconstruction, and the speed. A step whose loss is not finite
 * stops the run and puts back the last weights whose loss was finite. Every
 * outcome is a value, never an exception.
 */
import { deflateSync } from 'fflate';
import { isEngineError } from '../../engine/errors';
import {
  ADAM_DEFAULTS,
  autoencoderSpec,
  bitsPerPixel,
  createAdamState,
  createTrainingPlan,
  dequantiseLatent,
  initParameters,
  parametersFromJson,
  parametersToJson,
  psnrOf,
  quantiseLatent,
  samplePatches,
  trainStep,
  zeroParameters,
  type AdamState,
  type DecoderKind,
  type NetworkSpec,
  type ParameterSet,
  type RatePoint,
  type TrainingPlan,
  type WeightsParseErrorCode,
} from '../../engine/nn';
import type { RgbImage } from '../../engine/photoFilter';
import { rgbaFromRgb } from '../../engine/pixelMapping';
import { mulberry32 } from '../../engine/random';
import { yieldByTimer, type YieldToEventLoop } from './latest';

/** Training settings a run is made from: the same settings give the same run. */
export interface TrainerSettings {
  /** Channels of each encoder layer, e.g. [64, 32]; the decoder mirrors them. */
  readonly channels: readonly number[];
  readonly seed: number;
  /** Adam's learning rate. */
  readonly lr: number;
  /** Patches per batch and their side, in pixels. */
  readonly batch: number;
  readonly patch: number;
}

/** The lesson's defaults: the network of the lesson on batches of 8 patches of 32×32. */
export const DEFAULT_TRAINER_SETTINGS: TrainerSettings = { channels: [64, 32], seed: 1, lr: 5e-3, batch: 8, patch: 32 };

/** Limits of what a request may ask for (the lesson's controls stay inside them). */
export const TRAINER_LIMITS = {
  minLayers: 1,
  maxLayers: 3,
  maxChannels: 64,
  minLr: 1e-5,
  maxLr: 1,
  maxBatch: 32,
  minPatch: 8,
  maxPatch: 64,
  maxSeed: 999_999,
  maxPhotoSide: 512,
  maxPhotos: 8,
} as const;

/** A slice of training lasts about this long before the worker yields and reports. */
export const SLICE_MS = 200;

/** The held-out photo is measured (PSNR, reconstruction) at most this often while training. */
export const EVAL_MS = 1000;

export type TrainerStatus = 'idle' | 'running' | 'paused' | 'diverged';

/** What the worker says while it trains, and when asked. */
export interface TrainerReport {
  readonly status: TrainerStatus;
  /** Adam steps taken since the network was made (or loaded). */
  readonly step: number;
  /** The loss of each step since the previous report, in order (the first one's step is `step − losses.length + 1`). */
  readonly losses: readonly number[];
  /** Steps per second over the last slice (null before any). */
  readonly stepsPerSecond: number | null;
  /** The held-out photo's PSNR (dB) and reconstruction (RGBA), when measured in this report. */
  readonly heldOut: HeldOutResult | null;
}

export interface HeldOutResult {
  readonly step: number;
  readonly psnr: number;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** The side-by-side run compares decoders on this centre crop of the held-out photo (side in pixels). */
export const COMPARE_CROP = 96;

/** One decoder's reconstruction of the crop in a side-by-side run. */
export interface DecoderPicture {
  readonly decoder: DecoderKind;
  readonly psnr: number;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** Where a side-by-side run stands: steps taken by each network, and their pictures. */
export interface CompareReport {
  readonly status: 'running' | 'done' | 'paused' | 'diverged' | 'refused';
  readonly step: number;
  readonly steps: number;
  readonly pictures: readonly DecoderPicture[];
}

export type ConfigureOutcome =
  | { readonly ok: true; readonly spec: NetworkSpec; readonly report: TrainerReport }
  | { readonly ok: false; readonly reason: 'no-photos' | 'invalid-settings' | 'refused' };

export type ImportOutcome =
  | { readonly ok: true; readonly channels: readonly number[]; readonly report: TrainerReport }
  | {
      readonly ok: false;
      readonly reason: WeightsParseErrorCode | 'not-an-autoencoder' | 'too-large-for-lesson' | 'no-photos';
    };

/** The held-out photo compressed through the latent at b bits. */
export interface CompressionResult extends RatePoint {
  /** Bytes of the code: the deflated codes and four bytes for the latent's largest value. */
  readonly bytes: number;
  /** Values in the latent, and bytes of the codes before deflate (one byte each). */
  readonly latentValues: number;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
}

/** A picture as JPEG at one quality: its bytes and how it decodes. */
export interface JpegResult extends RatePoint {
  readonly bytes: number;
  readonly rgba: Uint8ClampedArray;
}

/** Encodes RGBA as JPEG at a quality in (0, 1] and decodes it again (the browser's canvas encoder in the worker). */
export type JpegCodec = (
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  quality: number,
) => Promise<{ readonly bytes: number; readonly rgba: Uint8ClampedArray }>;

export interface AutoencoderApi {
  /** Hands over the photos: the held-out one is only measured, never trained on. */
  setPhotos(train: readonly RgbImage[], heldOut: RgbImage): boolean;
  /**
   * Replaces the held-out photo (the student's own, say) and measures the
   * network on it; null when the photo is out of limits (each side 8 to
   * maxPhotoSide pixels, a multiple of 8 so three halvings come back to it) or
   * the network does not fit it. The network and its training are kept.
   */
  setHeldOut(photo: RgbImage): TrainerReport | null;
  /** A fresh network from the settings (seeded initialisation), or the weights of a JSON file when given. */
  configure(settings: TrainerSettings, weights?: string): ConfigureOutcome;
  /** Where reports go while training (one listener; a new one replaces it). */
  onReport(listener: ((report: TrainerReport) => void) | null): void;
  /** Trains until paused, reset or diverged; resolves with the last report. */
  start(): Promise<TrainerReport>;
  pause(): void;
  /** Exactly `steps` steps now, without yielding (tests, and a single step from the keyboard). */
  train(steps: number): TrainerReport;
  /** The held-out photo's PSNR and reconstruction now. */
  measure(): TrainerReport;
  exportWeights(): string | null;
  /** Loads a weights JSON file (validated; never throws) and keeps the current training settings. */
  importWeights(text: string): ImportOutcome;
  /** The held-out photo through a latent quantised to `bits` bits and deflated. */
  compress(bits: number): CompressionResult | null;
  /** The held-out photo as JPEG at each quality (needs a JPEG codec). */
  jpeg(qualities: readonly number[]): Promise<JpegResult[]>;
  /** Where side-by-side reports go (one listener; a new one replaces it). */
  onCompare(listener: ((report: CompareReport) => void) | null): void;
  /**
   * Trains one fresh network per decoder from the current settings' seed (same
   * initial encoder draws, same batches), a step of each in turn, for `steps`
   * steps, measuring each on the held-out photo's centre crop; stops the main
   * run first. Resolves with the last report; `pause` stops it.
   */
  compare(decoders: readonly DecoderKind[], steps: number): Promise<CompareReport>;
}

export interface AutoencoderApiOptions {
  readonly yieldToEventLoop?: YieldToEventLoop;
  /** Milliseconds, for the speed and the slices (performance.now in the worker). */
  readonly now?: () => number;
  readonly jpeg?: JpegCodec;
  /** One training step (the engine's `trainStep`; tests put in one that fails). */
  readonly trainStep?: typeof trainStep;
}

function isIntIn(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

/** Settings inside TRAINER_LIMITS. */
export function validTrainerSettings(s: TrainerSettings): boolean {
  const L = TRAINER_LIMITS;
  return (
    Array.isArray(s.channels) &&
    isIntIn(s.channels.length, L.minLayers, L.maxLayers) &&
    s.channels.every((c) => isIntIn(c, 1, L.maxChannels)) &&
    isIntIn(s.seed, 0, L.maxSeed) &&
    Number.isFinite(s.lr) &&
    s.lr >= L.minLr &&
    s.lr <= L.maxLr &&
    isIntIn(s.batch, 1, L.maxBatch) &&
    isIntIn(s.patch, L.minPatch, L.maxPatch)
  );
}

function validImage(image: RgbImage, min: number): boolean {
  const { width, height, data } = image;
  const side = (v: number) => isIntIn(v, min, TRAINER_LIMITS.maxPhotoSide);
  return side(width) && side(height) && data instanceof Float32Array && data.length === 3 * width * height;
}

/** The encoder's channels of a spec made by `autoencoderSpec(3, channels)` (k3, s2), or null for any other spec. */
export function autoencoderChannels(spec: NetworkSpec): number[] | null {
  const n = spec.layers.length / 2;
  if (spec.inChannels !== 3 || !Number.isInteger(n) || n < 1) return null;
  const channels = spec.layers.slice(0, n).map((l) => l.outChannels);
  const expected = autoencoderSpec(3, channels);
  const same = expected.layers.every((l, i) => {
    const o = spec.layers[i]!;
    return (
      o.kind === l.kind &&
      o.outChannels === l.outChannels &&
      o.kernel === l.kernel &&
      o.stride === l.stride &&
      o.activation === l.activation
    );
  });
  return same ? channels : null;
}

/** The side × side centre of a photo. */
function centreCrop(photo: RgbImage, side: number): RgbImage {
  const top = Math.floor((photo.height - side) / 2);
  const left = Math.floor((photo.width - side) / 2);
  const data = new Float32Array(3 * side * side);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < side; y++) {
      const from = (c * photo.height + top + y) * photo.width + left;
      data.set(photo.data.subarray(from, from + side), (c * side + y) * side);
    }
  }
  return { width: side, height: side, data };
}

function allFinite(set: ParameterSet): boolean {
  for (const p of set.params) for (const v of p.data) if (!Number.isFinite(v)) return false;
  return true;
}

function copyInto(from: ParameterSet, to: ParameterSet): void {
  for (let i = 0; i < from.params.length; i++) to.params[i]!.data.set(from.params[i]!.data);
}

interface Network {
  readonly settings: TrainerSettings;
  readonly spec: NetworkSpec;
  readonly plan: TrainingPlan;
  /** Batch 1 at the held-out photo's size (made again when the held-out photo changes). */
  evalPlan: TrainingPlan;
  params: ParameterSet;
  /** The weights of the last step whose loss was finite. */
  lastGood: ParameterSet;
  /** The weights before the step being taken. */
  before: ParameterSet;
  readonly grads: ParameterSet;
  adam: AdamState;
  readonly rand: () => number;
  readonly batch: Float32Array;
  step: number;
}

export function createAutoencoderApi(options: AutoencoderApiOptions = {}): AutoencoderApi {
  const yieldToEventLoop = options.yieldToEventLoop ?? yieldByTimer;
  const now = options.now ?? (() => performance.now());
  const step = options.trainStep ?? trainStep;
  let train: readonly RgbImage[] = [];
  let heldOut: RgbImage | null = null;
  let net: Network | null = null;
  let listener: ((report: TrainerReport) => void) | null = null;
  let status: TrainerStatus = 'idle';
  /** Bumped by pause, configure and import: a running loop stops when it changes. */
  let generation = 0;
  let pending: number[] = [];
  let stepsPerSecond: number | null = null;
  let compareListener: ((report: CompareReport) => void) | null = null;

  const build = (settings: TrainerSettings, spec: NetworkSpec, params: ParameterSet | null): Network | null => {
    if (!heldOut) return null;
    let plan: TrainingPlan;
    let evalPlan: TrainingPlan;
    try {
      plan = createTrainingPlan(spec, settings.batch, [settings.patch, settings.patch]);
      evalPlan = createTrainingPlan(spec, 1, [heldOut.height, heldOut.width]);
    } catch (e) {
      if (isEngineError(e)) return null;
      throw e;
    }
    if (!plan.shapes.reconstructs || !evalPlan.shapes.reconstructs) return null;
    // Initialisation draws from the seed first; the batches continue from the same generator.
    const rand = mulberry32(settings.seed);
    const fresh = initParameters(spec, 'pytorch-default', rand);
    const start = params ?? fresh;
    const lastGood = zeroParameters(spec);
    copyInto(start, lastGood);
    return {
      settings,
      spec,
      plan,
      evalPlan,
      params: start,
      lastGood,
      before: zeroParameters(spec),
      grads: zeroParameters(spec),
      adam: createAdamState(start),
      rand,
      batch: new Float32Array(plan.inputSize),
      step: 0,
    };
  };

  const heldOutResult = (n: Network): HeldOutResult | null => {
    if (!heldOut) return null;
    const y = n.evalPlan.forward(n.params, heldOut.data);
    return {
      step: n.step,
      psnr: psnrOf(y, heldOut.data),
      width: heldOut.width,
      height: heldOut.height,
      rgba: rgbaFromRgb(Float32Array.from(y), heldOut.width, heldOut.height),
    };
  };

  const report = (measure: boolean): TrainerReport => {
    const out: TrainerReport = {
      status,
      step: net?.step ?? 0,
      losses: pending,
      stepsPerSecond,
      heldOut: measure && net ? heldOutResult(net) : null,
    };
    pending = [];
    return out;
  };

  /**
   * One step; false when its loss was not finite, and the weights are then
   * the last ones whose loss was finite (the loss of a step is measured on
   * the weights before its update, so those are the good ones).
   */
  const stepOnce = (n: Network): boolean => {
    copyInto(n.params, n.before);
    samplePatches(train, n.settings.patch, n.rand, n.batch);
    const loss = step(n.plan, n.params, n.grads, n.adam, n.batch, { ...ADAM_DEFAULTS, lr: n.settings.lr });
    if (!Number.isFinite(loss)) {
      copyInto(n.lastGood, n.params);
      return false;
    }
    if (!allFinite(n.params)) {
      // The loss was finite, the update was not: undo the update.
      copyInto(n.before, n.params);
      copyInto(n.before, n.lastGood);
      return false;
    }
    [n.lastGood, n.before] = [n.before, n.lastGood];
    n.step += 1;
    pending.push(loss);
    return true;
  };

  /** One Adam step of a side-by-side network on its batch (already sampled); the loss before the step. */
  const stepLoss = (n: Network): number => {
    const loss = step(n.plan, n.params, n.grads, n.adam, n.batch, { ...ADAM_DEFAULTS, lr: n.settings.lr });
    n.step += 1;
    return loss;
  };

  /** A fresh network of `spec` from the settings' seed, measured on `photo`. */
  const buildFor = (settings: TrainerSettings, spec: NetworkSpec, photo: RgbImage): Network | null => {
    const saved = heldOut;
    heldOut = photo;
    try {
      return build(settings, spec, null);
    } finally {
      heldOut = saved;
    }
  };

  return {
    setPhotos(trainPhotos, held) {
      if (!isIntIn(trainPhotos.length, 1, TRAINER_LIMITS.maxPhotos)) return false;
      if (!trainPhotos.every((p) => validImage(p, TRAINER_LIMITS.minPatch)) || !validImage(held, 8)) return false;
      generation++;
      train = trainPhotos;
      heldOut = held;
      net = null;
      status = 'idle';
      return true;
    },

    setHeldOut(photo) {
      if (!validImage(photo, 8) || photo.width % 8 !== 0 || photo.height % 8 !== 0) return null;
      let evalPlan: TrainingPlan | null = null;
      if (net) {
        try {
          evalPlan = createTrainingPlan(net.spec, 1, [photo.height, photo.width]);
        } catch (e) {
          if (isEngineError(e)) return null;
          throw e;
        }
        if (!evalPlan.shapes.reconstructs) return null;
      }
      generation++;
      if (status === 'running') status = 'paused';
      heldOut = photo;
      if (net && evalPlan) net.evalPlan = evalPlan;
      return report(true);
    },

    configure(settings, weights) {
      if (!heldOut || train.length === 0) return { ok: false, reason: 'no-photos' };
      if (!validTrainerSettings(settings)) return { ok: false, reason: 'invalid-settings' };
      if (train.some((p) => p.width < settings.patch || p.height < settings.patch)) {
        return { ok: false, reason: 'invalid-settings' };
      }
      generation++;
      const spec = autoencoderSpec(3, settings.channels);
      let params: ParameterSet | null = null;
      if (weights !== undefined) {
        const parsed = parametersFromJson(weights);
        const channels = parsed.ok ? autoencoderChannels(parsed.value.spec) : null;
        if (parsed.ok && channels && channels.join() === settings.channels.join()) params = parsed.value;
      }
      const next = build(settings, spec, params);
      if (!next) return { ok: false, reason: 'refused' };
      net = next;
      status = 'idle';
      pending = [];
      stepsPerSecond = null;
      return { ok: true, spec, report: report(true) };
    },

    onReport(l) {
      listener = l;
    },

    async start() {
      const n = net;
      if (!n || status === 'running') return report(false);
      const mine = ++generation;
      status = 'running';
      let lastEval = -Infinity;
      while (generation === mine && net === n) {
        const sliceStart = now();
        let steps = 0;
        let ok = true;
        while (now() - sliceStart < SLICE_MS) {
          ok = stepOnce(n);
          if (!ok) break;
          steps++;
        }
        const elapsed = now() - sliceStart;
        if (steps > 0 && elapsed > 0) stepsPerSecond = (steps * 1000) / elapsed;
        if (!ok) {
          status = 'diverged';
          const last = report(true);
          if (!listener) return last;
          listener(last);
          // The listener has had the losses and the picture: the answer repeats neither.
          return { ...last, losses: [], heldOut: null };
        }
        const measure = now() - lastEval >= EVAL_MS;
        if (measure) lastEval = now();
        listener?.(report(measure));
        await yieldToEventLoop();
      }
      return report(false);
    },

    pause() {
      generation++;
      if (status === 'running') status = 'paused';
    },

    train(steps) {
      const n = net;
      if (!n || status === 'running') return report(false);
      const count = Math.max(0, Math.min(10_000, Math.floor(steps)));
      const started = now();
      for (let i = 0; i < count; i++) {
        if (!stepOnce(n)) {
          status = 'diverged';
          return report(true);
        }
      }
      const elapsed = now() - started;
      if (count > 0 && elapsed > 0) stepsPerSecond = (count * 1000) / elapsed;
      if (status !== 'diverged') status = count > 0 ? 'paused' : status;
      return report(true);
    },

    measure() {
      return report(true);
    },

    exportWeights() {
      return net ? parametersToJson(net.params) : null;
    },

    importWeights(text) {
      if (!heldOut || !net) return { ok: false, reason: 'no-photos' };
      const parsed = parametersFromJson(text);
      if (!parsed.ok) return { ok: false, reason: parsed.error.code };
      const channels = autoencoderChannels(parsed.value.spec);
      if (!channels) return { ok: false, reason: 'not-an-autoencoder' };
      const settings = { ...net.settings, channels };
      if (!validTrainerSettings(settings)) return { ok: false, reason: 'too-large-for-lesson' };
      generation++;
      const next = build(settings, parsed.value.spec, parsed.value);
      if (!next) return { ok: false, reason: 'not-an-autoencoder' };
      net = next;
      status = 'idle';
      pending = [];
      return { ok: true, channels, report: report(true) };
    },

    compress(bits) {
      const n = net;
      const x = heldOut;
      if (!n || !x) return null;
      n.evalPlan.forward(n.params, x.data);
      const latentLayer = n.evalPlan.shapes.latentLayer;
      const latent = n.evalPlan.activations[latentLayer]!;
      const q = quantiseLatent(latent, bits);
      const bytes = deflateSync(q.codes, { level: 9 }).length + 4;
      const restored = new Float32Array(latent.length);
      dequantiseLatent(q, restored);
      const y = n.evalPlan.forwardFrom(n.params, latentLayer + 1, restored);
      return {
        bytes,
        latentValues: latent.length,
        bpp: bitsPerPixel(bytes, x.width, x.height),
        psnr: psnrOf(y, x.data),
        setting: q.bits,
        width: x.width,
        height: x.height,
        rgba: rgbaFromRgb(Float32Array.from(y), x.width, x.height),
      };
    },

    async jpeg(qualities) {
      const x = heldOut;
      const codec = options.jpeg;
      if (!x || !codec) return [];
      const original = rgbaFromRgb(x.data, x.width, x.height);
      const out: JpegResult[] = [];
      for (const quality of qualities.slice(0, 32)) {
        if (!(quality > 0 && quality <= 1)) continue;
        const coded = await codec(original, x.width, x.height, quality);
        if (coded.rgba.length !== original.length) continue;
        const decoded = new Float32Array(3 * x.width * x.height);
        const plane = x.width * x.height;
        for (let i = 0; i < plane; i++) {
          for (let c = 0; c < 3; c++) decoded[c * plane + i] = coded.rgba[i * 4 + c]! / 255;
        }
        out.push({
          bytes: coded.bytes,
          bpp: bitsPerPixel(coded.bytes, x.width, x.height),
          psnr: psnrOf(decoded, x.data),
          setting: quality,
          rgba: coded.rgba,
        });
      }
      return out;
    },

    onCompare(l) {
      compareListener = l;
    },

    async compare(decoders, steps) {
      const base = net?.settings;
      const x = heldOut;
      const count = Math.max(0, Math.min(10_000, Math.floor(steps)));
      const refused: CompareReport = { status: 'refused', step: 0, steps: count, pictures: [] };
      if (!base || !x || decoders.length < 1 || decoders.length > 3) return refused;
      const side = Math.min(COMPARE_CROP, x.width, x.height);
      const crop = centreCrop(x, side);
      const mine = ++generation;
      if (status === 'running') status = 'paused';
      const runs: { decoder: DecoderKind; n: Network }[] = [];
      for (const decoder of decoders) {
        const spec = autoencoderSpec(3, base.channels, 3, 2, decoder);
        const n = buildFor(base, spec, crop);
        if (!n) return refused;
        runs.push({ decoder, n });
      }
      const pictures = (): DecoderPicture[] =>
        runs.map(({ decoder, n }) => {
          const y = n.evalPlan.forward(n.params, crop.data);
          return {
            decoder,
            psnr: psnrOf(y, crop.data),
            width: side,
            height: side,
            rgba: rgbaFromRgb(Float32Array.from(y), side, side),
          };
        });
      let taken = 0;
      const say = (s: CompareReport['status']): CompareReport => {
        const r: CompareReport = { status: s, step: taken, steps: count, pictures: pictures() };
        compareListener?.(r);
        return r;
      };
      say('running');
      while (taken < count) {
        if (generation !== mine) return say('paused');
        const sliceStart = now();
        while (taken < count && now() - sliceStart < SLICE_MS) {
          for (const { n } of runs) {
            samplePatches(train, n.settings.patch, n.rand, n.batch);
            if (!Number.isFinite(stepLoss(n))) return say('diverged');
          }
          taken++;
        }
        if (taken < count) {
          say('running');
          await yieldToEventLoop();
        }
      }
      return say('done');
    },
  };
}
