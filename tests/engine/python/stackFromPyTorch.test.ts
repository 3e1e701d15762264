import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STACK_PRESETS, stackInfo, stackToPyTorch, type LayerStack } from '../../../engine';
import { stackFromPyTorch, type StackCodeResult } from '../../../engine/python/stackFromPyTorch';
import { stacks } from '../../support/stackArbitraries';

const INPUT: LayerStack['input'] = { channels: 3, size: [32, 32] };

function refusal(r: StackCodeResult) {
  return r.ok ? null : r.error;
}

describe('open a stack from PyTorch code', () => {
  it('reads back every stack that copy as PyTorch writes (stack → code → stack)', () => {
    fc.assert(
      fc.property(stacks(8, 40), (stack) => {
        const r = stackFromPyTorch(stackToPyTorch(stack, stackInfo(stack)), INPUT);
        expect(r.ok && r.stack).toEqual(stack);
      }),
      { numRuns: 200 },
    );
  });

  it('reads back every preset, input shape included', () => {
    for (const p of STACK_PRESETS) {
      const r = stackFromPyTorch(stackToPyTorch(p.stack), INPUT);
      expect(r.ok && r.stack).toEqual(p.stack);
      expect(r.ok && r.inputFromCode).toBe(true);
    }
  });

  it('reads layer lines without nn.Sequential, positional arguments and PyTorch defaults', () => {
    const r = stackFromPyTorch(
      [
        'conv1 = nn.Conv2d(3, 8, 3, 2, 1)',
        'nn.ReLU(inplace=True)',
        'nn.MaxPool2d(2)',
        'torch.nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)',
        'nn.BatchNorm2d(8, eps=1e-3)',
      ].join('\n'),
      { channels: 1, size: [20, 24] },
    );
    expect(r.ok && r.stack).toEqual({
      input: { channels: 3, size: [20, 24] },
      layers: [
        {
          kind: 'conv',
          inChannels: 3,
          outChannels: 8,
          kernel: [3, 3],
          stride: [2, 2],
          padding: [1, 1],
          dilation: [1, 1],
          bias: true,
        },
        { kind: 'relu' },
        { kind: 'maxpool', kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false },
        { kind: 'avgpool', kernel: [3, 3], stride: [1, 1], padding: [1, 1], ceilMode: false, countIncludePad: false },
        { kind: 'batchnorm', channels: 8 },
      ],
    });
  });

  it('takes nn.Sequential over loose lines, resolving the names it lists and flattening nested ones', () => {
    const r = stackFromPyTorch(
      ['a = nn.Conv2d(1, 2, 3)', 'b = nn.ReLU()', 'model = nn.Sequential(a, nn.Sequential(b, nn.MaxPool2d(2)))'].join(
        '\n',
      ),
      INPUT,
    );
    expect(r.ok && r.stack.layers.map((l) => l.kind)).toEqual(['conv', 'relu', 'maxpool']);
  });

  it("reads padding='same' for stride 1 and odd spans, and 'valid' as 0", () => {
    const r = stackFromPyTorch(
      "nn.Conv2d(1, 1, 5, padding='same', dilation=2)\nnn.Conv2d(1, 1, 3, padding='valid')",
      INPUT,
    );
    expect(r.ok && r.stack.layers).toMatchObject([{ padding: [4, 4] }, { padding: [0, 0] }]);
  });

  it.each([
    ['nn.Linear(3, 4)', 'unknown-module', 1, 1, { name: 'nn.Linear' }],
    ['nn.Conv2d(3, 4, 3)\nimport os', 'python-syntax', 2, 1, { syntax: 'unsupported-statement' }],
    ['nn.Conv2d(3, 4, 3, groups=2)', 'unknown-argument', 1, 27, { name: 'groups' }],
    ['nn.Conv2d(3, 4, 3, foo=1)', 'unknown-argument', 1, 20, { name: 'foo' }],
    ['nn.Conv2d(3, 4, 0)', 'value-out-of-range', 1, 17, { name: 'kernel_size', min: 1 }],
    ['nn.Conv2d(3, 4, 2.5)', 'invalid-value', 1, 17, { expected: 'int' }],
    ['nn.Conv2d(3, 4)', 'missing-argument', 1, 1, { name: 'kernel_size' }],
    ['nn.MaxPool2d(2, 2, 0, 1, False, False, 7)', 'too-many-arguments', 1, 40, { max: 6 }],
    ['nn.Sequential(conv)', 'unknown-name', 1, 15, { name: 'conv' }],
    ['x = 3', 'unsupported-statement', 1, 1, {}],
    ['# nothing here', 'no-layers', 1, 1, {}],
    ["nn.Conv2d(3, 4, 4, padding='same')", 'invalid-value', 1, 28, { name: 'padding' }],
    ['nn.Conv2d(3, 4, 3, bias=1)', 'invalid-value', 1, 25, { expected: 'bool' }],
  ])('refuses %j with its code, line and column', (source, code, line, column, details) => {
    expect(refusal(stackFromPyTorch(source, INPUT))).toMatchObject({ code, line, column, details });
  });

  it('refuses more than 16 layers and more than 10 KB of code, never evaluating anything', () => {
    expect(refusal(stackFromPyTorch('nn.ReLU()\n'.repeat(17), INPUT))?.code).toBe('too-many-layers');
    expect(refusal(stackFromPyTorch(`# ${'x'.repeat(100)}\n`.repeat(110), INPUT))).toMatchObject({
      code: 'python-syntax',
      details: { syntax: 'source-too-long' },
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(() => stackFromPyTorch(s, INPUT)).not.toThrow();
        expect(() => stackFromPyTorch(`nn.Sequential(${s})`, INPUT)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
