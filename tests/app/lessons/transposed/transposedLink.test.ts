import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTransposedLink,
  encodeTransposedLink,
  type TransposedLinkState,
} from '../../../../app/lessons/transposed/transposedLink';
import {
  TRANSPOSED_DEFAULT_FIGURE,
  TRANSPOSED_LIMITS,
  transposedFigureFromSeed,
  type TransposedParams,
} from '../../../../app/lessons/transposed/transposedState';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;
const base: TransposedLinkState = { figure: TRANSPOSED_DEFAULT_FIGURE, step: null, story: 0, shared };

const within = (key: keyof typeof TRANSPOSED_LIMITS) =>
  fc.integer({ min: TRANSPOSED_LIMITS[key][0], max: TRANSPOSED_LIMITS[key][1] });

const arbParams: fc.Arbitrary<TransposedParams> = fc.record({
  batch: within('batch'),
  inChannels: within('inChannels'),
  outChannels: within('outChannels'),
  inH: within('inH'),
  inW: within('inW'),
  kH: within('kH'),
  kW: within('kW'),
  strideH: within('strideH'),
  strideW: within('strideW'),
  padH: within('padH'),
  padW: within('padW'),
  opH: within('opH'),
  opW: within('opW'),
  dilH: within('dilH'),
  dilW: within('dilW'),
  groups: within('groups'),
  bias: fc.boolean(),
});

const arbState: fc.Arbitrary<TransposedLinkState> = fc
  .record({
    params: arbParams,
    seed: fc.integer({ min: 0, max: 999_999 }),
    edit: fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => Number(v.toPrecision(6)))),
    step: fc.option(fc.integer({ min: 0, max: 500 })),
    story: fc.integer({ min: 0, max: 7 }),
    lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
    present: fc.boolean(),
  })
  .map(({ params, seed, edit, step, story, lang, present }) => {
    const fig = transposedFigureFromSeed(params, seed);
    const figure = edit === null ? fig : { ...fig, input: fig.input.map((v, i) => (i === 0 ? edit + 0 : v)) };
    return { figure, step, story, shared: { ...shared, lang, present } };
  });

describe('the transposed-convolution lesson link', () => {
  it('is short for the default figure: only the version', () => {
    expect(encodeTransposedLink(base)).toBe('v=1');
  });

  it('every state it can write reopens exactly, with nothing ignored', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const d = decodeTransposedLink(encodeTransposedLink(s));
        expect(d.ignored).toEqual([]);
        expect(d.state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });
});
