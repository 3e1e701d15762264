import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bitsPerPixel,
  compareAtEqualRate,
  dequantiseLatent,
  quantiseLatent,
  rateVerdict,
  samplePatches,
} from '../../../engine/nn';
import { mulberry32 } from '../../../engine/random';

describe('latent quantisation', () => {
  it('puts every value within half a step, max / (2·(2ᵇ − 1)), of where it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 8 }),
        (values, bits) => {
          const latent = Float32Array.from(values);
          const q = quantiseLatent(latent, bits);
          const back = new Float32Array(latent.length);
          dequantiseLatent(q, back);
          const half = q.max / (2 * (2 ** bits - 1));
          for (let i = 0; i < latent.length; i++) {
            expect(q.codes[i]).toBeLessThanOrEqual(2 ** bits - 1);
            expect(Math.abs(back[i]! - latent[i]!)).toBeLessThanOrEqual(half * (1 + 1e-5) + 1e-6);
          }
        },
      ),
    );
  });

  it('keeps an all-zero latent at zero and clamps the bits to 1 … 8', () => {
    const q = quantiseLatent(new Float32Array(4), 12);
    expect(q.bits).toBe(8);
    expect(Array.from(q.codes)).toEqual([0, 0, 0, 0]);
    expect(quantiseLatent(new Float32Array([1]), 0).bits).toBe(1);
  });
});

describe('training batches', () => {
  const photo = { width: 5, height: 4, data: Float32Array.from({ length: 60 }, (_, i) => i) };

  it('are crops of the photos, the same for the same seed', () => {
    const a = new Float32Array(2 * 3 * 3 * 3);
    const b = new Float32Array(a.length);
    samplePatches([photo], 3, mulberry32(5), a);
    samplePatches([photo], 3, mulberry32(5), b);
    expect(b).toEqual(a);
    // Each crop row is three consecutive pixels of one row of the photo, in each channel.
    for (let row = 0; row < a.length / 3; row++) {
      expect(a[row * 3 + 1]! - a[row * 3]!).toBe(1);
      expect(a[row * 3 + 2]! - a[row * 3 + 1]!).toBe(1);
    }
  });

  it('are refused when a photo is smaller than the patch', () => {
    expect(() => samplePatches([photo], 6, mulberry32(1), new Float32Array(3 * 36))).toThrow();
  });
});

describe('rate and distortion', () => {
  it('counts bits per pixel as 8·bytes / (W·H)', () => {
    expect(bitsPerPixel(1024, 128, 64)).toBe(1);
  });

  it('compares two codecs only where the second was measured on both sides of the first one’s rate', () => {
    const jpeg = [
      { bpp: 1, psnr: 30, setting: 0.5 },
      { bpp: 0.5, psnr: 26, setting: 0.2 },
    ];
    const ae = [
      { bpp: 0.75, psnr: 27, setting: 4 },
      { bpp: 2, psnr: 31, setting: 8 },
    ];
    expect(compareAtEqualRate(ae, jpeg)).toEqual([{ bpp: 0.75, a: 27, b: 28 }]);
  });
});

describe('the rate–distortion verdict', () => {
  const jpeg = [0.5, 1, 2].map((bpp, i) => ({ bpp, psnr: 25 + 5 * i, setting: i }));

  it('says B wins when it is better at every compared rate', () => {
    const ae = [{ bpp: 0.75, psnr: 20, setting: 1 }];
    expect(rateVerdict(ae, jpeg)).toEqual({ kind: 'b-wins', at: { bpp: 0.75, a: 20, b: 27.5 } });
  });

  it('finds where the curves cross', () => {
    const ae = [
      { bpp: 0.5, psnr: 28, setting: 1 },
      { bpp: 1.5, psnr: 30, setting: 2 },
    ];
    const v = rateVerdict(ae, jpeg);
    expect(v.kind).toBe('mixed');
    if (v.kind !== 'mixed') return;
    // a − b: +3 at 0.5, −2.5 at 1.5 → zero at 0.5 + 3/5.5.
    expect(v.crossing).toBeCloseTo(0.5 + 3 / 5.5, 12);
    expect(v.aWinsBelow).toBe(true);
  });

  it('refuses to compare curves that do not overlap in rate', () => {
    expect(rateVerdict([{ bpp: 5, psnr: 40, setting: 8 }], jpeg)).toEqual({ kind: 'none' });
  });
});
