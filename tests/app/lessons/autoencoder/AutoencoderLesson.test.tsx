// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import AutoencoderLesson from '../../../../app/lessons/autoencoder/AutoencoderLesson';
import { renderWithStore } from '../../../support/render';

const chain = () => screen.getByRole('table');
const row = (name: string | RegExp) => within(chain()).getByRole('row', { name });

describe('the autoencoder lesson', () => {
  it('shows every tensor of the lesson’s network with its size arithmetic and parameter counts', () => {
    renderWithStore(<AutoencoderLesson query="v=1&story=0" />);
    expect(within(row(/^Conv 1/)).getByText('64×128×128')).toBeTruthy();
    expect(within(row(/^Conv 1/)).getByText('⌊(256 + 2·1 − 3) / 2⌋ + 1 = 128')).toBeTruthy();
    expect(within(row(/^Conv 1/)).getByText('⌈256 / 2⌉ = 128, pad 0 before, 1 after')).toBeTruthy();
    expect(within(row(/^ConvT 1/)).getByText('(64 − 1)·2 − 2·1 + 3 + 1 = 128')).toBeTruthy();
    expect(within(row(/^Conv 2/)).getByText('latent')).toBeTruthy();
    expect(screen.getByText(/30371 parameters in all/)).toBeTruthy();
    expect(
      screen.getByText(/32×64×64 = 131,072 numbers, the photo 3×256×256 = 196,608: 66\.7% of the photo/),
    ).toBeTruthy();
  });

  it('hides the size a checkpoint asks for until the student answers, then judges the answer', async () => {
    const user = userEvent.setup();
    renderWithStore(<AutoencoderLesson query="v=1&story=1" />);
    expect(within(row(/^Conv 1/)).queryByText('64×128×128')).toBeNull();
    expect(within(row(/^Conv 1/)).getAllByText('Answer the question first').length).toBeGreaterThan(0);
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '128');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Right: 128×128.')).toBeTruthy();
    expect(within(row(/^Conv 1/)).getByText('64×128×128')).toBeTruthy();
  });

  it('rebuilds the chain and the PyTorch code when a channel count changes, and says the shipped weights no longer fit', () => {
    renderWithStore(<AutoencoderLesson query="v=1&story=0" />);
    const field = screen.getByRole('spinbutton', { name: 'Channels of encoder layer 2' });
    fireEvent.change(field, { target: { value: '4' } });
    expect(within(row(/^Conv 2/)).getByText('4×64×64')).toBeTruthy();
    expect(screen.getByText(/The shipped weights fit only the 64, 32 network/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'shipped weights' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/nn\.Conv2d\(64, 4, 3, stride=2, padding=1\)/)).toBeTruthy();
  });

  it('keeps output_padding out of the table and the PyTorch code while the student predicts it', async () => {
    const user = userEvent.setup();
    renderWithStore(<AutoencoderLesson query="v=1&story=3" />);
    expect(screen.queryByText(/output_padding=1/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(await screen.findByText('The answer: 1.')).toBeTruthy();
    expect(screen.getAllByText(/output_padding=1/).length).toBeGreaterThan(0);
  });

  it('says so when the browser cannot start the training worker', async () => {
    renderWithStore(<AutoencoderLesson query="" />);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Training could not start in this browser (no Web Worker).',
    );
  });

  it('keeps the overlap map and its explanation back until the student predicts which decoder draws the grid', async () => {
    const user = userEvent.setup();
    renderWithStore(<AutoencoderLesson query="v=1&story=8" />);
    const panel = screen.getByRole('region', { name: 'Checkerboards: two ways to upsample' });
    expect(within(panel).queryByRole('grid')).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Train both from scratch (200 steps)' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(await screen.findByText('The answer: 1, the transposed convolution.')).toBeTruthy();
    const grid = within(panel).getByRole('grid', { name: 'Overlap counts of a 3×3, stride-2 transposed convolution' });
    // The first output row of k3 s2 p1: the crop starts on a row where stamps overlap.
    expect(
      within(grid)
        .getAllByRole('gridcell')
        .slice(0, 8)
        .map((c) => c.textContent),
    ).toEqual(['1', '2', '1', '2', '1', '2', '1', '1'].map((n) => expect.stringContaining(n)));
  });

  it('shows beside the encoder that a strided convolution’s input gradient is the transposed convolution of its output gradient', () => {
    renderWithStore(<AutoencoderLesson query="v=1&story=0" />);
    const panel = screen.getByRole('region', { name: 'Backward is transposed: the gradient of an encoder layer' });
    const backward = within(panel).getByRole('grid', { name: '∂L/∂x from the convolution’s backward pass' });
    const transposed = within(panel).getByRole('grid', {
      name: 'conv_transpose2d(∂L/∂y, w), stride 2, padding 1, output_padding 1',
    });
    const values = (grid: HTMLElement) =>
      within(grid)
        .getAllByRole('gridcell')
        .map((c) => c.textContent);
    expect(values(backward)).toHaveLength(16);
    expect(values(transposed)).toEqual(values(backward));
    expect(within(panel).getByText('16 of 16 cells are equal.')).toBeTruthy();
  });

  it('speaks Chinese when the link says so', () => {
    renderWithStore(<AutoencoderLesson query="v=1&lang=zh-CN&story=0" />);
    expect(screen.getByRole('heading', { name: '形状链' })).toBeTruthy();
  });
});
