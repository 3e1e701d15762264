/**
 * The autoencoder's layers as data, and the shape chain through them.
 *
 * Every layer pads 'same': a convolution of stride s maps i to ⌈i/s⌉, a
 * transposed convolution maps i to i·s. TensorFlow gets there with asymmetric
 * padding; PyTorch needs symmetric padding and, for the transposed layers,
 * output_padding. `layerShapes` gives both forms with their numbers; the
 * engine trains the PyTorch form, so it can be checked against PyTorch.
 */
import { conv2dInfo, convTranspose2dInfo, type Conv2dConfig, type ConvTranspose2dConfig } from '../convInfo';
import { EngineError, problem, type EngineProblem } from '../errors';
import type { UpsampleMode } from './upsample';

/**
 * conv: a strided convolution; convTranspose: a strided transposed
 * convolution; resizeConv: upsampling by the stride (nearest or bilinear),
 * then a convolution of stride 1 (the resize-then-convolve decoder of Odena
 * et al., Distill 2016), which maps i to i·s like a transposed layer.
 */
export type LayerKind = 'conv' | 'convTranspose' | 'resizeConv';
export type Activation = 'relu' | 'sigmoid' | 'identity';

/** One layer: a convolution (or transposed one) with 'same' padding, then an activation. */
export interface LayerSpec {
  readonly kind: LayerKind;
  readonly outChannels: number;
  /** Square kernel side k (odd, so PyTorch's symmetric padding can be 'same'). */
  readonly kernel: number;
  readonly stride: number;
  readonly activation: Activation;
  /** How a resizeConv layer upsamples (nearest when absent; other kinds ignore it). */
  readonly resize?: UpsampleMode;
}

/** How a decoder upsamples: transposed convolutions, or resize-then-convolve with nearest or bilinear resizing. */
export type DecoderKind = 'transposed' | UpsampleMode;

/** A stack of layers on images of `inChannels` channels. */
export interface NetworkSpec {
  readonly inChannels: number;
  readonly layers: readonly LayerSpec[];
}

/** Limits on what a spec (or a parameter file) may ask for. */
export const NETWORK_LIMITS = {
  maxLayers: 8,
  maxChannels: 256,
  maxKernel: 7,
  maxStride: 4,
} as const;

/**
 * The lesson's network: Conv(3→64, k3, s2, ReLU) → Conv(64→32, k3, s2, ReLU) →
 * ConvT(32→32, k3, s2, ReLU) → ConvT(32→3, k3, s2, sigmoid).
 */
export const LESSON_AUTOENCODER: NetworkSpec = {
  inChannels: 3,
  layers: [
    { kind: 'conv', outChannels: 64, kernel: 3, stride: 2, activation: 'relu' },
    { kind: 'conv', outChannels: 32, kernel: 3, stride: 2, activation: 'relu' },
    { kind: 'convTranspose', outChannels: 32, kernel: 3, stride: 2, activation: 'relu' },
    { kind: 'convTranspose', outChannels: 3, kernel: 3, stride: 2, activation: 'sigmoid' },
  ],
};

/**
 * A mirrored autoencoder from the encoder's channel counts: [c₁, …, cₙ] gives
 * n strided convolutions to c₁ … cₙ, then n upsampling layers (transposed
 * convolutions, or resize-then-convolve for `decoder` 'nearest' / 'bilinear')
 * to cₙ, cₙ₋₁, …, c₂ and finally `inChannels` through a sigmoid. [64, 32] on 3
 * channels is `LESSON_AUTOENCODER`.
 */
export function autoencoderSpec(
  inChannels: number,
  channels: readonly number[],
  kernel = 3,
  stride = 2,
  decoder: DecoderKind = 'transposed',
): NetworkSpec {
  const encoder = channels.map((outChannels): LayerSpec => ({
    kind: 'conv',
    outChannels,
    kernel,
    stride,
    activation: 'relu',
  }));
  const decoderOut = [...channels.slice(1).reverse(), inChannels];
  const layers = decoderOut.map((outChannels, i): LayerSpec => ({
    kind: decoder === 'transposed' ? 'convTranspose' : 'resizeConv',
    outChannels,
    kernel,
    stride,
    activation: i === decoderOut.length - 1 ? 'sigmoid' : 'relu',
    ...(decoder === 'transposed' ? {} : { resize: decoder }),
  }));
  return { inChannels, layers: [...encoder, ...layers] };
}

/** Padding of one axis in PyTorch's form: the same p on both sides, plus output_padding for a transposed layer. */
export interface TorchPadding {
  readonly padding: number;
  /** 0 for a convolution. */
  readonly outputPadding: number;
}

/** Padding of one axis in TensorFlow's 'same' form: per side, possibly asymmetric. */
export interface TfSamePadding {
  /** Rows (columns) added before / after the input (conv), or cropped before / after the canvas (transposed). */
  readonly before: number;
  readonly after: number;
}

/** One layer of the shape chain (square images: one axis stands for both). */
export interface LayerShape {
  readonly index: number;
  readonly kind: LayerKind;
  /** [C, H, W] in and out. */
  readonly inShape: readonly [number, number, number];
  readonly outShape: readonly [number, number, number];
  readonly kernel: number;
  readonly stride: number;
  readonly activation: Activation;
  /** Per axis [h, w]: PyTorch's padding (and output_padding) giving this output size. */
  readonly torch: readonly [TorchPadding, TorchPadding];
  /** Per axis [h, w]: TensorFlow's 'same' padding per side. */
  readonly tf: readonly [TfSamePadding, TfSamePadding];
  /** Weight shape, PyTorch layout: conv [C_out, C_in, k, k], transposed [C_in, C_out, k, k]. */
  readonly weightShape: readonly [number, number, number, number];
  /** C_out·C_in·k² weights + C_out biases. */
  readonly params: number;
}

/** The whole chain, with the input and the totals. */
export interface NetworkShapes {
  readonly input: readonly [number, number, number];
  readonly layers: readonly LayerShape[];
  readonly output: readonly [number, number, number];
  /** True when the output has the input's shape, so the network can be trained to reconstruct its input. */
  readonly reconstructs: boolean;
  readonly params: number;
  /** Values of the narrowest activation (the latent): C·H·W of the smallest layer output. */
  readonly latentSize: number;
  readonly latentLayer: number;
  readonly problems: readonly EngineProblem[];
  readonly valid: boolean;
}

/**
 * TensorFlow's 'same' on one axis.
 *
 * Convolution: o = ⌈i/s⌉, total padding t = max((o−1)·s + k − i, 0), split
 * ⌊t/2⌋ before and the rest after (so stride 2 on an even size pads 0 before
 * and 1 after). Transposed: o = i·s, and the canvas of size (i−1)·s + k is
 * cropped by the padding of the forward convolution o → i,
 * t = max(k − s, 0), ⌊t/2⌋ before and the rest after.
 */
export function tfSamePadding(
  kind: LayerKind,
  inSize: number,
  kernel: number,
  stride: number,
): TfSamePadding & { readonly outSize: number } {
  if (kind === 'resizeConv') {
    // A stride-1 convolution of the upsampled i·s cells: t = k − 1.
    const total = Math.max(kernel - 1, 0);
    return { before: Math.floor(total / 2), after: total - Math.floor(total / 2), outSize: inSize * stride };
  }
  if (kind === 'conv') {
    const outSize = Math.ceil(inSize / stride);
    const total = Math.max((outSize - 1) * stride + kernel - inSize, 0);
    return { before: Math.floor(total / 2), after: total - Math.floor(total / 2), outSize };
  }
  const outSize = inSize * stride;
  const total = Math.max(kernel - stride, 0);
  return { before: Math.floor(total / 2), after: total - Math.floor(total / 2), outSize };
}

/**
 * PyTorch's padding for the same output size, odd k.
 *
 * Convolution: p = (k−1)/2 gives o = ⌊(i + 2p − k)/s⌋ + 1 = ⌊(i−1)/s⌋ + 1 = ⌈i/s⌉
 * (conv_arithmetic Relationship 6). Transposed: p = (k−1)/2 and
 * output_padding = s − 1 give o = (i−1)·s − 2p + k + output_padding = i·s
 * (Relationship 14 with output_padding).
 */
export function torchSamePadding(kind: LayerKind, kernel: number, stride: number): TorchPadding {
  const padding = Math.floor((kernel - 1) / 2);
  return { padding, outputPadding: kind === 'convTranspose' ? stride - 1 : 0 };
}

function isIntIn(v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max;
}

/**
 * The geometry the engine runs for layer `layer` on a batch of N images of
 * C×H×W (PyTorch's form); for a resizeConv layer, the convolution after the
 * upsampling (on N images of C×H·s×W·s).
 */
export function layerConfig(
  layer: LayerSpec,
  inChannels: number,
  batch: number,
  size: readonly [number, number],
): Conv2dConfig | ConvTranspose2dConfig {
  const t = torchSamePadding(layer.kind, layer.kernel, layer.stride);
  const resize = layer.kind === 'resizeConv';
  const common = {
    batch,
    inChannels,
    outChannels: layer.outChannels,
    // A resizeConv layer's convolution reads the upsampled image, with stride 1.
    inputSize: resize ? ([size[0] * layer.stride, size[1] * layer.stride] as const) : ([size[0], size[1]] as const),
    kernelSize: [layer.kernel, layer.kernel] as const,
    stride: resize ? ([1, 1] as const) : ([layer.stride, layer.stride] as const),
    padding: [t.padding, t.padding] as const,
    dilation: [1, 1] as const,
    groups: 1,
    bias: true,
  };
  return layer.kind === 'convTranspose'
    ? { ...common, outputPadding: [t.outputPadding, t.outputPadding] as const }
    : { ...common, paddingMode: 'zeros' };
}

/**
 * Every layer's input and output shape, padding in both conventions and
 * parameter count, for an input of C×H×W. Problems (a typed code each) say
 * what is out of limits; the sizes are then best effort.
 */
export function layerShapes(spec: NetworkSpec, size: readonly [number, number]): NetworkShapes {
  const problems: EngineProblem[] = [];
  if (!isIntIn(spec.layers.length, 1, NETWORK_LIMITS.maxLayers)) {
    problems.push(problem('non-positive-size', { name: 'layers', value: spec.layers.length }));
  }
  if (!isIntIn(spec.inChannels, 1, NETWORK_LIMITS.maxChannels)) {
    problems.push(problem('non-positive-size', { name: 'inChannels', value: spec.inChannels }));
  }
  const layers: LayerShape[] = [];
  let c = spec.inChannels;
  let [h, w] = size;
  const input: [number, number, number] = [c, h, w];
  for (const [index, layer] of spec.layers.entries()) {
    if (!isIntIn(layer.outChannels, 1, NETWORK_LIMITS.maxChannels)) {
      problems.push(problem('non-positive-size', { name: 'outChannels', layer: index, value: layer.outChannels }));
    }
    if (!isIntIn(layer.kernel, 1, NETWORK_LIMITS.maxKernel) || layer.kernel % 2 === 0) {
      problems.push(problem('non-positive-size', { name: 'kernelSize', layer: index, value: layer.kernel }));
    }
    if (!isIntIn(layer.stride, 1, NETWORK_LIMITS.maxStride)) {
      problems.push(problem('invalid-stride', { layer: index, stride: layer.stride }));
    }
    const torchPad = torchSamePadding(layer.kind, layer.kernel, layer.stride);
    const tfH = tfSamePadding(layer.kind, h, layer.kernel, layer.stride);
    const tfW = tfSamePadding(layer.kind, w, layer.kernel, layer.stride);
    const info =
      layer.kind === 'convTranspose'
        ? convTranspose2dInfo(layerConfig(layer, c, 1, [h, w]) as ConvTranspose2dConfig)
        : conv2dInfo(layerConfig(layer, c, 1, [h, w]) as Conv2dConfig);
    for (const p of info.problems)
      problems.push({ code: p.code, details: { ...p.details, layer: index } } as EngineProblem);
    const [, co, oh, ow] = info.outputShape;
    layers.push({
      index,
      kind: layer.kind,
      inShape: [c, h, w],
      outShape: [co, oh, ow],
      kernel: layer.kernel,
      stride: layer.stride,
      activation: layer.activation,
      torch: [torchPad, torchPad],
      tf: [
        { before: tfH.before, after: tfH.after },
        { before: tfW.before, after: tfW.after },
      ],
      weightShape: info.weightShape,
      params: layer.outChannels * c * layer.kernel * layer.kernel + layer.outChannels,
    });
    c = co;
    h = oh;
    w = ow;
  }
  let latentLayer = 0;
  let latentSize = Infinity;
  for (const l of layers) {
    const n = l.outShape[0] * l.outShape[1] * l.outShape[2];
    if (n < latentSize) {
      latentSize = n;
      latentLayer = l.index;
    }
  }
  return {
    input,
    layers,
    output: [c, h, w],
    reconstructs: c === input[0] && h === input[1] && w === input[2],
    params: layers.reduce((sum, l) => sum + l.params, 0),
    latentSize: Number.isFinite(latentSize) ? latentSize : 0,
    latentLayer,
    problems,
    valid: problems.length === 0,
  };
}

/** Throws the typed refusal when the spec does not fit the image or the limits. */
export function assertValidNetwork(shapes: NetworkShapes): void {
  if (!shapes.valid) throw new EngineError(shapes.problems);
}
