import { describe, expect, it } from 'vitest';
import {
  applySuggestion,
  conv2dInfo,
  conv2dTrace,
  convTranspose2dInfo,
  suggestConv2dFixes,
  suggestConvTranspose2dFixes,
  tensor,
  type Conv2dConfig,
  type ConvTranspose2dConfig,
  type Suggestion,
} from '../../engine';

const CONV: Conv2dConfig = {
  batch: 1,
  inChannels: 1,
  outChannels: 1,
  inputSize: [5, 5],
  kernelSize: [7, 7],
  stride: [1, 1],
  padding: [0, 0],
  dilation: [1, 1],
  groups: 1,
  paddingMode: 'zeros',
  bias: true,
};

const TRANSPOSED: ConvTranspose2dConfig = {
  batch: 1,
  inChannels: 1,
  outChannels: 1,
  inputSize: [3, 3],
  kernelSize: [3, 3],
  stride: [2, 2],
  padding: [0, 0],
  outputPadding: [3, 3],
  dilation: [1, 1],
  groups: 1,
  bias: false,
};

/** A fix as the refusal panel would tell it apart: setting, axis and value. */
const key = (s: Suggestion) => `${s.param}${s.axis ? `(${s.axis})` : ''}→${String(s.to)}`;

/** The configurations each fix gives, written out: two fixes that give the same one repeat each other. */
const results = (config: object, fixes: readonly Suggestion[]) =>
  fixes.map((s) => JSON.stringify(applySuggestion(config as Conv2dConfig, s)));

describe('the nearest fixes of a refused convolution', () => {
  it('offer one padding fix, for both axes, when the padding is the same on both (0 × 0)', () => {
    const fixes = suggestConv2dFixes(CONV, 12).filter((s) => s.param === 'padding');
    expect(fixes.map(key)).toEqual(['padding→1']);
  });

  it('name the axis, and drop the both-axes fix of the same value, when the padding differs per axis', () => {
    const fixes = suggestConv2dFixes({ ...CONV, padding: [2, 0] }, 12).filter((s) => s.param === 'padding');
    expect(fixes.map(key)).toEqual(['padding(w)→1']);
  });

  it('keep a per-axis fix whose value differs from the both-axes one', () => {
    // Kernel 7 × 3 on 5 × 5: only the height is too short, and kernel height 5 mends it.
    const fixes = suggestConv2dFixes({ ...CONV, kernelSize: [7, 3] }, 12).filter((s) => s.param === 'kernelSize');
    expect(fixes.map(key)).toEqual(['kernelSize(h)→5']);
  });

  it('never give the same configuration twice, and each one is accepted', () => {
    for (const config of [
      CONV,
      { ...CONV, kernelSize: [7, 3] as const },
      { ...CONV, padding: [2, 0] as const },
      { ...CONV, dilation: [2, 2] as const, kernelSize: [4, 4] as const },
      { ...CONV, inChannels: 4, outChannels: 4, groups: 3, kernelSize: [3, 3] as const },
    ]) {
      const fixes = suggestConv2dFixes(config, 12);
      expect(fixes.length).toBeGreaterThan(0);
      expect(new Set(results(config, fixes)).size).toBe(fixes.length);
      for (const s of fixes) expect(conv2dInfo(applySuggestion(config, s)).valid).toBe(true);
    }
  });

  it('of a transposed convolution are listed once too (output_padding 3 × 3 with stride 2)', () => {
    const fixes = suggestConvTranspose2dFixes(TRANSPOSED, 12);
    const padding = fixes.filter((s) => s.param === 'outputPadding');
    expect(padding.map(key)).toEqual(['outputPadding→1']);
    expect(new Set(results(TRANSPOSED, fixes)).size).toBe(fixes.length);
    for (const s of fixes) expect(convTranspose2dInfo(applySuggestion(TRANSPOSED, s)).valid).toBe(true);
  });
});

describe('a kernel that does not fit the padded input', () => {
  it('is refused with the dilation of each axis, so the wording can leave out a dilation of 1', () => {
    expect(conv2dInfo(CONV).problems).toContainEqual({
      code: 'kernel-larger-than-padded-input',
      details: { paddedH: 5, paddedW: 5, kernelH: 7, kernelW: 7, dilationH: 1, dilationW: 1 },
    });
    expect(conv2dInfo({ ...CONV, kernelSize: [4, 4], dilation: [2, 1] }).problems).toContainEqual({
      code: 'kernel-larger-than-padded-input',
      details: { paddedH: 5, paddedW: 5, kernelH: 7, kernelW: 4, dilationH: 2, dilationW: 1 },
    });
  });
});

describe('the trace of an output cell over several input channels', () => {
  it('gives each channel’s window sum, and they add up with the bias to the value', () => {
    // Two channels of 3 × 3 ones and twos, a 2 × 2 kernel per channel, bias 5.
    const input = tensor([1, 2, 3, 3], [...Array<number>(9).fill(1), ...Array<number>(9).fill(2)]);
    const weight = tensor([1, 2, 2, 2], [1, 2, 3, 4, -1, 0, 1, 1]);
    const result = conv2dTrace(input, weight, tensor([1], [5]));
    const cell = result.cell(0);
    expect(cell?.channelSums).toEqual([
      { c: 0, sum: 1 + 2 + 3 + 4 },
      { c: 1, sum: 2 * (-1 + 0 + 1 + 1) },
    ]);
    expect(cell?.value).toBe(10 + 2 + 5);
  });

  it('lists only the channels of the cell’s group', () => {
    const input = tensor(
      [1, 4, 2, 2],
      Array.from({ length: 16 }, (_, i) => i),
    );
    const weight = tensor([2, 2, 1, 1], [1, 1, 1, 1]);
    const result = conv2dTrace(input, weight, null, { groups: 2 });
    // Output channel 1 is in the second group: input channels 2 and 3.
    const cell = result.cell(4);
    expect(cell?.channelSums.map((s) => s.c)).toEqual([2, 3]);
    expect(cell?.channelSums.reduce((a, s) => a + s.sum, 0)).toBe(cell?.value);
  });
});
