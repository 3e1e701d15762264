/**
 * What every lesson's figure state has in common: settings `P` and the
 * matrices the student edits, reshaped when the settings change and checked
 * against the lesson's limits. Each lesson supplies its own shapes and seeds.
 */
import type { Suggestion } from '../../../engine/errors';
import { shapeSize } from '../../../engine/tensor';
import type { FigureValues } from './figureCodec';

/** A lesson's tensor shapes and seeded values, as `withParams` needs them. */
export interface FigureShapes<P> {
  readonly inputShape: (p: P) => readonly number[];
  readonly weightShape: (p: P) => readonly number[];
  readonly seeded: (p: P, seed: number) => Pick<FigureValues<P>, 'input' | 'weight' | 'biasValues'>;
}

/**
 * Copies the overlapping block of an N-d row-major array into a new shape;
 * cells that did not exist before take `fill(i)`.
 */
export function reshapeKeeping(
  values: readonly number[],
  from: readonly number[],
  to: readonly number[],
  fill: (i: number) => number,
): number[] {
  const out = Array.from({ length: shapeSize(to) }, (_, i) => fill(i));
  const idx = new Array<number>(to.length).fill(0);
  for (let i = 0; i < out.length; i++) {
    let rem = i;
    for (let d = to.length - 1; d >= 0; d--) {
      const size = to[d] ?? 1;
      idx[d] = rem % size;
      rem = Math.floor(rem / size);
    }
    let src = 0;
    let inside = true;
    for (let d = 0; d < from.length; d++) {
      const size = from[d] ?? 1;
      const k = idx[d] ?? 0;
      if (k >= size) inside = false;
      src = src * size + k;
    }
    if (inside) out[i] = values[src] ?? out[i] ?? 0;
  }
  return out;
}

/** New settings, keeping every matrix value that still has a place; new places take the seed's values. */
export function figureWithParams<P extends { readonly outChannels: number }>(
  shapes: FigureShapes<P>,
  state: FigureValues<P>,
  params: P,
): FigureValues<P> {
  const fresh = shapes.seeded(params, state.seed);
  const keep = (values: readonly number[], from: readonly number[], to: readonly number[], seeded: readonly number[]) =>
    reshapeKeeping(values, from, to, (i) => seeded[i] ?? 0);
  return {
    params,
    seed: state.seed,
    input: keep(state.input, shapes.inputShape(state.params), shapes.inputShape(params), fresh.input),
    weight: keep(state.weight, shapes.weightShape(state.params), shapes.weightShape(params), fresh.weight),
    biasValues: keep(state.biasValues, [state.params.outChannels], [params.outChannels], fresh.biasValues),
  };
}

/** Whether every numeric setting lies within the lesson's limits. */
export function withinLimits<P, K extends keyof P & string>(
  p: P,
  limits: Readonly<Record<K, readonly [number, number]>>,
): boolean {
  return (Object.keys(limits) as K[]).every((k) => {
    const v = Number(p[k]);
    return v >= limits[k][0] && v <= limits[k][1];
  });
}

/**
 * Applies an engine suggestion that sets a number: a per-axis setting (named
 * in `pairs` as its height and width fields) on the axis the suggestion names,
 * or on both; a single setting named in `singles`. Anything else is left as it is.
 */
export function applyNumberFix<P, K extends keyof P & string>(
  p: P,
  s: Suggestion,
  pairs: Readonly<Record<string, readonly [K, K]>>,
  singles: readonly K[],
): P {
  if (typeof s.to !== 'number') return p;
  const pair = pairs[s.param];
  if (pair) {
    const [h, w] = pair;
    return s.axis === 'h' ? { ...p, [h]: s.to } : s.axis === 'w' ? { ...p, [w]: s.to } : { ...p, [h]: s.to, [w]: s.to };
  }
  return (singles as readonly string[]).includes(s.param) ? { ...p, [s.param]: s.to } : p;
}
