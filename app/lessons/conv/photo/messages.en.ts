/**
 * English words of the photo panel, loaded with the panel's code (not with
 * the lesson). `messages.zh.ts` has the same keys (its type is `PhotoMessages`).
 */
import type { ImageFormat } from '../../../photos/imageHeader';

const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  avif: 'AVIF',
};

/** A byte count as a reader says it: 12.3 MB, 850 kB. */
function bytesText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

export const photoEn = {
  title: 'The kernel on a photo',
  intro:
    "The same convolution on a real picture. Each colour value is a number from 0 (dark) to 1 (full), as torchvision's ToTensor gives it. The figure's stride, padding, padding mode and dilation apply here too; the bias does not.",
  close: 'Close',
  photo: 'Photo',
  ownOption: 'Your own photo',
  pickOwn: 'Use your own photo…',
  dropHint: 'Or drop a picture on this panel, or paste one. It stays in this browser: nothing is uploaded.',
  dropHere: 'Drop the picture to use it',
  credit: (title: string, author: string, licence: string) => `Photo: ${title}, by ${author}; licence ${licence}.`,
  source: 'source',
  ownInfo: (w: number, h: number, ow: number, oh: number) =>
    ow === w && oh === h
      ? `Your photo, ${w}×${h} pixels. It stays in this browser.`
      : `Your photo, scaled from ${ow}×${oh} to ${w}×${h} pixels (at most 1024 on the long side). It stays in this browser.`,
  ownMissing:
    "This link was made with someone's own photo, which never left their device. Here is a bundled photo instead; pick your own if you like.",
  loadingPhoto: 'Loading the photo…',
  noManifest: 'The bundled photos could not be loaded. You can still use your own.',
  refusals: {
    'not-an-image': 'That file is not a picture this browser can read (PNG, JPEG, GIF, WebP, BMP or AVIF).',
    corrupt: (format: ImageFormat) =>
      `That ${FORMAT_NAMES[format]} file is damaged or cut short: it could not be read.`,
    tooLarge: (bytes: number, width: number | null, height: number | null) =>
      width !== null && height !== null
        ? `That picture is too large (${width}×${height} pixels); pictures up to 50 million pixels can be used.`
        : `That file is too large (${bytesText(bytes)}); files up to 40 MB can be used.`,
    kept: 'The photo you had stays, and nothing in the figure changed.',
  },
  kernel: 'Kernel',
  filters: {
    figure: "The figure's kernel",
    identity: 'Identity',
    'box-blur': 'Box blur',
    'gaussian-3': 'Gaussian blur 3×3',
    'gaussian-5': 'Gaussian blur 5×5',
    sharpen: 'Sharpen',
    'sobel-x': 'Sobel x (vertical edges)',
    'sobel-y': 'Sobel y (horizontal edges)',
    laplacian: 'Laplacian',
    emboss: 'Emboss',
  },
  figureKernelNote: (multi: boolean): string =>
    multi
      ? 'Kernel 0, input channel 0 of the figure, on each colour channel. Edit it in the figure or drag a weight here.'
      : 'The kernel of the figure, on each colour channel. Edit it in the figure or drag a weight here.',
  presetSource: 'Values as published:',
  divisor: (d: number) => `each weight ÷ ${d}`,
  weightButton: (row: number, col: number, value: string) => `Weight row ${row}, column ${col}: ${value}`,
  dragWeight: (row: number, col: number) => `Drag weight (row ${row}, column ${col})`,
  colour: 'Colour',
  colours: {
    'per-channel': 'Per channel (groups = 3)',
    summed: 'Summed over R, G, B (C_in = 3)',
  },
  colourNotes: {
    'per-channel': 'The kernel runs on R, G and B apart: three output channels, a colour picture.',
    summed:
      "The kernel has a slice for each of R, G and B (here three equal ones); all the products at one place are added into one number, as in the figure's channels step: one output channel.",
  },
  range: 'Values to pixels',
  ranges: {
    auto: 'Range set by the kernel',
    own: "The output's own minimum to maximum",
  },
  compare: 'Compare',
  compares: { side: 'Side by side', slider: 'Slider' },
  before: 'Before',
  after: 'After',
  beforeLabel: (w: number, h: number) => `The photo, ${w}×${h} pixels`,
  afterLabel: (w: number, h: number) =>
    `The filtered photo, ${w}×${h} pixels. Use the arrow keys to pick a pixel and see its arithmetic.`,
  afterLabelHidden: 'The filtered photo. Use the arrow keys to pick a pixel and see its arithmetic.',
  sizes: (iw: number, ih: number, ow: number, oh: number) => `${iw}×${ih} → ${ow}×${oh} pixels`,
  stretched: "The result is stretched to the photo's size so the two line up.",
  slider: 'Show the result from here',
  exportPng: 'Export the result as PNG',
  copyCode: 'Copy as PyTorch',
  codeCopied: 'Code copied',
  copyFailed: 'Could not copy: open the code below and copy it from there.',
  codeTitle: 'The same filter in PyTorch',
  progress: (done: number, total: number) => `Filtering: ${done} of ${total} bands`,
  updated: (ms: number) => `Updated in ${ms} ms`,
  refused: "PyTorch would refuse this convolution on the photo, so it waits for the figure's settings to change:",
  failed: 'The photo filter stopped working in this browser. Close the panel and open it again.',
  legend: {
    title: 'Values to pixels',
    eachChannel: 'For each of R, G and B:',
    fixed: (low: string, high: string) =>
      `a fixed range: ${low} is drawn dark and ${high} full, so flat regions keep their brightness.`,
    diverging: (m: string) =>
      `signed values: 0 is the middle, negative is blue and positive red, up to ±${m} (the largest absolute value).`,
    divergingGrey: (m: string) => `signed values: 0 is mid grey, −${m} dark and +${m} full.`,
    minMax: (min: string, max: string) => `the output's own range: ${min} is drawn dark and ${max} full.`,
    extent: (min: string, max: string) => `The output's values run from ${min} to ${max}.`,
    clipped: (below: number, above: number, percent: string) =>
      `${below} values below the range and ${above} above it are drawn at its ends (${percent} of all). Choose "The output's own minimum to maximum" to see them all.`,
    noneClipped: 'No value is outside the range: nothing is clipped.',
  },
  explain: {
    title: 'One pixel, worked out',
    hint: 'Point at the result, or focus it and use the arrow keys, to see the input pixels, the kernel and the sum behind one pixel.',
    pixel: (row: number, col: number) => `Output pixel: row ${row}, column ${col}`,
    neighbourhood: (channel: string) => `Input ${channel}`,
    kernel: 'Kernel',
    channels: ['R', 'G', 'B'] as readonly string[],
    padding: 'outside the photo: padding',
    sumOver: 'R + G + B',
    shownAs: 'drawn as',
    outputChannel: (channel: string) => `Output ${channel}`,
  },
};

export type PhotoMessages = typeof photoEn;
