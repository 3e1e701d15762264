import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  conv2dConfigOf,
  conv2dInfo,
  convTranspose2d,
  convTranspose2dConfigOf,
  convTranspose2dInfo,
  isEngineError,
  tensor,
  type Conv2dConfig,
  type ConvTranspose2dConfig,
  type PaddingMode,
  type PaddingSpec,
  type Pair,
  type Tensor,
} from '../../engine';
import {
  conv2dFast,
  convTranspose2dFast,
  createConv2dPlan,
  createConvTranspose2dPlan,
  type FastPrecision,
} from '../../engine/fast';
import { mulberry32 } from '../../engine/random';
import { toTensor, type FixtureTensor } from '../support/conformance';

const RUNS = { numRuns: 250 };

// Tensor values come from a seed (mulberry32), so fast-check only has to shrink the geometry.
const random = mulberry32;

/** A tensor of values uniform in [−1, 1): real numbers, not a grid, so float32 rounding shows. */
function randomTensor(shape: readonly number[], rand: () => number): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tensor(
    shape,
    Array.from({ length: size }, () => rand() * 2 - 1),
  );
}

function absTensor(t: Tensor): Tensor {
  return tensor(t.shape, Array.from(t.data, Math.abs));
}

/**
 * Tolerances.
 *
 * float64: the fixtures' own, |a − e| ≤ 1e-4 · max(1, |e|). The fast path sums
 * the same products in float64 (for conv2d in the reference's order), so it
 * is far inside this.
 *
 * float32: input, weight and bias are rounded to float32 (relative error
 * u = 2⁻²⁴ each), the products of two float32 values are exact in float64,
 * the sum is float64 (error ~1e-16, negligible) and the result is rounded to
 * float32 once. So |y₃₂ − y| ≤ (2u + u²)·Σ|w·x| + u·|b| + u·|y|: the error
 * grows with the number of terms and their sizes, not with |y| (cancellation
 * can make |y| small while Σ|w·x| is large). We allow the fixtures' tolerance
 * plus 3u·A, where A = Σ|w|·|x| + |b| is computed per output cell by running
 * the reference on |x|, |w|, |b|. With values in [−1, 1] and at most 48 terms
 * here, 3u·A ≤ 9e-6; for the PyTorch fixtures (values up to ~4, up to 75
 * terms) it can exceed 1e-4, which is why it is not left out.
 */
function within(actual: ArrayLike<number>, expected: ArrayLike<number>, absSums: ArrayLike<number> | null): boolean {
  if (actual.length !== expected.length) return false;
  const u = 2 ** -24;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const tol = 1e-4 * Math.max(1, Math.abs(e)) + (absSums ? 3 * u * absSums[i]! : 0);
    if (!(Math.abs(a - e) <= tol)) return false;
  }
  return true;
}

const dims = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));

/**
 * conv2d geometries: up to 7 output channels per group (the kernels' blocks of
 * three, pairs and single channels), widths up to 10 (column blocks plus a
 * shifted last block), every padding mode, per-side padding, 'same' and
 * 'valid'.
 */
const conv2dCases = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: fc.integer({ min: 1, max: 3 }),
    outPerGroup: fc.integer({ min: 1, max: 7 }),
    inputSize: dims(10),
    kernelSize: dims(4),
    stride: dims(3),
    dilation: dims(3),
    padding: fc.oneof(
      fc.tuple(fc.nat(3), fc.nat(3)),
      fc.constant<PaddingSpec>('same'),
      fc.constant<PaddingSpec>('valid'),
    ),
    paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
    bias: fc.boolean(),
    seed: fc.integer(),
  })
  .map((r): { config: Conv2dConfig; seed: number } => ({
    config: {
      batch: r.batch,
      inChannels: r.groups * r.inPerGroup,
      outChannels: r.groups * r.outPerGroup,
      inputSize: r.inputSize,
      kernelSize: r.kernelSize,
      stride: r.padding === 'same' ? [1, 1] : r.stride,
      padding: r.padding,
      dilation: r.dilation,
      groups: r.groups,
      paddingMode: r.paddingMode,
      bias: r.bias,
    },
    seed: r.seed,
  }))
  .filter(({ config }) => conv2dInfo(config).valid);

const convTranspose2dCases = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: fc.integer({ min: 1, max: 3 }),
    outPerGroup: fc.integer({ min: 1, max: 7 }),
    inputSize: dims(6),
    kernelSize: dims(4),
    stride: dims(3),
    dilation: dims(3),
    padding: fc.tuple(fc.nat(3), fc.nat(3)),
    outputPadding: fc.tuple(fc.nat(2), fc.nat(2)),
    bias: fc.boolean(),
    seed: fc.integer(),
  })
  .map((r): { config: ConvTranspose2dConfig; seed: number } => ({
    config: {
      batch: r.batch,
      inChannels: r.groups * r.inPerGroup,
      outChannels: r.groups * r.outPerGroup,
      inputSize: r.inputSize,
      kernelSize: r.kernelSize,
      stride: r.stride,
      padding: r.padding,
      outputPadding: r.outputPadding,
      dilation: r.dilation,
      groups: r.groups,
      bias: r.bias,
    },
    seed: r.seed,
  }))
  .filter(({ config }) => convTranspose2dInfo(config).valid);

interface Operands {
  readonly input: Tensor;
  readonly weight: Tensor;
  readonly bias: Tensor | null;
}

function conv2dOperands(config: Conv2dConfig, seed: number): Operands {
  const info = conv2dInfo(config);
  const rand = random(seed);
  return {
    input: randomTensor(info.inputShape, rand),
    weight: randomTensor(info.weightShape, rand),
    bias: config.bias ? randomTensor([config.outChannels], rand) : null,
  };
}

function convTranspose2dOperands(config: ConvTranspose2dConfig, seed: number): Operands {
  const info = convTranspose2dInfo(config);
  const rand = random(seed);
  return {
    input: randomTensor(info.inputShape, rand),
    weight: randomTensor(info.weightShape, rand),
    bias: config.bias ? randomTensor([config.outChannels], rand) : null,
  };
}

function conv2dOptions(c: Conv2dConfig) {
  return { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups, paddingMode: c.paddingMode };
}

function convTranspose2dOptions(c: ConvTranspose2dConfig) {
  return {
    stride: c.stride,
    padding: c.padding,
    outputPadding: c.outputPadding,
    dilation: c.dilation,
    groups: c.groups,
  };
}

function abs(ops: Operands): Operands {
  return { input: absTensor(ops.input), weight: absTensor(ops.weight), bias: ops.bias ? absTensor(ops.bias) : null };
}

/** Checks the fast conv2d against the reference (and, when given, PyTorch's numbers). */
function conv2dAgrees(
  ops: Operands,
  options: Parameters<typeof conv2d>[3] & object,
  precision: FastPrecision,
  expected?: Tensor,
): boolean {
  const want = expected ?? conv2d(ops.input, ops.weight, ops.bias, options);
  const got = conv2dFast(ops.input, ops.weight, ops.bias, { ...options, precision });
  const absSums = precision === 'float32' ? conv2d(abs(ops).input, abs(ops).weight, abs(ops).bias, options).data : null;
  return got.shape.join() === want.shape.join() && within(got.data, want.data, absSums);
}

function convTranspose2dAgrees(
  ops: Operands,
  options: Parameters<typeof convTranspose2d>[3] & object,
  precision: FastPrecision,
  expected?: Tensor,
): boolean {
  const want = expected ?? convTranspose2d(ops.input, ops.weight, ops.bias, options);
  const got = convTranspose2dFast(ops.input, ops.weight, ops.bias, { ...options, precision });
  const absSums =
    precision === 'float32' ? convTranspose2d(abs(ops).input, abs(ops).weight, abs(ops).bias, options).data : null;
  return got.shape.join() === want.shape.join() && within(got.data, want.data, absSums);
}

interface FixtureCase {
  readonly op: string;
  readonly input: FixtureTensor;
  readonly weight: FixtureTensor;
  readonly bias: FixtureTensor | null;
  readonly stride: Pair;
  readonly padding: Pair | 'same' | 'valid';
  readonly dilation: Pair;
  readonly groups: number;
  readonly padding_mode?: PaddingMode;
  readonly output_padding?: Pair;
  readonly expected?: FixtureTensor;
  readonly error?: string;
}

function fixtureCases(file: string): FixtureCase[] {
  const url = new URL(`../fixtures/pytorch/${file}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: FixtureCase[] }).cases;
}

function fixtureOperands(c: FixtureCase): Operands {
  return { input: toTensor(c.input), weight: toTensor(c.weight), bias: c.bias ? toTensor(c.bias) : null };
}

function fixtureConv2dOptions(c: FixtureCase) {
  return {
    stride: c.stride,
    padding: c.padding,
    dilation: c.dilation,
    groups: c.groups,
    paddingMode: c.padding_mode ?? 'zeros',
  };
}

function fixtureConvTranspose2dOptions(c: FixtureCase) {
  return {
    stride: c.stride,
    padding: c.padding as Pair,
    outputPadding: c.output_padding ?? [0, 0],
    dilation: c.dilation,
    groups: c.groups,
  };
}

/** Indices of the fixture cases whose fast result is outside the tolerance (or that throw). */
function failingFixtures(
  cases: readonly FixtureCase[],
  agrees: (c: FixtureCase, precision: FastPrecision) => boolean,
): string[] {
  const failures: string[] = [];
  cases.forEach((c, index) => {
    for (const precision of ['float64', 'float32'] as const) {
      try {
        if (!agrees(c, precision)) failures.push(`case ${index} (${precision})`);
      } catch (e) {
        failures.push(`case ${index} (${precision}) threw ${String(e)}`);
      }
    }
  });
  return failures;
}

/** Indices of the refused fixture cases that the fast path does not refuse with a typed engine error. */
function acceptedRefusals(cases: readonly FixtureCase[], call: (c: FixtureCase) => unknown): number[] {
  const accepted: number[] = [];
  cases.forEach((c, index) => {
    try {
      call(c);
      accepted.push(index);
    } catch (e) {
      if (!isEngineError(e)) accepted.push(index);
    }
  });
  return accepted;
}

/** The code of the typed engine error `f` throws, or what else happened. */
function refusal(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    return isEngineError(e) ? e.code : `untyped: ${String(e)}`;
  }
}

function copyOf(data: Float64Array, precision: FastPrecision): Float32Array | Float64Array {
  return precision === 'float32' ? Float32Array.from(data) : Float64Array.from(data);
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  return a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
}

describe('conv2dFast', () => {
  it('equals the reference conv2d in float64 for random geometries (batch, groups, stride, dilation, per-side, same and valid padding, every padding mode, bias)', () => {
    fc.assert(
      fc.property(conv2dCases, ({ config, seed }) =>
        conv2dAgrees(conv2dOperands(config, seed), conv2dOptions(config), 'float64'),
      ),
      RUNS,
    );
  });

  it('equals the reference conv2d in float32 within the float32 rounding bound', () => {
    fc.assert(
      fc.property(conv2dCases, ({ config, seed }) =>
        conv2dAgrees(conv2dOperands(config, seed), conv2dOptions(config), 'float32'),
      ),
      RUNS,
    );
  });

  it('agrees with PyTorch on every conv2d fixture case with an expected output, in float64 and float32', () => {
    const cases = fixtureCases('conv2d.json').filter((c) => c.expected);
    expect(cases.length).toBeGreaterThan(100);
    const failures = failingFixtures(cases, (c, precision) =>
      conv2dAgrees(fixtureOperands(c), fixtureConv2dOptions(c), precision, toTensor(c.expected!)),
    );
    expect(failures).toEqual([]);
  });

  it('refuses every conv2d configuration PyTorch refuses, with a typed engine error', () => {
    const cases = fixtureCases('conv2d.json').filter((c) => c.error !== undefined);
    expect(cases.length).toBeGreaterThan(0);
    const accepted = acceptedRefusals(cases, (c) => {
      const ops = fixtureOperands(c);
      return conv2dFast(ops.input, ops.weight, ops.bias, fixtureConv2dOptions(c));
    });
    expect(accepted).toEqual([]);
  });
});

describe('convTranspose2dFast', () => {
  it('equals the reference conv_transpose2d in float64 for random geometries (batch, groups, stride, dilation, padding, output_padding, bias)', () => {
    fc.assert(
      fc.property(convTranspose2dCases, ({ config, seed }) =>
        convTranspose2dAgrees(convTranspose2dOperands(config, seed), convTranspose2dOptions(config), 'float64'),
      ),
      RUNS,
    );
  });

  it('equals the reference conv_transpose2d in float32 within the float32 rounding bound', () => {
    fc.assert(
      fc.property(convTranspose2dCases, ({ config, seed }) =>
        convTranspose2dAgrees(convTranspose2dOperands(config, seed), convTranspose2dOptions(config), 'float32'),
      ),
      RUNS,
    );
  });

  it('agrees with PyTorch on every conv_transpose2d fixture case with an expected output, in float64 and float32', () => {
    const cases = fixtureCases('conv_transpose2d.json').filter((c) => c.expected);
    expect(cases.length).toBeGreaterThan(100);
    const failures = failingFixtures(cases, (c, precision) =>
      convTranspose2dAgrees(fixtureOperands(c), fixtureConvTranspose2dOptions(c), precision, toTensor(c.expected!)),
    );
    expect(failures).toEqual([]);
  });

  it('refuses every conv_transpose2d configuration PyTorch refuses, with a typed engine error', () => {
    const cases = fixtureCases('conv_transpose2d.json').filter((c) => c.error !== undefined);
    expect(cases.length).toBeGreaterThan(0);
    const accepted = acceptedRefusals(cases, (c) => {
      const ops = fixtureOperands(c);
      return convTranspose2dFast(ops.input, ops.weight, ops.bias, fixtureConvTranspose2dOptions(c));
    });
    expect(accepted).toEqual([]);
  });
});

describe('plans', () => {
  it('a conv2d plan run twice gives the same result, overwrites every output cell, leaves its inputs untouched and carries nothing over from an earlier input', () => {
    fc.assert(
      fc.property(conv2dCases, fc.constantFrom<FastPrecision>('float32', 'float64'), ({ config, seed }, precision) => {
        const options = conv2dOptions(config);
        const first = conv2dOperands(config, seed);
        const second = conv2dOperands(config, seed + 1);
        const plan = createConv2dPlan(conv2dInfo(conv2dConfigOf(first.input, first.weight, first.bias, options)));
        const input = copyOf(second.input.data, precision);
        const weight = copyOf(second.weight.data, precision);
        const bias = second.bias ? copyOf(second.bias.data, precision) : null;
        const size = plan.info.outputShape.reduce((a, b) => a * b, 1);
        const make = () => (precision === 'float32' ? new Float32Array(size) : new Float64Array(size)).fill(NaN);
        const warmup = make();
        plan.run(
          copyOf(first.input.data, precision),
          copyOf(first.weight.data, precision),
          first.bias ? copyOf(first.bias.data, precision) : null,
          warmup,
        );
        const once = make();
        const twice = make();
        plan.run(input, weight, bias, once);
        plan.run(input, weight, bias, twice);
        const fresh = conv2dFast(second.input, second.weight, second.bias, { ...options, precision });
        return (
          sameValues(once, twice) &&
          sameValues(once, fresh.data) &&
          sameValues(input, copyOf(second.input.data, precision)) &&
          sameValues(weight, copyOf(second.weight.data, precision)) &&
          (bias === null || sameValues(bias, copyOf(second.bias!.data, precision)))
        );
      }),
      RUNS,
    );
  });

  it('a conv_transpose2d plan run twice gives the same result, overwrites every output cell, leaves its inputs untouched and carries nothing over from an earlier input', () => {
    fc.assert(
      fc.property(
        convTranspose2dCases,
        fc.constantFrom<FastPrecision>('float32', 'float64'),
        ({ config, seed }, precision) => {
          const options = convTranspose2dOptions(config);
          const first = convTranspose2dOperands(config, seed);
          const second = convTranspose2dOperands(config, seed + 1);
          const plan = createConvTranspose2dPlan(
            convTranspose2dInfo(convTranspose2dConfigOf(first.input, first.weight, first.bias, options)),
          );
          const input = copyOf(second.input.data, precision);
          const weight = copyOf(second.weight.data, precision);
          const bias = second.bias ? copyOf(second.bias.data, precision) : null;
          const size = plan.info.outputShape.reduce((a, b) => a * b, 1);
          const make = () => (precision === 'float32' ? new Float32Array(size) : new Float64Array(size)).fill(NaN);
          plan.run(
            copyOf(first.input.data, precision),
            copyOf(first.weight.data, precision),
            first.bias ? copyOf(first.bias.data, precision) : null,
            make(),
          );
          const once = make();
          const twice = make();
          plan.run(input, weight, bias, once);
          plan.run(input, weight, bias, twice);
          const fresh = convTranspose2dFast(second.input, second.weight, second.bias, { ...options, precision });
          return (
            sameValues(once, twice) &&
            sameValues(once, fresh.data) &&
            sameValues(input, copyOf(second.input.data, precision)) &&
            sameValues(weight, copyOf(second.weight.data, precision)) &&
            (bias === null || sameValues(bias, copyOf(second.bias!.data, precision)))
          );
        },
      ),
      RUNS,
    );
  });

  it('refuse an invalid geometry record with the typed engine error', () => {
    const conv: Conv2dConfig = {
      batch: 1,
      inChannels: 1,
      outChannels: 1,
      inputSize: [3, 3],
      kernelSize: [5, 5],
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 1,
      paddingMode: 'zeros',
      bias: false,
    };
    expect(refusal(() => createConv2dPlan(conv2dInfo(conv)))).toBe('kernel-larger-than-padded-input');
    const transposed: ConvTranspose2dConfig = {
      batch: 1,
      inChannels: 1,
      outChannels: 1,
      inputSize: [1, 1],
      kernelSize: [1, 1],
      stride: [1, 1],
      padding: [1, 1],
      outputPadding: [0, 0],
      dilation: [1, 1],
      groups: 1,
      bias: false,
    };
    expect(refusal(() => createConvTranspose2dPlan(convTranspose2dInfo(transposed)))).toBe('output-size-not-positive');
  });

  it('reject arrays whose length does not match the planned shapes', () => {
    const plan = createConv2dPlan(
      conv2dInfo({
        batch: 1,
        inChannels: 2,
        outChannels: 3,
        inputSize: [4, 4],
        kernelSize: [3, 3],
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 1,
        paddingMode: 'zeros',
        bias: true,
      }),
    );
    const input = new Float32Array(2 * 16);
    const weight = new Float32Array(3 * 2 * 9);
    const out = new Float32Array(3 * 16);
    expect(refusal(() => plan.run(input.subarray(1), weight, null, out))).toBe('data-size-mismatch');
    expect(refusal(() => plan.run(input, weight.subarray(1), null, out))).toBe('data-size-mismatch');
    expect(refusal(() => plan.run(input, weight, new Float32Array(2), out))).toBe('data-size-mismatch');
    expect(refusal(() => plan.run(input, weight, null, out.subarray(1)))).toBe('data-size-mismatch');
    expect(() => plan.run(input, weight, null, out)).not.toThrow();
  });
});
