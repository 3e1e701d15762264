/**
 * A lesson figure's URL codec, driven by a typed table of keys (in the spirit
 * of tensorflow/playground's state table). A link holds the settings (only
 * those that differ from the defaults), the matrices (only when they differ
 * from what the seed makes), the playback step and the narrative step.
 */
import {
  decodeShared,
  encodeShared,
  formatNumberList,
  formatPair,
  parseIntIn,
  parseNumberList,
  parsePairIn,
  migrateQuery,
  readQuery,
  ignoredName,
  SHARED_KEYS,
  writeQuery,
  type SharedLinkState,
} from '../../urlCodec';

/** One key of the table and the setting(s) it holds. */
export type ParamSpec<P> =
  | {
      readonly kind: 'int';
      readonly key: string;
      readonly field: keyof P & string;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: 'pair';
      readonly key: string;
      readonly h: keyof P & string;
      readonly w: keyof P & string;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: 'enum';
      readonly key: string;
      readonly field: keyof P & string;
      readonly values: readonly string[];
    }
  | { readonly kind: 'bool'; readonly key: string; readonly field: keyof P & string }
  | {
      readonly kind: 'custom';
      readonly key: string;
      readonly decode: (raw: string, p: P) => P | null;
      readonly encode: (p: P) => string;
    };

/** The editable part of a figure: settings, a seed and three matrices. */
export interface FigureValues<P> {
  readonly params: P;
  readonly seed: number;
  readonly input: readonly number[];
  readonly weight: readonly number[];
  readonly biasValues: readonly number[];
}

export interface FigureCodec<P> {
  readonly specs: readonly ParamSpec<P>[];
  readonly defaults: P;
  readonly defaultSeed: number;
  /** Largest value a matrix cell may hold. */
  readonly valueLimit: number;
  /** The matrices a seed makes for these settings (their lengths define the shapes). */
  readonly seeded: (p: P, seed: number) => Pick<FigureValues<P>, 'input' | 'weight' | 'biasValues'>;
  /**
   * The figure a narrative step sets up. A link that names a step but no
   * settings or values (`story=3`, as a teacher may type it) opens that
   * step's figure; links the app writes say so explicitly when they differ.
   */
  readonly storyFigure: (story: number) => FigureValues<P>;
  /** How many narrative steps there are: a link past the last opens the last, with a notice. */
  readonly storySteps: number;
  /**
   * Keys the lesson reads outside its figure (a panel's own settings): known
   * to the decoder, so they are neither reported as unknown nor read here.
   */
  readonly otherKeys?: readonly string[];
}

export interface FigureLinkState<P> {
  readonly figure: FigureValues<P>;
  /**
   * Playback step; null for the last (a link without `step`). The bare
   * address, with no query at all, opens the first.
   */
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

const MAX_STEP = 100_000;
const MAX_STORY = 64;
const VALUE_KEYS = ['seed', 'x', 'wt', 'bv'];
const FIGURE_KEYS = [...VALUE_KEYS, 'step', 'story'];

function specKeys<P>(specs: readonly ParamSpec<P>[]): string[] {
  return specs.map((s) => s.key);
}

/** Every key a figure lesson's link reads besides the shared ones: its settings, values and steps. */
export function figureLinkKeys<P>(codec: FigureCodec<P>): readonly string[] {
  return [...specKeys(codec.specs), ...FIGURE_KEYS, ...(codec.otherKeys ?? [])];
}

function decodeParam<P>(spec: ParamSpec<P>, raw: string, p: P): P | null {
  switch (spec.kind) {
    case 'int': {
      const v = parseIntIn(raw, spec.min, spec.max);
      return v === null ? null : { ...p, [spec.field]: v };
    }
    case 'pair': {
      const v = parsePairIn(raw, spec.min, spec.max);
      return v === null ? null : { ...p, [spec.h]: v[0], [spec.w]: v[1] };
    }
    case 'enum':
      return spec.values.includes(raw) ? { ...p, [spec.field]: raw } : null;
    case 'bool':
      return raw === '0' || raw === '1' ? { ...p, [spec.field]: raw === '1' } : null;
    case 'custom':
      return spec.decode(raw, p);
  }
}

function encodeParam<P>(spec: ParamSpec<P>, p: P): string {
  const get = (k: keyof P & string) => p[k] as unknown;
  switch (spec.kind) {
    case 'int':
    case 'enum':
      return String(get(spec.field));
    case 'pair':
      return formatPair(get(spec.h) as number, get(spec.w) as number);
    case 'bool':
      return get(spec.field) ? '1' : '0';
    case 'custom':
      return spec.encode(p);
  }
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function sameFigure<P>(a: FigureValues<P>, b: FigureValues<P>): boolean {
  const keys = new Set([...Object.keys(a.params as object), ...Object.keys(b.params as object)]) as Set<keyof P>;
  return (
    a.seed === b.seed &&
    [...keys].every((k) => a.params[k] === b.params[k]) &&
    sameList(a.input, b.input) &&
    sameList(a.weight, b.weight) &&
    sameList(a.biasValues, b.biasValues)
  );
}

export function decodeFigureLink<P>(codec: FigureCodec<P>, query: string): Decoded<FigureLinkState<P>> {
  const q = migrateQuery(readQuery(query));
  const ignored: string[] = [];
  const shared = decodeShared(q, ignored);
  const known = new Set<string>([...SHARED_KEYS, ...figureLinkKeys(codec)]);
  for (const key of q.dropped) ignored.push(key.startsWith('*') ? key : ignoredName(key, known));
  for (const key of q.values.keys()) if (!known.has(key)) ignored.push(ignoredName(key, known));

  let p = codec.defaults;
  for (const spec of codec.specs) {
    const raw = q.values.get(spec.key);
    if (raw === undefined) continue;
    const next = decodeParam(spec, raw, p);
    if (next === null) ignored.push(spec.key);
    else p = next;
  }
  const int = (key: string, max: number, fallback: number): number => {
    const raw = q.values.get(key);
    if (raw === undefined) return fallback;
    const v = parseIntIn(raw, 0, max);
    if (v === null) ignored.push(key);
    return v ?? fallback;
  };
  // A link leaves `step` out at the last step. The lesson's bare address
  // (`#/conv`: a lesson card, the menu, a typed address) is no link to a
  // state: it opens the lesson where playback starts, at the first step.
  const step = q.values.has('step') ? int('step', MAX_STEP, 0) : q.values.size === 0 ? 0 : null;
  const story = int('story', MAX_STORY, 0);
  const describesFigure = [...specKeys(codec.specs), ...VALUE_KEYS].some((key) => q.values.has(key));
  if (!describesFigure) {
    return { state: { figure: codec.storyFigure(story), step, story, shared }, ignored: [...new Set(ignored)] };
  }
  const seed = int('seed', 999_999, codec.defaultSeed);
  const fresh = codec.seeded(p, seed);
  const list = (key: string, fallback: readonly number[]): readonly number[] => {
    const raw = q.values.get(key);
    if (raw === undefined) return fallback;
    const v = parseNumberList(raw, fallback.length, codec.valueLimit);
    if (v === null) ignored.push(key);
    return v ?? fallback;
  };
  const figure: FigureValues<P> = {
    params: p,
    seed,
    input: list('x', fresh.input),
    weight: list('wt', fresh.weight),
    biasValues: list('bv', fresh.biasValues),
  };
  return { state: { figure, step, story, shared }, ignored: [...new Set(ignored)] };
}

export function encodeFigureLink<P>(codec: FigureCodec<P>, s: FigureLinkState<P>): string {
  const pairs: [string, string][] = encodeShared(s.shared);
  const sharedCount = pairs.length;
  for (const spec of codec.specs) {
    const value = encodeParam(spec, s.figure.params);
    if (value !== encodeParam(spec, codec.defaults)) pairs.push([spec.key, value]);
  }
  if (s.figure.seed !== codec.defaultSeed) pairs.push(['seed', String(s.figure.seed)]);
  const fresh = codec.seeded(s.figure.params, s.figure.seed);
  if (!sameList(s.figure.input, fresh.input)) pairs.push(['x', formatNumberList(s.figure.input)]);
  if (!sameList(s.figure.weight, fresh.weight)) pairs.push(['wt', formatNumberList(s.figure.weight)]);
  if (!sameList(s.figure.biasValues, fresh.biasValues)) pairs.push(['bv', formatNumberList(s.figure.biasValues)]);
  // Nothing written would read as "the step's own figure": name the seed when that is not what is shown.
  const describesFigure = pairs.length > sharedCount;
  if (!describesFigure && !sameFigure(s.figure, codec.storyFigure(s.story)))
    pairs.push(['seed', String(s.figure.seed)]);
  if (s.step !== null) pairs.push(['step', String(s.step)]);
  if (s.story !== 0) pairs.push(['story', String(s.story)]);
  return writeQuery(pairs);
}

type Limits<P> = Partial<Record<keyof P & string, readonly [number, number]>>;

/** Spec helpers over a table of limits, so each lesson's table is just its keys. */
export function specBuilders<P>(limits: Limits<P>) {
  const range = (field: keyof P & string): readonly [number, number] => limits[field] ?? [0, 0];
  return {
    int: (key: string, field: keyof P & string): ParamSpec<P> => ({
      kind: 'int',
      key,
      field,
      min: range(field)[0],
      max: range(field)[1],
    }),
    pair: (key: string, h: keyof P & string, w: keyof P & string): ParamSpec<P> => ({
      kind: 'pair',
      key,
      h,
      w,
      min: Math.max(range(h)[0], range(w)[0]),
      max: Math.min(range(h)[1], range(w)[1]),
    }),
  };
}
