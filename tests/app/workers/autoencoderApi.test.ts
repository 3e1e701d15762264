import { describe, expect, it } from 'vitest';
import { trainStep } from '../../../engine/nn';
import type { RgbImage } from '../../../engine/photoFilter';
import { mulberry32 } from '../../../engine/random';
import {
  createAutoencoderApi,
  type AutoencoderApiOptions,
  type CompareReport,
  type TrainerReport,
  type TrainerSettings,
} from '../../../app/workers/autoencoderApi';

/** A smooth seeded photo in [0, 1]: low-frequency waves per channel, like a blurred picture. */
function smoothPhoto(width: number, height: number, seed: number): RgbImage {
  const rand = mulberry32(seed);
  const data = new Float32Array(3 * width * height);
  for (let c = 0; c < 3; c++) {
    const [a, b, p] = [rand() * 4, rand() * 4, rand() * 6];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        data[(c * height + y) * width + x] = 0.5 + 0.3 * Math.sin((a * y) / height + p) * Math.cos((b * x) / width);
      }
    }
  }
  return { width, height, data };
}

/** The top-left side × side corner of a photo. */
function crop(photo: RgbImage, side: number): RgbImage {
  const data = new Float32Array(3 * side * side);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < side; y++) {
      const from = (c * photo.height + y) * photo.width;
      data.set(photo.data.subarray(from, from + side), (c * side + y) * side);
    }
  }
  return { width: side, height: side, data };
}

const SMALL: TrainerSettings = { channels: [8, 4], seed: 3, lr: 0.01, batch: 4, patch: 8 };

function ready(options: AutoencoderApiOptions = {}, settings: TrainerSettings = SMALL) {
  const api = createAutoencoderApi(options);
  // The held-out photo is of the same kind as the training photos (here, a corner of one).
  expect(api.setPhotos([smoothPhoto(24, 20, 1), smoothPhoto(20, 24, 2)], crop(smoothPhoto(24, 20, 1), 16))).toBe(true);
  const configured = api.configure(settings);
  if (!configured.ok) throw new Error(configured.reason);
  return { api, first: configured.report };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('autoencoder training worker handlers', () => {
  it('refuse to train before they have photos, and refuse settings outside the limits', () => {
    const api = createAutoencoderApi();
    expect(api.configure(SMALL)).toEqual({ ok: false, reason: 'no-photos' });
    api.setPhotos([smoothPhoto(24, 24, 1)], smoothPhoto(16, 16, 2));
    expect(api.configure({ ...SMALL, channels: [65] })).toEqual({ ok: false, reason: 'invalid-settings' });
    expect(api.configure({ ...SMALL, channels: [] })).toEqual({ ok: false, reason: 'invalid-settings' });
    expect(api.configure({ ...SMALL, lr: Number.NaN })).toEqual({ ok: false, reason: 'invalid-settings' });
    expect(api.configure({ ...SMALL, patch: 32 })).toEqual({ ok: false, reason: 'invalid-settings' });
    expect(api.setPhotos([], smoothPhoto(16, 16, 2))).toBe(false);
  });

  it('report the held-out photo’s PSNR and reconstruction as soon as the network is made', () => {
    const { first } = ready();
    expect(first.step).toBe(0);
    expect(first.heldOut?.width).toBe(16);
    expect(first.heldOut?.rgba.length).toBe(16 * 16 * 4);
    expect(Number.isFinite(first.heldOut?.psnr)).toBe(true);
  });

  it('lower the loss and raise the held-out PSNR over training on a fixed seed', () => {
    const { api, first } = ready();
    const early = api.train(10);
    api.train(150);
    const late = api.train(10);
    expect(late.step).toBe(170);
    expect(mean(late.losses)).toBeLessThan(mean(early.losses) / 2);
    expect(late.heldOut!.psnr).toBeGreaterThan(first.heldOut!.psnr + 3);
  });

  it('give the same run for the same seed and another for another seed', () => {
    const a = ready().api.train(5).losses;
    const b = ready().api.train(5).losses;
    const c = ready({}, { ...SMALL, seed: 4 }).api.train(5).losses;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('stop on a loss that is not finite, say so, and keep the last weights whose loss was finite', () => {
    let calls = 0;
    const failing: typeof trainStep = (...args) => {
      calls++;
      if (calls <= 3) return trainStep(...args);
      // A step that blows up: the weights become NaN and so does the next loss.
      for (const p of args[1].params) p.data.fill(Number.NaN);
      return calls === 4 ? 0.1 : Number.NaN;
    };
    const { api } = ready({ trainStep: failing });
    const good = api.train(3);
    const exported = api.exportWeights();
    const stopped = api.train(10);
    expect(stopped.status).toBe('diverged');
    expect(stopped.step).toBe(3);
    expect(Number.isFinite(stopped.heldOut!.psnr)).toBe(true);
    expect(stopped.heldOut!.psnr).toBeCloseTo(good.heldOut!.psnr, 6);
    expect(api.exportWeights()).toBe(exported);
  });

  it('report each loss of a started run once when it diverges: to the listener, not again in the answer', async () => {
    let calls = 0;
    const failing: typeof trainStep = (...args) => (++calls <= 5 ? trainStep(...args) : Number.NaN);
    const { api } = ready({ trainStep: failing });
    const reports: TrainerReport[] = [];
    api.onReport((r) => reports.push(r));
    const last = await api.start();
    expect(last.status).toBe('diverged');
    expect(last.losses).toEqual([]);
    expect(reports.at(-1)!.status).toBe('diverged');
    expect(reports.reduce((n, r) => n + r.losses.length, 0)).toBe(5);
  });

  it('train in slices while started, report losses and speed, and stop when paused', async () => {
    let clock = 0;
    const { api } = ready({ now: () => (clock += 40) });
    const reports: TrainerReport[] = [];
    api.onReport((r) => {
      reports.push(r);
      if (reports.length === 3) api.pause();
    });
    const last = await api.start();
    expect(last.status).toBe('paused');
    expect(reports).toHaveLength(3);
    expect(reports.every((r) => r.status === 'running' && r.losses.length > 0)).toBe(true);
    expect(reports[0]!.stepsPerSecond).toBeGreaterThan(0);
    const steps = reports.reduce((n, r) => n + r.losses.length, 0);
    expect(reports[2]!.step).toBe(steps);
    // Measured at most once a second of the (fake) clock.
    expect(reports.some((r) => r.heldOut !== null)).toBe(true);
  });

  it('export weights as JSON that import back to the same reconstruction', () => {
    const { api } = ready();
    const trained = api.train(20);
    const json = api.exportWeights()!;
    const other = ready({}, { ...SMALL, seed: 11 }).api;
    const imported = other.importWeights(json);
    if (!imported.ok) throw new Error(imported.reason);
    expect(imported.channels).toEqual([8, 4]);
    expect(imported.report.heldOut!.psnr).toBeCloseTo(trained.heldOut!.psnr, 4);
  });

  it('refuse weights that are not JSON, not ours, or not an autoencoder the lesson can train, without throwing', () => {
    const { api } = ready();
    expect(api.importWeights('{')).toEqual({ ok: false, reason: 'not-json' });
    expect(api.importWeights('{"format":"other"}')).toEqual({ ok: false, reason: 'wrong-format' });
    const conv = JSON.stringify({
      format: 'convlab-network-weights',
      version: 1,
      network: {
        inChannels: 3,
        layers: [{ kind: 'conv', outChannels: 3, kernel: 1, stride: 1, activation: 'identity' }],
      },
      params: {
        '0.weight': { shape: [3, 3, 1, 1], data: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
        '0.bias': { shape: [3], data: [0, 0, 0] },
      },
    });
    expect(api.importWeights(conv)).toEqual({ ok: false, reason: 'not-an-autoencoder' });
  });

  it('compress the held-out photo: more bits per latent value cost more bytes and give a better picture', () => {
    const { api } = ready({}, { ...SMALL, channels: [8, 16] });
    api.train(60);
    const one = api.compress(1)!;
    const eight = api.compress(8)!;
    expect(one.latentValues).toBe(16 * 4 * 4);
    expect(eight.bytes).toBeGreaterThan(one.bytes);
    expect(eight.bpp).toBeCloseTo((8 * eight.bytes) / (16 * 16), 12);
    expect(eight.psnr).toBeGreaterThan(one.psnr);
    // Eight bits are close to the unquantised network.
    expect(eight.psnr).toBeGreaterThan(api.measure().heldOut!.psnr - 0.5);
  });

  it('measure JPEG at each quality through the codec it is given', async () => {
    const halve = (rgba: Uint8ClampedArray) =>
      Uint8ClampedArray.from(rgba, (v, i) => (i % 4 === 3 ? v : (v >> 1) << 1));
    const { api } = ready({ jpeg: async (rgba, _w, _h, q) => ({ bytes: Math.round(q * 100), rgba: halve(rgba) }) });
    const points = await api.jpeg([0.5, 0.9, 2]);
    expect(points.map((p) => p.setting)).toEqual([0.5, 0.9]);
    expect(points[1]!.bpp).toBeCloseTo((8 * 90) / 256, 12);
    expect(points[0]!.psnr).toBeGreaterThan(40);
  });

  it('train a transposed and a resize-then-convolve decoder side by side from one seed, both measured on the held-out crop', async () => {
    let clock = 0;
    const { api } = ready({ now: () => (clock += 10) });
    const reports: CompareReport[] = [];
    api.onCompare((r) => reports.push(r));
    const last = await api.compare(['transposed', 'nearest'], 12);
    expect(last.status).toBe('done');
    expect(last.step).toBe(12);
    expect(last.pictures.map((p) => p.decoder)).toEqual(['transposed', 'nearest']);
    expect(last.pictures.every((p) => p.width === 16 && p.rgba.length === 16 * 16 * 4)).toBe(true);
    expect(reports[0]!.step).toBe(0);
    expect(reports.at(-1)).toBe(last);
    // Each network learns: its crop's PSNR rises from the first report to the last.
    for (const i of [0, 1]) expect(last.pictures[i]!.psnr).toBeGreaterThan(reports[0]!.pictures[i]!.psnr);
    // The same run again gives the same pictures: one seed, the same batches.
    const again = await ready({ now: () => (clock += 10) }).api.compare(['transposed', 'nearest'], 12);
    expect(again.pictures[1]!.psnr).toBe(last.pictures[1]!.psnr);
  });

  it('stop a side-by-side run when paused, and refuse one without decoders', async () => {
    let clock = 0;
    const { api } = ready({ now: () => (clock += 150) });
    api.onCompare((r) => {
      if (r.step > 0) api.pause();
    });
    const last = await api.compare(['transposed', 'bilinear'], 1000);
    expect(last.status).toBe('paused');
    expect(last.step).toBeLessThan(1000);
    expect(await api.compare([], 5)).toMatchObject({ status: 'refused' });
  });

  it('measure the network on a new held-out photo, keeping its weights, and refuse one the network cannot rebuild', () => {
    const { api } = ready();
    api.train(10);
    const exported = api.exportWeights();
    const own = api.setHeldOut(smoothPhoto(24, 16, 9))!;
    expect(own.heldOut).toMatchObject({ width: 24, height: 16 });
    expect(own.heldOut!.rgba).toHaveLength(24 * 16 * 4);
    expect(api.exportWeights()).toBe(exported);
    expect(api.compress(4)).toMatchObject({ width: 24, height: 16 });
    // 20 is not a multiple of 8: three halvings and doublings would not come back to it.
    expect(api.setHeldOut(smoothPhoto(20, 16, 9))).toBeNull();
    expect(api.setHeldOut({ width: 16, height: 16, data: new Float32Array(5) })).toBeNull();
  });
});
