import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../../engine';
import {
  LESSON_AUTOENCODER,
  autoencoderSpec,
  createAdamState,
  createTrainingPlan,
  initParameters,
  mseLoss,
  trainStep,
  zeroParameters,
  type NetworkSpec,
} from '../../../engine/nn';
import { mulberry32 } from '../../../engine/random';

/** A smooth, seeded batch of "images" in [0, 1]: sums of a few low-frequency waves per channel. */
function smoothBatch(n: number, c: number, h: number, w: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(n * c * h * w);
  for (let i = 0; i < n * c; i++) {
    const [a, b, p, q] = [rand() * 3, rand() * 3, rand() * 6, rand() * 6];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        out[(i * h + y) * w + x] = 0.5 + 0.25 * Math.sin((a * y) / h + p) * Math.cos((b * x) / w + q);
      }
    }
  }
  return out;
}

describe.each(['transposed', 'nearest', 'bilinear'] as const)(
  'gradients of a network (%s decoder) against finite differences',
  (decoder) => {
    // Small, with every layer kind and both activations, in float64 so central
    // differences are accurate: (L(θ + h) − L(θ − h)) / 2h has error O(h²).
    const spec: NetworkSpec = autoencoderSpec(2, [4, 3], 3, 2, decoder);
    const [N, H, W] = [2, 8, 8];
    const plan = createTrainingPlan(spec, N, [H, W], 'float64');
    const params = initParameters(spec, 'pytorch-default', mulberry32(7), 'float64');
    const input = smoothBatch(N, 2, H, W, 3);
    const target = smoothBatch(N, 2, H, W, 4);
    const grads = zeroParameters(spec, 'float64');
    plan.lossAndGradients(params, input, target, grads);
    const loss = (): number => mseLoss(plan.forward(params, input), target);

    it.each(params.params.map((p, i) => [p.name, i] as const))('∂L/∂%s', (_name, i) => {
      const p = params.params[i]!;
      const g = grads.params[i]!.data;
      const rand = mulberry32(100 + i);
      const h = 1e-5;
      let scale = 0;
      for (const v of g) scale = Math.max(scale, Math.abs(v));
      for (let probe = 0; probe < 8; probe++) {
        const j = Math.floor(rand() * p.data.length);
        const keep = p.data[j]!;
        p.data[j] = keep + h;
        const up = loss();
        p.data[j] = keep - h;
        const down = loss();
        p.data[j] = keep;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(numeric - g[j]!)).toBeLessThan(1e-6 * scale + 1e-10);
      }
    });

    it('lossAndGradients returns the loss that forward and mseLoss give', () => {
      expect(plan.lossAndGradients(params, input, target, grads)).toBeCloseTo(loss(), 14);
    });
  },
);

describe('training', () => {
  it('lowers the loss of the lesson network on a fixed seed (Adam, PyTorch initialisation, float32)', () => {
    const [N, H, W] = [4, 16, 16];
    const plan = createTrainingPlan(LESSON_AUTOENCODER, N, [H, W]);
    const params = initParameters(LESSON_AUTOENCODER, 'pytorch-default', mulberry32(18));
    const grads = zeroParameters(LESSON_AUTOENCODER);
    const adam = createAdamState(params);
    const batch = Float32Array.from(smoothBatch(N, 3, H, W, 1));
    const losses: number[] = [];
    for (let step = 0; step < 60; step++) losses.push(trainStep(plan, params, grads, adam, batch));
    expect(losses[59]!).toBeLessThan(0.5 * losses[0]!);
    // Steadily: each block of ten steps ends lower than the one before.
    for (let k = 1; k < 6; k++) expect(losses[10 * k + 9]!).toBeLessThan(losses[10 * k - 1]!);
  });

  it('lowers the loss from Keras glorot-uniform initialisation too', () => {
    const spec = autoencoderSpec(3, [8, 4]);
    const plan = createTrainingPlan(spec, 2, [16, 16]);
    const params = initParameters(spec, 'glorot-uniform', mulberry32(2));
    const grads = zeroParameters(spec);
    const adam = createAdamState(params);
    const batch = Float32Array.from(smoothBatch(2, 3, 16, 16, 9));
    const first = trainStep(plan, params, grads, adam, batch, { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    let last = first;
    for (let step = 0; step < 40; step++) {
      last = trainStep(plan, params, grads, adam, batch, { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    }
    expect(last).toBeLessThan(0.5 * first);
  });

  it('lowers the loss of the resize-then-convolve network (bilinear ×2, then 3×3 stride 1) too', () => {
    const spec = autoencoderSpec(3, [8, 4], 3, 2, 'bilinear');
    const plan = createTrainingPlan(spec, 2, [16, 16]);
    const params = initParameters(spec, 'pytorch-default', mulberry32(5));
    const grads = zeroParameters(spec);
    const adam = createAdamState(params);
    const batch = Float32Array.from(smoothBatch(2, 3, 16, 16, 9));
    const options = { lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    const first = trainStep(plan, params, grads, adam, batch, options);
    let last = first;
    for (let step = 0; step < 40; step++) last = trainStep(plan, params, grads, adam, batch, options);
    expect(last).toBeLessThan(0.5 * first);
  });

  it('the same seed trains to the same weights, bit for bit', () => {
    const run = (): Float32Array => {
      const spec = autoencoderSpec(3, [4]);
      const plan = createTrainingPlan(spec, 1, [8, 8]);
      const params = initParameters(spec, 'pytorch-default', mulberry32(5));
      const grads = zeroParameters(spec);
      const adam = createAdamState(params);
      const batch = Float32Array.from(smoothBatch(1, 3, 8, 8, 5));
      for (let i = 0; i < 5; i++) trainStep(plan, params, grads, adam, batch);
      return Float32Array.from(params.params[0]!.data);
    };
    expect(Array.from(run())).toEqual(Array.from(run()));
  });

  it('refuses a network that does not fit the limits with the engine’s typed error', () => {
    const bad: NetworkSpec = {
      inChannels: 3,
      layers: [{ kind: 'conv', outChannels: 0, kernel: 3, stride: 2, activation: 'relu' }],
    };
    let caught: unknown = null;
    try {
      createTrainingPlan(bad, 1, [8, 8]);
    } catch (e) {
      caught = e;
    }
    expect(isEngineError(caught) && caught.code).toBe('non-positive-size');
  });
});
