/**
 * `npm run bench [-- --json]`: the engine's fast paths (engine/fast.ts, float32
 * data) against @tensorflow/tfjs-core on its CPU backend, single thread, same
 * process, same random inputs.
 *
 *   W1  conv2d            1×3×256×256,  16 kernels 3×3, stride 1, padding 1
 *   W2  conv2d            1×16×128×128, 32 kernels 3×3, stride 2, padding 1
 *   W3  conv_transpose2d  1×32×64×64 → 16 channels, kernel 4, stride 2, padding 1
 *   W4  conv2d            1×1×7×7, one 3×3 kernel, stride 1, padding 1 (7×7 out), many calls
 *   T1, T2                training step and conv_transpose2d backward, also against
 *                         tfjs-backend-wasm (scripts/bench-training.ts)
 *
 * Photo filtering (engine/photoFilter.ts: the "kernels on photos" panel's
 * work per update, a 512×512 colour photo, plan made once, bands included):
 *
 *   P1  per channel (groups 3), 3×3, 'same' zero padding     vs tfjs depthwiseConv2d
 *   P2  per channel (groups 3), 5×5 dilation 3, 'same'       vs tfjs depthwiseConv2d (dilated)
 *   P3  summed over RGB (C_in 3 → 1), 3×3, 'same'            vs tfjs conv2d
 *
 * and, without a tfjs counterpart, the whole of a P1 update as the worker
 * does it: the filter, the legend's range and the RGBA bytes.
 *
 * Timing samples alternate, ours then tfjs (after warm-up), and each of our
 * samples runs as many calls as take about as long as one tfjs sample, so
 * both sides see the same machine; the table gives the median time per call.
 * A tfjs call is the op plus `dataSync()` (reading the result) and
 * `dispose()`; ours is `plan.run` into a preallocated output. W4 reports
 * milliseconds per call, with many calls per sample so the timer's
 * resolution does not matter.
 * Before timing, each workload checks that both agree
 * (|ours − tfjs| ≤ 1e-4 · max(1, |tfjs|)) and exits 1 if not.
 *
 * With `--json`, the last line is one JSON object:
 * {"W1":{"ms":…,"tfjs_cpu_ms":…,"speedup":…},"W2":…,"W3":…,"W4":…,"T1":{…,"tfjs_wasm_ms":…},"T2":…}.
 * `--only=W2,W4` runs a subset (for tuning one kernel).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { conv2dInfo, convTranspose2dInfo } from '../engine/convInfo';
import { createConv2dPlan, createConvTranspose2dPlan } from '../engine/fast';
import { mulberry32 } from '../engine/random';
import { printTrainingTable, runTrainingBench } from './bench-training';
import { createPhotoFilterPlan, photoWeight, type PhotoFilterSettings } from '../engine/photoFilter';
import { pixelLegend, toRgba } from '../engine/pixelMapping';

interface Workload {
  readonly id: string;
  readonly label: string;
  /** tfjs calls per timing sample (1, or many for the tiny W4). */
  readonly tfjsCalls: number;
  readonly warmup: number;
  readonly samples: number;
  /** Runs our plan once; leaves the result in `oursOut` (NCHW). */
  readonly ours: () => void;
  readonly oursOut: Float32Array;
  /** Runs tfjs once and returns its result (NHWC), already read back. */
  readonly tfjs: () => Float32Array;
  /** [N, C, H, W] of the output, to compare NCHW with NHWC. */
  readonly outShape: readonly [number, number, number, number];
  readonly dispose: () => void;
}

interface Result {
  readonly id: string;
  readonly label: string;
  readonly samples: number;
  /** Calls per sample: ours, tfjs. */
  readonly calls: number;
  readonly tfjsCalls: number;
  readonly ms: number;
  readonly tfjsMs: number;
  readonly maxRelErr: number;
}

const TOLERANCE = 1e-4;

function uniform(n: number, rand: () => number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rand() * 2 - 1;
  return a;
}

/** NCHW → NHWC. */
function toNhwc(x: Float32Array, [N, C, H, W]: readonly [number, number, number, number]): Float32Array {
  const out = new Float32Array(x.length);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) {
        for (let i = 0; i < W; i++) out[((n * H + y) * W + i) * C + c] = x[((n * C + c) * H + y) * W + i]!;
      }
    }
  }
  return out;
}

/**
 * PyTorch weight [A, B, kH, kW] → tfjs filter [kH, kW, B, A]. For conv2d that is
 * [C_out, C_in, …] → [kH, kW, C_in, C_out]; for conv_transpose2d, [C_in, C_out, …] →
 * [kH, kW, C_out, C_in]: both are the weight of the forward conv2d whose input
 * gradient they compute, so no flip is needed.
 */
function conv2dFilter(w: Float32Array, [CO, CI, KH, KW]: readonly [number, number, number, number]): Float32Array {
  const out = new Float32Array(w.length);
  for (let co = 0; co < CO; co++) {
    for (let ci = 0; ci < CI; ci++) {
      for (let ky = 0; ky < KH; ky++) {
        for (let kx = 0; kx < KW; kx++)
          out[((ky * KW + kx) * CI + ci) * CO + co] = w[((co * CI + ci) * KH + ky) * KW + kx]!;
      }
    }
  }
  return out;
}

/** max |ours − tfjs| / max(1, |tfjs|) over the output, ours NCHW and tfjs NHWC. */
function maxRelativeError(
  ours: Float32Array,
  theirs: Float32Array,
  [N, C, H, W]: readonly [number, number, number, number],
): number {
  if (ours.length !== theirs.length) return Infinity;
  let worst = 0;
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const a = ours[((n * C + c) * H + y) * W + x]!;
          const b = theirs[((n * H + y) * W + x) * C + c]!;
          const e = Math.abs(a - b) / Math.max(1, Math.abs(b));
          if (!(e <= worst)) worst = e; // NaN counts as the worst.
        }
      }
    }
  }
  return worst;
}

function conv2dWorkload(
  id: Workload['id'],
  label: string,
  [N, C, H, W]: readonly [number, number, number, number],
  outChannels: number,
  kernel: number,
  stride: number,
  padding: number,
  timing: { tfjsCalls: number; warmup: number; samples: number },
  seed: number,
): Workload {
  const rand = mulberry32(seed);
  const info = conv2dInfo({
    batch: N,
    inChannels: C,
    outChannels,
    inputSize: [H, W],
    kernelSize: [kernel, kernel],
    stride: [stride, stride],
    padding: [padding, padding],
    dilation: [1, 1],
    groups: 1,
    paddingMode: 'zeros',
    bias: false,
  });
  const plan = createConv2dPlan(info);
  const input = uniform(N * C * H * W, rand);
  const weight = uniform(outChannels * C * kernel * kernel, rand);
  const out = new Float32Array(info.outputShape.reduce((a, b) => a * b, 1));
  const x = tf.tensor4d(toNhwc(input, [N, C, H, W]), [N, H, W, C]);
  const filter = tf.tensor4d(conv2dFilter(weight, info.weightShape), [kernel, kernel, C, outChannels]);
  const pad: [[number, number], [number, number], [number, number], [number, number]] = [
    [0, 0],
    [padding, padding],
    [padding, padding],
    [0, 0],
  ];
  return {
    id,
    label,
    ...timing,
    ours: () => plan.run(input, weight, null, out),
    oursOut: out,
    tfjs: () => {
      const y = tf.conv2d(x, filter, stride, pad);
      const data = y.dataSync() as Float32Array;
      y.dispose();
      return data;
    },
    outShape: info.outputShape,
    dispose: () => {
      x.dispose();
      filter.dispose();
    },
  };
}

function convTranspose2dWorkload(seed: number): Workload {
  const rand = mulberry32(seed);
  const [N, C, H, W] = [1, 32, 64, 64] as const;
  const outChannels = 16;
  const kernel = 4;
  const stride = 2;
  const padding = 1;
  const info = convTranspose2dInfo({
    batch: N,
    inChannels: C,
    outChannels,
    inputSize: [H, W],
    kernelSize: [kernel, kernel],
    stride: [stride, stride],
    padding: [padding, padding],
    outputPadding: [0, 0],
    dilation: [1, 1],
    groups: 1,
    bias: false,
  });
  const plan = createConvTranspose2dPlan(info);
  const input = uniform(N * C * H * W, rand);
  const weight = uniform(C * outChannels * kernel * kernel, rand);
  const [, , OH, OW] = info.outputShape;
  const out = new Float32Array(N * outChannels * OH * OW);
  const x = tf.tensor4d(toNhwc(input, [N, C, H, W]), [N, H, W, C]);
  const filter = tf.tensor4d(conv2dFilter(weight, info.weightShape), [kernel, kernel, outChannels, C]);
  // PyTorch padding 1 crops one cell per side of the (64−1)·2 + 4 = 130 canvas,
  // leaving 128. tfjs's 'same' for a 128 → 64 forward conv with k = 4, s = 2
  // pads (64−1)·2 + 4 − 128 = 2 in total, 1 on top and 1 at the bottom: the
  // same crop. The agreement check below confirms it.
  return {
    id: 'W3',
    label: 'conv_transpose2d 1×32×64×64 → 16, k4 s2 p1',
    tfjsCalls: 1,
    warmup: 5,
    samples: 31,
    ours: () => plan.run(input, weight, null, out),
    oursOut: out,
    tfjs: () => {
      const y = tf.conv2dTranspose(x, filter, [N, OH, OW, outChannels], stride, 'same');
      const data = y.dataSync() as Float32Array;
      y.dispose();
      return data;
    },
    outShape: info.outputShape,
    dispose: () => {
      x.dispose();
      filter.dispose();
    },
  };
}

/** A 512×512 photo filtered with one k×k kernel, 'same' zero padding: ours against tfjs. */
function photoWorkload(
  id: string,
  label: string,
  colour: PhotoFilterSettings['colour'],
  kernel: number,
  dilation: number,
  seed: number,
): Workload {
  const rand = mulberry32(seed);
  const [H, W] = [512, 512];
  const plan = createPhotoFilterPlan({
    colour,
    stride: [1, 1],
    padding: 'same',
    paddingMode: 'zeros',
    dilation: [dilation, dilation],
    width: W,
    height: H,
    kernelSize: [kernel, kernel],
  });
  const image = new Float32Array(3 * H * W).map(() => rand());
  const k = { rows: kernel, cols: kernel, values: Array.from({ length: kernel * kernel }, () => rand() * 2 - 1) };
  const out = new Float32Array(plan.channels * H * W);
  const x = tf.tensor4d(toNhwc(image, [1, 3, H, W]), [1, H, W, 3]);
  const perChannel = colour === 'per-channel';
  // Per channel: a depthwise filter [kH, kW, 3, 1]; summed: a conv2d filter [kH, kW, 3, 1] too.
  const filter = tf.tensor4d(
    conv2dFilter(Float32Array.from(photoWeight(k)), perChannel ? [3, 1, kernel, kernel] : [1, 3, kernel, kernel]),
    [kernel, kernel, perChannel ? 1 : 3, perChannel ? 3 : 1],
  );
  const depthwiseFilter = perChannel ? tf.reshape(filter, [kernel, kernel, 3, 1]) : filter;
  return {
    id,
    label,
    tfjsCalls: 1,
    warmup: 5,
    samples: 31,
    ours: () => plan.run(image, k, out),
    oursOut: out,
    tfjs: () => {
      const y = perChannel
        ? tf.depthwiseConv2d(x, depthwiseFilter as tf.Tensor4D, 1, 'same', 'NHWC', dilation)
        : tf.conv2d(x, filter, 1, 'same', 'NHWC', dilation);
      const data = y.dataSync() as Float32Array;
      y.dispose();
      return data;
    },
    outShape: [1, plan.channels, H, W],
    dispose: () => {
      x.dispose();
      filter.dispose();
      depthwiseFilter.dispose();
    },
  };
}

/** Median ms of a whole P1 update: filter, legend, RGBA bytes (no tfjs counterpart). */
function photoUpdateMs(): number {
  const rand = mulberry32(11);
  const [H, W] = [512, 512];
  const settings = {
    colour: 'per-channel',
    stride: [1, 1],
    padding: 'same',
    paddingMode: 'zeros',
    dilation: [1, 1],
  } as const;
  const plan = createPhotoFilterPlan({ ...settings, width: W, height: H, kernelSize: [3, 3] });
  const image = new Float32Array(3 * H * W).map(() => rand());
  const k = { rows: 3, cols: 3, values: Array.from({ length: 9 }, () => rand() * 2 - 1) };
  const out = new Float32Array(3 * H * W);
  const update = (): void => {
    plan.run(image, k, out);
    toRgba(out, 3, W, H, pixelLegend(out, { kind: 'diverging' }));
  };
  for (let i = 0; i < 5; i++) update();
  return median(Array.from({ length: 31 }, () => timeCalls(update, 1)));
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds per call of `calls` back-to-back calls of f. */
function timeCalls(f: () => unknown, calls: number): number {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) f();
  return (performance.now() - t0) / calls;
}

function measure(w: Workload): Result {
  // Agreement first: both results of one call each.
  w.ours();
  const theirs = w.tfjs();
  const maxRelErr = maxRelativeError(w.oursOut, theirs, w.outShape);
  if (!(maxRelErr <= TOLERANCE)) {
    console.error(`${w.id}: ours and tfjs disagree (max relative error ${maxRelErr.toExponential(2)} > ${TOLERANCE})`);
    process.exit(1);
  }
  // Warm-up, which also sizes our samples: as many of our calls as take as
  // long as one tfjs sample, so both sides' samples span the same stretch of
  // wall time and see the same machine (this host's speed drifts).
  const oursWarm: number[] = [];
  const tfjsWarm: number[] = [];
  for (let i = 0; i < w.warmup; i++) {
    oursWarm.push(timeCalls(w.ours, w.tfjsCalls));
    tfjsWarm.push(timeCalls(w.tfjs, w.tfjsCalls));
  }
  // The last three warm-up samples, once the JIT has settled.
  const settled = (t: number[]): number => median(t.slice(-3));
  const calls = Math.max(1, Math.round((w.tfjsCalls * settled(tfjsWarm)) / settled(oursWarm)));
  const ours: number[] = [];
  const tfjs: number[] = [];
  for (let i = 0; i < w.samples; i++) {
    ours.push(timeCalls(w.ours, calls));
    tfjs.push(timeCalls(w.tfjs, w.tfjsCalls));
  }
  w.dispose();
  return {
    id: w.id,
    label: w.label,
    samples: w.samples,
    calls,
    tfjsCalls: w.tfjsCalls,
    ms: median(ours),
    tfjsMs: median(tfjs),
    maxRelErr,
  };
}

function formatMs(ms: number): string {
  return ms >= 1 ? ms.toFixed(2) : ms.toPrecision(3);
}

function printTable(results: readonly Result[]): void {
  const header = ['', 'workload', 'ours reps', 'ours ms', 'tfjs reps', 'tfjs-cpu ms', 'speed-up', 'max rel err'];
  const rows = results.map((r) => [
    r.id,
    r.label,
    `${r.samples}×${r.calls}`,
    formatMs(r.ms),
    `${r.samples}×${r.tfjsCalls}`,
    formatMs(r.tfjsMs),
    `${(r.tfjsMs / r.ms).toFixed(2)}×`,
    r.maxRelErr.toExponential(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(
    'median ms per call over the samples; reps = samples × calls per sample; ours and tfjs samples alternate',
  );
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  await tf.setBackend('cpu');
  await tf.ready();
  const workloads: (() => Workload)[] = [
    () =>
      conv2dWorkload(
        'W1',
        'conv2d 1×3×256×256, 16×3×3, s1 p1',
        [1, 3, 256, 256],
        16,
        3,
        1,
        1,
        { tfjsCalls: 1, warmup: 5, samples: 31 },
        1,
      ),
    () =>
      conv2dWorkload(
        'W2',
        'conv2d 1×16×128×128, 32×3×3, s2 p1',
        [1, 16, 128, 128],
        32,
        3,
        2,
        1,
        { tfjsCalls: 1, warmup: 5, samples: 31 },
        2,
      ),
    () => convTranspose2dWorkload(3),
    () =>
      conv2dWorkload(
        'W4',
        'conv2d 1×1×7×7, 1×3×3, s1 p1 (per call)',
        [1, 1, 7, 7],
        1,
        3,
        1,
        1,
        { tfjsCalls: 1000, warmup: 5, samples: 61 },
        4,
      ),
  ];
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const results: Result[] = [];
  for (const [i, make] of workloads.entries()) {
    if (!only || only.includes(`W${i + 1}`)) results.push(measure(make()));
  }
  const photoWorkloads: [string, () => Workload][] = [
    ['P1', () => photoWorkload('P1', 'photo 512×512×3, 3×3 per channel, same', 'per-channel', 3, 1, 5)],
    ['P2', () => photoWorkload('P2', 'photo 512×512×3, 5×5 d3 per channel, same', 'per-channel', 5, 3, 6)],
    ['P3', () => photoWorkload('P3', 'photo 512×512×3, 3×3 summed (C_in 3), same', 'summed', 3, 1, 7)],
  ];
  for (const [id, make] of photoWorkloads) if (!only || only.includes(id)) results.push(measure(make()));
  printTable(results);
  const training = await runTrainingBench(only);
  printTrainingTable(training);
  if (!only || only.includes('P1')) {
    console.log(`photo update (P1 filter + legend + RGBA bytes): ${formatMs(photoUpdateMs())} ms median`);
  }
  if (json) {
    const out: Record<string, { ms: number; tfjs_cpu_ms: number; speedup: number; tfjs_wasm_ms?: number | null }> = {};
    for (const r of results) {
      out[r.id] = { ms: round(r.ms), tfjs_cpu_ms: round(r.tfjsMs), speedup: Number((r.tfjsMs / r.ms).toFixed(3)) };
    }
    for (const r of training) {
      out[r.id] = {
        ms: round(r.ms),
        tfjs_cpu_ms: round(r.cpuMs),
        speedup: Number((r.cpuMs / r.ms).toFixed(3)),
        tfjs_wasm_ms: r.wasmMs === null ? null : round(r.wasmMs),
      };
    }
    console.log(JSON.stringify(out));
  }
}

/** Four significant digits: enough for a speed-up, short enough to read. */
function round(v: number): number {
  return Number(v.toPrecision(4));
}

await main();
