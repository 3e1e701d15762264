import type { StoryText } from '../kit/story';
import { TENSORS_SHAPES_HREF } from './storyLinks';

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
    inputAt: (where: string) => `Input ${where}`,
    weightAt: (where: string) => `Weight ${where}`,
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
      title: 'A first example',
      body: 'The input is a 4×4 matrix holding 0 to 15; the kernel is 3×3 and each of its rows reads 1, 0, −1. One input channel, one output channel, stride 1, no bias: in PyTorch, nn.Conv2d(1, 1, kernel_size=3, bias=False). A conv layer takes a tensor shaped [batch, channel, height, width], so the 4×4 matrix needs two unsqueeze(0) before it goes in: [4, 4] → [1, 4, 4] → [1, 1, 4, 4].',
      link: { href: TENSORS_SHAPES_HREF, label: 'See the two unsqueeze(0) change the shape in the tensors lesson' },
    },
    {
      title: 'One window, one number',
      body: 'Put the kernel on the top-left corner of the input, over the 3×3 patch under it. Multiply each pair of numbers that overlap and add the nine products: that sum is one output cell.',
    },
    {
      title: 'Then the bias',
      body: 'A layer may also have a bias: one number per output channel, added to every window’s sum. The input and the kernel are those of the previous step; only the bias is new.',
    },
    {
      title: 'The window slides',
      body: 'After each position the window moves one cell to the right; at the end of a row it goes back to the left edge, one row down. Every position gives one output cell, and the window never sticks out past the input.',
    },
    {
      title: 'Stride: how far the window jumps',
      body: 'With stride 2 the window skips every other position, so the output shrinks. When the jumps do not fit the input exactly, the last rows or columns are never visited: the formula rounds down (the floor).',
    },
    {
      title: 'Padding: a border around the input',
      body: 'Padding puts a border of p cells around the input before the window slides, zeros unless told otherwise. The window can then sit over the edge cells as often as over the others. In the output-size formula, the input size i becomes i + 2p.',
    },
    {
      title: 'What the border holds',
      body: 'The border need not be zeros. reflect mirrors the input across its edge (the edge itself is not repeated), replicate repeats the edge cell, and circular wraps around to the opposite side. Point at a padding cell to see which input cell it copies.',
    },
    {
      title: "padding='same'",
      body: "padding='same' asks PyTorch for the padding that keeps the output as large as the input. With this 5×5 kernel that is two cells on every side. It works with stride 1 only.",
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
      body: 'Each kernel makes its own output channel: two kernels, two output channels. Each kernel also has its own bias, a single number shared by all of its slices.',
    },
    {
      title: 'Counting the parameters',
      body: 'Every weight of every kernel is a parameter, and so is every bias: C_out × C_in × kH × kW weights plus C_out biases. The layer is the one of the previous step.',
    },
    {
      title: 'Groups: kernels that see only some channels',
      body: 'With groups g the channels are split into g groups and each kernel only sees the C_in/g channels of its group. The number of weights divides by g; the biases do not, since each output channel still has one.',
    },
    {
      title: 'Your turn',
      body: 'Change any setting or number. Every value, highlight and formula follows, and the link in the address bar reopens exactly this figure.',
    },
  ] as readonly StoryText[],
  questions: {
    outputSize: 'How big is the output (height × width)?',
    outputRows: 'How many rows does the output have?',
    paramCount: 'How many parameters (weights and biases) does this layer have?',
    firstCell: 'What number goes into the top-left output cell?',
  },
  photo: {
    open: 'Try the kernel on a photo',
    close: 'Close the photo panel',
    loading: 'Loading the photo panel…',
  },
};

export type ConvMessages = typeof convEn;
