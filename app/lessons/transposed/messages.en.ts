import type { StoryText } from '../kit/story';

/**
 * English words of the transposed-convolution lesson, loaded with its code. `messages.zh.ts` has
 * exactly the same keys (its type is `TransposedMessages`).
 */
export const transposedEn = {
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
    gatherNote: (insert: string, pad: string) =>
      `${insert}, pad by d(k−1)−p = ${pad} (output_padding more at the end; negative means crop), then slide the kernel flipped upside down and left to right. The highlighted cells match the stamp step above.`,
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
    /** The zeros a stride of s puts between neighbouring inputs (s − 1 per axis), counted with English plural rules. */
    insertZeros: (rows: number, cols: number) => {
      const rules = new Intl.PluralRules('en');
      const count = (n: number) => (n === 0 ? 'no zeros' : `${n} ${rules.select(n) === 'one' ? 'zero' : 'zeros'}`);
      return rows === cols
        ? `Insert ${count(rows)} between neighbouring inputs`
        : `Insert ${count(rows)} between neighbouring rows and ${count(cols)} between neighbouring columns`;
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
    roundTrip: 'Round trip with a convolution',
    roundTripNote: (axis: string, sizes: string, i: number, chosen: number) =>
      `${axis}: a convolution with the same k, s, p, d maps every input size in {${sizes}} to ${i}. The transposed convolution cannot know which one you came from, so output_padding picks it: here ${chosen}.`,
    roundTripNone: (axis: string, i: number) =>
      `${axis}: nothing comes out of these settings, so no convolution input leads back to ${i}. Pick one of the settings that work first.`,
    refused:
      'These settings are refused for another reason than the output size (the reasons are above the figure), so there is no output size to compute. Apply one of the fixes, or change a marked setting.',
  },
  steps: [
    {
      title: 'Many to one, one to many',
      body: 'A convolution gathers: each output cell takes a whole window of input cells and sums them into one number, many to one. A transposed convolution goes the other way, one to many: each input cell spreads over a whole patch of the output. The figure below does that one input cell at a time.',
    },
    {
      title: 'Stamp and sum',
      body: 'Start with the 2×2 input [[0,1],[2,3]] and the 2×2 kernel [[0,1],[2,3]]. Every input cell multiplies the whole kernel and stamps it onto the output at its own position. Overlapping stamps add.',
    },
    {
      title: 'Padding is a crop',
      body: 'In a transposed convolution, padding does not add a border: it removes p cells from every side of the full canvas. The canvas is the 3×3 of the previous step, and the padding is now 1.',
    },
    {
      title: 'Too much cropping',
      body: 'Now the padding is 2: two cells would go from every side of the same 3×3 canvas. PyTorch refuses a padding that leaves no output, and so does this figure; once you have answered, it shows the settings that would work.',
    },
    {
      title: 'Stride inserts zeros',
      body: 'With stride 2 the stamps land two cells apart. The same result comes from a direct convolution of the input with one zero inserted between neighbours, scanned by the flipped kernel: compare the two views step by step.',
    },
    {
      title: 'output_padding picks the size',
      body: 'A convolution with kernel 3, stride 2 and padding 1 turns 5 rows and 6 rows alike into 3 (columns too), so going back from 3 is ambiguous. Here output_padding is 1: the result keeps one more row at the bottom and one more column at the right.',
    },
    {
      title: 'Uneven overlaps',
      body: 'Kernel 3 with stride 2: some canvas cells receive more stamps than their neighbours. With an input of ones the counts show directly, in a checkerboard.',
    },
    {
      title: 'Even overlaps',
      body: 'Kernel 4 with stride 2 (the kernel size divisible by the stride): away from the border every cell gets the same number of stamps, so no checkerboard appears. Only the cells near the edge get fewer.',
    },
    {
      title: 'What it is for',
      body: 'A transposed convolution makes a feature map larger, so networks use it to upsample. A decoder grows small, deep features back towards the size of the image with it: in segmentation, to give every pixel a label; in super-resolution, to make a larger image from a smaller one. Kernel 4, stride 2 and padding 1 is a common choice for such a layer.',
    },
    {
      title: 'A layer with its own kernel',
      body: 'nn.ConvTranspose2d is a layer with its own weights, shaped [C_in, C_out/groups, kH, kW] and learned in training like any other layer’s. They are not taken from a convolution and nothing ties them to one: in an autoencoder, the encoder’s convolutions and the decoder’s transposed convolutions each learn their own kernels.',
    },
    {
      title: 'The gradient of a convolution',
      body: 'Why “transposed”? Write a convolution as a matrix C, so that y = C·x. Multiplying by Cᵀ is exactly a transposed convolution with the same kernel, and it is how backpropagation carries the gradient from a convolution’s output back to its input. A convolution with this 3×3 kernel and stride 2 takes a 5×5 input to 2×2; Cᵀ takes this 2×2 back to 5×5, but not to the same numbers: Cᵀ is not the inverse of C, it restores the shape and not the values.',
      link: { href: '#/matrix?v=1&story=7', label: 'See C and Cᵀ as matrices in the matrix lesson' },
    },
    {
      title: 'Your turn',
      body: 'Change any setting or number. Both views, the overlap map and the formulas follow, and the link reopens exactly this figure.',
    },
  ] as readonly StoryText[],
  questions: {
    outputSize: 'What size comes out (height × width)?',
    maxOverlap: 'Where will the overlap be largest? How many stamps land on the busiest cell?',
    maxPadding: 'What is the largest padding that still leaves an output?',
  },
};

export type TransposedMessages = typeof transposedEn;
