import { EngineError } from '../../../engine/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  conv2dBackward,
  conv2dInfo,
  convTranspose2d,
  convTranspose2dInfo,
  tensor,
  type Conv2dConfig,
  type ConvTranspose2dConfig,
  type Tensor,
} from '../../../engine';
import { createConv2dTrainPlan, createConvTranspose2dTrainPlan } from '../../../engine/nn';
import { mulberry32 } from '../../../engine/random';

const RUNS = { numRuns: 120 };
const dims = (max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }));

function randomArray(n: number, rand: () => number): Float64Array {
  return Float64Array.from({ length: n }, () => rand() * 2 - 1);
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** |a − e| ≤ 1e-9 · (1 + max |e|) elementwise: float64 paths that sum the same products in another order. */
function closeArrays(a: ArrayLike<number>, e: ArrayLike<number>): boolean {
  if (a.length !== e.length) return false;
  let scale = 1;
  for (let i = 0; i < e.length; i++) scale = Math.max(scale, Math.abs(e[i]!));
  for (let i = 0; i < e.length; i++) if (!(Math.abs(a[i]! - e[i]!) <= 1e-9 * scale)) return false;
  return true;
}

const conv2dCases = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: fc.integer({ min: 1, max: 3 }),
    outPerGroup: fc.integer({ min: 1, max: 5 }),
    inputSize: dims(9),
    kernelSize: dims(4),
    stride: dims(3),
    dilation: dims(2),
    padding: fc.tuple(fc.nat(2), fc.nat(2)),
    seed: fc.integer(),
  })
  .map((r): Conv2dConfig & { seed: number } => ({
    batch: r.batch,
    inChannels: r.groups * r.inPerGroup,
    outChannels: r.groups * r.outPerGroup,
    inputSize: r.inputSize,
    kernelSize: r.kernelSize,
    stride: r.stride,
    padding: r.padding,
    dilation: r.dilation,
    groups: r.groups,
    paddingMode: 'zeros',
    bias: true,
    seed: r.seed,
  }))
  .filter((c) => conv2dInfo(c).valid);

const convTranspose2dCases = fc
  .record({
    batch: fc.integer({ min: 1, max: 2 }),
    groups: fc.integer({ min: 1, max: 3 }),
    inPerGroup: fc.integer({ min: 1, max: 3 }),
    outPerGroup: fc.integer({ min: 1, max: 5 }),
    inputSize: dims(6),
    kernelSize: dims(4),
    stride: dims(3),
    dilation: dims(3),
    padding: fc.tuple(fc.nat(2), fc.nat(2)),
    outputPadding: fc.tuple(fc.nat(2), fc.nat(2)),
    seed: fc.integer(),
  })
  .map((r): ConvTranspose2dConfig & { seed: number } => ({
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
    bias: true,
    seed: r.seed,
  }))
  .filter((c) => convTranspose2dInfo(c).valid);

describe('conv2d training plan', () => {
  it('forward equals the reference conv2d, and backward the reference conv2dBackward (zero padding, any stride, dilation, groups)', () => {
    fc.assert(
      fc.property(conv2dCases, (c) => {
        const info = conv2dInfo(c);
        const rand = mulberry32(c.seed);
        const x = randomArray(size(info.inputShape), rand);
        const w = randomArray(size(info.weightShape), rand);
        const b = randomArray(c.outChannels, rand);
        const gy = randomArray(size(info.outputShape), rand);
        const plan = createConv2dTrainPlan(info);
        const y = new Float64Array(gy.length);
        plan.forward(x, w, b, y);
        const gx = new Float64Array(x.length);
        const gw = new Float64Array(w.length);
        const gb = new Float64Array(b.length);
        plan.backward(x, w, gy, gx, gw, gb);
        const options = { stride: c.stride, padding: c.padding, dilation: c.dilation, groups: c.groups };
        const t = (shape: readonly number[], d: Float64Array): Tensor => tensor(shape, d);
        const ref = conv2dBackward(
          t(info.inputShape, x),
          t(info.weightShape, w),
          t([c.outChannels], b),
          t(info.outputShape, gy),
          options,
        );
        const yRef = conv2d(t(info.inputShape, x), t(info.weightShape, w), t([c.outChannels], b), options);
        return (
          closeArrays(y, yRef.data) &&
          closeArrays(gx, ref.gradInput.data) &&
          closeArrays(gw, ref.gradWeight.data) &&
          closeArrays(gb, ref.gradBias!.data)
        );
      }),
      RUNS,
    );
  });

  it('sums the weight gradient over more positions than one pass holds (2×24×24 outputs, in chunks)', () => {
    const c: Conv2dConfig = {
      batch: 2,
      inChannels: 3,
      outChannels: 4,
      inputSize: [24, 24],
      kernelSize: [3, 3],
      stride: [1, 1],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 1,
      paddingMode: 'zeros',
      bias: true,
    };
    const info = conv2dInfo(c);
    const rand = mulberry32(11);
    const x = randomArray(size(info.inputShape), rand);
    const w = randomArray(size(info.weightShape), rand);
    const gy = randomArray(size(info.outputShape), rand);
    const gw = new Float64Array(w.length);
    createConv2dTrainPlan(info).backward(x, w, gy, null, gw, null);
    const ref = conv2dBackward(
      tensor(info.inputShape, x),
      tensor(info.weightShape, w),
      null,
      tensor(info.outputShape, gy),
      {
        stride: c.stride,
        padding: c.padding,
      },
    );
    expect(closeArrays(gw, ref.gradWeight.data)).toBe(true);
  });

  it('computes ∂L/∂x of the lesson’s second layer (64→32, 16×16 → 8×8) as conv_transpose2d 8×8 → 16×16 with stride 2, padding 1, output_padding 1', () => {
    const plan = createConv2dTrainPlan(
      conv2dInfo({
        batch: 1,
        inChannels: 64,
        outChannels: 32,
        inputSize: [16, 16],
        kernelSize: [3, 3],
        stride: [2, 2],
        padding: [1, 1],
        dilation: [1, 1],
        groups: 1,
        paddingMode: 'zeros',
        bias: true,
      }),
    );
    const g = plan.gradInputInfo as ReturnType<typeof convTranspose2dInfo>;
    expect(g.config).toMatchObject({
      inChannels: 32,
      outChannels: 64,
      inputSize: [8, 8],
      stride: [2, 2],
      padding: [1, 1],
      outputPadding: [1, 1],
    });
    expect(g.outputShape).toEqual([1, 64, 16, 16]);
  });

  it('skips the input gradient when asked (the first layer of a network)', () => {
    const info = conv2dInfo({
      batch: 1,
      inChannels: 2,
      outChannels: 3,
      inputSize: [6, 6],
      kernelSize: [3, 3],
      stride: [2, 2],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 1,
      paddingMode: 'zeros',
      bias: true,
    });
    const plan = createConv2dTrainPlan(info);
    const rand = mulberry32(5);
    const x = randomArray(72, rand);
    const w = randomArray(54, rand);
    const gy = randomArray(27, rand);
    const gwWith = new Float64Array(54);
    const gwWithout = new Float64Array(54);
    plan.backward(x, w, gy, new Float64Array(72), gwWith, null);
    plan.backward(x, w, gy, null, gwWithout, null);
    expect(Array.from(gwWithout)).toEqual(Array.from(gwWith));
  });

  it('refuses padding that differs per side or is not zeros', () => {
    const base: Conv2dConfig = {
      batch: 1,
      inChannels: 1,
      outChannels: 1,
      inputSize: [5, 5],
      kernelSize: [2, 2],
      stride: [1, 1],
      padding: 'same',
      dilation: [1, 1],
      groups: 1,
      paddingMode: 'zeros',
      bias: false,
    };
    expect(() => createConv2dTrainPlan(conv2dInfo(base))).toThrow(EngineError);
    expect(() => createConv2dTrainPlan(conv2dInfo({ ...base, padding: [1, 1], paddingMode: 'reflect' }))).toThrow(
      EngineError,
    );
  });
});

describe('conv_transpose2d training plan', () => {
  /**
   * L(x, w) = ⟨conv_transpose2d(x, w), g⟩ is linear in x and in w, so
   * ⟨x, ∂L/∂x⟩ = L = ⟨w, ∂L/∂w⟩ exactly; ∂L/∂x is computed from w and g
   * alone (∂L/∂w from x and g), so with random x (w) a wrong gradient misses.
   */
  it('gives gradients whose inner products with x and with w recover ⟨y, g⟩ (any stride, padding, output_padding, dilation, groups)', () => {
    fc.assert(
      fc.property(convTranspose2dCases, (c) => {
        const info = convTranspose2dInfo(c);
        const rand = mulberry32(c.seed);
        const x = randomArray(size(info.inputShape), rand);
        const w = randomArray(size(info.weightShape), rand);
        const b = randomArray(c.outChannels, rand);
        const gy = randomArray(size(info.outputShape), rand);
        const plan = createConvTranspose2dTrainPlan(info);
        const y = new Float64Array(gy.length);
        plan.forward(x, w, null, y);
        const yRef = convTranspose2d(tensor(info.inputShape, x), tensor(info.weightShape, w), null, {
          stride: c.stride,
          padding: c.padding,
          outputPadding: c.outputPadding,
          dilation: c.dilation,
          groups: c.groups,
        });
        const gx = new Float64Array(x.length);
        const gw = new Float64Array(w.length);
        const gb = new Float64Array(b.length);
        plan.backward(x, w, gy, gx, gw, gb);
        const L = dot(yRef.data, gy);
        const tol = 1e-9 * (1 + Math.abs(L) + gy.length);
        // ∂L/∂b[co] = Σ g over channel co.
        const [N, Co, OH, OW] = info.outputShape;
        let biasOk = true;
        for (let co = 0; co < Co; co++) {
          let s = 0;
          for (let n = 0; n < N; n++) for (let i = 0; i < OH * OW; i++) s += gy[(n * Co + co) * OH * OW + i]!;
          biasOk &&= Math.abs(s - gb[co]!) <= 1e-9 * (1 + Math.abs(s));
        }
        return (
          closeArrays(y, yRef.data) && Math.abs(dot(x, gx) - L) <= tol && Math.abs(dot(w, gw) - L) <= tol && biasOk
        );
      }),
      RUNS,
    );
  });
});
