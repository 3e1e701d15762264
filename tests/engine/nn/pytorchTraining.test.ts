/**
 * The training core against PyTorch (tests/fixtures/generated/autoencoder.json,
 * made by autoencoder.py beside it, float64): the lesson's network, its loss,
 * every gradient and the weights after 1 and 10 Adam steps; and the backward
 * pass of conv_transpose2d on random configurations.
 *
 * The engine runs in float32 storage (as in the app) with float64 sums, so
 * values agree within float32 tolerance: |a − e| ≤ 1e-4·max(1, |e|) (the
 * fixtures' own), relative to the largest value of the tensor for
 * gradients, which are sums of many terms of both signs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convTranspose2dInfo } from '../../../engine/convInfo';
import {
  ADAM_DEFAULTS,
  INIT_SCHEMES,
  adamStep,
  createAdamState,
  createConvTranspose2dTrainPlan,
  createTrainingPlan,
  initBounds,
  parameterShapes,
  parseNetworkSpec,
  zeroParameters,
  type ParameterSet,
} from '../../../engine/nn';

interface PlainTensor {
  shape: number[];
  data: number[];
}
interface PackedTensor {
  shape: number[];
  float32: string;
}
type AnyTensor = PlainTensor | PackedTensor;

function values(t: AnyTensor): Float64Array {
  if ('data' in t) return Float64Array.from(t.data);
  const bytes = Buffer.from(t.float32, 'base64');
  const f32 = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return Float64Array.from(f32);
}

interface NetworkCase {
  network: unknown;
  input: PackedTensor;
  initial: Record<string, PackedTensor>;
  output: PackedTensor;
  loss: number;
  gradients: Record<string, PackedTensor>;
  adam: { lr: number; beta1: number; beta2: number; eps: number };
  after1: Record<string, PackedTensor>;
  after10: Record<string, PackedTensor>;
  losses: number[];
}

interface TransposeCase {
  input: PlainTensor;
  weight: PlainTensor;
  bias: PlainTensor | null;
  stride: [number, number];
  padding: [number, number];
  output_padding: [number, number];
  dilation: [number, number];
  groups: number;
  grad_output: PlainTensor;
  expected: { grad_input: PlainTensor; grad_weight: PlainTensor; grad_bias: PlainTensor | null };
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/generated/autoencoder.json', import.meta.url), 'utf8'),
) as {
  autoencoder: NetworkCase;
  conv_transpose2d_backward: TransposeCase[];
};
const net = fixture.autoencoder;
const spec = parseNetworkSpec(net.network)!;

/** Largest |a − e| / max(1, |e|), elementwise. */
function worstElementwise(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = actual.length === expected.length ? 0 : Infinity;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

/** Largest |a − e| over the tensor, relative to the tensor's largest |e| (at least 1e-12). */
function worstRelativeToScale(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 1e-12;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]!));
  let worst = actual.length === expected.length ? 0 : Infinity;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(actual[i]! - expected[i]!) / scale;
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

function parametersFrom(named: Record<string, PackedTensor>): ParameterSet {
  const set = zeroParameters(spec, 'float32');
  for (const p of set.params) p.data.set(values(named[p.name]!));
  return set;
}

describe('the lesson network against PyTorch', () => {
  const [N, C, H, W] = net.input.shape as [number, number, number, number];
  const input = Float32Array.from(values(net.input));

  it('reads the fixture as the lesson network with the parameter names and shapes PyTorch uses', () => {
    expect(spec.layers.map((l) => `${l.kind}:${l.outChannels}`)).toEqual([
      'conv:64',
      'conv:32',
      'convTranspose:32',
      'convTranspose:3',
    ]);
    expect(parameterShapes(spec)).toEqual(Object.entries(net.initial).map(([name, t]) => ({ name, shape: t.shape })));
  });

  it('draws initial weights and biases within the bounds PyTorch uses (kaiming-uniform a=√5)', () => {
    for (let i = 0; i < spec.layers.length; i++) {
      const bounds = initBounds(spec, i, 'pytorch-default');
      const w = values(net.initial[`${i}.weight`]!);
      const b = values(net.initial[`${i}.bias`]!);
      const maxW = Math.max(...Array.from(w, Math.abs));
      const maxB = Math.max(...Array.from(b, Math.abs));
      // Hundreds of uniform draws come close to the bound; none passes it.
      expect(maxW).toBeLessThanOrEqual(bounds.weight);
      expect(maxW).toBeGreaterThan(0.95 * bounds.weight);
      expect(maxB).toBeLessThanOrEqual(bounds.bias);
    }
    expect(INIT_SCHEMES).toContain('pytorch-default');
  });

  it('computes the output and the loss PyTorch computes', () => {
    const plan = createTrainingPlan(spec, N, [H, W]);
    const params = parametersFrom(net.initial);
    const out = plan.forward(params, input);
    expect(worstElementwise(out, values(net.output))).toBeLessThan(1e-5);
    const grads = zeroParameters(spec);
    const loss = plan.lossAndGradients(params, input, input, grads);
    expect(Math.abs(loss - net.loss) / net.loss).toBeLessThan(1e-5);
    expect(C).toBe(spec.inChannels);
  });

  it('computes every gradient PyTorch computes', () => {
    const plan = createTrainingPlan(spec, N, [H, W]);
    const params = parametersFrom(net.initial);
    const grads = zeroParameters(spec);
    plan.lossAndGradients(params, input, input, grads);
    for (const p of grads.params) {
      expect({ name: p.name, err: worstRelativeToScale(p.data, values(net.gradients[p.name]!)) < 1e-4 }).toEqual({
        name: p.name,
        err: true,
      });
    }
  });

  it('takes the Adam steps PyTorch takes (defaults, bias-corrected): weights after 1 and after 10 steps', () => {
    expect(net.adam).toEqual(ADAM_DEFAULTS);
    const plan = createTrainingPlan(spec, N, [H, W]);
    const params = parametersFrom(net.initial);
    const grads = zeroParameters(spec);
    const state = createAdamState(params);
    const losses: number[] = [];
    for (let step = 1; step <= 10; step++) {
      losses.push(plan.lossAndGradients(params, input, input, grads));
      adamStep(params, grads, state);
      if (step === 1 || step === 10) {
        const expected = step === 1 ? net.after1 : net.after10;
        for (const p of params.params) {
          const e = values(expected[p.name]!);
          const start = values(net.initial[p.name]!);
          // The weights, and the distance they moved (about lr per step), each to within float32 rounding.
          const moved = p.data.map((v, j) => v - start[j]!);
          const movedExpected = e.map((v, j) => v - start[j]!);
          expect({
            step,
            name: p.name,
            weights: worstElementwise(p.data, e) < 1e-4,
            moved: worstRelativeToScale(moved, movedExpected) < 1e-3,
          }).toEqual({ step, name: p.name, weights: true, moved: true });
        }
      }
    }
    expect(worstElementwise(losses, net.losses)).toBeLessThan(1e-5);
  });
});

describe('conv_transpose2d backward against PyTorch', () => {
  it.each(fixture.conv_transpose2d_backward.map((c, i) => [i, c] as const))(
    'case %i: grad_input, grad_weight and grad_bias',
    (_i, c) => {
      const [N, Cin, H, W] = c.input.shape as [number, number, number, number];
      const [, coPerGroup, KH, KW] = c.weight.shape as [number, number, number, number];
      const info = convTranspose2dInfo({
        batch: N,
        inChannels: Cin,
        outChannels: coPerGroup * c.groups,
        inputSize: [H, W],
        kernelSize: [KH, KW],
        stride: c.stride,
        padding: c.padding,
        outputPadding: c.output_padding,
        dilation: c.dilation,
        groups: c.groups,
        bias: c.bias !== null,
      });
      const plan = createConvTranspose2dTrainPlan(info);
      const x = Float32Array.from(c.input.data);
      const w = Float32Array.from(c.weight.data);
      const gy = Float32Array.from(c.grad_output.data);
      const gx = new Float32Array(x.length);
      const gw = new Float32Array(w.length);
      const gb = c.bias ? new Float32Array(c.bias.data.length) : null;
      plan.backward(x, w, gy, gx, gw, gb);
      expect(worstElementwise(gx, c.expected.grad_input.data)).toBeLessThan(1e-4);
      expect(worstElementwise(gw, c.expected.grad_weight.data)).toBeLessThan(1e-4);
      if (gb) expect(worstElementwise(gb, c.expected.grad_bias!.data)).toBeLessThan(1e-4);
    },
  );
});
