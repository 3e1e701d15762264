import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2dBackward,
  effectiveField,
  fieldImage,
  isEngineError,
  levelSize,
  pool2d,
  pool2dBackward,
  stackInfo,
  stackWeights,
  tensor,
  type LayerStack,
  type PoolLayer,
  type StackLayer,
  type StackWeights,
  type Tensor,
} from '../../engine';
import { mulberry32 } from '../../engine/random';
import { allClose } from '../support/float';
import { stacks } from '../support/stackArbitraries';

interface FixtureTensor {
  shape: number[];
  data: number[];
}

interface PoolCase {
  op: 'pool2d';
  layer: PoolLayer;
  input: FixtureTensor;
  grad_output: FixtureTensor;
  expected: { output: FixtureTensor; grad_input: FixtureTensor };
}

interface ErfCase {
  op: 'effective_rf';
  note: string;
  input_channels: number;
  input_size: [number, number];
  layers: StackLayer[];
  weights: ({ weight: FixtureTensor; bias: FixtureTensor | null } | null)[];
  input: FixtureTensor;
  target: { level: number; row: number; col: number; channel: number };
  output_size: [number, number];
  expected: { grad_input: FixtureTensor };
}

const fixture = JSON.parse(readFileSync('tests/fixtures/generated/effective_rf.json', 'utf8')) as {
  cases: (PoolCase | ErfCase)[];
};
const poolCases = fixture.cases.filter((c): c is PoolCase => c.op === 'pool2d');
const erfCases = fixture.cases.filter((c): c is ErfCase => c.op === 'effective_rf');

function toTensor(t: FixtureTensor): Tensor {
  return tensor(t.shape, t.data);
}

function weightsOf(c: ErfCase): StackWeights {
  return c.weights.map((w) =>
    w ? { weight: Float64Array.from(w.weight.data), bias: w.bias ? Float64Array.from(w.bias.data) : null } : null,
  );
}

/** The engine's field spread back over the whole image, [C, H, W], zeros outside its box. */
function wholeImageGradient(c: ErfCase): number[] {
  const info = stackInfo({ input: { channels: c.input_channels, size: c.input_size }, layers: c.layers });
  const [H, W] = c.input_size;
  const image = (ch: number, y: number, x: number) => c.input.data[(ch * H + y) * W + x] ?? NaN;
  const field = effectiveField(info, c.target, weightsOf(c), image);
  const out = new Array<number>(c.input_channels * H * W).fill(0);
  for (let ch = 0; ch < c.input_channels; ch++) {
    for (let y = 0; y < field.rows; y++) {
      for (let x = 0; x < field.cols; x++) {
        out[(ch * H + field.y0 + y) * W + field.x0 + x] =
          field.perChannel[(ch * field.rows + y) * field.cols + x] ?? NaN;
      }
    }
  }
  return out;
}

describe('pooling, forward and backward (tests/fixtures/generated/effective_rf.json)', () => {
  it('has max and average pooling cases with ceil_mode, padding and dilation', () => {
    expect(poolCases.length).toBeGreaterThanOrEqual(20);
    expect(poolCases.some((c) => c.layer.kind === 'maxpool' && c.layer.ceilMode && c.layer.dilation[0] > 1)).toBe(true);
    expect(poolCases.some((c) => c.layer.kind === 'avgpool' && c.layer.ceilMode && !c.layer.countIncludePad)).toBe(
      true,
    );
  });

  for (const [i, c] of poolCases.entries()) {
    it(`pool case ${i} (${c.layer.kind}, ceil_mode ${String(c.layer.ceilMode)}) matches PyTorch's output and input gradient`, () => {
      const input = toTensor(c.input);
      const out = pool2d(input, c.layer);
      expect(out.shape).toEqual(c.expected.output.shape);
      expect(allClose(out.data, c.expected.output.data)).toBe(true);
      const grad = pool2dBackward(input, c.layer, toTensor(c.grad_output));
      expect(allClose(grad.data, c.expected.grad_input.data)).toBe(true);
    });
  }
});

describe('effective receptive field (tests/fixtures/generated/effective_rf.json)', () => {
  it('covers ReLU, BatchNorm, both pools, dilation, per-axis settings and all-ones weights', () => {
    const kinds = new Set(erfCases.flatMap((c) => c.layers.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(['avgpool', 'batchnorm', 'conv', 'maxpool', 'relu']);
    expect(erfCases.length).toBeGreaterThanOrEqual(20);
  });

  for (const [i, c] of erfCases.entries()) {
    it(`case ${i} (${c.note}): the gradient of one output cell equals PyTorch's`, () => {
      const info = stackInfo({ input: { channels: c.input_channels, size: c.input_size }, layers: c.layers });
      expect(info.valid).toBe(true);
      expect(levelSize(info, c.target.level)).toEqual(c.output_size);
      expect(allClose(wholeImageGradient(c), c.expected.grad_input.data)).toBe(true);
    });
  }
});

const stack: LayerStack = {
  input: { channels: 2, size: [64, 64] },
  layers: [
    {
      kind: 'conv',
      inChannels: 2,
      outChannels: 3,
      kernel: [3, 3],
      stride: [1, 1],
      padding: [1, 1],
      dilation: [1, 1],
      bias: true,
    },
    { kind: 'relu' },
    { kind: 'maxpool', kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false },
    {
      kind: 'conv',
      inChannels: 3,
      outChannels: 2,
      kernel: [3, 3],
      stride: [1, 1],
      padding: [2, 2],
      dilation: [2, 2],
      bias: false,
    },
  ],
};

describe('effective receptive field, properties', () => {
  it('is non-zero only inside the theoretical field, clipped to the image', () => {
    const info = stackInfo(stack);
    const weights = stackWeights(stack.layers, 'random', mulberry32(3));
    const noise = mulberry32(4);
    const values = Float64Array.from({ length: 2 * 64 * 64 }, () => noise() - 0.5);
    const field = effectiveField(
      info,
      { level: 4, row: 10, col: 0, channel: 1 },
      weights,
      (c, y, x) => values[(c * 64 + y) * 64 + x] ?? 0,
    );
    const row = info.rows[3];
    expect(row).toBeDefined();
    if (!row) return;
    expect(field.rows).toBe(row.h.size);
    expect(field.y0).toBe(row.h.first + 10 * row.h.jump);
    expect(field.x0).toBe(0);
    expect(field.cols).toBeLessThan(row.w.size);
    expect(field.peak).toBeGreaterThan(0);
  });

  it('with all-ones weights and no ReLU or max pool, is the number of paths to each pixel (peaks at the centre)', () => {
    const three: LayerStack = {
      input: { channels: 1, size: [16, 16] },
      layers: Array.from({ length: 3 }, (): StackLayer => ({
        kind: 'conv',
        inChannels: 1,
        outChannels: 1,
        kernel: [3, 3],
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        bias: false,
      })),
    };
    const info = stackInfo(three);
    const field = effectiveField(
      info,
      { level: 3, row: 8, col: 8, channel: 0 },
      stackWeights(three.layers, 'ones', () => 0),
      () => 1,
    );
    expect([field.rows, field.cols]).toEqual([7, 7]);
    // Per axis the path counts are 1, 3, 6, 7, 6, 3, 1 (a 3-tap box filter applied three times).
    const axis = [1, 3, 6, 7, 6, 3, 1];
    expect(Array.from(field.grad)).toEqual(axis.flatMap((a) => axis.map((b) => a * b)));
    expect(field.peak).toBe(49);
  });

  it('refuses a field that would take more multiply-adds than allowed, and a cell the stack does not have', () => {
    const info = stackInfo(stack);
    const weights = stackWeights(stack.layers, 'ones', () => 0);
    const target = { level: 4, row: 5, col: 5, channel: 0 };
    const caught = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return isEngineError(e) ? e.code : 'other';
      }
    };
    expect(caught(() => effectiveField(info, target, weights, () => 1, 10))).toBe('effective-field-too-costly');
    expect(caught(() => effectiveField(info, { ...target, row: 32 }, weights, () => 1))).toBe('cell-out-of-range');
    expect(caught(() => effectiveField(info, { ...target, channel: 2 }, weights, () => 1))).toBe('cell-out-of-range');
    expect(caught(() => effectiveField(info, target, weights, () => 1))).toBeNull();
  });

  it('through one conv layer equals conv2d backward of a one-hot output gradient', () => {
    fc.assert(
      fc.property(stacks(1, 10), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 1000 }), (stack, r, c, seed) => {
        const layer = stack.layers[0];
        if (layer?.kind !== 'conv') return;
        const info = stackInfo(stack);
        const [H, W] = stack.input.size;
        const [, OH, OW] = info.rows[0]?.outShape ?? [0, 0, 0];
        const weights = stackWeights(stack.layers, 'random', mulberry32(seed));
        const w = weights[0];
        if (!w) return;
        const row = r % OH;
        const col = c % OW;
        const channel = seed % layer.outChannels;
        const C = stack.input.channels;
        const x = tensor([1, C, H, W], new Float64Array(C * H * W).fill(1));
        const g = new Float64Array(layer.outChannels * OH * OW);
        g[(channel * OH + row) * OW + col] = 1;
        const full = conv2dBackward(
          x,
          tensor([layer.outChannels, C, layer.kernel[0], layer.kernel[1]], w.weight),
          null,
          tensor([1, layer.outChannels, OH, OW], g),
          { stride: layer.stride, padding: layer.padding, dilation: layer.dilation },
        ).gradInput;
        const field = effectiveField(info, { level: 1, row, col, channel }, weights, () => 1);
        for (let ch = 0; ch < C; ch++) {
          for (let y = 0; y < H; y++) {
            for (let xx = 0; xx < W; xx++) {
              const inside = y >= field.y0 && y < field.y0 + field.rows && xx >= field.x0 && xx < field.x0 + field.cols;
              const ours = inside
                ? (field.perChannel[(ch * field.rows + y - field.y0) * field.cols + xx - field.x0] ?? NaN)
                : 0;
              expect(ours).toBeCloseTo(full.data[(ch * H + y) * W + xx] ?? NaN, 12);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('average pooling backward is the adjoint of its forward: ⟨pool(x), g⟩ = ⟨x, poolᵀ(g)⟩', () => {
    fc.assert(
      fc.property(stacks(1, 9), fc.integer({ min: 1, max: 1000 }), (stack, seed) => {
        const layer = stack.layers[0];
        if (layer?.kind !== 'avgpool') return;
        const [H, W] = stack.input.size;
        const C = stack.input.channels;
        const rand = mulberry32(seed);
        const x = tensor(
          [1, C, H, W],
          Array.from({ length: C * H * W }, () => rand() - 0.5),
        );
        const y = pool2d(x, layer);
        const g = tensor(
          y.shape,
          Array.from({ length: y.data.length }, () => rand() - 0.5),
        );
        const gx = pool2dBackward(x, layer, g);
        const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, v, i) => sum + v * (b[i] ?? NaN), 0);
        expect(dot(y.data, g.data)).toBeCloseTo(dot(x.data, gx.data), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('still measures the layers before a refused one', () => {
    const broken: LayerStack = {
      ...stack,
      layers: [
        ...stack.layers,
        { kind: 'maxpool', kernel: [2, 2], stride: [2, 2], padding: [2, 2], dilation: [1, 1], ceilMode: false },
      ],
    };
    const info = stackInfo(broken);
    expect(info.refusedLayer).toBe(4);
    const weights = stackWeights(broken.layers, 'random', mulberry32(5));
    const image = fieldImage(broken.input, 'random', mulberry32(6));
    const field = effectiveField(info, { level: 4, row: 7, col: 7, channel: 0 }, weights, image);
    expect(field.rows * field.cols).toBeGreaterThan(0);
  });
});
