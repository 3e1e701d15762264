import { deflateSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONV_CODEC } from '../../../../app/lessons/conv/convLink';
import { DEFAULT_PARAMS, LIMITS } from '../../../../app/lessons/conv/convState';
import {
  decodeFigureLink,
  encodeFigureLink,
  type FigureCodec,
  type FigureLinkState,
} from '../../../../app/lessons/kit/figureCodec';
import { TRANSPOSED_CODEC } from '../../../../app/lessons/transposed/transposedLink';
import { TRANSPOSED_DEFAULT_PARAMS, TRANSPOSED_LIMITS } from '../../../../app/lessons/transposed/transposedState';
import { MAX_QUERY_LENGTH } from '../../../../app/urlCodec';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;

/** The shape settings both figure lessons share, each from 1 up to its lesson's limit. */
interface ShapeLimits {
  readonly batch: readonly [number, number];
  readonly inChannels: readonly [number, number];
  readonly outChannels: readonly [number, number];
  readonly inH: readonly [number, number];
  readonly inW: readonly [number, number];
  readonly kH: readonly [number, number];
  readonly kW: readonly [number, number];
}

/** A number as a learner types it: six significant digits, |v| ≤ 1e6, some of them tiny. */
const sixDigits = fc
  .tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: 0, max: 12 }))
  .map(([m, e]) => Number((m / 10 ** e).toPrecision(6)) + 0);

/** The longest texts a link writes for one number (12 significant digits of a tiny magnitude). */
const longest = fc.constantFrom(-0.00000123456789012, -1.23456789012e-100, 0.00000987654321099);

function largest<P extends ShapeLimits>(limits: P) {
  return {
    batch: limits.batch[1],
    inChannels: limits.inChannels[1],
    outChannels: limits.outChannels[1],
    inH: limits.inH[1],
    inW: limits.inW[1],
    kH: limits.kH[1],
    kW: limits.kW[1],
  };
}

function shapes(limits: ShapeLimits) {
  const up = ([, max]: readonly [number, number]) => fc.integer({ min: Math.max(1, max - 1), max });
  return fc.oneof(
    fc.constant(largest(limits)),
    fc.record({
      batch: up(limits.batch),
      inChannels: up(limits.inChannels),
      outChannels: up(limits.outChannels),
      inH: up(limits.inH),
      inW: up(limits.inW),
      kH: up(limits.kH),
      kW: up(limits.kW),
    }),
  );
}

function states<P extends object>(codec: FigureCodec<P>, defaults: P, limits: ShapeLimits, number = sixDigits) {
  return fc
    .tuple(shapes(limits), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
    .chain(([shape, seed, valueSeed]) => {
      const params = { ...defaults, ...shape, groups: 1 } as P;
      const sizes = codec.seeded(params, seed);
      const list = (n: number) => fc.array(number, { minLength: n, maxLength: n });
      return fc
        .record({
          input: list(sizes.input.length),
          weight: list(sizes.weight.length),
          biasValues: list(sizes.biasValues.length),
        })
        .map((v): FigureLinkState<P> => ({
          figure: { params, seed, ...v },
          step: valueSeed % 7,
          story: 0,
          shared,
        }));
    });
}

const lessons = [
  ['conv', CONV_CODEC as FigureCodec<object>, DEFAULT_PARAMS as object, LIMITS],
  ['transposed', TRANSPOSED_CODEC as FigureCodec<object>, TRANSPOSED_DEFAULT_PARAMS as object, TRANSPOSED_LIMITS],
] as const;

describe.each(lessons)('every state of the %s figure reopens from its link', (_id, codec, defaults, limits) => {
  it('random six-digit matrices up to the largest shapes come back exactly', () => {
    fc.assert(
      fc.property(states(codec, defaults, limits), (s) => {
        const q = encodeFigureLink(codec, s);
        expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        const d = decodeFigureLink(codec, q);
        expect(d.ignored).toEqual([]);
        expect(d.state).toEqual(s);
      }),
      { numRuns: 25 },
    );
  });

  it('matrices of the longest numbers a link writes come back exactly', () => {
    fc.assert(
      fc.property(states(codec, defaults, limits, longest), (s) => {
        const d = decodeFigureLink(codec, encodeFigureLink(codec, s));
        expect(d.ignored).toEqual([]);
        expect(d.state).toEqual(s);
      }),
      { numRuns: 5 },
    );
  });
});

describe('the compact form of a matrix in a link', () => {
  const params = { ...DEFAULT_PARAMS, ...largest(LIMITS), groups: 1 };
  const sizes = CONV_CODEC.seeded(params, 0);
  const input = sizes.input.map((_, i) => Number((((i * 7919) % 1_000_003) / 1000 - 500).toPrecision(6)));
  const state: FigureLinkState<typeof params> = {
    figure: { params, seed: 0, ...sizes, input },
    step: null,
    story: 0,
    shared,
  };

  it('writes the issue example (n=2&ci=4&co=4&h=16&w=16&k=7, six-digit decimals) shorter than readably', () => {
    const q = encodeFigureLink(CONV_CODEC, state);
    const x = new URLSearchParams(q).get('x') ?? '';
    expect(x.startsWith('~')).toBe(true);
    expect(x.length).toBeLessThan(input.join(',').length);
    expect(decodeFigureLink(CONV_CODEC, q).state).toEqual(state);
  });

  it('keeps a small edited matrix readable', () => {
    const q = encodeFigureLink(CONV_CODEC, { ...state, figure: { ...CONV_CODEC.storyFigure(0), seed: 5 } });
    expect(q).not.toContain('~');
  });

  it('refuses a value that unpacks into more text than the matrix can hold, and falls back', () => {
    const huge = deflateSync(strToU8('1,'.repeat(100_000)), { level: 9 });
    let binary = '';
    for (const b of huge) binary += String.fromCharCode(b);
    const value = '~' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const d = decodeFigureLink(CONV_CODEC, `h=4&x=${value}`);
    expect(d.ignored).toEqual(['x']);
  });

  it('refuses a compact value that is not base64url or not deflate', () => {
    expect(decodeFigureLink(CONV_CODEC, 'h=4&x=~%2B%2B').ignored).toEqual(['x']);
    expect(decodeFigureLink(CONV_CODEC, 'h=4&x=~AAAA').ignored).toEqual(['x']);
  });
});
