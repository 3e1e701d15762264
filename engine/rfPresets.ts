import type { Pair } from './convInfo';
import type { ConvLayer, LayerStack, MaxPoolLayer, StackLayer } from './layerStack';

/** Where a preset comes from: a paper, and the torchvision code it follows when there is one. */
export interface PresetSource {
  readonly citation: string;
  readonly url: string;
  /** The torchvision expression the layers copy, e.g. `torchvision.models.vgg16().features[:10]`. */
  readonly torchvision?: string;
}

export interface StackPreset {
  /** Stable id: links and tests use it; the app words its name. */
  readonly id: PresetId;
  readonly stack: LayerStack;
  readonly source: PresetSource;
}

export type PresetId =
  | 'two-3x3'
  | 'one-5x5'
  | 'three-3x3'
  | 'one-7x7'
  | 'vgg16-blocks-1-2'
  | 'alexnet-stem'
  | 'resnet50-stem'
  | 'dilated-1-2-4-8';

function conv(inChannels: number, outChannels: number, k: number, s = 1, p = 0, d = 1, bias = true): ConvLayer {
  const pair = (v: number): Pair => [v, v];
  return {
    kind: 'conv',
    inChannels,
    outChannels,
    kernel: pair(k),
    stride: pair(s),
    padding: pair(p),
    dilation: pair(d),
    bias,
  };
}

function maxpool(k: number, s: number, p = 0): MaxPoolLayer {
  return { kind: 'maxpool', kernel: [k, k], stride: [s, s], padding: [p, p], dilation: [1, 1], ceilMode: false };
}

const RELU: StackLayer = { kind: 'relu' };

const VGG_PAPER: PresetSource = {
  citation:
    'Simonyan & Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition", ICLR 2015, section 2.3',
  url: 'https://arxiv.org/abs/1409.1556',
};

/**
 * Same reach, fewer weights (VGG section 2.3): n stacked 3×3 convolutions
 * see as far as one (2n+1)×(2n+1), with n·9C² weights instead of (2n+1)²C².
 * C = 64 channels, no bias so the counts are the paper's; padding keeps the size.
 */
function stackedOrSingle(id: PresetId, kernels: readonly number[]): StackPreset {
  return {
    id,
    stack: {
      input: { channels: 64, size: [32, 32] },
      layers: kernels.map((k) => conv(64, 64, k, 1, (k - 1) / 2, 1, false)),
    },
    source: VGG_PAPER,
  };
}

/**
 * Layers of real networks, as torchvision 0.14 defines them (checked against
 * its model source and the papers; torchvision itself is not a dependency).
 */
export const STACK_PRESETS: readonly StackPreset[] = [
  stackedOrSingle('two-3x3', [3, 3]),
  stackedOrSingle('one-5x5', [5]),
  stackedOrSingle('three-3x3', [3, 3, 3]),
  stackedOrSingle('one-7x7', [7]),
  {
    // features[:10]: conv3-64 ×2, max pool, conv3-128 ×2, max pool (configuration D).
    id: 'vgg16-blocks-1-2',
    stack: {
      input: { channels: 3, size: [224, 224] },
      layers: [
        conv(3, 64, 3, 1, 1),
        RELU,
        conv(64, 64, 3, 1, 1),
        RELU,
        maxpool(2, 2),
        conv(64, 128, 3, 1, 1),
        RELU,
        conv(128, 128, 3, 1, 1),
        RELU,
        maxpool(2, 2),
      ],
    },
    source: { ...VGG_PAPER, torchvision: 'torchvision.models.vgg16().features[:10]' },
  },
  {
    // conv1 11×11/4 and conv2 5×5, each followed by ReLU and a 3×3/2 max pool.
    id: 'alexnet-stem',
    stack: {
      input: { channels: 3, size: [224, 224] },
      layers: [conv(3, 64, 11, 4, 2), RELU, maxpool(3, 2), conv(64, 192, 5, 1, 2), RELU, maxpool(3, 2)],
    },
    source: {
      citation:
        'Krizhevsky, Sutskever & Hinton, "ImageNet Classification with Deep Convolutional Neural Networks", NeurIPS 2012; torchvision follows Krizhevsky, "One weird trick", 2014',
      url: 'https://arxiv.org/abs/1404.5997',
      torchvision: 'torchvision.models.alexnet().features[:6]',
    },
  },
  {
    // conv1 7×7/2 without bias, bn1, relu, maxpool 3×3/2 padding 1: 224 → 112 → 56.
    id: 'resnet50-stem',
    stack: {
      input: { channels: 3, size: [224, 224] },
      layers: [conv(3, 64, 7, 2, 3, 1, false), { kind: 'batchnorm', channels: 64 }, RELU, maxpool(3, 2, 1)],
    },
    source: {
      citation: 'He, Zhang, Ren & Sun, "Deep Residual Learning for Image Recognition", CVPR 2016, table 1',
      url: 'https://arxiv.org/abs/1512.03385',
      torchvision: 'torchvision.models.resnet50(): conv1, bn1, relu, maxpool',
    },
  },
  {
    // 3×3 convolutions with dilation 1, 2, 4, 8 and padding equal to the dilation:
    // the size stays, the field doubles and grows to 31 (2^(l+1) − 1).
    id: 'dilated-1-2-4-8',
    stack: {
      input: { channels: 16, size: [64, 64] },
      layers: [1, 2, 4, 8].flatMap((d) => [conv(16, 16, 3, 1, d, d), RELU]),
    },
    source: {
      citation:
        'Yu & Koltun, "Multi-Scale Context Aggregation by Dilated Convolutions", ICLR 2016, the context module (rates 1, 1, 2, 4, 8, 16, 1)',
      url: 'https://arxiv.org/abs/1511.07122',
    },
  },
];

/** The preset with this id. */
export function stackPreset(id: PresetId): StackPreset | undefined {
  return STACK_PRESETS.find((p) => p.id === id);
}
