import { describe, expect, it } from 'vitest';
import { filterImage, kernelPreset, KERNEL_PRESETS, presetKernel, type KernelPresetId } from '../../engine';

/** The kernels as their sources print them (Sobel's in correlation form, as PyTorch applies them). */
const PUBLISHED: Record<KernelPresetId, { divisor: number; rows: number[][] }> = {
  identity: {
    divisor: 1,
    rows: [
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  },
  'box-blur': {
    divisor: 9,
    rows: [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
  },
  'gaussian-3': {
    divisor: 16,
    rows: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
  },
  'gaussian-5': {
    divisor: 256,
    rows: [
      [1, 4, 6, 4, 1],
      [4, 16, 24, 16, 4],
      [6, 24, 36, 24, 6],
      [4, 16, 24, 16, 4],
      [1, 4, 6, 4, 1],
    ],
  },
  sharpen: {
    divisor: 1,
    rows: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
  },
  'sobel-x': {
    divisor: 1,
    rows: [
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ],
  },
  'sobel-y': {
    divisor: 1,
    rows: [
      [-1, -2, -1],
      [0, 0, 0],
      [1, 2, 1],
    ],
  },
  laplacian: {
    divisor: 1,
    rows: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
  },
  emboss: {
    divisor: 1,
    rows: [
      [-2, -1, 0],
      [-1, 1, 1],
      [0, 1, 2],
    ],
  },
};

describe('kernel presets', () => {
  it.each(KERNEL_PRESETS.map((p) => [p.id, p] as const))('%s equals its published kernel', (id, preset) => {
    const published = PUBLISHED[id];
    const kernel = presetKernel(preset);
    expect(kernel.rows).toBe(published.rows.length);
    expect(kernel.cols).toBe(published.rows[0]!.length);
    expect(kernel.values).toEqual(published.rows.flat().map((v) => v / published.divisor));
    expect(preset.source).toMatch(/^https:\/\//);
  });

  it('lists every preset once, and finds them by id', () => {
    expect(KERNEL_PRESETS.map((p) => p.id).sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(kernelPreset('sobel-x')?.id).toBe('sobel-x');
    expect(kernelPreset('no-such-kernel')).toBeUndefined();
  });

  it('blurs keep a flat image flat and edge detectors send it to zero', () => {
    const flat = { width: 6, height: 6, data: new Float32Array(3 * 36).fill(0.5) };
    const centre = (id: KernelPresetId) => {
      const out = filterImage(flat, presetKernel(kernelPreset(id)!), {
        colour: 'per-channel',
        stride: [1, 1],
        padding: 'valid',
        paddingMode: 'zeros',
        dilation: [1, 1],
      });
      return out.data[0]!;
    };
    for (const id of ['identity', 'box-blur', 'gaussian-3', 'gaussian-5', 'sharpen', 'emboss'] as const) {
      expect(centre(id)).toBeCloseTo(0.5, 6);
    }
    for (const id of ['sobel-x', 'sobel-y', 'laplacian'] as const) expect(centre(id)).toBe(0);
  });

  it('Sobel x is positive where brightness grows to the right, Sobel y where it grows downwards', () => {
    const W = 5;
    const H = 5;
    const ramp = (f: (y: number, x: number) => number) => {
      const data = new Float32Array(3 * W * H);
      for (let c = 0; c < 3; c++)
        for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[(c * H + y) * W + x] = f(y, x);
      return { width: W, height: H, data };
    };
    const settings = {
      colour: 'summed',
      stride: [1, 1],
      padding: 'valid',
      paddingMode: 'zeros',
      dilation: [1, 1],
    } as const;
    const rightwards = ramp((_, x) => x / 10);
    const downwards = ramp((y) => y / 10);
    const sobelX = presetKernel(kernelPreset('sobel-x')!);
    const sobelY = presetKernel(kernelPreset('sobel-y')!);
    // Summed over RGB: 3 channels × (1 + 2 + 1) × 2 steps of 0.1 = 2.4.
    expect(filterImage(rightwards, sobelX, settings).data[0]).toBeCloseTo(2.4, 6);
    expect(filterImage(downwards, sobelY, settings).data[0]).toBeCloseTo(2.4, 6);
    expect(filterImage(downwards, sobelX, settings).data[0]).toBe(0);
  });
});
