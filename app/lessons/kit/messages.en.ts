/**
 * English words every figure lesson shares: the settings panel, the formulas
 * panel and long sums. Loaded with the lessons, not with the landing page.
 * `messages.zh.ts` has the same keys (its type is `FigureMessages`).
 */
export const figureEn = {
  controls: {
    label: 'Settings',
    batch: 'Batch N',
    inChannels: 'Input channels C_in',
    outChannels: 'Output channels C_out (kernels)',
    inputSize: 'Input size H × W',
    kernelSize: 'Kernel size kH × kW',
    stride: 'Stride',
    padding: 'Padding',
    dilation: 'Dilation',
    groups: 'Groups',
    bias: 'Bias',
    height: 'height',
    width: 'width',
    validRange: (lo: number, hi: number) => (lo === hi ? `valid here: ${lo}` : `valid here: ${lo}–${hi}`),
    clamped: (typed: string, lo: number, hi: number, to: number) =>
      `${typed} is outside ${lo}–${hi}, so it is set to ${to}.`,
    rounded: (typed: string, to: number) => `${typed} is not a whole number, so it is set to ${to}.`,
    randomize: 'New random numbers',
    seed: 'Seed',
    undo: 'Undo',
    redo: 'Redo',
    validValues: (values: readonly number[]) => `valid here: ${values.join(', ')}`,
  },
  formulas: {
    title: 'Formulas with your numbers',
    outputSize: 'Output size',
    height: 'Height',
    width: 'Width',
    hoverHint: 'Point at a symbol to see its part of the figure.',
  },
  arithmetic: {
    more: (n: number) => `… ${n} more terms …`,
  },
  story: {
    changed: "You changed the figure; the text describes the step's own figure.",
    restore: 'Restore it',
  },
};

export type FigureMessages = typeof figureEn;
