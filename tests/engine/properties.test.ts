import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  conv2dBackward,
  conv2dInfo,
  conv2dTrace,
  convMatrix,
  convTranspose2d,
  convTranspose2dGather,
  convTranspose2dInfo,
  convTranspose2dScatter,
  convTranspose2dViaMatrix,
  matTVec,
  matVec,
  applySuggestion,
  flippedKernel,
  zeroInsertedInput,
  suggestConv2dFixes,
  suggestConvTranspose2dFixes,
  paddedSource,
  unpaddedIndex,
  type Conv2dConfig,
  type Conv2dResult,
  type TapUse,
  type PaddingMode,
  type ConvTranspose2dConfig,
  type Pair,
} from '../../engine';
import {
  conv2dConfigs,
  convTranspose2dConfigs,
  tensorOf,
  withConv2dTensors,
  withConvTranspose2dTensors,
} from '../support/arbitraries';
import { allClose } from '../support/float';

const RUNS = { numRuns: 1000 };

function convOptions(c: Conv2dConfig) {
  return { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups, paddingMode: c.paddingMode };
}

function transposeOptions(c: ConvTranspose2dConfig) {
  return {
    stride: c.stride,
    padding: c.padding,
    outputPadding: c.outputPadding,
    dilation: c.dilation,
    groups: c.groups,
  };
}

describe('transposed convolution, three ways', () => {
  it('scatter-add, gather with the flipped kernel and Cᵀ·y give the same numbers', () => {
    fc.assert(
      fc.property(convTranspose2dConfigs.chain(withConvTranspose2dTensors), ({ config, input, weight, bias }) => {
        const opts = transposeOptions(config);
        const scatter = convTranspose2d(input, weight, bias, opts);
        const gather = convTranspose2dGather(input, weight, bias, opts);
        const viaMatrix = convTranspose2dViaMatrix(input, weight, bias, opts);
        expect(gather.shape).toEqual(scatter.shape);
        expect(allClose(gather.data, scatter.data)).toBe(true);
        expect(allClose(viaMatrix.data, scatter.data)).toBe(true);
      }),
      RUNS,
    );
  });

  it('every stamp of the trace adds up to the canvas, and the canvas cropped plus bias is the output', () => {
    fc.assert(
      fc.property(convTranspose2dConfigs.chain(withConvTranspose2dTensors), ({ config, input, weight, bias }) => {
        const r = convTranspose2dScatter(input, weight, bias, transposeOptions(config));
        const [N, C, OH, OW] = r.info.outputShape;
        const sums = new Float64Array(N * C * OH * OW);
        for (const step of r.steps) {
          for (const s of step.stamps) {
            if (s.oy !== null && s.ox !== null) {
              const at = ((s.n * C + s.co) * OH + s.oy) * OW + s.ox;
              sums[at] = (sums[at] ?? 0) + s.contribution;
            }
          }
        }
        const withBias = sums.map((v, i) => v + (r.bias[Math.floor(i / (OH * OW)) % C] ?? 0));
        expect(allClose(withBias, r.output.data)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('convolution as a matrix', () => {
  it('⟨C·x, y⟩ = ⟨x, Cᵀ·y⟩ for every configuration', () => {
    const arb = conv2dConfigs
      .map((c) => ({ ...c, batch: 1 }))
      .chain((config) => {
        const info = conv2dInfo(config);
        return fc.record({
          config: fc.constant(config),
          weight: tensorOf(info.weightShape),
          x: tensorOf([info.inputShape[1] * info.inputShape[2] * info.inputShape[3]]),
          y: tensorOf([info.outputShape[1] * info.outputShape[2] * info.outputShape[3]]),
        });
      });
    fc.assert(
      fc.property(arb, ({ config, weight, x, y }) => {
        const { matrix } = convMatrix(config, weight);
        const cx = matVec(matrix, x.data);
        const cty = matTVec(matrix, y.data);
        const lhs = cx.reduce((acc, v, i) => acc + v * (y.data[i] ?? 0), 0);
        const rhs = cty.reduce((acc, v, i) => acc + v * (x.data[i] ?? 0), 0);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(lhs)));
      }),
      RUNS,
    );
  });

  it('C·x equals conv2d of x, padding modes included', () => {
    fc.assert(
      fc.property(
        conv2dConfigs.map((c) => ({ ...c, batch: 1, bias: false })).chain(withConv2dTensors),
        ({ config, input, weight }) => {
          const { matrix } = convMatrix(config, weight);
          const y = conv2d(input, weight, null, convOptions(config));
          expect(allClose(matVec(matrix, input.data), y.data)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('output shapes', () => {
  it('conv2d output size is ⌊(i + p₀ + p₁ − d(k−1) − 1)/s⌋ + 1 per axis', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias }) => {
        const y = conv2d(input, weight, bias, convOptions(config));
        const expected = [0, 1].map((a) => {
          const i = config.inputSize[a] ?? 0;
          const k = config.kernelSize[a] ?? 0;
          const d = config.dilation[a] ?? 0;
          const s = config.stride[a] ?? 1;
          const total =
            config.padding === 'valid'
              ? 0
              : config.padding === 'same'
                ? d * (k - 1)
                : 2 * ((config.padding as Pair)[a] ?? 0);
          return Math.floor((i + total - d * (k - 1) - 1) / s) + 1;
        });
        expect(y.shape).toEqual([config.batch, config.outChannels, ...expected]);
      }),
      RUNS,
    );
  });

  it('conv_transpose2d output size is (i−1)s − 2p + d(k−1) + output_padding + 1 per axis', () => {
    fc.assert(
      fc.property(convTranspose2dConfigs.chain(withConvTranspose2dTensors), ({ config, input, weight, bias }) => {
        const y = convTranspose2d(input, weight, bias, transposeOptions(config));
        const expected = [0, 1].map((a) => {
          const [i, s, p, d, k, op] = [
            config.inputSize,
            config.stride,
            config.padding,
            config.dilation,
            config.kernelSize,
            config.outputPadding,
          ].map((pair) => pair[a] ?? 0) as [number, number, number, number, number, number];
          return (i - 1) * s - 2 * p + d * (k - 1) + op + 1;
        });
        expect(y.shape).toEqual([config.batch, config.outChannels, ...expected]);
      }),
      RUNS,
    );
  });

  it('"same" padding keeps the input size', () => {
    fc.assert(
      fc.property(
        conv2dConfigs.filter((c) => c.padding === 'same'),
        (config) => {
          const info = conv2dInfo(config);
          expect([info.h.outSize, info.w.outSize]).toEqual([...config.inputSize]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('backward', () => {
  it('grad_input is the transposed convolution of grad_output (zeros padding)', () => {
    const arb = conv2dConfigs
      .filter((c) => c.paddingMode === 'zeros' && Array.isArray(c.padding))
      .chain(withConv2dTensors);
    fc.assert(
      fc.property(arb, ({ config, input, weight, bias, gradOutput }) => {
        const info = conv2dInfo(config);
        const g = conv2dBackward(input, weight, bias, gradOutput, convOptions(config));
        const viaTranspose = convTranspose2d(gradOutput, weight, null, {
          stride: config.stride,
          padding: config.padding as Pair,
          outputPadding: [info.h.unvisited, info.w.unvisited],
          dilation: config.dilation,
          groups: config.groups,
        });
        expect(viaTranspose.shape).toEqual(input.shape);
        expect(allClose(g.gradInput.data, viaTranspose.data)).toBe(true);
      }),
      RUNS,
    );
  });

  it('grad_weight and grad_bias match finite differences of ⟨grad_output, y⟩ (the conv is linear)', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias, gradOutput }) => {
        const opts = convOptions(config);
        const g = conv2dBackward(input, weight, bias, gradOutput, opts);
        const loss = (w: typeof weight) =>
          conv2d(input, w, bias, opts).data.reduce((acc, v, i) => acc + v * (gradOutput.data[i] ?? 0), 0);
        const base = loss(weight);
        const idx = weight.data.length - 1;
        const bumped = { shape: weight.shape, data: Float64Array.from(weight.data, (v, i) => (i === idx ? v + 1 : v)) };
        expect(loss(bumped) - base).toBeCloseTo(g.gradWeight.data[idx] ?? NaN, 6);
        if (bias && g.gradBias) {
          expect(g.gradBias.data[0]).toBeCloseTo(
            gradOutput.data.slice(0, info(config)).reduce((a, v) => a + v, 0) + otherSamples(config, gradOutput.data),
            6,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Grad-output elements of channel 0 in sample 0. */
function info(config: Conv2dConfig): number {
  const i = conv2dInfo(config);
  return i.outputShape[2] * i.outputShape[3];
}

/** Sum of channel-0 grad-output elements of samples after the first. */
function otherSamples(config: Conv2dConfig, g: Float64Array): number {
  const i = conv2dInfo(config);
  const plane = i.outputShape[2] * i.outputShape[3];
  let acc = 0;
  for (let n = 1; n < config.batch; n++) {
    const start = n * config.outChannels * plane;
    for (let j = 0; j < plane; j++) acc += g[start + j] ?? 0;
  }
  return acc;
}

describe('immutability', () => {
  it('no engine function writes into the tensors it is given', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias, gradOutput }) => {
        const before = [input, weight, bias, gradOutput].map((t) => (t ? Array.from(t.data) : null));
        const opts = convOptions(config);
        conv2d(input, weight, bias, opts);
        conv2dTrace(input, weight, bias, opts);
        conv2dBackward(input, weight, bias, gradOutput, opts);
        const after = [input, weight, bias, gradOutput].map((t) => (t ? Array.from(t.data) : null));
        expect(after).toEqual(before);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(convTranspose2dConfigs.chain(withConvTranspose2dTensors), ({ config, input, weight, bias }) => {
        const before = [input, weight, bias].map((t) => (t ? Array.from(t.data) : null));
        const opts = transposeOptions(config);
        convTranspose2dScatter(input, weight, bias, opts);
        convTranspose2dGather(input, weight, bias, opts);
        convTranspose2dViaMatrix(input, weight, bias, opts);
        expect([input, weight, bias].map((t) => (t ? Array.from(t.data) : null))).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe('the conv2d trace explains every output cell', () => {
  const allCells = (r: Conv2dResult) => Array.from({ length: r.cellCount }, (_, i) => r.cell(i)!);

  it('taps in visit order sum (plus bias) to the output value, bit for bit', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias }) => {
        const r = conv2dTrace(input, weight, bias, convOptions(config));
        const ref = conv2d(input, weight, bias, convOptions(config));
        expect(r.cellCount).toBe(ref.data.length);
        expect(r.cell(r.cellCount)).toBeUndefined();
        allCells(r).forEach((cell, i) => {
          const sum = cell.taps.reduce((acc, t) => acc + t.x * t.w, 0) + cell.bias;
          expect(sum).toBeCloseTo(ref.data[i] ?? NaN, 9);
          expect(cell.value).toBe(r.output.data[i]);
          expect(cell.taps.length).toBe(r.info.inPerGroup * config.kernelSize[0] * config.kernelSize[1]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('who reads an input cell, and whom a weight meets, are the taps of the full trace seen from the other side', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias }) => {
        const r = conv2dTrace(input, weight, bias, convOptions(config));
        const { h, w, inPerGroup } = r.info;
        const byPosition = new Map<string, string[]>();
        const byWeight = new Map<number, string[]>();
        allCells(r).forEach((cell, output) => {
          for (const t of cell.taps) {
            const wi = ((cell.co * inPerGroup + (t.c % inPerGroup)) * h.kernel + t.ky) * w.kernel + t.kx;
            const use = `${output}:${wi}:${t.c}:${t.py}:${t.px}`;
            const at = `${cell.n},${t.c},${t.py},${t.px}`;
            byPosition.set(at, [...(byPosition.get(at) ?? []), use]);
            byWeight.set(wi, [...(byWeight.get(wi) ?? []), use]);
          }
        });
        const key = (u: TapUse) => `${u.output}:${u.weight}:${u.c}:${u.py}:${u.px}`;
        const [N, C] = r.info.inputShape;
        for (let n = 0; n < N; n++)
          for (let c = 0; c < C; c++)
            for (let py = 0; py < h.paddedSize; py++)
              for (let px = 0; px < w.paddedSize; px++)
                expect(r.readersOf(n, c, py, px).map(key).sort()).toEqual(
                  (byPosition.get(`${n},${c},${py},${px}`) ?? []).sort(),
                );
        for (let wi = 0; wi < weight.data.length; wi++)
          expect(r.usesOfWeight(wi).map(key).sort()).toEqual((byWeight.get(wi) ?? []).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('an input cell is held by exactly the padded positions whose taps name it as their source', () => {
    fc.assert(
      fc.property(conv2dConfigs.chain(withConv2dTensors), ({ config, input, weight, bias }) => {
        const r = conv2dTrace(input, weight, bias, convOptions(config));
        const { h, w } = r.info;
        for (let y = 0; y < h.inSize; y++)
          for (let x = 0; x < w.inSize; x++)
            for (const [py, px] of r.copiesOf(y, x)) {
              expect(paddedSource(py, h.padBefore, h.inSize, config.paddingMode)).toBe(y);
              expect(paddedSource(px, w.padBefore, w.inSize, config.paddingMode)).toBe(x);
            }
        const total = Array.from({ length: h.inSize * w.inSize }, (_, i) =>
          r.copiesOf(Math.floor(i / w.inSize), i % w.inSize),
        ).reduce((a, b) => a + b.length, 0);
        let sourced = 0;
        for (let py = 0; py < h.paddedSize; py++)
          for (let px = 0; px < w.paddedSize; px++)
            if (
              paddedSource(py, h.padBefore, h.inSize, config.paddingMode) >= 0 &&
              paddedSource(px, w.padBefore, w.inSize, config.paddingMode) >= 0
            )
              sourced++;
        expect(total).toBe(sourced);
      }),
      { numRuns: 300 },
    );
  });

  it('a padded position is the input cell itself exactly where zero padding would not fill it', () => {
    fc.assert(
      fc.property(conv2dConfigs, (config) => {
        const { h, w } = conv2dInfo(config);
        for (const axis of [h, w])
          for (let q = 0; q < axis.paddedSize; q++) {
            const own = paddedSource(q, axis.padBefore, axis.inSize, 'zeros');
            expect(unpaddedIndex(axis, q)).toBe(own >= 0 ? own : null);
          }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validity', () => {
  it('every suggested fix of a refused transposed configuration is itself accepted', () => {
    const raw = fc.record({
      inputSize: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
      kernelSize: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      padding: fc.tuple(fc.nat(4), fc.nat(4)),
      outputPadding: fc.tuple(fc.nat(3), fc.nat(3)),
      stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    });
    fc.assert(
      fc.property(raw, (r) => {
        const config: ConvTranspose2dConfig = {
          batch: 1,
          inChannels: 1,
          outChannels: 1,
          dilation: [1, 1],
          groups: 1,
          bias: false,
          ...r,
        };
        const info = convTranspose2dInfo(config);
        const fixes = suggestConvTranspose2dFixes(config);
        if (info.valid) {
          expect(fixes).toEqual([]);
          return;
        }
        if (info.problems.length === 1) expect(fixes.length).toBeGreaterThan(0);
        for (const fix of fixes) expect(convTranspose2dInfo(applySuggestion(config, fix)).valid).toBe(true);
      }),
      RUNS,
    );
  });

  it('every suggested fix of a refused convolution is itself accepted', () => {
    const raw = fc.record({
      inputSize: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })),
      kernelSize: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      padding: fc.oneof(fc.tuple(fc.nat(4), fc.nat(4)), fc.constant('same' as const)),
      dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
      groups: fc.integer({ min: 1, max: 3 }),
      inChannels: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(raw, (r) => {
        const config: Conv2dConfig = { batch: 1, outChannels: 2, bias: true, ...r };
        const info = conv2dInfo(config);
        const fixes = suggestConv2dFixes(config);
        if (info.valid) return;
        if (info.problems.length === 1) expect(fixes.length).toBeGreaterThan(0);
        for (const fix of fixes) expect(conv2dInfo(applySuggestion(config, fix)).valid).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('transposed convolution as a direct convolution', () => {
  it('conv2d of the zero-inserted input with the flipped kernel (dilation kept) is conv_transpose2d', () => {
    fc.assert(
      fc.property(convTranspose2dConfigs.chain(withConvTranspose2dTensors), ({ config, input, weight, bias }) => {
        const r = convTranspose2dScatter(input, weight, bias, transposeOptions(config));
        const up = zeroInsertedInput(input, r.info);
        const direct = conv2d(up.tensor, flippedKernel(weight, r.info), bias, {
          dilation: config.dilation,
          groups: config.groups,
        });
        expect(direct.shape).toEqual(r.output.shape);
        expect(allClose(direct.data, r.output.data)).toBe(true);
      }),
      RUNS,
    );
  });
});
