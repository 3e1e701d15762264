/**
 * A training plan: the network of a `NetworkSpec` prepared for one batch
 * size and image size, with every buffer allocated once. `forward` runs the
 * layers; `lossAndGradients` runs them, takes the mean squared error against
 * a target and back-propagates: for layer i with a = f(z), z = op(x, w) + b,
 *
 *   ∂L/∂z = ∂L/∂a · f′(z);  ∂L/∂x, ∂L/∂w, ∂L/∂b from the layer's backward pass
 *
 * (engine/nn/convGrad.ts), down to the first layer (whose ∂L/∂x nobody needs,
 * so it is not computed). A resizeConv layer is an upsampling u = up(x)
 * (engine/nn/upsample.ts) then a stride-1 convolution of u: its backward
 * pass runs the convolution's, giving ∂L/∂u, then the upsampling's.
 */
import { conv2dInfo, convTranspose2dInfo, type Conv2dConfig, type ConvTranspose2dConfig } from '../convInfo';
import type { Conv2dInfo } from '../convInfo';
import type { FastPrecision, FloatArray } from '../fast';
import { adamStep, type AdamOptions, type AdamState } from './adam';
import { createConv2dTrainPlan, createConvTranspose2dTrainPlan, type ConvTrainPlan } from './convGrad';
import { activateInPlace, activationBackwardInPlace, mseLoss } from './ops';
import { createUpsamplePlan } from './upsample';
import type { ParameterSet } from './params';
import {
  assertValidNetwork,
  layerConfig,
  layerShapes,
  type LayerSpec,
  type NetworkShapes,
  type NetworkSpec,
} from './spec';

export interface TrainingPlan {
  readonly spec: NetworkSpec;
  readonly shapes: NetworkShapes;
  readonly batch: number;
  readonly precision: FastPrecision;
  /** Input [N, C, H, W] values expected by `forward`. */
  readonly inputSize: number;
  /** Layer i's output a (after its activation), [N, C_i, H_i, W_i]; overwritten by every call. */
  readonly activations: readonly FloatArray[];
  /** Runs the network on `input` [N, C, H, W]; returns the last activation (owned by the plan). */
  forward(params: ParameterSet, input: FloatArray): FloatArray;
  /**
   * Runs layers `start` … L−1 on `input`, which stands for layer start−1's
   * output (a latent, for the decoder alone); returns the last activation.
   */
  forwardFrom(params: ParameterSet, start: number, input: FloatArray): FloatArray;
  /**
   * Forward, L = MSE(output, target), backward: overwrites `grads` (same
   * layout as `params`) with ∂L/∂θ and returns L. `target` has the output's shape.
   */
  lossAndGradients(params: ParameterSet, input: FloatArray, target: FloatArray, grads: ParameterSet): number;
}

function allocate(size: number, precision: FastPrecision): FloatArray {
  return precision === 'float32' ? new Float32Array(size) : new Float64Array(size);
}

/** One layer's op (before its activation), forward and backward, with its output shape [N, C, H, W]. */
export interface LayerPlan {
  readonly outputShape: readonly [number, number, number, number];
  forward(x: FloatArray, w: FloatArray, b: FloatArray | null, y: FloatArray): void;
  backward(x: FloatArray, w: FloatArray, gy: FloatArray, gx: FloatArray | null, gw: FloatArray, gb: FloatArray): void;
}

/**
 * Plans one layer's op for a batch of `batch` images of `inChannels`×H×W:
 * a convolution, a transposed convolution, or an upsampling then a
 * convolution (resizeConv). `backward` overwrites gx (skipped when null), gw, gb.
 */
export function createLayerPlan(
  layer: LayerSpec,
  inChannels: number,
  batch: number,
  size: readonly [number, number],
  precision: FastPrecision,
): LayerPlan {
  const config = layerConfig(layer, inChannels, batch, size);
  if (layer.kind === 'convTranspose') {
    const plan = createConvTranspose2dTrainPlan(convTranspose2dInfo(config as ConvTranspose2dConfig));
    return { outputShape: plan.info.outputShape, forward: plan.forward, backward: plan.backward };
  }
  const conv: ConvTrainPlan<Conv2dInfo> = createConv2dTrainPlan(conv2dInfo(config as Conv2dConfig));
  if (layer.kind === 'conv')
    return { outputShape: conv.info.outputShape, forward: conv.forward, backward: conv.backward };
  // resizeConv: the convolution reads u = up(x), computed again in the backward pass (it is cheap beside the convolution).
  const up = createUpsamplePlan(layer.resize ?? 'nearest', batch * inChannels, size, layer.stride);
  const u = allocate(batch * inChannels * up.outputSize[0] * up.outputSize[1], precision);
  const gu = allocate(u.length, precision);
  return {
    outputShape: conv.info.outputShape,
    forward(x, w, b, y) {
      up.forward(x, u);
      conv.forward(u, w, b, y);
    },
    backward(x, w, gy, gx, gw, gb) {
      up.forward(x, u);
      conv.backward(u, w, gy, gx ? gu : null, gw, gb);
      if (gx) up.backward(gu, gx);
    },
  };
}

/**
 * Plans the network for batches of `batch` images of size [H, W]. Throws the
 * engine's typed refusal when the spec is out of limits or does not fit the
 * image.
 */
export function createTrainingPlan(
  spec: NetworkSpec,
  batch: number,
  size: readonly [number, number],
  precision: FastPrecision = 'float32',
): TrainingPlan {
  const shapes = layerShapes(spec, size);
  assertValidNetwork(shapes);
  let c = spec.inChannels;
  let hw: readonly [number, number] = size;
  const plans: LayerPlan[] = [];
  for (const layer of spec.layers) {
    const plan = createLayerPlan(layer, c, batch, hw, precision);
    plans.push(plan);
    const out = plan.outputShape;
    c = out[1];
    hw = [out[2], out[3]];
  }
  const sizes = plans.map((p) => p.outputShape.reduce((a, b) => a * b, 1));
  const activations = sizes.map((n) => allocate(n, precision));
  const gradients = sizes.map((n) => allocate(n, precision));
  const L = plans.length;

  function forwardFrom(params: ParameterSet, start: number, input: FloatArray): FloatArray {
    let x = input;
    for (let i = Math.max(0, start); i < L; i++) {
      const a = activations[i]!;
      plans[i]!.forward(x, params.params[2 * i]!.data, params.params[2 * i + 1]!.data, a);
      activateInPlace(spec.layers[i]!.activation, a);
      x = a;
    }
    return x;
  }

  function forward(params: ParameterSet, input: FloatArray): FloatArray {
    return forwardFrom(params, 0, input);
  }

  function lossAndGradients(params: ParameterSet, input: FloatArray, target: FloatArray, grads: ParameterSet): number {
    const y = forward(params, input);
    const loss = mseLoss(y, target, gradients[L - 1]!);
    for (let i = L - 1; i >= 0; i--) {
      const g = gradients[i]!;
      activationBackwardInPlace(spec.layers[i]!.activation, activations[i]!, g);
      plans[i]!.backward(
        i === 0 ? input : activations[i - 1]!,
        params.params[2 * i]!.data,
        g,
        i === 0 ? null : gradients[i - 1]!,
        grads.params[2 * i]!.data,
        grads.params[2 * i + 1]!.data,
      );
    }
    return loss;
  }

  return {
    spec,
    shapes,
    batch,
    precision,
    inputSize: batch * spec.inChannels * size[0] * size[1],
    activations,
    forward,
    forwardFrom,
    lossAndGradients,
  };
}

/**
 * One training step of an autoencoder: loss and gradients of reconstructing
 * `input` (the target is the input itself), then one Adam step. Returns the
 * loss before the step.
 */
export function trainStep(
  plan: TrainingPlan,
  params: ParameterSet,
  grads: ParameterSet,
  adam: AdamState,
  input: FloatArray,
  options?: AdamOptions,
): number {
  const loss = plan.lossAndGradients(params, input, input, grads);
  adamStep(params, grads, adam, options);
  return loss;
}
