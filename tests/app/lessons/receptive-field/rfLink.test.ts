import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STACK_PRESETS, type PresetId } from '../../../../engine';
import { decodeRfLink, encodeRfLink, type RfLinkState } from '../../../../app/lessons/receptive-field/rfLink';
import { RF_STORY, storyStep } from '../../../../app/lessons/receptive-field/rfState';
import { decodeLayers } from '../../../../app/lessons/receptive-field/stackCodec';
import { stacks } from '../../../support/stackArbitraries';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;

const arbState: fc.Arbitrary<RfLinkState> = fc.record({
  stack: stacks(16, 512),
  cell: fc.option(fc.record({ level: fc.integer({ min: 0, max: 16 }), row: fc.nat(600), col: fc.nat(600) }), {
    nil: null,
  }),
  compare: fc.constantFrom<PresetId | null>(null, ...STACK_PRESETS.map((p) => p.id)),
  weights: fc.constantFrom('ones' as const, 'random' as const),
  seed: fc.integer({ min: 0, max: 999_999 }),
  story: fc.integer({ min: 0, max: RF_STORY.length - 1 }),
  shared: fc.record({
    lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
    theme: fc.constantFrom(null, 'dark' as const),
    present: fc.boolean(),
    embed: fc.boolean(),
    hide: fc.constant([] as string[]),
  }),
});

describe('the receptive-field link', () => {
  it('reopens every state it writes (stack, cell, comparison, weights, seed, step, shared settings)', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const { state, ignored } = decodeRfLink(encodeRfLink(s));
        expect(ignored).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing but the version for the first step as it opens', () => {
    const s = storyStep(0);
    expect(
      encodeRfLink({ stack: s.stack, cell: null, compare: s.compare, weights: 'ones', seed: 1, story: 0, shared }),
    ).toBe('v=1');
  });

  it('keeps a stack PyTorch refuses, so the lesson can show why', () => {
    const { state, ignored } = decodeRfLink('in=3x8x8&layers=ci1o4k9');
    expect(ignored).toEqual([]);
    expect(state.stack.layers).toEqual([
      {
        kind: 'conv',
        inChannels: 1,
        outChannels: 4,
        kernel: [9, 9],
        stride: [1, 1],
        padding: [0, 0],
        dilation: [1, 1],
        bias: true,
      },
    ]);
  });

  it('falls back key by key and names what it ignored', () => {
    const { state, ignored } = decodeRfLink('in=3x999x8&layers=ck3&cell=1.2&cmp=lenet&ef=zeros&seed=-4&story=99&zz=1');
    expect(ignored.sort()).toEqual(['*unknown', 'cell', 'cmp', 'ef', 'in', 'layers', 'seed', 'story'].sort());
    expect(state.stack).toEqual(storyStep(0).stack);
    expect(state.cell).toBeNull();
    expect(state.weights).toBe('ones');
  });

  it('refuses more than 16 layers and settings past the hard limits', () => {
    expect(decodeLayers(Array.from({ length: 17 }, () => 'r').join('.'))).toBeNull();
    expect(decodeLayers(Array.from({ length: 16 }, () => 'r').join('.'))).toHaveLength(16);
    expect(decodeLayers('ci1o1k65')).toBeNull();
    expect(decodeLayers('mk3p257')).toBeNull();
    expect(decodeLayers('ci5000o1k3')).toBeNull();
    expect(decodeLayers('ci1o1k3k3')).toBeNull();
    expect(decodeLayers('rk3')).toBeNull();
  });

  it('never throws, whatever the query', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 200 }), (a, b) => {
        expect(() => decodeRfLink(a)).not.toThrow();
        expect(() => decodeRfLink(`layers=${b}&in=${a}&cell=${b}`)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
