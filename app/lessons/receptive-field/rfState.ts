/**
 * The receptive-field lesson's state: a stack of layers (with undo), the
 * chosen cell, the comparison preset of the growth chart, how the effective
 * field's weights are made, and the narrative step. Stacks are immutable:
 * every edit returns a new one.
 */
import type { Pair } from '../../../engine/convInfo';
import { STACK_LIMITS, type LayerStack, type StackLayer } from '../../../engine/layerStack';
import { stackPreset, type PresetId } from '../../../engine/rfPresets';
import type { History } from '../kit/history';

/** A cell of one level: 0 is the image, l the output of layer l. */
export interface RfCell {
  readonly level: number;
  readonly row: number;
  readonly col: number;
}

export type WeightMode = 'ones' | 'random';

export interface RfState extends History<LayerStack> {
  readonly story: number;
  /** The clicked cell; null means the centre of the last level. */
  readonly cell: RfCell | null;
  /** The preset the growth chart draws beside the stack, if any. */
  readonly compare: PresetId | null;
  readonly weights: WeightMode;
  /** Seed of the random weights and image. */
  readonly seed: number;
}

/** The kinds a student can add, in the editor's order. */
export const LAYER_KINDS: readonly StackLayer['kind'][] = ['conv', 'maxpool', 'avgpool', 'relu', 'batchnorm'];

/** Channels a layer added at `index` receives, read off the layers before it. */
export function channelsBefore(stack: LayerStack, index: number): number {
  let c = stack.input.channels;
  for (const l of stack.layers.slice(0, index)) if (l.kind === 'conv') c = l.outChannels;
  return c;
}

/** A new layer of `kind` that fits after the layers before `index`: 3×3 convolution keeping the size, 2×2 pooling. */
export function newLayer(kind: StackLayer['kind'], channels: number): StackLayer {
  switch (kind) {
    case 'conv':
      return {
        kind,
        inChannels: channels,
        outChannels: channels,
        kernel: [3, 3],
        stride: [1, 1],
        padding: [1, 1],
        dilation: [1, 1],
        bias: true,
      };
    case 'maxpool':
      return { kind, kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceilMode: false };
    case 'avgpool':
      return { kind, kernel: [2, 2], stride: [2, 2], padding: [0, 0], ceilMode: false, countIncludePad: true };
    case 'relu':
      return { kind };
    case 'batchnorm':
      return { kind, channels };
  }
}

export function withLayers(stack: LayerStack, layers: readonly StackLayer[]): LayerStack {
  return { ...stack, layers };
}

/** Adds a layer of `kind` at the end (nothing happens past `STACK_LIMITS.maxLayers`). */
export function addLayer(stack: LayerStack, kind: StackLayer['kind']): LayerStack {
  if (stack.layers.length >= STACK_LIMITS.maxLayers) return stack;
  return withLayers(stack, [...stack.layers, newLayer(kind, channelsBefore(stack, stack.layers.length))]);
}

export function removeLayer(stack: LayerStack, index: number): LayerStack {
  if (index < 0 || index >= stack.layers.length) return stack;
  return withLayers(
    stack,
    stack.layers.filter((_, i) => i !== index),
  );
}

/** Swaps layer `index` with its neighbour `index + by` (by = ±1). */
export function moveLayer(stack: LayerStack, index: number, by: -1 | 1): LayerStack {
  const j = index + by;
  const a = stack.layers[index];
  const b = stack.layers[j];
  if (!a || !b) return stack;
  const layers = [...stack.layers];
  layers[index] = b;
  layers[j] = a;
  return withLayers(stack, layers);
}

export function replaceLayer(stack: LayerStack, index: number, layer: StackLayer): LayerStack {
  if (index < 0 || index >= stack.layers.length) return stack;
  return withLayers(
    stack,
    stack.layers.map((l, i) => (i === index ? layer : l)),
  );
}

export function withInput(stack: LayerStack, channels: number, size: Pair): LayerStack {
  return { ...stack, input: { channels, size } };
}

/** A small stack of the narrative: the input and the layers, each a 3×3 convolution unless given. */
function small(size: number, layers: readonly StackLayer[]): LayerStack {
  return { input: { channels: 1, size: [size, size] }, layers };
}

function conv(k: number, s = 1, p = 0, d = 1): StackLayer {
  return {
    kind: 'conv',
    inChannels: 1,
    outChannels: 1,
    kernel: [k, k],
    stride: [s, s],
    padding: [p, p],
    dilation: [d, d],
    bias: true,
  };
}

function presetStack(id: PresetId): LayerStack {
  return stackPreset(id)?.stack ?? small(8, [conv(3)]);
}

export type CheckpointKind = 'fieldSize' | 'jump' | 'params';

export interface RfStoryStep {
  readonly stack: LayerStack;
  readonly compare: PresetId | null;
  readonly checkpoint: CheckpointKind | null;
}

/**
 * The narrative: each step sets a stack (and the chart's comparison) and may
 * ask for a prediction. The answers are never written here: they are read
 * off the engine's table of the step's stack.
 */
export const RF_STORY: readonly RfStoryStep[] = [
  { stack: small(9, [conv(3)]), compare: null, checkpoint: 'fieldSize' },
  { stack: small(11, [conv(3), conv(3)]), compare: null, checkpoint: 'fieldSize' },
  { stack: presetStack('three-3x3'), compare: 'one-7x7', checkpoint: 'params' },
  { stack: small(16, [conv(3), newLayer('maxpool', 1), conv(3)]), compare: null, checkpoint: 'fieldSize' },
  { stack: small(20, [conv(3, 2), conv(3, 2), conv(3)]), compare: null, checkpoint: 'jump' },
  { stack: presetStack('dilated-1-2-4-8'), compare: 'three-3x3', checkpoint: 'fieldSize' },
  { stack: presetStack('three-3x3'), compare: null, checkpoint: null },
  { stack: presetStack('vgg16-blocks-1-2'), compare: 'alexnet-stem', checkpoint: null },
];

export function storyStep(index: number): RfStoryStep {
  return RF_STORY[Math.max(0, Math.min(RF_STORY.length - 1, index))] as RfStoryStep;
}

export const DEFAULT_SEED = 1;

/** The state narrative step `index` opens with. */
export function storyState(index: number): RfState {
  const step = storyStep(index);
  return {
    present: step.stack,
    past: [],
    future: [],
    story: Math.max(0, Math.min(RF_STORY.length - 1, index)),
    cell: null,
    compare: step.compare,
    weights: 'ones',
    seed: DEFAULT_SEED,
  };
}

export const INITIAL_STATE: RfState = storyState(0);
