import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeAutoencoderLink,
  encodeAutoencoderLink,
  type AutoencoderLinkState,
} from '../../../../app/lessons/autoencoder/aeLink';
import { AE_DEFAULTS, AE_LIMITS, LR_CHOICES, type AutoencoderState } from '../../../../app/lessons/autoencoder/aeState';
import { AE_STORY } from '../../../../app/lessons/autoencoder/aeStory';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;

const arbState: fc.Arbitrary<AutoencoderState> = fc.record({
  channels: fc.array(fc.integer({ min: AE_LIMITS.channels[0], max: AE_LIMITS.channels[1] }), {
    minLength: AE_LIMITS.layers[0],
    maxLength: AE_LIMITS.layers[1],
  }),
  seed: fc.integer({ min: AE_LIMITS.seed[0], max: AE_LIMITS.seed[1] }),
  lr: fc.oneof(fc.constantFrom(...LR_CHOICES), fc.double({ min: AE_LIMITS.lr[0], max: AE_LIMITS.lr[1], noNaN: true })),
  bits: fc.integer({ min: AE_LIMITS.bits[0], max: AE_LIMITS.bits[1] }),
  start: fc.constantFrom('shipped' as const, 'scratch' as const),
  story: fc.integer({ min: 0, max: AE_STORY.length - 1 }),
});

const arbShared = fc.record({
  lang: fc.constantFrom(null, 'en' as const, 'zh-CN' as const),
  theme: fc.constantFrom(null, 'dark' as const),
  present: fc.boolean(),
  embed: fc.boolean(),
  hide: fc.constant([] as string[]),
});

describe('the autoencoder lesson’s link', () => {
  it('reopens every reachable state exactly, with nothing ignored', () => {
    fc.assert(
      fc.property(arbState, arbShared, (state, sharedState) => {
        const link: AutoencoderLinkState = { state, shared: sharedState };
        const decoded = decodeAutoencoderLink(encodeAutoencoderLink(link));
        expect(decoded.ignored).toEqual([]);
        expect(decoded.state).toEqual(link);
      }),
    );
  });

  it('opens the defaults from an empty link', () => {
    expect(decodeAutoencoderLink('')).toEqual({ state: { state: AE_DEFAULTS, shared }, ignored: [] });
  });

  it('falls back key by key and names what it ignored', () => {
    const { state, ignored } = decodeAutoencoderLink('ch=64,0&seed=7&lr=5&bits=9&init=pretrained&story=99&zz=1');
    expect(state.state).toEqual({ ...AE_DEFAULTS, seed: 7 });
    expect([...ignored].sort()).toEqual(['*unknown', 'bits', 'ch', 'init', 'lr', 'story'].sort());
  });

  it('limits the network: at most three encoder layers of at most 64 channels', () => {
    expect(decodeAutoencoderLink('ch=8,8,8,8').ignored).toEqual(['ch']);
    expect(decodeAutoencoderLink('ch=65').ignored).toEqual(['ch']);
    expect(decodeAutoencoderLink('ch=4').state.state.channels).toEqual([4]);
  });

  it('never throws, whatever the link holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (query) => {
        const { state } = decodeAutoencoderLink(query);
        expect(state.state.channels.length).toBeGreaterThanOrEqual(1);
        expect(state.state.channels.length).toBeLessThanOrEqual(3);
      }),
    );
    expect(() => decodeAutoencoderLink(`ch=${'9,'.repeat(100_000)}`)).not.toThrow();
    expect(() => decodeAutoencoderLink('lr=%E0%A4%A')).not.toThrow();
  });
});
