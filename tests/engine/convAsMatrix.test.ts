import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  conv2dInfo,
  flattenOrder,
  gradientView,
  gramView,
  im2col,
  isEngineError,
  matrixConv2dConfig,
  restoringOutputPadding,
  tensor,
  transposeView,
  unrollConv,
  type MatrixConvConfig,
  type Tensor,
} from '../../engine';
import { tensorOf } from '../support/arbitraries';
import { toTensor, type FixtureTensor } from '../support/conformance';
import { allClose } from '../support/float';

const RUNS = { numRuns: 500 };

/** Valid one-channel configurations at the lesson's sizes (inputs up to 6×6). */
const configs: fc.Arbitrary<MatrixConvConfig> = fc
  .record({
    inputSize: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
    kernelSize: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    padding: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
  })
  .filter((c) => conv2dInfo(matrixConv2dConfig(c)).valid);

const withTensors = (c: MatrixConvConfig) =>
  fc.record({
    config: fc.constant(c),
    input: tensorOf([c.inputSize[0] * c.inputSize[1]]),
    weight: tensorOf([c.kernelSize[0] * c.kernelSize[1]]),
    other: tensorOf([c.inputSize[0] * c.inputSize[1]]),
  });

function conv(input: Tensor, weight: Tensor, c: MatrixConvConfig): Float64Array {
  const [h, w] = c.inputSize;
  const [kh, kw] = c.kernelSize;
  return Float64Array.from(
    conv2d(tensor([1, 1, h, w], input.data), tensor([1, 1, kh, kw], weight.data), null, {
      stride: c.stride,
      padding: c.padding,
    }).data,
  );
}

const LESSON: MatrixConvConfig = { inputSize: [4, 4], kernelSize: [3, 3], stride: [1, 1], padding: [0, 0] };
const ramp = (n: number) =>
  tensor(
    [n],
    Array.from({ length: n }, (_, i) => i),
  );
const EDGE = tensor([9], [1, 0, -1, 1, 0, -1, 1, 0, -1]);

describe('convolution as a matrix: unrolling', () => {
  it('flattens row-major: element i of x is cell (⌊i/W⌋, i mod W)', () => {
    expect(flattenOrder(2, 3)).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 2 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 1, col: 2 },
    ]);
  });

  it('the lesson’s 4×4 input and 3×3 kernel: C is 4×16, 36 of its 64 entries hold a weight, y = C·x = conv2d', () => {
    const u = unrollConv(ramp(16), EDGE, LESSON);
    expect([u.rows, u.cols]).toEqual([4, 16]);
    expect(u.weightEntries).toBe(36);
    expect(u.entries).toBe(64);
    expect(Array.from(u.y)).toEqual([-6, -6, -6, -6]);
    // Row 1 is the window one step to the right: kernel rows start at columns 1, 5 and 9.
    expect(Array.from(u.taps.slice(16, 32))).toEqual([-1, 0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, -1, -1, -1]);
    expect(u.windows[3]).toEqual([5, 6, 7, 9, 10, 11, 13, 14, 15]);
  });

  it('y = C·x equals the engine’s conv2d for every valid configuration', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight }) => {
        const u = unrollConv(input, weight, config);
        expect(allClose(u.y, conv(input, weight, config))).toBe(true);
      }),
      RUNS,
    );
  });

  it('an entry of C is non-zero only where it holds a kernel weight, and then it is that weight', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight }) => {
        const u = unrollConv(input, weight, config);
        u.taps.forEach((tap, i) => {
          expect(u.matrix.data[i]).toBe(tap < 0 ? 0 : weight.data[tap]);
        });
        expect(u.weightEntries).toBe(u.taps.filter((t) => t >= 0).length);
        // Each row holds each kernel weight at most once: its window.
        u.windows.forEach((window) => expect(window).toHaveLength(config.kernelSize[0] * config.kernelSize[1]));
      }),
      RUNS,
    );
  });

  it('refuses with the engine’s typed error what PyTorch refuses (a kernel larger than the padded input)', () => {
    const bad: MatrixConvConfig = { inputSize: [2, 2], kernelSize: [3, 3], stride: [1, 1], padding: [0, 0] };
    let caught: unknown = null;
    try {
      unrollConv(ramp(4), EDGE, bad);
    } catch (e) {
      caught = e;
    }
    expect(isEngineError(caught)).toBe(true);
  });
});

describe('convolution as a matrix: im2col', () => {
  it('the kernel row times the patch matrix equals C·x, cell by cell (property)', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight }) => {
        const u = unrollConv(input, weight, config);
        const p = im2col(input, weight, config);
        expect(p.patches.shape).toEqual([config.kernelSize[0] * config.kernelSize[1], u.rows]);
        expect(allClose(p.y, u.y)).toBe(true);
      }),
      RUNS,
    );
  });

  it('column j of the patch matrix is window j: the input cells of row j of C, in kernel order', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight }) => {
        const u = unrollConv(input, weight, config);
        const p = im2col(input, weight, config);
        const J = u.rows;
        u.windows.forEach((window, j) =>
          window.forEach((src, t) => {
            expect(p.sources[t * J + j]).toBe(src);
            expect(p.patches.data[t * J + j]).toBe(src < 0 ? 0 : input.data[src]);
          }),
        );
      }),
      RUNS,
    );
  });
});

describe('convolution as a matrix: the transpose', () => {
  it('⟨C·x, y⟩ = ⟨x, Cᵀ·y⟩, and Cᵀ·y equals the engine’s conv_transpose2d with the restoring output_padding', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight, other }) => {
        const u = unrollConv(input, weight, config);
        const yOther = u.y.map((_, i) => other.data[i % other.data.length] ?? 0);
        const t = transposeView(u, weight, yOther);
        const lhs = u.y.reduce((s, v, i) => s + v * (yOther[i] ?? 0), 0);
        const rhs = u.x.reduce((s, v, i) => s + v * (t.back[i] ?? 0), 0);
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-9 * Math.max(1, Math.abs(lhs)));
        expect(t.transposeGap).toBeLessThan(1e-9);
        expect(t.back).toHaveLength(config.inputSize[0] * config.inputSize[1]);
        const [oh, ow] = t.outputPadding;
        expect(oh).toBeGreaterThanOrEqual(0);
        expect(oh).toBeLessThan(config.stride[0]);
        expect(ow).toBeGreaterThanOrEqual(0);
        expect(ow).toBeLessThan(config.stride[1]);
        expect(
          allClose(
            t.difference,
            u.x.map((v, i) => v - (t.back[i] ?? 0)),
          ),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('restores the input’s shape: 5×5 with kernel 3, stride 2 needs no output_padding, 6×6 needs 1', () => {
    const at = (h: number) =>
      restoringOutputPadding(
        conv2dInfo(matrixConv2dConfig({ inputSize: [h, h], kernelSize: [3, 3], stride: [2, 2], padding: [0, 0] })),
      );
    expect(at(5)).toEqual([0, 0]);
    expect(at(6)).toEqual([1, 1]);
  });

  it('Cᵀ·y has x’s shape but not its values for the lesson’s example', () => {
    const u = unrollConv(ramp(16), EDGE, LESSON);
    const t = transposeView(u, EDGE);
    expect(t.back).toHaveLength(16);
    expect(Array.from(t.back).filter((v, i) => v === u.x[i]).length).toBeLessThan(16);
  });

  it('agrees with PyTorch on every case of conv_matrix.json: C, Cᵀ·y and conv_transpose2d of y', () => {
    const file = JSON.parse(readFileSync('tests/fixtures/pytorch/conv_matrix.json', 'utf8')) as {
      cases: {
        input_size: [number, number];
        weight: FixtureTensor;
        stride: [number, number];
        padding: [number, number];
        expected: {
          matrix: FixtureTensor;
          y: FixtureTensor;
          output_padding: [number, number];
          transpose_times_y: FixtureTensor;
          conv_transpose2d_of_y: FixtureTensor;
        };
      }[];
    };
    expect(file.cases.length).toBeGreaterThan(0);
    for (const c of file.cases) {
      const [, , kh = 1, kw = 1] = c.weight.shape;
      const config: MatrixConvConfig = {
        inputSize: c.input_size,
        kernelSize: [kh, kw],
        stride: c.stride,
        padding: c.padding,
      };
      const weight = toTensor(c.weight);
      const u = unrollConv(ramp(c.input_size[0] * c.input_size[1]), weight, config);
      expect(allClose(u.matrix.data, c.expected.matrix.data)).toBe(true);
      const t = transposeView(u, weight, c.expected.y.data);
      expect(t.outputPadding).toEqual(c.expected.output_padding);
      expect(allClose(t.back, c.expected.transpose_times_y.data)).toBe(true);
      expect(allClose(t.convTransposed, c.expected.conv_transpose2d_of_y.data)).toBe(true);
    }
  });
});

describe('convolution as a matrix: why not the inverse', () => {
  it('CᵀC is never the identity when C has fewer rows than columns', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight }) => {
        const u = unrollConv(input, weight, config);
        const g = gramView(u);
        if (g.fewerRowsThanColumns) expect(g.orthogonal).toBe(false);
      }),
      RUNS,
    );
  });

  it('a 1×1 kernel of 1 makes C the identity, so CᵀC = I and Cᵀ·y gives x back', () => {
    const config: MatrixConvConfig = { inputSize: [3, 3], kernelSize: [1, 1], stride: [1, 1], padding: [0, 0] };
    const one = tensor([1], [1]);
    const u = unrollConv(ramp(9), one, config);
    expect(gramView(u).orthogonal).toBe(true);
    expect(Array.from(transposeView(u, one).difference)).toEqual(new Array<number>(9).fill(0));
  });

  it('CᵀC is symmetric and its entry (i, j) is the dot product of columns i and j of C', () => {
    const u = unrollConv(ramp(16), EDGE, LESSON);
    const g = gramView(u);
    const n = u.cols;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let r = 0; r < u.rows; r++) dot += (u.matrix.data[r * n + i] ?? 0) * (u.matrix.data[r * n + j] ?? 0);
        expect(g.gram.data[i * n + j]).toBe(dot);
        expect(g.gram.data[i * n + j]).toBe(g.gram.data[j * n + i]);
      }
    }
  });
});

describe('convolution as a matrix: backward is Cᵀ', () => {
  it('Cᵀ·∂L/∂y equals the engine’s conv2d backward for any output gradient (property)', () => {
    fc.assert(
      fc.property(configs.chain(withTensors), ({ config, input, weight, other }) => {
        const u = unrollConv(input, weight, config);
        const g = u.y.map((_, i) => other.data[i % other.data.length] ?? 0);
        const view = gradientView(u, weight, g);
        expect(view.gap).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });

  it('with L = ½‖y‖², ∂L/∂x is Cᵀ·y: the transpose view’s numbers', () => {
    const u = unrollConv(ramp(16), EDGE, LESSON);
    expect(Array.from(gradientView(u, EDGE).viaMatrix)).toEqual(Array.from(transposeView(u, EDGE).back));
  });

  it('agrees with PyTorch’s grad_input on every one-channel, zero-padded case of conv2d_backward.json', () => {
    const file = JSON.parse(readFileSync('tests/fixtures/pytorch/conv2d_backward.json', 'utf8')) as {
      cases: {
        input: FixtureTensor;
        weight: FixtureTensor;
        stride: [number, number];
        padding: [number, number] | string;
        dilation: [number, number];
        groups: number;
        padding_mode?: string;
        grad_output: FixtureTensor;
        expected: { grad_input: FixtureTensor };
      }[];
    };
    const oneChannel = file.cases.filter(
      (c) =>
        c.input.shape[0] === 1 &&
        c.input.shape[1] === 1 &&
        c.weight.shape[0] === 1 &&
        Array.isArray(c.padding) &&
        c.dilation[0] === 1 &&
        c.dilation[1] === 1 &&
        (c.padding_mode ?? 'zeros') === 'zeros',
    );
    expect(oneChannel.length).toBeGreaterThanOrEqual(3);
    for (const c of oneChannel) {
      const [, , h = 1, w = 1] = c.input.shape;
      const [, , kh = 1, kw = 1] = c.weight.shape;
      const config: MatrixConvConfig = {
        inputSize: [h, w],
        kernelSize: [kh, kw],
        stride: c.stride,
        padding: c.padding as [number, number],
      };
      const weight = toTensor(c.weight);
      const u = unrollConv(toTensor(c.input), weight, config);
      const view = gradientView(u, weight, c.grad_output.data);
      expect(allClose(view.viaMatrix, c.expected.grad_input.data)).toBe(true);
      expect(allClose(view.viaBackward, c.expected.grad_input.data)).toBe(true);
    }
  });
});
