import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIGURE, DEFAULT_PARAMS, figureFromSeed } from '../../../../app/lessons/conv/convState';
import { convLink, type ConvPageLinkState } from '../../../../app/lessons/conv/link';
import {
  DEFAULT_PHOTO_PANEL,
  FILTER_CHOICES,
  figureKernel,
  figurePhotoSettings,
  type PhotoPanelState,
} from '../../../../app/lessons/conv/photoState';
import { createAppStore } from '../../../../app/store/appStore';

const shared = { lang: null, theme: null, present: false, embed: false, hide: [] } as const;
const base: ConvPageLinkState = { figure: DEFAULT_FIGURE, step: null, story: 0, shared, photo: DEFAULT_PHOTO_PANEL };
// The first step sets up the lesson's own example, so the default figure under it names its seed.
const FIGURE = `v=1&seed=${DEFAULT_FIGURE.seed}`;

function roundTrip(s: ConvPageLinkState): string {
  const q = convLink.encode(s);
  const d = convLink.decode(q);
  expect(d.ignored).toEqual([]);
  expect(d.state).toEqual(s);
  return q;
}

const arbPanel: fc.Arbitrary<PhotoPanelState> = fc.record({
  open: fc.constant(true),
  photo: fc.oneof(
    fc.constantFrom('cat', 'coffee', 'astronaut', 'rocket', 'own'),
    fc.stringMatching(/^[a-z0-9-]{1,40}$/),
  ),
  filter: fc.constantFrom(...FILTER_CHOICES),
  colour: fc.constantFrom('per-channel' as const, 'summed' as const),
  range: fc.constantFrom('auto' as const, 'own' as const),
  compare: fc.constantFrom('side' as const, 'slider' as const),
});

describe('the convolution lesson link with the photo panel', () => {
  it('writes nothing of the panel while it is shut: links stay as they were', () => {
    expect(roundTrip(base)).toBe(FIGURE);
  });

  it('an open panel writes its photo, and only the choices that differ from the defaults', () => {
    const open = { ...base, photo: { ...DEFAULT_PHOTO_PANEL, open: true } };
    expect(roundTrip(open)).toBe(`${FIGURE}&photo=cat`);
    const sobel: ConvPageLinkState = {
      ...base,
      photo: { open: true, photo: 'astronaut', filter: 'sobel-x', colour: 'summed', range: 'own', compare: 'slider' },
    };
    expect(roundTrip(sobel)).toBe(`${FIGURE}&photo=astronaut&filter=sobel-x&colour=sum&range=own&compare=slider`);
  });

  it('links written before the panel existed open exactly as before, with the panel shut', () => {
    for (const q of ['v=1', 'v=1&s=2&p=1', 'story=3', 'v=1&k=3x2&seed=12&step=4']) {
      const d = convLink.decode(q);
      expect(d.ignored).toEqual([]);
      expect(d.state.photo).toEqual(DEFAULT_PHOTO_PANEL);
    }
  });

  it('falls back per key and names each key it ignored', () => {
    const d = convLink.decode('v=1&photo=..%2Fetc&filter=blur-everything&colour=cmyk&range=9&compare=3d&s=2');
    expect([...d.ignored].sort()).toEqual(['colour', 'compare', 'filter', 'photo', 'range']);
    expect(d.state.photo).toEqual({ ...DEFAULT_PHOTO_PANEL, open: true });
    expect(d.state.figure.params.strideH).toBe(2);
  });

  it('every panel and figure state round-trips exactly', () => {
    fc.assert(
      fc.property(arbPanel, fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 4 }), (photo, seed, s) => {
        roundTrip({ ...base, figure: figureFromSeed({ ...DEFAULT_PARAMS, strideH: s }, seed), photo });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mangled panel keys, and always gives a usable panel', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('photo', 'filter', 'colour', 'range', 'compare'), fc.string())),
        (pairs) => {
          const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
          const { state } = convLink.decode(q);
          expect(FILTER_CHOICES).toContain(state.photo.filter);
          expect(state.photo.photo).toMatch(/^[a-z0-9-]{1,40}$/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('apply and snapshot carry the panel through the store', () => {
    const store = createAppStore();
    const photo: PhotoPanelState = { ...DEFAULT_PHOTO_PANEL, open: true, photo: 'coffee', filter: 'emboss' };
    convLink.apply({ ...base, photo }, store);
    expect(convLink.snapshot(store.getState()).photo).toEqual(photo);
  });
});

describe('what the photo takes from the figure', () => {
  it("the kernel is the figure's first kernel, weight[0, 0, :, :]", () => {
    const figure = figureFromSeed({ ...DEFAULT_PARAMS, inChannels: 2, outChannels: 2, kH: 3, kW: 2 }, 5);
    expect(figureKernel(figure)).toEqual({ rows: 3, cols: 2, values: figure.weight.slice(0, 6) });
  });

  it('stride, padding, padding mode and dilation apply as the figure has them', () => {
    const figure = figureFromSeed(
      { ...DEFAULT_PARAMS, strideH: 2, strideW: 1, padH: 1, padW: 2, paddingMode: 'reflect', dilH: 1, dilW: 3 },
      7,
    );
    expect(figurePhotoSettings(figure, 'summed')).toEqual({
      colour: 'summed',
      stride: [2, 1],
      padding: [1, 2],
      paddingMode: 'reflect',
      dilation: [1, 3],
    });
    const same = figureFromSeed({ ...DEFAULT_PARAMS, padKind: 'same' }, 7);
    expect(figurePhotoSettings(same, 'per-channel').padding).toBe('same');
  });
});
