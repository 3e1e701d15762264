import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConvLink, encodeConvLink, type ConvLinkState } from '../../../../app/lessons/conv/convLink';
import {
  DEFAULT_FIGURE,
  DEFAULT_PARAMS,
  figureFromSeed,
  inputShape,
  LIMITS,
  weightShape,
} from '../../../../app/lessons/conv/convState';
import { CONV_STORY, storyFigure } from '../../../../app/lessons/conv/convStory';
import { MAX_QUERY_LENGTH } from '../../../../app/urlCodec';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;
const base: ConvLinkState = { figure: DEFAULT_FIGURE, step: null, story: 0, shared };

function roundTrip(s: ConvLinkState) {
  const q = encodeConvLink(s);
  const d = decodeConvLink(q);
  expect(d.ignored).toEqual([]);
  expect(d.state).toEqual(s);
  return q;
}

describe('the convolution lesson link', () => {
  it('names only the seed for the default figure under the first step, which sets up the lesson’s example', () => {
    expect(roundTrip(base)).toBe(`v=1&seed=${DEFAULT_FIGURE.seed}`);
  });

  it('opens the lesson’s example (4×4 input of 0 to 15, kernel rows 1, 0, −1, no bias) without a query, and its link reopens it', () => {
    const opening = decodeConvLink('').state.figure;
    expect(opening).toEqual(storyFigure(0));
    expect(opening.params).toMatchObject({ inH: 4, inW: 4, kH: 3, kW: 3, bias: false });
    expect(opening.input).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(opening.weight).toEqual([1, 0, -1, 1, 0, -1, 1, 0, -1]);
    roundTrip({ ...base, figure: opening });
  });

  it.each([
    ['stride and padding', { ...DEFAULT_PARAMS, strideH: 2, strideW: 2, padH: 1, padW: 1 }, 's=2&p=1'],
    ['per-axis kernel', { ...DEFAULT_PARAMS, kH: 3, kW: 2 }, 'k=3x2'],
    [
      "'same' padding with reflect",
      { ...DEFAULT_PARAMS, padKind: 'same' as const, paddingMode: 'reflect' as const },
      'p=same&pm=reflect',
    ],
    ['channels and groups', { ...DEFAULT_PARAMS, inChannels: 4, outChannels: 2, groups: 2 }, 'ci=4&co=2&g=2'],
    ['no bias, dilation', { ...DEFAULT_PARAMS, bias: false, dilH: 2, dilW: 1 }, 'd=2x1&b=0'],
  ])('round-trips %s and reads as %s', (_name, params, fragment) => {
    const q = roundTrip({ ...base, figure: figureFromSeed(params, 7) });
    expect(q).toContain(fragment);
  });

  it('writes matrices only when they differ from what the seed makes', () => {
    const edited = { ...DEFAULT_FIGURE, input: DEFAULT_FIGURE.input.map((v, i) => (i === 0 ? 2.5 : v)) };
    const q = roundTrip({ ...base, figure: edited });
    expect(q).toMatch(/x=2\.5,/);
    expect(q).not.toContain('wt=');
  });

  it('keeps the step, the story step, the language and presentation', () => {
    const q = roundTrip({ ...base, step: 4, story: 3, shared: { ...shared, lang: 'zh-CN', present: true } });
    expect(q).toContain('lang=zh-CN');
    expect(q).toContain('step=4');
  });

  it('a link that names only a narrative step opens the figure that step sets up', () => {
    for (let story = 0; story < CONV_STORY.length; story++) {
      const d = decodeConvLink(`v=1&story=${story}`);
      expect(d.ignored).toEqual([]);
      expect(d.state.figure).toEqual(storyFigure(story));
      expect(d.state.story).toBe(story);
      // The app's own link for the untouched step reopens it exactly too.
      roundTrip({ ...base, figure: storyFigure(story), story });
    }
  });

  it('the lesson’s bare address opens where playback starts; a link without a step opens at the last step', () => {
    // `#/conv`: a lesson card, the menu or a typed address.
    expect(decodeConvLink('').state.step).toBe(0);
    // A link leaves the step out at the last step, whoever wrote it.
    expect(decodeConvLink('v=1').state.step).toBeNull();
    expect(decodeConvLink('story=3').state.step).toBeNull();
    expect(decodeConvLink('embed=1').state.step).toBeNull();
    expect(decodeConvLink('story=3&step=2').state.step).toBe(2);
  });

  it('the default figure shown under a step that sets up another one reopens as the default figure', () => {
    // Step 4 (stride) sets up a 6×6 input with stride 2.
    const q = roundTrip({ ...base, story: 4 });
    expect(q).toBe(`v=1&seed=${DEFAULT_FIGURE.seed}&story=4`);
  });

  it('falls back per key and names what it ignored', () => {
    const d = decodeConvLink('v=1&h=99&k=3&s=abc&pm=evil&zz=1&x=1,2');
    expect(d.state.figure.params).toMatchObject({ inH: DEFAULT_PARAMS.inH, kH: 3, strideH: 1, paddingMode: 'zeros' });
    expect([...d.ignored].sort()).toEqual(['*unknown', 'h', 'pm', 's', 'x']);
  });

  it('ignores a link that is too long as a whole', () => {
    const d = decodeConvLink(`h=4&x=${'1,'.repeat(MAX_QUERY_LENGTH)}`);
    expect(d.state.figure).toEqual(storyFigure(0));
    expect(d.ignored.length).toBeGreaterThan(0);
  });

  it('names only keys it knows: a link cannot put its own words into a notice', () => {
    const d = decodeConvLink('%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&Call%20support%3A%20555=1&=2&lang=%3Cb%3E');
    expect([...d.ignored].sort()).toEqual(['*unknown', 'lang']);
  });
});

const arbParams = fc.record({
  batch: fc.integer({ min: LIMITS.batch[0], max: LIMITS.batch[1] }),
  inChannels: fc.integer({ min: 1, max: 4 }),
  outChannels: fc.integer({ min: 1, max: 4 }),
  inH: fc.integer({ min: 1, max: 16 }),
  inW: fc.integer({ min: 1, max: 16 }),
  kH: fc.integer({ min: 1, max: 7 }),
  kW: fc.integer({ min: 1, max: 7 }),
  strideH: fc.integer({ min: 1, max: 4 }),
  strideW: fc.integer({ min: 1, max: 4 }),
  padKind: fc.constantFrom('explicit' as const, 'same' as const, 'valid' as const),
  padH: fc.integer({ min: 0, max: 6 }),
  padW: fc.integer({ min: 0, max: 6 }),
  paddingMode: fc.constantFrom('zeros' as const, 'reflect' as const, 'replicate' as const, 'circular' as const),
  dilH: fc.integer({ min: 1, max: 4 }),
  dilW: fc.integer({ min: 1, max: 4 }),
  groups: fc.integer({ min: 1, max: 4 }),
  bias: fc.boolean(),
});

const arbState: fc.Arbitrary<ConvLinkState> = fc
  .record({
    params: arbParams,
    seed: fc.integer({ min: 0, max: 999_999 }),
    edit: fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => Number(v.toPrecision(6)))),
    step: fc.option(fc.integer({ min: 0, max: 500 })),
    story: fc.integer({ min: 0, max: 7 }),
    lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
  })
  .map(({ params, seed, edit, step, story, lang }) => {
    // With padKind 'explicit' the pad numbers matter; otherwise they are not written.
    const p = params.padKind === 'explicit' ? params : { ...params, padH: 0, padW: 0 };
    const fig = figureFromSeed(p, seed);
    const figure = edit === null ? fig : { ...fig, weight: fig.weight.map((v, i) => (i === 0 ? edit + 0 : v)) };
    return { figure, step, story, shared: { ...shared, lang } };
  });

describe('link codec properties', () => {
  it('every state round-trips exactly', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        expect(inputShape(s.figure.params).reduce((a, b) => a * b)).toBe(s.figure.input.length);
        expect(weightShape(s.figure.params).reduce((a, b) => a * b)).toBe(s.figure.weight.length);
        roundTrip(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('10,000 random and mutated links decode to a usable state without throwing', () => {
    const mutated = fc.tuple(arbState, fc.nat(), fc.string({ maxLength: 12 }), fc.nat(3)).map(([s, at, junk, mode]) => {
      const q = encodeConvLink(s);
      const i = at % (q.length + 1);
      switch (mode) {
        case 0:
          return q.slice(0, i) + junk + q.slice(i);
        case 1:
          return q.slice(0, i);
        case 2:
          return `${q}&${junk}=${junk}`;
        default:
          return q.replace(/=\w+/, `=${junk}`);
      }
    });
    const anything = fc.oneof(mutated, fc.string({ maxLength: 200 }), fc.webQueryParameters());
    fc.assert(
      fc.property(anything, (q) => {
        const { state } = decodeConvLink(q);
        const p = state.figure.params;
        expect(state.figure.input.length).toBe(inputShape(p).reduce((a, b) => a * b));
        expect(state.figure.weight.length).toBe(weightShape(p).reduce((a, b) => a * b));
        expect(state.figure.biasValues.length).toBe(p.outChannels);
        for (const v of [...state.figure.input, ...state.figure.weight, ...state.figure.biasValues]) {
          expect(Number.isFinite(v)).toBe(true);
        }
        for (const [k, [lo, hi]] of Object.entries(LIMITS)) {
          const v = p[k as keyof typeof LIMITS];
          expect(v >= lo && v <= hi).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
