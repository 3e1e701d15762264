import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../app/photos/imageHeader';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (ch) => ch.charCodeAt(0)) : p)));
const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, (v >>> 8) & 255];
const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

describe('readImageHeader', () => {
  it('reads the size of the bundled JPEG photos', () => {
    const cat = new Uint8Array(readFileSync('public/photos/cat.jpg'));
    expect(readImageHeader(cat)).toEqual({ format: 'jpeg', width: 451, height: 300 });
  });

  it('reads PNG, GIF, BMP and WebP sizes from their headers', () => {
    expect(readImageHeader(bytes([0x89], 'PNG\r\n\x1a\n', be32(13), 'IHDR', be32(640), be32(480)))).toEqual({
      format: 'png',
      width: 640,
      height: 480,
    });
    expect(readImageHeader(bytes('GIF89a', le16(20), le16(10)))).toEqual({ format: 'gif', width: 20, height: 10 });
    const bmp = bytes('BM', new Array(16).fill(0), le32(30), le32(-40));
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 30, height: 40 });
    // VP8X stores width − 1 and height − 1 in 24 bits each.
    const webp = bytes('RIFF', le32(30), 'WEBPVP8X', le32(10), [0, 0, 0, 0], [99, 0, 0], [49, 0, 0]);
    expect(readImageHeader(webp)).toEqual({ format: 'webp', width: 100, height: 50 });
  });

  it('recognises an image whose size is not in the bytes read', () => {
    expect(readImageHeader(bytes([0xff, 0xd8, 0xff]))).toEqual({ format: 'jpeg', width: null, height: null });
    expect(readImageHeader(bytes([0, 0, 0, 28], 'ftypavif'))).toEqual({ format: 'avif', width: null, height: null });
  });

  it('says null for bytes that are no image', () => {
    expect(readImageHeader(bytes('%PDF-1.7\n'))).toBeNull();
    expect(readImageHeader(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(readImageHeader(new Uint8Array(0))).toBeNull();
  });
});
