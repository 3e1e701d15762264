/**
 * A picked, dropped or pasted file (or a bundled photo's bytes) to a planar
 * RGB image the filter can read, at most MAX_PHOTO_SIDE pixels on its long
 * side. Runs on the main thread or in a worker (createImageBitmap and
 * OffscreenCanvas exist in both); never throws: every failure is a typed
 * refusal the app words in the reader's language.
 */
import type { RgbImage } from '../../engine/photoFilter';
import { rgbFromRgba } from '../../engine/pixelMapping';
import { readImageHeader, type ImageFormat } from './imageHeader';

/** Longest side of a decoded photo, in pixels; larger ones are scaled down. */
export const MAX_PHOTO_SIDE = 1024;

/** Files above this many bytes are refused before reading them. */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;

/** Pictures of more pixels than this (by their header) are refused before decoding. */
export const MAX_PHOTO_PIXELS = 50_000_000;

/** Bytes read to recognise the format and size (a JPEG's size can follow 64 KiB of EXIF). */
const HEADER_BYTES = 256 * 1024;

/** Why a file was not loaded. */
export type PhotoRefusal =
  | { readonly kind: 'not-an-image' }
  | { readonly kind: 'corrupt'; readonly format: ImageFormat }
  | {
      readonly kind: 'too-large';
      /** The file's bytes, or its pixel size from the header: whichever broke a limit. */
      readonly bytes: number;
      readonly width: number | null;
      readonly height: number | null;
    };

export interface DecodedPhoto {
  /** Planar RGB, values 0–1, at most MAX_PHOTO_SIDE on the long side. */
  readonly image: RgbImage;
  /** The same pixels as RGBA bytes (ImageData order), to draw the "before" picture. */
  readonly rgba: Uint8ClampedArray;
  /** The file's own pixel size, before scaling. */
  readonly originalWidth: number;
  readonly originalHeight: number;
}

export type DecodeResult =
  { readonly ok: true; readonly photo: DecodedPhoto } | { readonly ok: false; readonly refusal: PhotoRefusal };

/** A decoded bitmap that can draw itself at a size, as RGBA bytes. */
export interface DecodedBitmap {
  readonly width: number;
  readonly height: number;
  /** RGBA bytes of the picture scaled to width × height. */
  draw(width: number, height: number): Uint8ClampedArray;
  close(): void;
}

/** Turns bytes into a bitmap; rejects (or throws) when the bytes do not decode. */
export type BitmapDecoder = (blob: Blob) => Promise<DecodedBitmap>;

/** The browser's decoder: createImageBitmap, drawn (smoothed, high quality) on an OffscreenCanvas. */
export const browserDecoder: BitmapDecoder = async (blob) => {
  const bitmap = await createImageBitmap(blob);
  return {
    width: bitmap.width,
    height: bitmap.height,
    draw(width, height) {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2d context');
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      return context.getImageData(0, 0, width, height).data;
    },
    close: () => bitmap.close(),
  };
};

/** The size a picture is scaled to: long side at most MAX_PHOTO_SIDE, aspect kept, at least 1 px. */
export function scaledSize(width: number, height: number, maxSide: number = MAX_PHOTO_SIDE): [number, number] {
  const factor = Math.min(1, maxSide / Math.max(width, height));
  return [Math.max(1, Math.round(width * factor)), Math.max(1, Math.round(height * factor))];
}

/**
 * Decodes a photo: refuses a file above MAX_PHOTO_BYTES, bytes that are no
 * image format (PNG, JPEG, GIF, WebP, BMP, AVIF), a header of more than
 * MAX_PHOTO_PIXELS pixels, and bytes that do not decode ('corrupt'); scales
 * the rest to at most `maxSide` (MAX_PHOTO_SIDE unless given) on the long side.
 */
export async function decodePhoto(
  blob: Blob,
  decode: BitmapDecoder = browserDecoder,
  maxSide: number = MAX_PHOTO_SIDE,
): Promise<DecodeResult> {
  const tooLarge = (width: number | null, height: number | null): DecodeResult => ({
    ok: false,
    refusal: { kind: 'too-large', bytes: blob.size, width, height },
  });
  if (blob.size > MAX_PHOTO_BYTES) return tooLarge(null, null);
  let head: Uint8Array;
  try {
    head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  } catch {
    return { ok: false, refusal: { kind: 'not-an-image' } };
  }
  const header = readImageHeader(head);
  if (!header) return { ok: false, refusal: { kind: 'not-an-image' } };
  const { width, height } = header;
  if (width !== null && height !== null && width * height > MAX_PHOTO_PIXELS) return tooLarge(width, height);
  const corrupt: DecodeResult = { ok: false, refusal: { kind: 'corrupt', format: header.format } };
  let bitmap: DecodedBitmap;
  try {
    bitmap = await decode(blob);
  } catch {
    return corrupt;
  }
  try {
    if (!(bitmap.width >= 1 && bitmap.height >= 1)) return corrupt;
    if (bitmap.width * bitmap.height > MAX_PHOTO_PIXELS) return tooLarge(bitmap.width, bitmap.height);
    const [w, h] = scaledSize(bitmap.width, bitmap.height, maxSide);
    const rgba = bitmap.draw(w, h);
    if (rgba.length !== w * h * 4) return corrupt;
    return {
      ok: true,
      photo: {
        image: { width: w, height: h, data: rgbFromRgba(rgba, w, h) },
        rgba,
        originalWidth: bitmap.width,
        originalHeight: bitmap.height,
      },
    };
  } catch {
    return corrupt;
  } finally {
    bitmap.close();
  }
}
