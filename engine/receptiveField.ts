import { problem, type EngineProblem } from './errors';

export type LayerType = 'conv' | 'pool';

/** One layer of a stack; the same kernel/stride/padding/dilation on both axes. */
export interface RfLayer {
  readonly type: LayerType;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
}

/** One layer's row of the receptive-field table, for one axis. */
export interface RfLayerAxis {
  readonly inSize: number;
  /** ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 */
  readonly outSize: number;
  readonly effectiveKernel: number;
  /** jₗ = jₗ₋₁ · sₗ: distance in input pixels between neighbouring outputs (j₀ = 1). */
  readonly jump: number;
  /** rₗ = rₗ₋₁ + (d(k−1)+1 − 1) · jₗ₋₁ (r₀ = 1): receptive-field size, unclipped. */
  readonly size: number;
  /** startₗ = startₗ₋₁ − pₗ · jₗ₋₁ (start₀ = 0): first input pixel of output 0, unclipped. */
  readonly start: number;
}

export interface RfLayerInfo {
  readonly index: number;
  readonly layer: RfLayer;
  readonly h: RfLayerAxis;
  readonly w: RfLayerAxis;
}

/**
 * Receptive-field arithmetic of a stack, after Araujo, Norris & Sim,
 * "Computing Receptive Fields of Convolutional Neural Networks" (Distill 2019),
 * equations for r₀, u₀ written as per-layer recurrences.
 */
export interface RfStack {
  readonly inputSize: readonly [number, number];
  readonly layers: readonly RfLayerInfo[];
  readonly problems: readonly EngineProblem[];
  readonly valid: boolean;
}

function axisRow(prev: { size: number; jump: number; start: number }, layer: RfLayer, inSize: number): RfLayerAxis {
  const effectiveKernel = layer.dilation * (layer.kernel - 1) + 1;
  const outSize = Math.floor((inSize + 2 * layer.padding - effectiveKernel) / layer.stride) + 1;
  return {
    inSize,
    outSize,
    effectiveKernel,
    jump: prev.jump * layer.stride,
    size: prev.size + (effectiveKernel - 1) * prev.jump,
    start: prev.start - layer.padding * prev.jump,
  };
}

export function receptiveFieldStack(inputSize: readonly [number, number], layers: readonly RfLayer[]): RfStack {
  const problems: EngineProblem[] = [];
  const out: RfLayerInfo[] = [];
  let ph = { size: 1, jump: 1, start: 0 };
  let pw = { size: 1, jump: 1, start: 0 };
  let sizeH = inputSize[0];
  let sizeW = inputSize[1];
  layers.forEach((layer, index) => {
    if (!(Number.isInteger(layer.kernel) && layer.kernel >= 1)) {
      problems.push(problem('non-positive-size', { name: 'kernelSize', layer: index, value: layer.kernel }));
    }
    if (!(Number.isInteger(layer.stride) && layer.stride >= 1)) {
      problems.push(problem('invalid-stride', { layer: index, stride: layer.stride }));
    }
    if (!(Number.isInteger(layer.dilation) && layer.dilation >= 1)) {
      problems.push(problem('invalid-dilation', { layer: index, dilation: layer.dilation }));
    }
    if (!(Number.isInteger(layer.padding) && layer.padding >= 0)) {
      problems.push(problem('negative-padding', { layer: index, padding: layer.padding }));
    }
    const h = axisRow(ph, layer, sizeH);
    const w = axisRow(pw, layer, sizeW);
    if (problems.length === 0 && (h.outSize < 1 || w.outSize < 1)) {
      problems.push(
        problem('kernel-larger-than-padded-input', {
          layer: index,
          paddedH: sizeH + 2 * layer.padding,
          paddedW: sizeW + 2 * layer.padding,
          kernelH: h.effectiveKernel,
          kernelW: w.effectiveKernel,
        }),
      );
    }
    out.push({ index, layer, h, w });
    ph = h;
    pw = w;
    sizeH = Math.max(0, h.outSize);
    sizeW = Math.max(0, w.outSize);
  });
  return { inputSize, layers: out, problems, valid: problems.length === 0 };
}

/** Inclusive [first, last] index range, or null when empty. */
export type Extent = readonly [number, number] | null;

/** The influencing region at one level of the stack (level 0 is the input). */
export interface RfRegion {
  readonly level: number;
  readonly rows: Extent;
  readonly cols: Extent;
  /** Exactly which rows/columns influence it (dilation can skip some). */
  readonly rowSet: readonly number[];
  readonly colSet: readonly number[];
}

function propagate(positions: readonly number[], layer: RfLayer, inSize: number): number[] {
  const hit = new Uint8Array(Math.max(0, inSize));
  for (const x of positions) {
    for (let t = 0; t < layer.kernel; t++) {
      const q = x * layer.stride - layer.padding + t * layer.dilation;
      if (q >= 0 && q < inSize) hit[q] = 1;
    }
  }
  const result: number[] = [];
  hit.forEach((v, i) => {
    if (v) result.push(i);
  });
  return result;
}

function extent(set: readonly number[]): Extent {
  const first = set[0];
  const last = set[set.length - 1];
  return first === undefined || last === undefined ? null : [first, last];
}

/**
 * For output cell (oy, ox) of layer `layerIndex` (0-based), the cells of every
 * earlier level that influence it, clipped to each feature map: padding
 * cells carry no input, so they are left out. Returns levels layerIndex…0
 * from that layer's input down to the image, image last.
 */
export function receptiveRegion(stack: RfStack, layerIndex: number, oy: number, ox: number): RfRegion[] {
  const regions: RfRegion[] = [];
  let rows = [oy];
  let cols = [ox];
  for (let l = layerIndex; l >= 0; l--) {
    const info = stack.layers[l];
    if (!info) break;
    rows = propagate(rows, info.layer, info.h.inSize);
    cols = propagate(cols, info.layer, info.w.inSize);
    regions.push({ level: l, rows: extent(rows), cols: extent(cols), rowSet: rows, colSet: cols });
  }
  return regions;
}

/** The input region (level 0) of one output cell of the last layer. */
export function inputRegion(stack: RfStack, oy: number, ox: number): { rows: Extent; cols: Extent } {
  const regions = receptiveRegion(stack, stack.layers.length - 1, oy, ox);
  const last = regions[regions.length - 1];
  return last ? { rows: last.rows, cols: last.cols } : { rows: [oy, oy], cols: [ox, ox] };
}
