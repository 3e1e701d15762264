import type { Pair } from './convInfo';
import type { LayerStack, StackInfo, StackLayer } from './layerStack';

/** An int when both axes agree (PyTorch's usual spelling), else a tuple. */
function pairArg(p: Pair): string {
  return p[0] === p[1] ? String(p[0]) : `(${p[0]}, ${p[1]})`;
}

function isPair(p: Pair, v: number): boolean {
  return p[0] === v && p[1] === v;
}

/**
 * One layer as the `torch.nn` module that computes it. Arguments at PyTorch's
 * defaults are left out, except kernel_size and stride, which are always
 * written (a pool's stride defaults to its kernel, not to 1, so spelling it
 * out avoids that surprise).
 */
export function layerToPyTorch(layer: StackLayer): string {
  switch (layer.kind) {
    case 'conv': {
      const args = [
        String(layer.inChannels),
        String(layer.outChannels),
        `kernel_size=${pairArg(layer.kernel)}`,
        `stride=${pairArg(layer.stride)}`,
      ];
      if (!isPair(layer.padding, 0)) args.push(`padding=${pairArg(layer.padding)}`);
      if (!isPair(layer.dilation, 1)) args.push(`dilation=${pairArg(layer.dilation)}`);
      if (!layer.bias) args.push('bias=False');
      return `nn.Conv2d(${args.join(', ')})`;
    }
    case 'maxpool': {
      const args = [`kernel_size=${pairArg(layer.kernel)}`, `stride=${pairArg(layer.stride)}`];
      if (!isPair(layer.padding, 0)) args.push(`padding=${pairArg(layer.padding)}`);
      if (!isPair(layer.dilation, 1)) args.push(`dilation=${pairArg(layer.dilation)}`);
      if (layer.ceilMode) args.push('ceil_mode=True');
      return `nn.MaxPool2d(${args.join(', ')})`;
    }
    case 'avgpool': {
      const args = [`kernel_size=${pairArg(layer.kernel)}`, `stride=${pairArg(layer.stride)}`];
      if (!isPair(layer.padding, 0)) args.push(`padding=${pairArg(layer.padding)}`);
      if (layer.ceilMode) args.push('ceil_mode=True');
      if (!layer.countIncludePad) args.push('count_include_pad=False');
      return `nn.AvgPool2d(${args.join(', ')})`;
    }
    case 'relu':
      return 'nn.ReLU()';
    case 'batchnorm':
      return `nn.BatchNorm2d(${layer.channels})`;
  }
}

/**
 * "Copy as PyTorch": a script that builds the stack as `nn.Sequential(...)`,
 * runs it on an input of the stack's shape and prints the output shape. With
 * `info` (the stack's `stackInfo`), each layer's output shape is written as a
 * comment beside it. The code only uses `torch` and runs as it is.
 */
export function stackToPyTorch(stack: LayerStack, info?: StackInfo): string {
  const [h, w] = stack.input.size;
  const lines = stack.layers.map((layer, i) => {
    const row = info?.rows[i];
    const shape = row ? `  # -> ${row.outShape.join(' x ')}` : '';
    return `    ${layerToPyTorch(layer)},${shape}`;
  });
  return [
    'import torch',
    'from torch import nn',
    '',
    lines.length > 0 ? `model = nn.Sequential(\n${lines.join('\n')}\n)` : 'model = nn.Sequential()',
    'model.eval()  # BatchNorm2d uses its running statistics',
    '',
    `x = torch.randn(1, ${stack.input.channels}, ${h}, ${w})`,
    'print(model(x).shape)',
    '',
  ].join('\n');
}
