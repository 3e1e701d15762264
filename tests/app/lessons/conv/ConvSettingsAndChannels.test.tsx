// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ConvLesson from '../../../../app/lessons/conv/ConvLesson';
import { convView } from '../../../../app/lessons/conv/convView';
import { outputSizeTex } from '../../../../components/formulas/convFormulaTex';
import { renderWithStore } from '../../../support/render';
import { convOf } from '../../../support/lessons';

/** The free-play step: no checkpoint hides anything. */
const FREE = 'v=1&story=7&seed=7';

const groupsField = () => screen.getByRole('spinbutton', { name: 'Groups' });

describe('groups the channels do not divide', () => {
  it('list the values that work (1, 2, 4 for 4 and 4 channels) and mark the field invalid', () => {
    renderWithStore(<ConvLesson query={`${FREE}&ci=4&co=4&g=3`} />);
    expect(groupsField()).toHaveAttribute('aria-invalid', 'true');
    expect(groupsField()).toHaveAccessibleDescription(expect.stringContaining('valid here: 1, 2, 4'));
  });

  it('leave the formulas without numbers, and say why', async () => {
    renderWithStore(<ConvLesson query={`${FREE}&ci=4&co=4&g=3`} />);
    const formulas = screen.getByRole('region', { name: 'Formulas with your numbers' });
    await waitFor(() => expect(within(formulas).getByTestId('formulas-refused')).toHaveTextContent('refused'));
    expect(within(formulas).queryByRole('math')).not.toBeInTheDocument();
    expect(within(formulas).queryByText('Parameters')).not.toBeInTheDocument();
  });

  it('are not flagged once they divide both channel counts', () => {
    renderWithStore(<ConvLesson query={`${FREE}&ci=4&co=4&g=2`} />);
    expect(groupsField()).toHaveAttribute('aria-invalid', 'false');
  });
});

describe('depthwise convolution', () => {
  it('is named under groups and set up by its button: groups = C_in, C_out a multiple', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={`${FREE}&ci=2&co=4`} />);
    expect(screen.getByTestId('depthwise-note')).toHaveTextContent('depthwise convolution');
    await user.click(screen.getByRole('button', { name: 'Make it depthwise' }));
    const p = convOf(store).present.params;
    expect([p.inChannels, p.outChannels, p.groups]).toEqual([2, 4, 2]);
    expect(screen.getByTestId('depthwise-note')).toHaveTextContent('This is a depthwise convolution: 2 groups');
    expect(screen.queryByRole('button', { name: 'Make it depthwise' })).not.toBeInTheDocument();
  });

  it('from one input channel gives three channels, one kernel each', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    await user.click(screen.getByRole('button', { name: 'Make it depthwise' }));
    const p = convOf(store).present.params;
    expect([p.inChannels, p.outChannels, p.groups]).toEqual([3, 3, 3]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the arithmetic of a cell that reads several input channels', () => {
  it('shows each channel’s window sum, then the subtotals added with the bias, all as the engine computes them', () => {
    const { store } = renderWithStore(<ConvLesson query={`${FREE}&ci=3&co=2&h=4&w=4&step=0`} />);
    const line = screen.getByTestId('arithmetic');
    const cell = convView(convOf(store).present).result?.cell(0);
    expect(cell?.channelSums).toHaveLength(3);
    for (const { c, sum } of cell?.channelSums ?? []) {
      expect(line).toHaveTextContent(new RegExp(`channel ${c}: .* = ${sum < 0 ? `-${-sum}` : sum}`));
    }
    expect(line).toHaveTextContent(`channels added, plus the bias: `);
    expect(line.textContent).toMatch(new RegExp(`= ${String(cell?.value).replace('-', '\\-')}$`));
    expect(line).not.toHaveTextContent('more terms');
  });

  it('labels each line in Chinese with a full-width colon', () => {
    renderWithStore(<ConvLesson query={`${FREE}&ci=2&step=0&lang=zh-CN`} />);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent(/通道 0：.*通道 1：.*各通道相加，再加偏置：/);
  });

  it('stays one line for one input channel', () => {
    renderWithStore(<ConvLesson query={`${FREE}&step=0`} />);
    expect(screen.getByTestId('arithmetic')).not.toHaveTextContent('channel 0:');
  });

  it('puts each output channel beside its own kernel', () => {
    renderWithStore(<ConvLesson query={`${FREE}&ci=1&co=4`} />);
    for (let co = 0; co < 4; co++) {
      const row = screen.getByTestId(`figure-row-${co}`);
      expect(
        within(row)
          .getAllByRole('grid')
          .map((g) => g.getAttribute('aria-label')),
      ).toEqual([`Kernel ${co}, channel 0`, `Output, channel ${co}`]);
    }
  });
});

describe('a formula’s padding symbols', () => {
  it('are p₀ and p₁ of their own axis: top and bottom for the height, left and right for the width', () => {
    const view = convView(convOf(renderWithStore(<ConvLesson query={`${FREE}&p=1x2`} />).store).present);
    expect(outputSizeTex(view.formulas.h, 'h')).toMatch(/term-p0-h\}\{p_0\}.*term-p1-h\}\{p_1\}/);
    expect(outputSizeTex(view.formulas.w, 'w')).toMatch(/term-p0-w\}\{p_0\}.*term-p1-w\}\{p_1\}/);
  });

  it('p₀ of the height points at the top padding rows only', () => {
    const { store } = renderWithStore(<ConvLesson query={`${FREE}&p=1x2`} />);
    act(() => store.getState().setTerm('p0-h'));
    const figure = screen.getByRole('group', { name: 'Convolution figure' });
    expect(figure).toHaveAttribute('data-term', 'p0-h');
    const cells = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getAllByRole('gridcell');
    // 5 × 5 input padded by 1 row and 2 columns per side: 7 rows of 9.
    const top = cells.filter((c) => c.dataset.pad?.split(' ').includes('top'));
    expect(top.map((c) => Number(c.dataset.index))).toEqual(Array.from({ length: 9 }, (_, i) => i));
    const left = cells.filter((c) => c.dataset.pad?.split(' ').includes('left'));
    expect(left).toHaveLength(7 * 2);
    expect(left.every((c) => Number(c.dataset.index) % 9 < 2)).toBe(true);
    // Cells of the input itself belong to no border.
    expect(cells[1 * 9 + 2]?.dataset.pad).toBeUndefined();
  });
});
