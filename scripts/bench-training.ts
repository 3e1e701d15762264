/**
 * Training workloads of `npm run bench` (engine/nn, float32 data) against
 * @tensorflow/tfjs-core on its CPU backend and, beside it, its WebAssembly
 * backend (SIMD, one thread, .wasm read from node_modules), same process,
 * same data:
 *
 *   T1  one training step of the lesson's autoencoder (LESSON_AUTOENCODER:
 *       Conv 3→64 → Conv 64→32 → ConvT 32→32 → ConvT 32→3, k3, s2, PyTorch's
 *       'same' padding) on a batch of 8 patches of 3×32×32: forward, MSE,
 *       backward, Adam
 *   T2  conv_transpose2d backward (grad_input and grad_weight) of W3's
 *       geometry: 1×32×64×64 → 16 channels, kernel 4, stride 2, padding 1
 *
 * tfjs's Node build of tfjs-core registers no gradients, so its side is the
 * backward pass written out with the kernels its autodiff would call
 * (Conv2D, Conv2DBackpropInput, Conv2DBackpropFilter, Relu/Sigmoid/Step, Sum)
 * and `tf.train.adam(...).applyGradients`. tfjs-backend-wasm has no
 * Conv2DBackpropFilter kernel; there the weight gradient is its
 * Conv3DBackpropFilterV2 on a volume of depth 1 (the same sum), on an
 * explicitly padded input. Each tfjs call ends by reading its result
 * (`dataSync`) and disposing its tensors.
 *
 * Timing goes in rounds after a warm-up round: a few calls of ours, then one
 * call on each tfjs backend; the table gives median milliseconds per call.
 * tfjs-cpu is slow here (its Conv2DBackpropFilter alone takes seconds), so
 * the rounds are few. Before timing, T1 checks that the three agree
 * on the loss over three steps from the same weights, and T2 on both
 * gradients (|a − b| ≤ 1e-4 · max(1, |b|), relative to the tensor's largest
 * value for gradients); a disagreement exits 1.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { convTranspose2dInfo } from '../engine/convInfo';
import {
  LESSON_AUTOENCODER,
  createAdamState,
  createConvTranspose2dTrainPlan,
  createTrainingPlan,
  initParameters,
  trainStep,
  zeroParameters,
  type ParameterSet,
} from '../engine/nn';
import { mulberry32 } from '../engine/random';

type Backend = 'cpu' | 'wasm';
type Pad4 = [[number, number], [number, number], [number, number], [number, number]];

export interface TrainingResult {
  readonly id: string;
  readonly label: string;
  /** Timed calls: ours, and each tfjs backend. */
  readonly samples: number;
  readonly tfjsSamples: number;
  readonly ms: number;
  readonly cpuMs: number;
  /** null when the WebAssembly backend could not run (see `wasmNote`). */
  readonly wasmMs: number | null;
  readonly maxRelErr: number;
}

interface TrainingWorkload {
  readonly id: string;
  readonly label: string;
  /** Rounds of warm-up, then timed rounds; a round times `oursPerRound` calls of ours, then one call of each tfjs backend. */
  readonly warmup: number;
  readonly rounds: number;
  readonly oursPerRound: number;
  /** One call. */
  readonly ours: () => void;
  readonly tfjs: Record<Backend, (() => void) | null>;
  /** Max relative disagreement between ours and each backend, computed before timing. */
  readonly agreement: () => Promise<number>;
}

const TOLERANCE = 1e-4;

/** Why the wasm column is empty, when it is. */
export let wasmNote: string | null = null;

/** Loads tfjs-backend-wasm from node_modules: SIMD, single thread (our engine uses one thread too). */
async function initWasm(): Promise<boolean> {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
    setWasmPaths(join(dir, '/'));
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new Error('tf.setBackend("wasm") returned false');
    await tf.ready();
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    if (!simd) wasmNote = 'tfjs-wasm ran without SIMD (this Node lacks WebAssembly SIMD)';
    return true;
  } catch (e) {
    wasmNote = `tfjs-wasm could not start in Node here: ${e instanceof Error ? e.message : String(e)}`;
    return false;
  }
}

/** NCHW → NHWC. */
function toNhwc(x: Float32Array, [N, C, H, W]: readonly number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let n = 0; n < N!; n++) {
    for (let c = 0; c < C!; c++) {
      for (let y = 0; y < H!; y++) {
        for (let i = 0; i < W!; i++) out[((n * H! + y) * W! + i) * C! + c] = x[((n * C! + c) * H! + y) * W! + i]!;
      }
    }
  }
  return out;
}

/** PyTorch weight [A, B, kH, kW] → tfjs filter [kH, kW, B, A] (conv2d's [.., C_in, C_out], conv2dTranspose's [.., C_out, C_in]). */
function toTfFilter(w: ArrayLike<number>, [A, B, KH, KW]: readonly number[]): Float32Array {
  const out = new Float32Array(w.length);
  for (let a = 0; a < A!; a++) {
    for (let b = 0; b < B!; b++) {
      for (let ky = 0; ky < KH!; ky++) {
        for (let kx = 0; kx < KW!; kx++)
          out[((ky * KW! + kx) * B! + b) * A! + a] = w[((a * B! + b) * KH! + ky) * KW! + kx]!;
      }
    }
  }
  return out;
}

/** max |a − b| / max(1e-12, max |b|). */
function relativeToScale(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let scale = 1e-12;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const e = Math.abs(a[i]! - b[i]!) / scale;
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

/**
 * ∂L/∂w of a 2-D convolution (x NHWC, dy NHWC, filter [kH, kW, C_in, C_out],
 * explicit padding) on either backend. cpu: its Conv2DBackpropFilter kernel.
 * wasm has no such kernel (and its Conv3DBackpropFilterV2 disagrees with
 * tfjs-cpu and with us once the stride is 2), so there it is written as
 * matrix products: for each tap (ky, kx), the strided slice of the padded x
 * that the tap reads, [N·oH·oW, C_in], transposed, times dy, [N·oH·oW, C_out],
 * all kH·kW taps in one batched matMul.
 */
function filterGradient(
  backend: Backend,
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
  stride: number,
  pad: Pad4,
): tf.Tensor4D {
  if (backend === 'cpu') {
    return tf
      .engine()
      .runKernel(
        'Conv2DBackpropFilter',
        { x, dy },
        { strides: [stride, stride], pad, dataFormat: 'NHWC', filterShape },
      ) as tf.Tensor4D;
  }
  const [KH, KW, C, CO] = filterShape;
  const padded = tf.pad(x, pad);
  const [N, OH, OW] = dy.shape;
  const P = N * OH * OW;
  const taps: tf.Tensor2D[] = [];
  for (let ky = 0; ky < KH; ky++) {
    for (let kx = 0; kx < KW; kx++) {
      const slice = tf.stridedSlice(
        padded,
        [0, ky, kx, 0],
        [N, ky + stride * (OH - 1) + 1, kx + stride * (OW - 1) + 1, C],
        [1, stride, stride, 1],
      );
      taps.push(tf.reshape(slice, [P, C]));
    }
  }
  const g = tf.matMul(tf.stack(taps) as tf.Tensor3D, tf.reshape(dy, [1, P, CO]) as tf.Tensor3D, true, false);
  return tf.reshape(g, filterShape);
}

/** The lesson's autoencoder in tfjs, on one backend, from the same initial weights as ours. */
function tfjsAutoencoder(
  backend: Backend,
  init: ParameterSet,
  batch: Float32Array,
  N: number,
): (capture?: Record<string, Float32Array>) => number {
  const x = tf.tensor4d(toNhwc(batch, [N, 3, 32, 32]), [N, 32, 32, 3]);
  const vars = init.params.map((p) =>
    tf.variable(
      p.shape.length === 4
        ? tf.tensor(toTfFilter(p.data, p.shape), [p.shape[2]!, p.shape[3]!, p.shape[1]!, p.shape[0]!])
        : tf.tensor(p.data),
      true,
      `${backend}_${p.name}`,
    ),
  );
  const v = (i: number): tf.Tensor4D => vars[i] as tf.Variable as unknown as tf.Tensor4D;
  // PyTorch's padding 1 (and output_padding 1 for the transposed layers),
  // as tfjs explicit padding: conv pads 1 on each side; a transposed layer is
  // the gradient of the conv 2i → i that pads 1 before and 0 after.
  const pad: Pad4 = [
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
  ];
  const tpad: Pad4 = [
    [0, 0],
    [1, 0],
    [1, 0],
    [0, 0],
  ];
  const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  return (capture) => {
    const grads: Record<string, tf.Tensor> = {};
    const loss = tf.tidy(() => {
      const z1 = tf.add<tf.Tensor4D>(tf.conv2d(x, v(0), 2, pad), vars[1]!);
      const a1 = tf.relu(z1);
      const z2 = tf.add<tf.Tensor4D>(tf.conv2d(a1, v(2), 2, pad), vars[3]!);
      const a2 = tf.relu(z2);
      const z3 = tf.add<tf.Tensor4D>(tf.conv2dTranspose(a2, v(4), [N, 16, 16, 32], 2, tpad), vars[5]!);
      const a3 = tf.relu(z3);
      const z4 = tf.add<tf.Tensor4D>(tf.conv2dTranspose(a3, v(6), [N, 32, 32, 3], 2, tpad), vars[7]!);
      const a4 = tf.sigmoid(z4);
      const diff = tf.sub(a4, x);
      const loss = tf.mean(tf.square(diff));
      // ∂L/∂z4 = 2(a4 − x)/n · a4(1 − a4)
      const g4 = tf.mul(tf.mul(diff, 2 / diff.size), tf.mul(a4, tf.sub(1, a4))) as tf.Tensor4D;
      grads[`${backend}_3.weight`] = tf.keep(filterGradient(backend, g4, a3, [3, 3, 3, 32], 2, tpad));
      grads[`${backend}_3.bias`] = tf.keep(tf.sum(g4, [0, 1, 2]));
      const g3 = tf.mul(tf.conv2d(g4, v(6), 2, tpad), tf.step(a3)) as tf.Tensor4D;
      grads[`${backend}_2.weight`] = tf.keep(filterGradient(backend, g3, a2, [3, 3, 32, 32], 2, tpad));
      grads[`${backend}_2.bias`] = tf.keep(tf.sum(g3, [0, 1, 2]));
      const g2 = tf.mul(tf.conv2d(g3, v(4), 2, tpad), tf.step(a2)) as tf.Tensor4D;
      grads[`${backend}_1.weight`] = tf.keep(filterGradient(backend, a1, g2, [3, 3, 64, 32], 2, pad));
      grads[`${backend}_1.bias`] = tf.keep(tf.sum(g2, [0, 1, 2]));
      const g1 = tf.mul(tf.conv2dTranspose(g2, v(2), [N, 16, 16, 64], 2, pad), tf.step(a1)) as tf.Tensor4D;
      grads[`${backend}_0.weight`] = tf.keep(filterGradient(backend, x, g1, [3, 3, 3, 64], 2, pad));
      grads[`${backend}_0.bias`] = tf.keep(tf.sum(g1, [0, 1, 2]));
      return loss;
    });
    opt.applyGradients(grads as unknown as Parameters<typeof opt.applyGradients>[0]);
    const value = loss.dataSync()[0]!;
    loss.dispose();
    for (const [name, g] of Object.entries(grads)) {
      if (capture) capture[name.slice(backend.length + 1)] = g.dataSync() as Float32Array;
      g.dispose();
    }
    return value;
  };
}

async function trainingStepWorkload(backends: readonly Backend[]): Promise<TrainingWorkload> {
  const N = 8;
  const rand = mulberry32(18);
  const spec = LESSON_AUTOENCODER;
  const plan = createTrainingPlan(spec, N, [32, 32]);
  const init = initParameters(spec, 'pytorch-default', rand);
  const batch = new Float32Array(plan.inputSize);
  for (let i = 0; i < batch.length; i++) batch[i] = rand();
  const params = initParameters(spec, 'pytorch-default', mulberry32(18));
  params.params.forEach((p, i) => p.data.set(init.params[i]!.data));
  const grads = zeroParameters(spec);
  const adam = createAdamState(params);
  const ours = (): number => trainStep(plan, params, grads, adam, batch);
  const tfjs: Record<Backend, ((capture?: Record<string, Float32Array>) => number) | null> = {
    cpu: null,
    wasm: null,
  };
  for (const b of backends) {
    await tf.setBackend(b);
    tfjs[b] = tfjsAutoencoder(b, init, batch, N);
  }
  return {
    id: 'T1',
    label: 'training step, lesson autoencoder, 8×3×32×32',
    warmup: 1,
    rounds: 5,
    oursPerRound: 5,
    ours,
    tfjs,
    agreement: async () => {
      // Step 1: the loss and every gradient; steps 2 and 3: the losses (after Adam).
      const mine = [ours()];
      const mineGrads = grads.params.map((p) =>
        p.shape.length === 4 ? toTfFilter(p.data, p.shape) : Float32Array.from(p.data),
      );
      mine.push(ours(), ours());
      let worst = 0;
      for (const b of backends) {
        await tf.setBackend(b);
        const theirGrads: Record<string, Float32Array> = {};
        const theirs = [tfjs[b]!(theirGrads), tfjs[b]!(), tfjs[b]!()];
        worst = Math.max(worst, relativeToScale(mine, theirs));
        grads.params.forEach((p, i) => {
          worst = Math.max(worst, relativeToScale(mineGrads[i]!, theirGrads[p.name]!));
        });
      }
      return worst;
    },
  };
}

/** T2: grad_input and grad_weight of conv_transpose2d 1×32×64×64 → 16, k4, s2, p1. */
function convTransposeBackwardWorkload(backends: readonly Backend[]): Promise<TrainingWorkload> {
  const rand = mulberry32(3);
  const [N, C, H, W] = [1, 32, 64, 64];
  const Co = 16;
  const info = convTranspose2dInfo({
    batch: N,
    inChannels: C,
    outChannels: Co,
    inputSize: [H, W],
    kernelSize: [4, 4],
    stride: [2, 2],
    padding: [1, 1],
    outputPadding: [0, 0],
    dilation: [1, 1],
    groups: 1,
    bias: false,
  });
  const plan = createConvTranspose2dTrainPlan(info);
  const [, , OH, OW] = info.outputShape;
  const uniform = (n: number): Float32Array => Float32Array.from({ length: n }, () => rand() * 2 - 1);
  const x = uniform(N * C * H * W);
  const w = uniform(C * Co * 16);
  const gy = uniform(N * Co * OH * OW);
  const gx = new Float32Array(x.length);
  const gw = new Float32Array(w.length);
  const ours = (): void => plan.backward(x, w, gy, gx, gw, null);
  const results: Record<Backend, { gx: Float32Array; gw: Float32Array } | null> = { cpu: null, wasm: null };
  const tfjs: Record<Backend, (() => void) | null> = { cpu: null, wasm: null };
  const setup = async (): Promise<void> => {
    for (const b of backends) {
      await tf.setBackend(b);
      const xt = tf.tensor4d(toNhwc(x, [N, C, H, W]), [N, H, W, C]);
      const ft = tf.tensor4d(toTfFilter(w, [C, Co, 4, 4]), [4, 4, Co, C]);
      const gyt = tf.tensor4d(toNhwc(gy, [N, Co, OH, OW]), [N, OH, OW, Co]);
      tfjs[b] = () => {
        // y = conv2dTranspose(x, f) is the input gradient of the conv y → x
        // (tfjs 'same' for 128 → 64 with k4, s2 pads 1 and 1: PyTorch's crop).
        const dx = tf.conv2d(gyt, ft, 2, 'same');
        const df = filterGradient(b, gyt, xt, [4, 4, Co, C], 2, [
          [0, 0],
          [1, 1],
          [1, 1],
          [0, 0],
        ]);
        results[b] = { gx: dx.dataSync() as Float32Array, gw: df.dataSync() as Float32Array };
        dx.dispose();
        df.dispose();
      };
    }
  };
  return setup().then(() => ({
    id: 'T2',
    label: 'conv_transpose2d backward 1×32×64×64 → 16, k4 s2 p1',
    warmup: 1,
    rounds: 3,
    oursPerRound: 5,
    ours,
    tfjs,
    agreement: async () => {
      ours();
      const oursGx = toNhwc(gx, [N, C, H, W]);
      const oursGw = toTfFilter(gw, [C, Co, 4, 4]);
      let worst = 0;
      for (const b of backends) {
        await tf.setBackend(b);
        tfjs[b]!();
        const r = results[b]!;
        worst = Math.max(worst, relativeToScale(oursGx, r.gx), relativeToScale(oursGw, r.gw));
      }
      return worst;
    },
  }));
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeOnce(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

async function measure(w: TrainingWorkload, backends: readonly Backend[]): Promise<TrainingResult> {
  const maxRelErr = await w.agreement();
  if (!(maxRelErr <= TOLERANCE)) {
    console.error(`${w.id}: ours and tfjs disagree (max relative error ${maxRelErr.toExponential(2)} > ${TOLERANCE})`);
    process.exit(1);
  }
  const times: Record<'ours' | Backend, number[]> = { ours: [], cpu: [], wasm: [] };
  for (let i = 0; i < w.warmup + w.rounds; i++) {
    for (let j = 0; j < w.oursPerRound; j++) {
      const ours = timeOnce(w.ours);
      if (i >= w.warmup) times.ours.push(ours);
    }
    for (const b of backends) {
      await tf.setBackend(b);
      const t = timeOnce(w.tfjs[b]!);
      if (i >= w.warmup) times[b].push(t);
    }
  }
  return {
    id: w.id,
    label: w.label,
    samples: w.rounds * w.oursPerRound,
    tfjsSamples: w.rounds,
    ms: median(times.ours),
    cpuMs: median(times.cpu),
    wasmMs: backends.includes('wasm') ? median(times.wasm) : null,
    maxRelErr,
  };
}

/** Runs T1 and T2 (or those named in `only`); tfjs's backend is left on 'cpu'. */
export async function runTrainingBench(only: readonly string[] | undefined): Promise<TrainingResult[]> {
  const wanted = (id: string): boolean => !only || only.includes(id);
  if (!wanted('T1') && !wanted('T2')) return [];
  const backends: Backend[] = ['cpu'];
  if (await initWasm()) backends.push('wasm');
  const results: TrainingResult[] = [];
  if (wanted('T1')) results.push(await measure(await trainingStepWorkload(backends), backends));
  if (wanted('T2')) results.push(await measure(await convTransposeBackwardWorkload(backends), backends));
  await tf.setBackend('cpu');
  return results;
}

function formatMs(ms: number): string {
  return ms >= 1 ? ms.toFixed(2) : ms.toPrecision(3);
}

export function printTrainingTable(results: readonly TrainingResult[]): void {
  if (results.length === 0) return;
  const header = [
    '',
    'workload',
    'samples',
    'ours ms',
    'tfjs-cpu ms',
    'vs cpu',
    'tfjs-wasm ms',
    'vs wasm',
    'max rel err',
  ];
  const rows = results.map((r) => [
    r.id,
    r.label,
    `${r.samples}/${r.tfjsSamples}`,
    formatMs(r.ms),
    formatMs(r.cpuMs),
    `${(r.cpuMs / r.ms).toFixed(2)}×`,
    r.wasmMs === null ? 'n/a' : formatMs(r.wasmMs),
    r.wasmMs === null ? 'n/a' : `${(r.wasmMs / r.ms).toFixed(2)}×`,
    r.maxRelErr.toExponential(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(
    'median ms per call; samples = timed calls of ours / of each tfjs backend, in alternating rounds; vs = tfjs ms / ours ms',
  );
  if (wasmNote) console.log(`note: ${wasmNote}`);
}
