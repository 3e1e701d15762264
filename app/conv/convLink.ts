/**
 * The convolution lesson's URL codec: a typed table of keys. A link holds the
 * settings, the matrices (only when they differ from what the seed makes), the
 * playback step and the narrative step.
 */
import { PADDING_MODES, type PaddingMode } from '../../engine';
import {
  decodeShared,
  encodeShared,
  formatNumberList,
  formatPair,
  parseIntIn,
  parseNumberList,
  parsePairIn,
  readQuery,
  SHARED_KEYS,
  writeQuery,
  type SharedLinkState,
} from '../urlCodec';
import {
  DEFAULT_FIGURE,
  DEFAULT_PARAMS,
  LIMITS,
  seededValues,
  VALUE_LIMIT,
  type ConvFigureState,
  type ConvParams,
  type PadKind,
} from './convState';

export interface ConvLinkState {
  readonly figure: ConvFigureState;
  /** Playback step: which output cell is being computed; null for the last. */
  readonly step: number | null;
  /** Narrative step. */
  readonly story: number;
  readonly shared: SharedLinkState;
}

export interface Decoded<T> {
  readonly state: T;
  /** Keys whose values were ignored (fallen back to defaults). */
  readonly ignored: readonly string[];
}

export const MAX_STEP = 16 * 16 * 4 * 2;
export const MAX_STORY = 64;

const CONV_KEYS = [
  'n',
  'ci',
  'co',
  'h',
  'w',
  'k',
  's',
  'p',
  'pm',
  'd',
  'g',
  'b',
  'seed',
  'x',
  'wt',
  'bv',
  'step',
  'story',
] as const;

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function decodeConvLink(query: string): Decoded<ConvLinkState> {
  const q = readQuery(query);
  const ignored: string[] = [...q.dropped];
  const shared = decodeShared(q, ignored);
  const known = new Set<string>([...SHARED_KEYS, ...CONV_KEYS]);
  for (const key of q.values.keys()) if (!known.has(key)) ignored.push(key);

  let p: ConvParams = DEFAULT_PARAMS;
  const num = (key: string, field: keyof typeof LIMITS) => {
    const raw = q.values.get(key);
    if (raw === undefined) return;
    const [min, max] = LIMITS[field];
    const v = parseIntIn(raw, min, max);
    if (v === null) ignored.push(key);
    else p = { ...p, [field]: v };
  };
  const pair = (key: string, h: keyof typeof LIMITS, w: keyof typeof LIMITS) => {
    const raw = q.values.get(key);
    if (raw === undefined) return;
    const v = parsePairIn(raw, Math.max(LIMITS[h][0], LIMITS[w][0]), Math.min(LIMITS[h][1], LIMITS[w][1]));
    if (v === null) ignored.push(key);
    else p = { ...p, [h]: v[0], [w]: v[1] };
  };
  num('n', 'batch');
  num('ci', 'inChannels');
  num('co', 'outChannels');
  num('h', 'inH');
  num('w', 'inW');
  pair('k', 'kH', 'kW');
  pair('s', 'strideH', 'strideW');
  pair('d', 'dilH', 'dilW');
  num('g', 'groups');
  const rawP = q.values.get('p');
  if (rawP === 'same' || rawP === 'valid') p = { ...p, padKind: rawP as PadKind };
  else if (rawP !== undefined) {
    const v = parsePairIn(rawP, LIMITS.padH[0], LIMITS.padH[1]);
    if (v === null) ignored.push('p');
    else p = { ...p, padKind: 'explicit', padH: v[0], padW: v[1] };
  }
  const pm = q.values.get('pm');
  if (pm !== undefined) {
    if ((PADDING_MODES as readonly string[]).includes(pm)) p = { ...p, paddingMode: pm as PaddingMode };
    else ignored.push('pm');
  }
  const b = q.values.get('b');
  if (b !== undefined) {
    if (b === '0' || b === '1') p = { ...p, bias: b === '1' };
    else ignored.push('b');
  }
  let seed = DEFAULT_FIGURE.seed;
  const rawSeed = q.values.get('seed');
  if (rawSeed !== undefined) {
    const s = parseIntIn(rawSeed, 0, 999_999);
    if (s === null) ignored.push('seed');
    else seed = s;
  }
  const fresh = seededValues(p, seed);
  const list = (key: string, fallback: readonly number[]): readonly number[] => {
    const raw = q.values.get(key);
    if (raw === undefined) return fallback;
    const v = parseNumberList(raw, fallback.length, VALUE_LIMIT);
    if (v === null) {
      ignored.push(key);
      return fallback;
    }
    return v;
  };
  const figure: ConvFigureState = {
    params: p,
    seed,
    input: list('x', fresh.input),
    weight: list('wt', fresh.weight),
    biasValues: list('bv', fresh.biasValues),
  };
  const intKey = (key: string, max: number): number => {
    const raw = q.values.get(key);
    if (raw === undefined) return 0;
    const v = parseIntIn(raw, 0, max);
    if (v === null) {
      ignored.push(key);
      return 0;
    }
    return v;
  };
  const step = q.values.has('step') ? intKey('step', MAX_STEP) : null;
  const story = intKey('story', MAX_STORY);
  return { state: { figure, step, story, shared }, ignored: [...new Set(ignored)] };
}

export function encodeConvLink(s: ConvLinkState): string {
  const p = s.figure.params;
  const d = DEFAULT_PARAMS;
  const pairs: [string, string][] = encodeShared(s.shared);
  const add = (key: string, value: string, dflt: string) => {
    if (value !== dflt) pairs.push([key, value]);
  };
  add('n', String(p.batch), String(d.batch));
  add('ci', String(p.inChannels), String(d.inChannels));
  add('co', String(p.outChannels), String(d.outChannels));
  add('h', String(p.inH), String(d.inH));
  add('w', String(p.inW), String(d.inW));
  add('k', formatPair(p.kH, p.kW), formatPair(d.kH, d.kW));
  add('s', formatPair(p.strideH, p.strideW), formatPair(d.strideH, d.strideW));
  add('p', p.padKind === 'explicit' ? formatPair(p.padH, p.padW) : p.padKind, formatPair(d.padH, d.padW));
  add('pm', p.paddingMode, d.paddingMode);
  add('d', formatPair(p.dilH, p.dilW), formatPair(d.dilH, d.dilW));
  add('g', String(p.groups), String(d.groups));
  add('b', p.bias ? '1' : '0', d.bias ? '1' : '0');
  add('seed', String(s.figure.seed), String(DEFAULT_FIGURE.seed));
  const fresh = seededValues(p, s.figure.seed);
  if (!sameList(s.figure.input, fresh.input)) pairs.push(['x', formatNumberList(s.figure.input)]);
  if (!sameList(s.figure.weight, fresh.weight)) pairs.push(['wt', formatNumberList(s.figure.weight)]);
  if (!sameList(s.figure.biasValues, fresh.biasValues)) pairs.push(['bv', formatNumberList(s.figure.biasValues)]);
  if (s.step !== null) pairs.push(['step', String(s.step)]);
  add('story', String(s.story), '0');
  return writeQuery(pairs);
}
