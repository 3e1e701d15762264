import type { EngineErrorCode, ProblemDetails } from '../../engine';
import type { LessonId } from '../lessons';

type D = ProblemDetails;
const axisName = (d: D) => (d.axis === 'w' ? 'width' : d.axis === 'h' ? 'height' : 'size');
/** "Layer 3: " for a refusal inside a stack (details count layers from 0). */
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
  },
  home: {
    title: 'Learn convolution by changing the numbers',
    intro:
      'Six short lessons, in order. Each one is a figure you can edit: change a cell or a setting and every number, highlight and formula follows. Links reopen exactly what you see.',
    pathLabel: 'Learning path',
    open: 'Open lesson',
    comingSoon: 'Coming next',
    step: (n: number) => `Step ${n}`,
    unknownRoute: (path: string) => `There is no page at “${path}”. Here are the lessons instead.`,
    checked: 'Every value is checked against PyTorch 1.13 (float64) by the test suite.',
  },
  lessons: {
    conv: {
      title: 'Convolution',
      summary:
        'A kernel slides over the input: multiply, add, add the bias. Channels, stride, padding, dilation, groups and the output-size formula.',
    },
    transposed: {
      title: 'Transposed convolution',
      summary:
        'Every input cell stamps a copy of the kernel; overlaps add up. Padding crops, stride inserts zeros, and checkerboards appear.',
    },
    'receptive-field': {
      title: 'Receptive field',
      summary: 'How far back one output pixel can see, layer by layer through a stack of convolutions and pooling.',
    },
    matrix: {
      title: 'Convolution as a matrix',
      summary: 'The sliding window written as one sparse matrix C, and why Cᵀ restores the shape but not the values.',
    },
    tensors: {
      title: 'Tensors and autograd',
      summary:
        'unsqueeze and squeeze, in-place versus new tensors, backward adding into .grad, and detach cutting the graph.',
    },
    autoencoder: {
      title: 'A convolutional autoencoder',
      summary:
        'Compress a real image with strided convolutions and rebuild it with transposed ones, trained in your browser.',
    },
  } satisfies Record<LessonId, { title: string; summary: string }>,
  notices: {
    dismiss: 'Dismiss',
    unknownKey: 'settings this app does not know',
    tooLong: 'the whole link (it is too long)',
    ignoredKeys: (keys: string) =>
      `Some settings in the link could not be used and were reset to their defaults: ${keys}.`,
  },
  errors: {
    figureFailed: 'This figure stopped working.',
    figureFailedDetail: (what: string) => `What failed: ${what}`,
    resetFigure: 'Reset this figure',
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
  },
  story: {
    label: 'Lesson steps',
    previous: 'Previous',
    next: 'Next',
    of: (i: number, n: number) => `${i} / ${n}`,
    predict: 'Predict first',
    yourAnswer: 'Your answer',
    check: 'Check',
    reveal: 'Just show me',
    correct: (answer: string) => `Right: ${answer}.`,
    wrong: (answer: string) => `Not quite. It is ${answer}. Step through the figure to see why.`,
    hiddenUntilAnswered: 'The output is hidden until you answer.',
  },
  grid: {
    cellLabel: (row: number, col: number, text: string, mark: string | undefined) =>
      `Row ${row + 1}, column ${col + 1}: ${text === '' ? 'blank' : text}${mark ? ` (${mark})` : ''}`,
    invalid: {
      empty: 'Type a number, or press Escape to keep the old value.',
      'not-a-number': 'That is not a number. Use digits, a minus sign and a decimal point, e.g. -1.5.',
      'too-large': 'That number is too large. Keep values between -1000000 and 1000000.',
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
    keys: 'Keys: Space plays or pauses, ← → step, Home and End jump to the first and last step.',
  },
  share: {
    label: 'Share',
    copyLink: 'Copy link',
    linkCopied: 'Link copied',
    copyFailed: 'Could not copy: select the address bar and copy it from there.',
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
  conv: {
    title: 'Convolution',
    figureLabel: 'Convolution figure',
    matrices: {
      input: 'Input',
      kernel: 'Kernel',
      bias: 'Bias',
      output: 'Output',
      inputOf: (n: number, c: number, batch: number) =>
        batch > 1 ? `Input, sample ${n}, channel ${c}` : `Input, channel ${c}`,
      kernelOf: (co: number, ci: number) => `Kernel ${co}, channel ${ci}`,
      outputOf: (n: number, co: number, batch: number) =>
        batch > 1 ? `Output, sample ${n}, channel ${co}` : `Output, channel ${co}`,
      biasOf: 'Bias (one per output channel)',
    },
    controls: {
      label: 'Settings',
      batch: 'Batch N',
      inChannels: 'Input channels C_in',
      outChannels: 'Output channels C_out (kernels)',
      inputSize: 'Input size H × W',
      kernelSize: 'Kernel size kH × kW',
      stride: 'Stride',
      padding: 'Padding',
      padKind: 'Padding given as',
      padKinds: { explicit: 'numbers', same: "'same'", valid: "'valid'" },
      paddingMode: 'Padding mode',
      paddingModes: {
        zeros: 'zeros',
        reflect: 'reflect (mirror)',
        replicate: 'replicate (repeat edge)',
        circular: 'circular (wrap around)',
      },
      dilation: 'Dilation',
      groups: 'Groups',
      bias: 'Bias',
      height: 'height',
      width: 'width',
      validRange: (lo: number, hi: number) => (lo === hi ? `valid here: ${lo}` : `valid here: ${lo}–${hi}`),
      randomize: 'New random numbers',
      seed: 'Seed',
      undo: 'Undo',
      redo: 'Redo',
    },
    arithmetic: {
      outputCell: (where: string) => `Output ${where}`,
      inputFeeds: (where: string, count: number) =>
        `Input ${where} feeds ${count} output cell${count === 1 ? '' : 's'}`,
      weightUsed: (where: string, count: number) =>
        `Weight ${where} multiplies ${count} input cell${count === 1 ? '' : 's'}: the same weight everywhere (weight sharing)`,
      biasUsed: (co: number) => `Bias ${co} is added to every cell of output channel ${co}`,
      paddingCopies: (where: string) => `a padding cell copying input ${where}`,
      paddingZero: 'a zero padding cell',
      more: (n: number) => `… ${n} more terms …`,
    },
    formulas: {
      title: 'Formulas with your numbers',
      outputSize: 'Output size',
      height: 'Height',
      width: 'Width',
      floorNote: (dropped: number) =>
        `The floor ⌊ ⌋ drops ${dropped} leftover row${dropped === 1 ? '' : 's'}/column${dropped === 1 ? '' : 's'}: the window never reaches them (marked as never visited).`,
      exact: 'The division is exact: the windows tile the padded input with nothing left over.',
      params: 'Parameters',
      paramsNote:
        'Each kernel has C_in/g × kH × kW weights; one bias per output channel is shared by all its input channels.',
      hoverHint: 'Point at a symbol to see its part of the figure.',
    },
    steps: [
      {
        title: 'One window, one number',
        body: 'The kernel (a small matrix of weights) sits on a patch of the input. Multiply each pair of numbers that overlap, add all the products, then add the bias: that is one output cell. Then the window slides one cell and does it again.',
      },
      {
        title: 'Stride: how far the window jumps',
        body: 'With stride 2 the window skips every other position, so the output shrinks. When the jumps do not fit the input exactly, the last rows or columns are never visited: the formula rounds down (the floor).',
      },
      {
        title: 'Padding: a border around the input',
        body: "Padding adds cells around the input so the window can sit over the edges. Zeros are the default; reflect mirrors the input, replicate repeats the edge, circular wraps around. padding='same' picks the padding that keeps the size (stride 1 only).",
      },
      {
        title: 'Dilation: a kernel with holes',
        body: 'Dilation spreads the kernel taps apart, leaving gaps. A 3×3 kernel with dilation 2 covers a 5×5 area with the same nine weights, so it sees further without more parameters.',
      },
      {
        title: 'Many input channels, one kernel',
        body: 'A colour image has three channels. One kernel has a slice for every input channel; all slices multiply at the same position and everything is added into one number. One kernel gives one output channel, never three.',
      },
      {
        title: 'Many kernels, many output channels',
        body: 'Each kernel makes its own output channel, with its own bias. The bias is one number per kernel, shared by all its input channels. Parameters: C_out × C_in × kH × kW weights plus C_out biases.',
      },
      {
        title: 'Groups: kernels that see only some channels',
        body: 'With groups g the channels are split into g groups and each kernel only sees the C_in/g channels of its group. The parameter count divides by g.',
      },
      {
        title: 'Your turn',
        body: 'Change any setting or number. Every value, highlight and formula follows, and the link in the address bar reopens exactly this figure.',
      },
    ],
    questions: {
      outputSize: 'How big is the output (height × width)?',
      outputRows: 'How many rows does the output have?',
      paramCount: 'How many parameters (weights and biases) does this layer have?',
    },
  },
  transposed: {
    title: 'Transposed convolution',
    figureLabel: 'Transposed convolution figure',
    matrices: {
      inputOf: (n: number, c: number, batch: number) =>
        batch > 1 ? `Input, sample ${n}, channel ${c}` : `Input, channel ${c}`,
      kernelOf: (c: number, co: number) => `Kernel, input ${c} → output ${co}`,
      canvasOf: (n: number, co: number, batch: number) =>
        batch > 1 ? `Full canvas, sample ${n}, channel ${co}` : `Full canvas, channel ${co}`,
      outputOf: (n: number, co: number, batch: number) =>
        batch > 1 ? `Output, sample ${n}, channel ${co}` : `Output, channel ${co}`,
      upOf: (n: number, c: number, batch: number) =>
        batch > 1 ? `Zero-inserted input, sample ${n}, channel ${c}` : `Zero-inserted input, channel ${c}`,
      flippedOf: (co: number, ci: number) => `Flipped kernel ${co}, channel ${ci}`,
      overlapOf: (n: number, co: number, batch: number) =>
        batch > 1 ? `Overlap count, sample ${n}, channel ${co}` : `Overlap count, channel ${co}`,
      bias: 'Bias',
    },
    views: {
      scatter: 'Stamp and sum',
      scatterNote:
        'Each step takes one input cell, multiplies the whole kernel by it and adds the result onto the canvas. Where stamps overlap, the numbers add up.',
      crop: (p: string, op: string) =>
        `Padding ${p} crops that many cells from every side of the canvas (hatched); output_padding ${op} keeps that many more at the bottom and right.`,
      gather: 'The same numbers as a direct convolution',
      gatherNote: (zeros: string, pad: string) =>
        `Insert ${zeros} zero(s) between the inputs, pad by d(k−1)−p = ${pad} (output_padding more at the end; negative means crop), then slide the kernel flipped upside down and left to right. The highlighted cells match the stamp step above.`,
      overlaps: 'Where stamps overlap',
      overlapNote:
        'How many stamps reached each canvas cell. When the kernel size is not a multiple of the stride, the count alternates: that unevenness is the checkerboard artifact.',
      maxOverlap: (max: number) => `Busiest cell: ${max} stamps.`,
      presets: 'Presets',
      preset: {
        k3s2: 'kernel 3, stride 2: checkerboard',
        k4s2: 'kernel 4, stride 2: even',
        k2s2: 'kernel 2, stride 2: no overlap',
      },
    },
    controls: {
      outputPadding: 'output_padding',
    },
    arithmetic: {
      stamp: (where: string, x: string) => `Input ${where} = ${x} stamps ${x} × kernel`,
      outputCell: (where: string) => `Output ${where}`,
      canvasCell: (where: string) => `Canvas ${where}`,
      onlyBias: 'no stamp reaches this cell, so it holds only the bias',
      nothing: 'no stamp reaches this cell',
      cropped: 'cut away by padding',
    },
    formulas: {
      title: 'Formulas with your numbers',
      outputSize: 'Output size',
      roundTrip: 'Round trip with a convolution',
      roundTripNote: (axis: string, sizes: string, i: number, chosen: number) =>
        `${axis}: a convolution with the same k, s, p, d maps every input size in {${sizes}} to ${i}. The transposed convolution cannot know which one you came from, so output_padding picks it: here ${chosen}.`,
      roundTripNone: (axis: string, i: number) =>
        `${axis}: nothing comes out of these settings, so no convolution input leads back to ${i}. Pick one of the settings that work first.`,
    },
    steps: [
      {
        title: 'Stamp and sum',
        body: 'Start with the 2×2 input [[0,1],[2,3]] and the 2×2 kernel [[0,1],[2,3]]. Every input cell multiplies the whole kernel and stamps it onto the output at its own position. Overlapping stamps add.',
      },
      {
        title: 'Padding is a crop',
        body: 'In a transposed convolution, padding does not add a border: it removes p cells from every side of the full result. With padding 1 only the centre of the 3×3 canvas survives.',
      },
      {
        title: 'Too much cropping',
        body: 'Padding 2 would remove two cells from each side of a 3×3 result, leaving nothing. PyTorch refuses; so does this figure, and it tells you what would work.',
      },
      {
        title: 'Stride inserts zeros',
        body: 'With stride 2 the stamps land two cells apart. The same result comes from a direct convolution of the input with one zero inserted between neighbours, scanned by the flipped kernel: compare the two views step by step.',
      },
      {
        title: 'output_padding picks the size',
        body: 'A stride-2 convolution maps both 5 and 6 to 3, so going back is ambiguous. output_padding keeps one more row and column at the bottom and right to choose the larger size.',
      },
      {
        title: 'Uneven overlaps',
        body: 'Kernel 3 with stride 2: some canvas cells receive more stamps than their neighbours. With an input of ones the counts show directly, in a checkerboard.',
      },
      {
        title: 'Even overlaps',
        body: 'Kernel 4 with stride 2 (the kernel size divisible by the stride): inside the crop every cell gets the same number of stamps, so no checkerboard appears.',
      },
      {
        title: 'Your turn',
        body: 'Change any setting or number. Both views, the overlap map and the formulas follow, and the link reopens exactly this figure.',
      },
    ],
    questions: {
      outputSize: 'What size comes out (height × width)?',
      maxOverlap: 'Where will the overlap be largest? How many stamps land on the busiest cell?',
    },
  },
  engine: {
    'dimension-out-of-range': (d: D) =>
      `Dimension ${d.dim} does not exist here: choose a dim between ${d.min} and ${d.max}.`,
    'rank-mismatch': (d: D) => `The ${d.name} needs ${d.expected} dimensions but has ${d.actual}.`,
    'non-positive-size': (d: D) =>
      `The ${d.name}${d.axis ? ` (${axisName(d)})` : ''} must be at least 1, not ${d.value}.`,
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
      `The kernel (${d.kernelH}×${d.kernelW} with dilation) is larger than the padded input (${d.paddedH}×${d.paddedW}), so it has nowhere to sit. Make the input or padding larger, or the kernel or dilation smaller.`,
    'same-padding-with-stride': (d: D) =>
      `padding='same' only works with stride 1 (here ${d.strideH}×${d.strideW}). Set the stride to 1 or give the padding as numbers.`,
    'reflect-padding-too-large': (d: D) =>
      `Reflect padding of ${d.padding} needs an input ${axisName(d)} larger than ${d.padding} (it is ${d.inputSize}): a mirror cannot reflect more cells than there are.`,
    'circular-padding-too-large': (d: D) =>
      `Circular padding of ${d.padding} would wrap around an input ${axisName(d)} of ${d.inputSize} more than once. Use padding of at most ${d.inputSize}.`,
    'negative-output-padding': (d: D) => `output_padding cannot be negative (${d.outputPadding}).`,
    'output-padding-too-large': (d: D) =>
      `output_padding (${d.outputPadding}) must be smaller than the stride (${d.stride}) or the dilation (${d.dilation}); otherwise it would add cells that no input could ever reach.`,
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
