import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerToPyTorch, stackInfo, stackPreset, stackToPyTorch } from '../../engine';
import { stacks } from '../support/stackArbitraries';

describe('copy as PyTorch', () => {
  it('writes the ResNet-50 stem as a runnable nn.Sequential with each output shape', () => {
    const preset = stackPreset('resnet50-stem');
    expect(preset).toBeDefined();
    if (!preset) return;
    expect(stackToPyTorch(preset.stack, stackInfo(preset.stack))).toBe(
      [
        'import torch',
        'from torch import nn',
        '',
        'model = nn.Sequential(',
        '    nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False),  # -> 64 x 112 x 112',
        '    nn.BatchNorm2d(64),  # -> 64 x 112 x 112',
        '    nn.ReLU(),  # -> 64 x 112 x 112',
        '    nn.MaxPool2d(kernel_size=3, stride=2, padding=1),  # -> 64 x 56 x 56',
        ')',
        'model.eval()  # BatchNorm2d uses its running statistics',
        '',
        'x = torch.randn(1, 3, 224, 224)',
        'print(model(x).shape)',
        '',
      ].join('\n'),
    );
  });

  it('writes per-axis settings as tuples and leaves out PyTorch’s defaults except a pool’s stride', () => {
    expect(
      layerToPyTorch({
        kind: 'conv',
        inChannels: 2,
        outChannels: 4,
        kernel: [3, 5],
        stride: [1, 2],
        padding: [1, 0],
        dilation: [2, 1],
        bias: true,
      }),
    ).toBe('nn.Conv2d(2, 4, kernel_size=(3, 5), stride=(1, 2), padding=(1, 0), dilation=(2, 1))');
    expect(
      layerToPyTorch({
        kind: 'maxpool',
        kernel: [2, 2],
        stride: [1, 1],
        padding: [0, 0],
        dilation: [1, 1],
        ceilMode: true,
      }),
    ).toBe('nn.MaxPool2d(kernel_size=2, stride=1, ceil_mode=True)');
    expect(
      layerToPyTorch({
        kind: 'avgpool',
        kernel: [3, 3],
        stride: [2, 2],
        padding: [1, 1],
        ceilMode: false,
        countIncludePad: false,
      }),
    ).toBe('nn.AvgPool2d(kernel_size=3, stride=2, padding=1, count_include_pad=False)');
  });

  it('writes one line per layer using only the keyword arguments the lesson reads back', () => {
    const allowed = new Set(['kernel_size', 'stride', 'padding', 'dilation', 'bias', 'ceil_mode', 'count_include_pad']);
    fc.assert(
      fc.property(stacks(6, 16), (stack) => {
        const code = stackToPyTorch(stack);
        const lines = code.split('\n').filter((l) => l.startsWith('    nn.'));
        expect(lines).toHaveLength(stack.layers.length);
        for (const m of code.matchAll(/(\w+)=/g)) expect(allowed.has(m[1] ?? '')).toBe(true);
        expect(code).toContain(
          `torch.randn(1, ${stack.input.channels}, ${stack.input.size[0]}, ${stack.input.size[1]})`,
        );
      }),
      { numRuns: 100 },
    );
  });
});
