/**
 * The receptive-field lesson's whole state in its link, one typed key each:
 *
 * | key      | value                                   | default                         |
 * | -------- | --------------------------------------- | ------------------------------- |
 * | `in`     | input `C x H x W` (`3x224x224`)         | the narrative step's stack      |
 * | `layers` | the layers (`stackCodec.ts`)            | the narrative step's stack      |
 * | `cell`   | the chosen cell `level.row.col`         | centre of the last level        |
 * | `cmp`    | preset drawn beside it in the chart     | the step's, `none` for none     |
 * | `ef`     | effective-field weights `ones`/`random` | `ones`                          |
 * | `seed`   | seed of the random weights and image    | 1                               |
 * | `story`  | narrative step                          | 0                               |
 *
 * Decoding never throws: each bad value falls back alone and is named.
 */
import type { LayerStack } from '../../../engine/layerStack';
import { STACK_PRESETS, type PresetId } from '../../../engine/rfPresets';
import { sharedSnapshot } from '../../useLessonUrl';
import {
  decodeShared,
  encodeShared,
  ignoredName,
  migrateQuery,
  parseIntIn,
  readQuery,
  SHARED_KEYS,
  writeQuery,
  type SharedLinkState,
} from '../../urlCodec';
import type { LessonLink } from '../contract';
import { sliceActions, sliceState } from '../kit/slice';
import { DEFAULT_SEED, RF_STORY, storyStep, type RfCell, type WeightMode } from './rfState';
import { decodeInput, decodeLayers, encodeInput, encodeLayers, sameStack } from './stackCodec';
import { rfSlice } from './slice';

export interface RfLinkState {
  readonly stack: LayerStack;
  readonly cell: RfCell | null;
  readonly compare: PresetId | null;
  readonly weights: WeightMode;
  readonly seed: number;
  readonly story: number;
  readonly shared: SharedLinkState;
}

export const RF_KEYS = ['in', 'layers', 'cell', 'cmp', 'ef', 'seed', 'story'] as const;

const PRESET_IDS: readonly string[] = STACK_PRESETS.map((p) => p.id);

function decodeCell(raw: string): RfCell | null {
  const parts = raw.split('.');
  if (parts.length !== 3) return null;
  const [level, row, col] = parts.map((p) => parseIntIn(p, 0, 4096)) as [number | null, number | null, number | null];
  if (level === null || row === null || col === null || level > 16) return null;
  return { level, row, col };
}

export function decodeRfLink(query: string): { state: RfLinkState; ignored: string[] } {
  const q = migrateQuery(readQuery(query));
  const ignored: string[] = [];
  const shared = decodeShared(q, ignored);
  const known = new Set<string>([...SHARED_KEYS, ...RF_KEYS]);
  for (const key of q.dropped) ignored.push(key.startsWith('*') ? key : ignoredName(key, known));
  for (const key of q.values.keys()) if (!known.has(key)) ignored.push(ignoredName(key, known));
  const get = (k: string) => q.values.get(k);

  let story = 0;
  const rawStory = get('story');
  if (rawStory !== undefined) {
    const v = parseIntIn(rawStory, 0, RF_STORY.length - 1);
    if (v === null) ignored.push('story');
    else story = v;
  }
  const step = storyStep(story);
  let input = step.stack.input;
  let layers = step.stack.layers;
  const rawIn = get('in');
  if (rawIn !== undefined) {
    const v = decodeInput(rawIn);
    if (v === null) ignored.push('in');
    else input = v;
  }
  const rawLayers = get('layers');
  if (rawLayers !== undefined) {
    const v = decodeLayers(rawLayers);
    if (v === null) ignored.push('layers');
    else layers = v;
  }
  let cell: RfCell | null = null;
  const rawCell = get('cell');
  if (rawCell !== undefined) {
    cell = decodeCell(rawCell);
    if (cell === null) ignored.push('cell');
  }
  let compare = step.compare;
  const rawCmp = get('cmp');
  if (rawCmp !== undefined) {
    if (rawCmp === 'none') compare = null;
    else if (PRESET_IDS.includes(rawCmp)) compare = rawCmp as PresetId;
    else ignored.push('cmp');
  }
  let weights: WeightMode = 'ones';
  const rawEf = get('ef');
  if (rawEf !== undefined) {
    if (rawEf === 'ones' || rawEf === 'random') weights = rawEf;
    else ignored.push('ef');
  }
  let seed = DEFAULT_SEED;
  const rawSeed = get('seed');
  if (rawSeed !== undefined) {
    const v = parseIntIn(rawSeed, 0, 999_999);
    if (v === null) ignored.push('seed');
    else seed = v;
  }
  return {
    state: { stack: { input, layers }, cell, compare, weights, seed, story, shared },
    ignored: [...new Set(ignored)],
  };
}

export function encodeRfLink(s: RfLinkState): string {
  const pairs: [string, string][] = encodeShared(s.shared);
  const step = storyStep(s.story);
  if (!sameStack(s.stack, step.stack)) {
    pairs.push(['in', encodeInput(s.stack.input)]);
    pairs.push(['layers', encodeLayers(s.stack.layers)]);
  }
  if (s.cell) pairs.push(['cell', `${s.cell.level}.${s.cell.row}.${s.cell.col}`]);
  if (s.compare !== step.compare) pairs.push(['cmp', s.compare ?? 'none']);
  if (s.weights !== 'ones') pairs.push(['ef', s.weights]);
  if (s.seed !== DEFAULT_SEED) pairs.push(['seed', String(s.seed)]);
  if (s.story !== 0) pairs.push(['story', String(s.story)]);
  return writeQuery(pairs);
}

export const rfLink: LessonLink<RfLinkState> = {
  keys: RF_KEYS,
  decode: decodeRfLink,
  encode: encodeRfLink,
  apply: (state, store) => {
    sliceActions(store, rfSlice).open(state);
    store.getState().setStep(0);
  },
  snapshot: (s) => {
    const st = sliceState(s, rfSlice);
    return {
      stack: st.present,
      cell: st.cell,
      compare: st.compare,
      weights: st.weights,
      seed: st.seed,
      story: st.story,
      shared: sharedSnapshot(s),
    };
  },
};
