/**
 * What a file's first bytes say about it: an image format we can decode and,
 * where the header holds them, its pixel dimensions, read before anything is
 * decoded so a huge picture is refused cheaply. Pure and total: any bytes
 * give an answer, never an exception.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';

export interface ImageHeader {
  readonly format: ImageFormat;
  /** Pixel size from the header, or null when it is not in the bytes read. */
  readonly width: number | null;
  readonly height: number | null;
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

function u16be(b: Uint8Array, at: number): number | null {
  return at + 2 <= b.length ? (b[at]! << 8) | b[at + 1]! : null;
}

function u32be(b: Uint8Array, at: number): number | null {
  return at + 4 <= b.length ? ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0 : null;
}

function u16le(b: Uint8Array, at: number): number | null {
  return at + 2 <= b.length ? b[at]! | (b[at + 1]! << 8) : null;
}

function u24le(b: Uint8Array, at: number): number | null {
  return at + 3 <= b.length ? b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) : null;
}

function i32le(b: Uint8Array, at: number): number | null {
  return at + 4 <= b.length ? b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24) : null;
}

function sized(format: ImageFormat, width: number | null, height: number | null): ImageHeader {
  return { format, width, height };
}

/** JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): ImageHeader {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return sized('jpeg', null, null);
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = u16be(b, at + 2);
    if (length === null || length < 2) return sized('jpeg', null, null);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return sized('jpeg', u16be(b, at + 7), u16be(b, at + 5));
    if (marker === 0xda || marker === 0xd9) return sized('jpeg', null, null);
    at += 2 + length;
  }
  return sized('jpeg', null, null);
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) chunk. */
function webpSize(b: Uint8Array): ImageHeader {
  if (ascii(b, 12, 'VP8 ')) {
    const w = u16le(b, 26);
    const h = u16le(b, 28);
    return sized('webp', w === null ? null : w & 0x3fff, h === null ? null : h & 0x3fff);
  }
  if (ascii(b, 12, 'VP8L') && b.length >= 25) {
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X')) {
    const w = u24le(b, 24);
    const h = u24le(b, 27);
    return sized('webp', w === null ? null : w + 1, h === null ? null : h + 1);
  }
  return sized('webp', null, null);
}

/**
 * The format and size of an image file from its first bytes (a few hundred
 * kilobytes are plenty: a JPEG's frame header can follow its EXIF data), or
 * null when the bytes are no image format the app decodes.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) {
    return ascii(b, 12, 'IHDR') ? sized('png', u32be(b, 16), u32be(b, 20)) : sized('png', null, null);
  }
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegSize(b);
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return sized('gif', u16le(b, 6), u16le(b, 8));
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpSize(b);
  if (ascii(b, 0, 'BM') && b.length >= 26) {
    const w = i32le(b, 18);
    const h = i32le(b, 22);
    // A negative height means rows stored top-down.
    return sized('bmp', w === null ? null : Math.abs(w), h === null ? null : Math.abs(h));
  }
  if (ascii(b, 4, 'ftyp') && (ascii(b, 8, 'avif') || ascii(b, 8, 'avis'))) return sized('avif', null, null);
  return null;
}
