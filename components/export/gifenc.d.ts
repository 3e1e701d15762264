/** The part of gifenc's API that recordGif uses (the package ships no types). */
declare module 'gifenc' {
  /** Colours as [r, g, b] byte triples, at most 256 of them. */
  export type Palette = number[][];

  export interface FrameOptions {
    /** Colour table of this frame (required for the first frame). */
    palette?: Palette;
    /** How long the frame shows, in ms (GIF stores hundredths of a second). */
    delay?: number;
    /** 0 repeats forever, -1 plays once, n > 0 repeats n times. */
    repeat?: number;
  }

  export interface GifStream {
    /** Appends one frame: `index` holds one palette index per pixel, row-major. */
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
    /** Writes the end-of-stream marker. */
    finish(): void;
    /** A copy of the encoded bytes so far. */
    bytes(): Uint8Array<ArrayBuffer>;
  }

  export function GIFEncoder(): GifStream;
  /** Reduces RGBA pixels (4 bytes per pixel) to a palette of at most `maxColors` colours. */
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number): Palette;
  /** Maps each RGBA pixel to the index of its nearest palette colour. */
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette): Uint8Array;
}
