/**
 * Upsampling and the resize-then-convolve layer against PyTorch
 * (tests/fixtures/generated/upsample.json, made by upsample.py beside it,
 * float64): F.interpolate with nearest and bilinear (align_corners=False)
 * modes, forward and backward, and one decoder layer (upsample ×2, then a
 * 3×3 stride-1 convolution) with every gradient.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../../engine';
import { createLayerPlan, createUpsamplePlan, upsampleTaps, type UpsampleMode } from '../../../engine/nn';

interface Tensor {
  shape: number[];
  data: number[];
}
interface UpsampleCase {
  op: 'upsample';
  mode: UpsampleMode;
  factor: number;
  input: Tensor;
  grad_output: Tensor;
  expected: { output: Tensor; grad_input: Tensor };
}
interface ResizeConvCase {
  op: 'resize_conv';
  mode: UpsampleMode;
  factor: number;
  input: Tensor;
  weight: Tensor;
  bias: Tensor;
  grad_output: Tensor;
  expected: { output: Tensor; grad_input: Tensor; grad_weight: Tensor; grad_bias: Tensor };
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/generated/upsample.json', import.meta.url), 'utf8'),
) as {
  cases: (UpsampleCase | ResizeConvCase)[];
};
const upsampleCases = fixture.cases.filter((c): c is UpsampleCase => c.op === 'upsample');
const layerCases = fixture.cases.filter((c): c is ResizeConvCase => c.op === 'resize_conv');

/** Largest |a − e| / max(1, |e|): the fixtures' tolerance is 1e-4 of that. */
function worst(actual: ArrayLike<number>, expected: readonly number[]): number {
  if (actual.length !== expected.length) return Infinity;
  let w = 0;
  for (let i = 0; i < expected.length; i++) {
    w = Math.max(w, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
  }
  return w;
}

const name = (c: UpsampleCase | ResizeConvCase) => `${c.mode} ×${c.factor} on ${c.input.shape.join('×')}`;

describe('upsampling against PyTorch F.interpolate', () => {
  it('has cases of both modes and two factors', () => {
    expect(new Set(upsampleCases.map((c) => `${c.mode}${c.factor}`))).toEqual(
      new Set(['nearest2', 'nearest3', 'bilinear2', 'bilinear3']),
    );
  });

  it.each(upsampleCases.map((c) => [name(c), c] as const))('%s: output and ∂L/∂x', (_n, c) => {
    const [N, C, H, W] = c.input.shape as [number, number, number, number];
    const plan = createUpsamplePlan(c.mode, N * C, [H, W], c.factor);
    const y = new Float64Array(c.expected.output.data.length);
    plan.forward(Float64Array.from(c.input.data), y);
    expect(worst(y, c.expected.output.data)).toBeLessThan(1e-9);
    const gx = new Float64Array(c.input.data.length).fill(7);
    plan.backward(Float64Array.from(c.grad_output.data), gx);
    expect(worst(gx, c.expected.grad_input.data)).toBeLessThan(1e-9);
  });

  it('weights every output cell’s taps to a sum of 1, so a flat image stays flat', () => {
    for (const mode of ['nearest', 'bilinear'] as const) {
      const t = upsampleTaps(mode, 5, 2);
      for (let o = 0; o < 10; o++) expect(t.l0[o]! + t.l1[o]!).toBeCloseTo(1, 12);
    }
  });

  it('refuses a factor below 1 with the engine’s typed error', () => {
    expect.assertions(1);
    try {
      createUpsamplePlan('nearest', 1, [4, 4], 0);
    } catch (e) {
      expect(isEngineError(e)).toBe(true);
    }
  });
});

describe('a resize-then-convolve layer against PyTorch', () => {
  it.each(layerCases.map((c) => [name(c), c] as const))('%s: output and every gradient', (_n, c) => {
    const [N, C, H, W] = c.input.shape as [number, number, number, number];
    const Co = c.weight.shape[0]!;
    const plan = createLayerPlan(
      { kind: 'resizeConv', resize: c.mode, outChannels: Co, kernel: 3, stride: c.factor, activation: 'identity' },
      C,
      N,
      [H, W],
      'float64',
    );
    expect(plan.outputShape).toEqual(c.expected.output.shape);
    const x = Float64Array.from(c.input.data);
    const w = Float64Array.from(c.weight.data);
    const b = Float64Array.from(c.bias.data);
    const y = new Float64Array(c.expected.output.data.length);
    plan.forward(x, w, b, y);
    expect(worst(y, c.expected.output.data)).toBeLessThan(1e-4);
    const gx = new Float64Array(x.length);
    const gw = new Float64Array(w.length);
    const gb = new Float64Array(b.length);
    plan.backward(x, w, Float64Array.from(c.grad_output.data), gx, gw, gb);
    expect(worst(gx, c.expected.grad_input.data)).toBeLessThan(1e-4);
    expect(worst(gw, c.expected.grad_weight.data)).toBeLessThan(1e-4);
    expect(worst(gb, c.expected.grad_bias.data)).toBeLessThan(1e-4);
  });
});
