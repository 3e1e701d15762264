import { describe, expect, it } from 'vitest';
import { applyFix, DEFAULT_FIGURE, fixWithinLimits, withParams } from '../../../../app/lessons/conv/convState';
import { applyNumberFix, reshapeKeeping, withinLimits } from '../../../../app/lessons/kit/figureState';
import {
  TRANSPOSED_DEFAULT_FIGURE,
  transposedApplyFix,
  transposedFixWithinLimits,
  transposedWithParams,
} from '../../../../app/lessons/transposed/transposedState';

describe('figure state shared by the lessons', () => {
  it('keeps every value that still has a place when a matrix grows or shrinks', () => {
    // 2×3 → 3×2: the top-left 2×2 block stays, the new cell takes the fill.
    expect(reshapeKeeping([1, 2, 3, 4, 5, 6], [2, 3], [3, 2], () => -1)).toEqual([1, 2, 4, 5, -1, -1]);
  });

  it('a larger input keeps the numbers the student typed and fills the new cells from the seed', () => {
    const edited = { ...DEFAULT_FIGURE, input: DEFAULT_FIGURE.input.map((v, i) => (i === 0 ? 42 : v)) };
    const grown = withParams(edited, { ...edited.params, inH: edited.params.inH + 1 });
    expect(grown.input[0]).toBe(42);
    expect(grown.input).toHaveLength((edited.params.inH + 1) * edited.params.inW);
    expect(grown.weight).toEqual(edited.weight);
    const back = withParams(grown, edited.params);
    expect(back.input).toEqual(edited.input);
  });

  it('a transposed figure with one more output channel keeps its kernels and gains a bias', () => {
    const p = TRANSPOSED_DEFAULT_FIGURE.params;
    const more = transposedWithParams(TRANSPOSED_DEFAULT_FIGURE, { ...p, outChannels: p.outChannels + 1 });
    expect(more.biasValues).toHaveLength(p.outChannels + 1);
    expect(more.input).toEqual(TRANSPOSED_DEFAULT_FIGURE.input);
  });

  it('an engine fix sets the axis it names, or both axes, or a single setting', () => {
    const p = { kH: 3, kW: 3, groups: 1 };
    const pairs = { kernelSize: ['kH', 'kW'] } as const;
    const fix = (s: { param: string; axis?: 'h' | 'w'; to: number | string }) =>
      applyNumberFix<typeof p, 'kH' | 'kW' | 'groups'>(p, { from: 0, ...s }, pairs, ['groups']);
    expect(fix({ param: 'kernelSize', axis: 'h', to: 1 })).toEqual({ kH: 1, kW: 3, groups: 1 });
    expect(fix({ param: 'kernelSize', axis: 'w', to: 2 })).toEqual({ kH: 3, kW: 2, groups: 1 });
    expect(fix({ param: 'kernelSize', to: 2 })).toEqual({ kH: 2, kW: 2, groups: 1 });
    expect(fix({ param: 'groups', to: 2 })).toEqual({ kH: 3, kW: 3, groups: 2 });
    expect(fix({ param: 'somethingElse', to: 2 })).toBe(p);
    expect(fix({ param: 'kernelSize', to: 'same' })).toBe(p);
  });

  it('a convolution fix that sets a padding number switches padding to explicit numbers', () => {
    const same = { ...DEFAULT_FIGURE.params, padKind: 'same' as const };
    expect(applyFix(same, { param: 'padding', axis: 'w', from: 2, to: 1 })).toMatchObject({
      padKind: 'explicit',
      padW: 1,
      padH: DEFAULT_FIGURE.params.padH,
    });
    expect(applyFix(same, { param: 'padding', from: 'same', to: 'valid' }).padKind).toBe('valid');
    expect(applyFix(same, { param: 'paddingMode', from: 'zeros', to: 'reflect' }).paddingMode).toBe('reflect');
  });

  it('a fix outside the figure’s limits is not offered', () => {
    expect(withinLimits({ a: 3, b: 9 }, { a: [1, 4], b: [0, 9] })).toBe(true);
    expect(withinLimits({ a: 5, b: 9 }, { a: [1, 4], b: [0, 9] })).toBe(false);
    expect(fixWithinLimits(applyFix(DEFAULT_FIGURE.params, { param: 'kernelSize', from: 3, to: 99 }))).toBe(false);
    expect(fixWithinLimits(applyFix(DEFAULT_FIGURE.params, { param: 'kernelSize', from: 3, to: 2 }))).toBe(true);
    const t = TRANSPOSED_DEFAULT_FIGURE.params;
    expect(transposedFixWithinLimits(transposedApplyFix(t, { param: 'stride', axis: 'h', from: 1, to: 2 }))).toBe(true);
    expect(transposedApplyFix(t, { param: 'stride', axis: 'h', from: 1, to: 2 })).toMatchObject({
      strideH: 2,
      strideW: 1,
    });
  });
});
