// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem } from '../../../../engine';
import { en } from '../../../../app/i18n/en';
import { zh } from '../../../../app/i18n/zh';
import { RefusalPanel } from '../../../../app/lessons/kit/RefusalPanel';
import { renderWithStore } from '../../../support/render';

const tooLarge = (dilationH: number, dilationW: number) =>
  problem('kernel-larger-than-padded-input', {
    paddedH: 5,
    paddedW: 5,
    kernelH: 7,
    kernelW: 7,
    dilationH,
    dilationW,
  }).details;

describe('a kernel too large for the padded input', () => {
  it('is worded without dilation when the dilation is 1', () => {
    const text = en.engine['kernel-larger-than-padded-input'](tooLarge(1, 1));
    expect(text).toBe(
      'The kernel (7×7) is larger than the padded input (5×5), so it has nowhere to sit. Make the input or padding larger, or the kernel smaller.',
    );
    expect(zh.engine['kernel-larger-than-padded-input'](tooLarge(1, 1))).not.toContain('空洞');
  });

  it('names the dilation that spreads the kernel when there is one', () => {
    expect(en.engine['kernel-larger-than-padded-input'](tooLarge(2, 1))).toContain(
      'With dilation 2×1 the kernel spans 7×7 cells',
    );
    expect(zh.engine['kernel-larger-than-padded-input'](tooLarge(2, 1))).toContain('空洞率为 2×1 时');
  });
});

describe('the refusal panel', () => {
  it('lists a reason that reads the same for height and width once', () => {
    const op = (axis: 'h' | 'w') =>
      problem('output-padding-too-large', { axis, outputPadding: 3, stride: 2, dilation: 1 });
    renderWithStore(
      <RefusalPanel problems={[op('h'), op('w')]} fixes={[]} paramName={(s) => s.param} onFix={() => undefined} />,
    );
    expect(within(screen.getByRole('alert')).getAllByRole('listitem')).toHaveLength(1);
  });
});
