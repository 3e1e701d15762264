/**
 * English words of the convolution lesson, loaded with its code. `messages.zh.ts` has
 * exactly the same keys (its type is `ConvMessages`).
 */
export const convEn = {
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
    padKind: 'Padding given as',
    padKinds: { explicit: 'numbers', same: "'same'", valid: "'valid'" },
    paddingMode: 'Padding mode',
    paddingModes: {
      zeros: 'zeros',
      reflect: 'reflect (mirror)',
      replicate: 'replicate (repeat edge)',
      circular: 'circular (wrap around)',
    },
    depthwiseNote:
      'Groups equal to C_in (with C_out a multiple of C_in) make a depthwise convolution: each kernel sees one input channel only.',
    depthwise: 'Make it depthwise',
    isDepthwise: (c: number) => `This is a depthwise convolution: ${c} groups of one input channel each.`,
  },
  arithmetic: {
    outputCell: (where: string) => `Output ${where}`,
    inputFeeds: (where: string, count: number) => `Input ${where} feeds ${count} output cell${count === 1 ? '' : 's'}`,
    weightUsed: (where: string, count: number) =>
      `Weight ${where} multiplies ${count} input cell${count === 1 ? '' : 's'}: the same weight everywhere (weight sharing)`,
    biasUsed: (co: number) => `Bias ${co} is added to every cell of output channel ${co}`,
    paddingCopies: (where: string) => `a padding cell copying input ${where}`,
    paddingZero: 'a zero padding cell',
    channelSum: (c: number) => `channel ${c}`,
    channelsTotal: 'channels added',
    channelsTotalWithBias: 'channels added, plus the bias',
    lineLabel: (label: string) => `${label}: `,
  },
  formulas: {
    floorNote: (dropped: number) =>
      `The floor ⌊ ⌋ drops ${dropped} leftover row${dropped === 1 ? '' : 's'}/column${dropped === 1 ? '' : 's'}: the window never reaches them (marked as never visited).`,
    exact: 'The division is exact: the windows tile the padded input with nothing left over.',
    params: 'Parameters',
    paramsNote:
      'Each kernel has C_in/g × kH × kW weights; one bias per output channel is shared by all its input channels.',
    refused:
      'These settings are refused (the reasons are above the figure), so there is no output size or parameter count to compute. Apply one of the fixes, or change a marked setting.',
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
      body: 'With groups g the channels are split into g groups and each kernel only sees the C_in/g channels of its group. The number of weights divides by g; the biases do not, since each output channel still has one.',
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
  photo: {
    open: 'Try the kernel on a photo',
    close: 'Close the photo panel',
    loading: 'Loading the photo panel…',
  },
};

export type ConvMessages = typeof convEn;
