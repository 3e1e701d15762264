import type { Conv2dConfig, ConvAxisInfo, ConvTransposeAxisInfo } from './convInfo';

/**
 * Formulas as data: each term with its symbol and value, so the app can show
 * the formula with numbers substituted and highlight the part of the figure a
 * term stands for. Term ids are stable (views and tests key on them).
 */
export interface FormulaTerm {
  readonly id: string;
  readonly symbol: string;
  readonly value: number;
}

export interface OutputSizeFormula {
  readonly id: 'conv-output-size';
  readonly axis: 'h' | 'w';
  /** i, p₀ (before), p₁ (after), d, k, s */
  readonly terms: readonly FormulaTerm[];
  /** i + p₀ + p₁ − d(k−1) − 1 */
  readonly numerator: number;
  readonly stride: number;
  /** numerator / s before the floor (may be fractional). */
  readonly quotient: number;
  /** ⌊numerator / s⌋ */
  readonly floored: number;
  /** True when the floor throws something away. */
  readonly floorDrops: boolean;
  readonly result: number;
  /** conv_arithmetic Relationship 6 (no dilation) / 15 (dilated). */
  readonly relationship: 6 | 15;
}

/**
 * o = ⌊(i + p₀ + p₁ − d(k−1) − 1) / s⌋ + 1. With p₀ = p₁ = p and d = 1 this is
 * conv_arithmetic Relationship 6, o = ⌊(i + 2p − k)/s⌋ + 1; with dilation,
 * Relationship 15.
 */
export function convOutputSizeFormula(axis: ConvAxisInfo): OutputSizeFormula {
  const numerator = axis.inSize + axis.padBefore + axis.padAfter - axis.dilation * (axis.kernel - 1) - 1;
  const floored = Math.floor(numerator / axis.stride);
  return {
    id: 'conv-output-size',
    axis: axis.axis,
    terms: [
      { id: 'i', symbol: 'i', value: axis.inSize },
      { id: 'p0', symbol: 'p_0', value: axis.padBefore },
      { id: 'p1', symbol: 'p_1', value: axis.padAfter },
      { id: 'd', symbol: 'd', value: axis.dilation },
      { id: 'k', symbol: 'k', value: axis.kernel },
      { id: 's', symbol: 's', value: axis.stride },
    ],
    numerator,
    stride: axis.stride,
    quotient: numerator / axis.stride,
    floored,
    floorDrops: numerator % axis.stride !== 0,
    result: floored + 1,
    relationship: axis.dilation === 1 ? 6 : 15,
  };
}

export interface TransposeOutputSizeFormula {
  readonly id: 'conv-transpose-output-size';
  readonly axis: 'h' | 'w';
  /** i, s, p, d, k, a (output_padding) */
  readonly terms: readonly FormulaTerm[];
  readonly result: number;
}

/**
 * o = (i−1)s − 2p + d(k−1) + a + 1, a = output_padding (conv_arithmetic
 * Relationship 14, o′ = s(i′−1) + a + k − 2p, with dilation).
 */
export function convTransposeOutputSizeFormula(axis: ConvTransposeAxisInfo): TransposeOutputSizeFormula {
  return {
    id: 'conv-transpose-output-size',
    axis: axis.axis,
    terms: [
      { id: 'i', symbol: 'i', value: axis.inSize },
      { id: 's', symbol: 's', value: axis.stride },
      { id: 'p', symbol: 'p', value: axis.padding },
      { id: 'd', symbol: 'd', value: axis.dilation },
      { id: 'k', symbol: 'k', value: axis.kernel },
      { id: 'a', symbol: 'a', value: axis.outputPadding },
    ],
    result: axis.outSize,
  };
}

export interface ParamCountFormula {
  readonly id: 'param-count';
  /** C_out, C_in, g, k_h, k_w, and whether there is a bias (1/0). */
  readonly terms: readonly FormulaTerm[];
  /** C_out · (C_in / g) · k_h · k_w */
  readonly weights: number;
  /** C_out with a bias, else 0. */
  readonly biases: number;
  readonly total: number;
}

/** Parameters of a conv layer: C_out·(C_in/g)·k_h·k_w (+ C_out for the bias). */
export function paramCountFormula(
  config: Pick<Conv2dConfig, 'inChannels' | 'outChannels' | 'groups' | 'kernelSize' | 'bias'>,
): ParamCountFormula {
  const [kh, kw] = config.kernelSize;
  const weights = config.outChannels * (config.inChannels / config.groups) * kh * kw;
  const biases = config.bias ? config.outChannels : 0;
  return {
    id: 'param-count',
    terms: [
      { id: 'cout', symbol: 'C_{out}', value: config.outChannels },
      { id: 'cin', symbol: 'C_{in}', value: config.inChannels },
      { id: 'g', symbol: 'g', value: config.groups },
      { id: 'kh', symbol: 'k_h', value: kh },
      { id: 'kw', symbol: 'k_w', value: kw },
      { id: 'bias', symbol: 'b', value: config.bias ? 1 : 0 },
    ],
    weights,
    biases,
    total: weights + biases,
  };
}

/**
 * Input sizes i that a conv with this axis's k, s, p, d maps to output size o:
 * every i with ⌊(i + 2p − d(k−1) − 1)/s⌋ + 1 = o. There are s of them (when
 * positive), which is why a transposed conv needs output_padding to pick one.
 */
export function inputSizesForOutput(
  o: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
): number[] {
  const base = (o - 1) * stride + dilation * (kernel - 1) + 1 - 2 * padding;
  const sizes: number[] = [];
  for (let a = 0; a < stride; a++) if (base + a >= 1) sizes.push(base + a);
  return sizes;
}

/** Both axes of the transposed output-size formula. */
export function convTranspose2dOutputSizeFormulaPair(info: {
  readonly h: ConvTransposeAxisInfo;
  readonly w: ConvTransposeAxisInfo;
}): {
  readonly h: TransposeOutputSizeFormula;
  readonly w: TransposeOutputSizeFormula;
} {
  return { h: convTransposeOutputSizeFormula(info.h), w: convTransposeOutputSizeFormula(info.w) };
}
