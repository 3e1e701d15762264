import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodePhoto,
  MAX_PHOTO_BYTES,
  MAX_PHOTO_SIDE,
  scaledSize,
  type BitmapDecoder,
} from '../../../app/photos/decodePhoto';

const catJpeg = () => new Blob([readFileSync('public/photos/cat.jpg')], { type: 'image/jpeg' });

/** A decoder that "decodes" any bytes to a width × height picture of one colour, recording the sizes drawn. */
function fakeDecoder(width: number, height: number, drawn: [number, number][] = []): BitmapDecoder {
  return async () => ({
    width,
    height,
    draw(w, h) {
      drawn.push([w, h]);
      const rgba = new Uint8ClampedArray(w * h * 4);
      for (let i = 0; i < w * h; i++) rgba.set([255, 0, 51, 255], i * 4);
      return rgba;
    },
    close() {},
  });
}

const failingDecoder: BitmapDecoder = () => Promise.reject(new DOMException('The source image cannot be decoded.'));

describe('decodePhoto', () => {
  it('turns a decoded picture into planar RGB in 0–1 with its RGBA bytes', async () => {
    const result = await decodePhoto(catJpeg(), fakeDecoder(451, 300));
    if (!result.ok) throw new Error('expected a photo');
    const { image, rgba, originalWidth, originalHeight } = result.photo;
    expect([image.width, image.height, originalWidth, originalHeight]).toEqual([451, 300, 451, 300]);
    expect(rgba).toHaveLength(451 * 300 * 4);
    const plane = 451 * 300;
    expect([image.data[0], image.data[plane], image.data[2 * plane]]).toEqual([1, 0, 0.20000000298023224]);
  });

  it('scales to a smaller long side when the caller asks (the autoencoder lesson’s 512)', async () => {
    const drawn: [number, number][] = [];
    const result = await decodePhoto(catJpeg(), fakeDecoder(4000, 3000, drawn), 512);
    expect(drawn).toEqual([[512, 384]]);
    expect(result.ok && [result.photo.image.width, result.photo.image.height]).toEqual([512, 384]);
  });

  it('scales a large photo to at most 1024 px on its long side, keeping its shape', async () => {
    const drawn: [number, number][] = [];
    const result = await decodePhoto(catJpeg(), fakeDecoder(4000, 3000, drawn));
    expect(drawn).toEqual([[MAX_PHOTO_SIDE, 768]]);
    expect(result.ok && [result.photo.image.width, result.photo.image.height]).toEqual([1024, 768]);
    expect(scaledSize(300, 5000)).toEqual([61, 1024]);
    expect(scaledSize(5000, 1)).toEqual([1024, 1]);
  });

  it('refuses a file that is not an image', async () => {
    const text = new Blob(['name,score\nada,3\n'], { type: 'text/csv' });
    expect(await decodePhoto(text, fakeDecoder(2, 2))).toEqual({ ok: false, refusal: { kind: 'not-an-image' } });
  });

  it('refuses an image that does not decode as corrupt, naming its format', async () => {
    const truncated = new Blob([readFileSync('public/photos/cat.jpg').subarray(0, 600)]);
    expect(await decodePhoto(truncated, failingDecoder)).toEqual({
      ok: false,
      refusal: { kind: 'corrupt', format: 'jpeg' },
    });
  });

  it('refuses a huge file before reading it, and a huge picture before decoding it', async () => {
    const huge = { size: MAX_PHOTO_BYTES + 1 } as Blob;
    expect(await decodePhoto(huge, failingDecoder)).toEqual({
      ok: false,
      refusal: { kind: 'too-large', bytes: MAX_PHOTO_BYTES + 1, width: null, height: null },
    });
    // A GIF header claiming 30000 × 30000 pixels (900 megapixels).
    const bomb = new Blob([Uint8Array.from([71, 73, 70, 56, 57, 97, 0x30, 0x75, 0x30, 0x75])]);
    let decoded = false;
    const result = await decodePhoto(bomb, async (blob) => {
      decoded = true;
      return fakeDecoder(1, 1)(blob);
    });
    expect(result).toEqual({ ok: false, refusal: { kind: 'too-large', bytes: 10, width: 30000, height: 30000 } });
    expect(decoded).toBe(false);
  });
});
