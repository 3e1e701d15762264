import type { EngineErrorCode, ProblemDetails } from '../../engine';
import type { PasteReport } from '../parseNumbers';

type D = ProblemDetails;
const axisName = (d: D) => (d.axis === 'w' ? 'width' : d.axis === 'h' ? 'height' : 'size');
/** "Layer 3: " for a refusal inside a stack (details count layers from 0). */
/** The words a student knows for the sizes a refusal names (never the code's field names). */
const SIZE_NAMES: Readonly<Record<string, string>> = {
  batch: 'batch size',
  inChannels: 'number of input channels',
  outChannels: 'number of output channels',
  inputSize: 'input size',
  kernelSize: 'kernel size',
  layers: 'number of layers',
};
const sizeName = (d: D) => SIZE_NAMES[String(d.name)] ?? 'size';
const layerName = (d: D) => (typeof d.layer === 'number' ? `Layer ${d.layer + 1}: ` : '');

/**
 * English strings. `zh.ts` must have exactly the same keys (its type is
 * `Messages`), so a missing translation fails the type check and the build.
 */
export const en = {
  langName: 'English',
  appName: 'ConvLab',
  tagline: 'Convolution arithmetic you can touch: every number computed in your browser and checked against PyTorch.',
  skipToContent: 'Skip to content',
  nav: {
    home: 'Lessons',
    language: 'Language',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    present: 'Present',
    exitPresent: 'Exit presentation',
    presentHint: 'Presentation mode (F)',
    presentBar: 'Presentation',
    presentPanels: 'Settings and formulas',
    exitPresentHint: 'Leave presentation mode (Esc or F)',
  },
  home: {
    title: 'Learn convolution by changing the numbers',
    intro:
      'Six short lessons, in order. Each one is a figure you can edit: change a cell or a setting and every number, highlight and formula follows. Links reopen exactly what you see.',
    pathLabel: 'Learning path',
    open: 'Open lesson',
    comingSoon: 'Coming next',
    step: (n: number) => `Step ${n}`,
    // Never quotes the address: text from a link does not go on the page.
    unknownRoute: 'There is no page at that address. Here are the lessons instead.',
    checked: 'Every value is checked against PyTorch 1.13 (float64) by the test suite.',
  },
  notices: {
    dismiss: 'Dismiss',
    unknownKey: 'settings this app does not know',
    tooLong: 'the whole link (it is too long)',
    newerLink:
      'This link was made by a newer version of ConvLab. It opens here as closely as this version can show it; reload the page to get the newest version.',
    adjustedKeys: (keys: string) =>
      `Some settings in the link asked for more than this figure has and were moved to the nearest it can show: ${keys}.`,
    ignoredKeys: (keys: string) =>
      `Some settings in the link could not be used and were reset to their defaults: ${keys}.`,
  },
  errors: {
    figureFailed: 'This figure stopped working.',
    figureFailedDetail: (what: string) => `What failed: ${what}`,
    resetFigure: 'Reset this figure',
    panelFailed: 'This part of the page stopped working. The rest of the lesson still works.',
    retry: 'Try again',
    reloadPage: 'Reload the page',
    appFailed: 'ConvLab stopped working.',
    appFailedDetail: 'Your work is kept in the address: reloading the page reopens it.',
    lessonFailed: 'This lesson stopped working.',
    lessonLoading: 'Loading the lesson…',
    lessonDownloadFailed:
      'This lesson could not be downloaded. You may be offline, or the site may have just been updated. Check the connection and try again.',
  },
  refusal: {
    title: 'PyTorch would refuse this configuration',
    fixes: 'Nearest settings that work:',
    noFix: 'Change two settings: no single change makes this valid.',
    fix: (param: string, to: string) => `Set ${param} to ${to}`,
  },
  legend: {
    title: 'What the marks mean',
    active: 'the cell being computed or pointed at (thick blue outline)',
    contributing: 'takes part in it (dashed orange outline)',
    target: 'receives from it (double green outline)',
    padding: 'padding (hatched)',
    unvisited: 'never visited because of the floor (cross-hatched)',
    gap: 'skipped by dilation (dotted)',
    cropped: 'cut away by padding (hatched, struck through)',
    pending: 'not computed yet (dashed)',
    colour: 'Fill colour: purple for negative values, orange for positive.',
    kept: 'kept by output_padding: the extra rows and columns at the bottom and right (bar along the bottom and right edges)',
  },
  story: {
    label: 'Lesson steps',
    previous: 'Previous',
    next: 'Next',
    of: (i: number, n: number) => `${i} / ${n}`,
    predict: 'Predict first:',
    yourAnswer: 'Your answer',
    check: 'Check',
    reveal: 'Just show me',
    correct: (answer: string) => `Right: ${answer}.`,
    shown: (answer: string) => `The answer: ${answer}.`,
    wrong: (answer: string) => `Not quite. It is ${answer}. Step through the figure to see why.`,
    hiddenUntilAnswered: 'The output is hidden until you answer.',
    /** An output grid drawn as one "?" while a question about its size waits. */
    shapeHidden: (label: string) => `${label}: size hidden until you answer`,
    refusedFigure:
      'With these settings there is no output to predict: change a setting first, for example with one of the fixes below.',
  },
  grid: {
    cellLabel: (row: number, col: number, text: string, mark: string | undefined) =>
      `Row ${row + 1}, column ${col + 1}: ${text === '' ? 'blank' : text}${mark ? ` (${mark})` : ''}`,
    invalid: {
      empty: 'Type a number, or press Escape to keep the old value.',
      'not-a-number': 'That is not a number. Use digits, a minus sign and a decimal point, e.g. -1.5.',
      'too-large': 'That number is too large. Keep values between -1000000 and 1000000.',
      'too-long': 'That text is too long to paste. Copy a smaller block (at most 1,000,000 characters).',
    },
    pasted: (r: PasteReport) => {
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      const read = `Read ${count(r.rows, 'row', 'rows')} × ${count(r.cols, 'column', 'columns')}`;
      const commas = r.decimalComma ? ', decimal commas' : '';
      const clipped =
        r.keptRows < r.rows || r.keptCols < r.cols
          ? `; the grid ends there, so ${r.keptRows} of ${r.rows} rows and ${r.keptCols} of ${r.cols} columns were kept`
          : '';
      return `${read}${commas}${clipped}.`;
    },
    states: {
      idle: '',
      active: 'active',
      contributing: 'contributing',
      target: 'receives',
      padding: 'padding',
      'padding-contributing': 'padding, contributing',
      unvisited: 'never visited',
      pending: 'not computed yet',
      cropped: 'cropped',
      gap: 'skipped by dilation',
      kept: 'kept by output_padding',
    },
  },
  playback: {
    label: 'Playback',
    play: 'Play',
    pause: 'Pause',
    first: 'First step',
    last: 'Last step',
    back: 'Step back',
    forward: 'Step forward',
    speed: 'Speed',
    scrubber: 'Step',
    stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
    held: 'Playback starts once you answer.',
    keys: 'Keys: Space plays or pauses, ← → step, Home and End jump to the first and last step.',
  },
  share: {
    label: 'Share',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    longLink: (length: number) =>
      `This link is ${length.toLocaleString('en')} characters long: many chat apps and forums cut links after about 2,000, so check that it arrives whole, or share the PyTorch code instead.`,
    copyFailed: 'Could not copy: select the address bar and copy it from there.',
    saved: (file: string) => `Saved as ${file} (see your downloads).`,
    exportFailed: 'The file could not be made. If you are offline, connect and try again.',
    png: 'Export PNG',
    svg: 'Export SVG',
    gif: 'Record GIF',
    recording: (done: number, total: number) => `Recording ${done}/${total}…`,
    cancel: 'Cancel',
    copyCode: 'Copy as PyTorch',
    codeCopied: 'Code copied',
    codeTitle: 'The same numbers in PyTorch',
    embedHint: 'For slides: add &embed=1 to the link for the figure alone, or &hide=stride,padding to hide controls.',
  },
  engine: {
    'dimension-out-of-range': (d: D) =>
      `Dimension ${d.dim} does not exist here: choose a dim between ${d.min} and ${d.max}.`,
    'rank-mismatch': (d: D) => `The ${d.name} needs ${d.expected} dimensions but has ${d.actual}.`,
    'non-positive-size': (d: D) =>
      `${layerName(d)}The ${sizeName(d)}${d.axis ? ` (${axisName(d)})` : ''} must be at least 1, not ${d.value}.`,
    'invalid-shape': (d: D) => `A shape lists whole sizes of 0 or more; ${d.shape} does not.`,
    'data-size-mismatch': (d: D) => `The ${d.name} holds ${d.actual} values, but its shape needs ${d.expected}.`,
    'training-padding-unsupported': (d: D) =>
      `Training takes zero padding that is the same on both sides of each axis; this layer asks for ${d.mode} padding.`,
    'invalid-stride': (d: D) => `Stride must be a whole number of at least 1, not ${d.stride}.`,
    'invalid-dilation': (d: D) => `Dilation must be a whole number of at least 1, not ${d.dilation}.`,
    'negative-padding': (d: D) => `Padding cannot be negative (${d.padding}). Use 0 or more.`,
    'invalid-groups': (d: D) => `Groups must be a whole number of at least 1, not ${d.groups}.`,
    'in-channels-not-divisible-by-groups': (d: D) =>
      `${d.inChannels} input channels cannot be split into ${d.groups} equal groups. Pick a number of groups that divides ${d.inChannels}.`,
    'out-channels-not-divisible-by-groups': (d: D) =>
      `${d.outChannels} output channels cannot be split into ${d.groups} equal groups. Pick a number of groups that divides ${d.outChannels}.`,
    'weight-in-channels-mismatch': (d: D) =>
      `The kernels expect ${d.weightInChannels} channels per group but the input has ${d.inChannels} channels in ${d.groups} groups.`,
    'bias-size-mismatch': (d: D) => `There must be one bias per output channel (${d.outChannels}), not ${d.biasSize}.`,
    'kernel-larger-than-padded-input': (d: D) =>
      Number(d.dilationH) > 1 || Number(d.dilationW) > 1
        ? `${layerName(d)}With dilation ${d.dilationH}×${d.dilationW} the kernel spans ${d.kernelH}×${d.kernelW} cells, more than the padded input (${d.paddedH}×${d.paddedW}), so it has nowhere to sit. Make the input or padding larger, or the kernel or dilation smaller.`
        : `${layerName(d)}The kernel (${d.kernelH}×${d.kernelW}) is larger than the padded input (${d.paddedH}×${d.paddedW}), so it has nowhere to sit. Make the input or padding larger, or the kernel smaller.`,
    'same-padding-with-stride': (d: D) =>
      `padding='same' only works with stride 1 (here ${d.strideH}×${d.strideW}). Set the stride to 1 or give the padding as numbers.`,
    'reflect-padding-too-large': (d: D) =>
      `Reflect padding of ${d.padding} needs an input ${axisName(d)} larger than ${d.padding} (it is ${d.inputSize}): a mirror cannot reflect more cells than there are.`,
    'circular-padding-too-large': (d: D) =>
      `Circular padding of ${d.padding} would wrap around an input ${axisName(d)} of ${d.inputSize} more than once. Use padding of at most ${d.inputSize}.`,
    'negative-output-padding': (d: D) => `output_padding cannot be negative (${d.outputPadding}).`,
    'output-padding-too-large': (d: D) =>
      `output_padding (${d.outputPadding}) must be smaller than the stride (${d.stride}) or the dilation (${d.dilation}): it only chooses among the input sizes that a stride-${d.stride} convolution maps to the same output size.`,
    'output-size-not-positive': (d: D) =>
      `Cropping ${d.paddingH}×${d.paddingW} from each side of the ${d.fullH}×${d.fullW} result leaves ${d.outH}×${d.outW}: nothing is left. Use less padding, or a larger input, kernel or stride.`,
    'grad-output-shape-mismatch': (d: D) => `The gradient must have the output's shape ${d.expected}, not ${d.actual}.`,
    'value-out-of-range': (d: D) =>
      `${layerName(d)}The ${d.name}${d.axis ? ` (${axisName(d)})` : ''} must be a whole number from ${d.min} to ${d.max}, not ${d.value}.`,
    'stack-too-deep': (d: D) => `A stack holds at most ${d.max} layers here, not ${d.value}. Remove a layer.`,
    'in-channels-mismatch': (d: D) =>
      `${layerName(d)}The layer before gives ${d.expected} channels, but ${d.name} is ${d.actual}. Set it to ${d.expected}.`,
    'pool-padding-too-large': (d: D) =>
      `${layerName(d)}A pooling window of ${d.kernel} can be padded by at most ${d.max} on each side (${axisName(d)}), not ${d.padding}: otherwise a window could hold padding only.`,
    'cell-out-of-range': (d: D) => `There is no ${d.name} ${d.value} here: choose one from ${d.min} to ${d.max}.`,
    'effective-field-too-costly': (d: D) =>
      `This field needs about ${d.cost} multiply-adds, more than the ${d.max} computed here. Pick a cell of an earlier layer, fewer channels or a smaller stack.`,
  } satisfies Record<EngineErrorCode, (d: D) => string>,
};

export type Messages = typeof en;
