import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMatrixLink, encodeMatrixLink, type MatrixLinkState } from '../../../../app/lessons/matrix/matrixLink';
import {
  MATRIX_DEFAULT_FIGURE,
  MATRIX_LIMITS,
  matrixFigureFromSeed,
  type MatrixParams,
} from '../../../../app/lessons/matrix/matrixState';
import { MATRIX_STORY, matrixStoryFigure } from '../../../../app/lessons/matrix/matrixStory';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;
const base: MatrixLinkState = { figure: MATRIX_DEFAULT_FIGURE, step: null, story: 0, shared };

const within = (key: keyof typeof MATRIX_LIMITS) =>
  fc.integer({ min: MATRIX_LIMITS[key][0], max: MATRIX_LIMITS[key][1] });

const arbParams: fc.Arbitrary<MatrixParams> = fc.record({
  inH: within('inH'),
  inW: within('inW'),
  kH: within('kH'),
  kW: within('kW'),
  strideH: within('strideH'),
  strideW: within('strideW'),
  padH: within('padH'),
  padW: within('padW'),
});

const arbState: fc.Arbitrary<MatrixLinkState> = fc
  .record({
    params: arbParams,
    seed: fc.integer({ min: 0, max: 999_999 }),
    edit: fc.option(fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => Number(v.toPrecision(6)))),
    kernelEdit: fc.option(fc.integer({ min: -9, max: 9 })),
    step: fc.option(fc.integer({ min: 0, max: 40 })),
    story: fc.integer({ min: 0, max: MATRIX_STORY.length - 1 }),
    lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
    theme: fc.constantFrom(null, 'light' as const, 'dark' as const),
    present: fc.boolean(),
  })
  .map(({ params, seed, edit, kernelEdit, step, story, lang, theme, present }) => {
    const fig = matrixFigureFromSeed(params, seed);
    const input = edit === null ? fig.input : fig.input.map((v, i) => (i === 0 ? edit + 0 : v));
    const weight = kernelEdit === null ? fig.weight : fig.weight.map((v, i) => (i === 0 ? kernelEdit + 0 : v));
    return { figure: { ...fig, input, weight }, step, story, shared: { ...shared, lang, theme, present } };
  });

describe('the matrix lesson link', () => {
  it('is short for the lesson’s own figure: only the version', () => {
    expect(encodeMatrixLink(base)).toBe('v=1');
  });

  it('every state it can write reopens exactly, with nothing ignored', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const d = decodeMatrixLink(encodeMatrixLink(s));
        expect(d.ignored).toEqual([]);
        expect(d.state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('a bare story step opens that step’s own figure', () => {
    expect(decodeMatrixLink('v=1&story=8').state.figure).toEqual(matrixStoryFigure(8));
  });

  it('never throws, whatever the query, and every size it returns is within the lesson’s limits', () => {
    const keys = ['h', 'w', 'k', 's', 'p', 'x', 'wt', 'seed', 'step', 'story', 'v', 'lang', 'zz'];
    const query = fc
      .array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String))), {
        maxLength: 8,
      })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(query, fc.string({ maxLength: 60 })), (q) => {
        const { state } = decodeMatrixLink(q);
        const p = state.figure.params;
        for (const key of Object.keys(MATRIX_LIMITS) as (keyof typeof MATRIX_LIMITS)[]) {
          expect(p[key]).toBeGreaterThanOrEqual(MATRIX_LIMITS[key][0]);
          expect(p[key]).toBeLessThanOrEqual(MATRIX_LIMITS[key][1]);
        }
        expect(state.figure.input).toHaveLength(p.inH * p.inW);
        expect(state.figure.weight).toHaveLength(p.kH * p.kW);
      }),
      { numRuns: 1000 },
    );
  });

  it('falls back key by key: a 7×7 input and a short kernel list are ignored and named, the rest is kept', () => {
    const { state, ignored } = decodeMatrixLink('v=1&h=7&w=5&k=2&wt=1,2,3&s=2');
    expect(ignored).toEqual(['h', 'wt']);
    expect(state.figure.params).toMatchObject({ inH: 4, inW: 5, kH: 2, kW: 2, strideH: 2, strideW: 2 });
    expect(state.figure.weight).toHaveLength(4);
  });
});
