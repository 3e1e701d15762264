/**
 * `npx tsx scripts/bench-rf.ts`: how long the receptive-field lesson's engine
 * calls take on the largest stacks the lesson allows (inputs up to 512×512,
 * 16 layers). Prints the median of several runs per workload, in milliseconds.
 *
 *   table    stackInfo of a 16-layer stack on 512×512 (sizes, jumps, fields, refusals)
 *   region   cellRegion of the centre cell of its last layer, every level
 *   feeds    feedsWindow of one image pixel
 *   erf      effectiveField of a centre cell: presets with random weights, and the
 *            16-layer stack with all-ones weights
 */
import { mulberry32 } from '../engine/random';
import {
  STACK_PRESETS,
  cellRegion,
  effectiveField,
  feedsWindow,
  levelSize,
  stackInfo,
  stackWeights,
  type LayerStack,
  type StackInfo,
  type StackLayer,
} from '../engine';

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(runs: number, f: () => unknown): number {
  f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** 16 layers on 512×512×8: 3×3 convolutions with ReLU, two strided, one max pool, dilation 2 near the end. */
const deep: LayerStack = {
  input: { channels: 8, size: [512, 512] },
  layers: Array.from({ length: 16 }, (_, i): StackLayer => {
    if (i === 7)
      return { kind: 'maxpool', kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false };
    if (i % 2 === 1) return { kind: 'relu' };
    const d = i >= 12 ? 2 : 1;
    return {
      kind: 'conv',
      inChannels: 8,
      outChannels: 8,
      kernel: [3, 3],
      stride: i === 2 || i === 10 ? [2, 2] : [1, 1],
      padding: [d, d],
      dilation: [d, d],
      bias: true,
    };
  }),
};

function centre(info: StackInfo): [number, number, number] {
  const level = info.rows.length;
  const [h, w] = levelSize(info, level);
  return [level, h >> 1, w >> 1];
}

const rows: [string, number, string][] = [];
const info = stackInfo(deep);
if (!info.valid) throw new Error('the 16-layer stack should be accepted');
const [level, row, col] = centre(info);
rows.push(['table: stackInfo, 16 layers, 512×512', time(50, () => stackInfo(deep)), '']);
rows.push(['region: cellRegion, last layer centre', time(50, () => cellRegion(info, level, row, col)), '']);
rows.push(['feeds: feedsWindow, image pixel', time(50, () => feedsWindow(info, 0, 256, 256)), '']);

const noise = mulberry32(1);
const image = Float64Array.from({ length: 3 * 512 * 512 }, () => noise() * 2 - 1);
const pixel = (c: number, y: number, x: number) => image[(c * 512 + y) * 512 + x] ?? 0;

for (const preset of STACK_PRESETS) {
  const pi = stackInfo(preset.stack);
  const [l, r, c] = centre(pi);
  const weights = stackWeights(preset.stack.layers, 'random', mulberry32(2));
  const field = effectiveField(pi, { level: l, row: r, col: c, channel: 0 }, weights, pixel);
  const ms = time(5, () => effectiveField(pi, { level: l, row: r, col: c, channel: 0 }, weights, pixel));
  rows.push([`erf: ${preset.id}, random weights`, ms, `${field.rows}×${field.cols} px, ${field.cost} multiply-adds`]);
}
{
  const weights = stackWeights(deep.layers, 'ones', () => 0);
  const field = effectiveField(info, { level, row, col, channel: 0 }, weights, () => 1);
  const ms = time(5, () => effectiveField(info, { level, row, col, channel: 0 }, weights, () => 1));
  rows.push([
    'erf: 16 layers on 512×512×8, all ones',
    ms,
    `${field.rows}×${field.cols} px, ${field.cost} multiply-adds`,
  ]);
}

const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, ms, note] of rows) console.log(`${name.padEnd(width)}  ${ms.toFixed(3).padStart(9)} ms  ${note}`);
