// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { conv2d, tensor } from '../../../../engine';
import { inputShape, weightShape } from '../../../../app/lessons/conv/convState';
import { convView } from '../../../../app/lessons/conv/convView';
import ConvLesson from '../../../../app/lessons/conv/ConvLesson';
import { formatCell } from '../../../../app/parseNumbers';
import type { AppStore } from '../../../../app/store/appStore';
import { renderWithStore } from '../../../support/render';
import { convActions, convOf } from '../../../support/lessons';

/** Free-play step of the narrative: no checkpoint hides the output. */
// The free-play step with the default figure (a bare story=13 opens that step's own figure).
const FREE = 'v=1&story=13&seed=7';

/** The output grid while a question about its size waits. */
const HIDDEN_OUTPUT = 'Output, channel 0: size hidden until you answer';

function cellsOf(name: string): HTMLElement[] {
  return within(screen.getByRole('grid', { name })).getAllByRole('gridcell');
}

function outputTexts(name = 'Output, channel 0'): string[] {
  return within(screen.getByRole('grid', { name }))
    .getAllByRole('gridcell')
    .map((c) => c.textContent ?? '');
}

/** What the engine says the output is, formatted as the cells show it. */
function engineOutput(store: AppStore): string[] {
  const f = convOf(store).present;
  const p = f.params;
  const y = conv2d(
    tensor(inputShape(p), f.input),
    tensor(weightShape(p), f.weight),
    p.bias ? tensor([p.outChannels], f.biasValues) : null,
    {
      stride: [p.strideH, p.strideW],
      padding: p.padKind === 'explicit' ? [p.padH, p.padW] : p.padKind,
      dilation: [p.dilH, p.dilW],
      groups: p.groups,
      paddingMode: p.paddingMode,
    },
  );
  return Array.from(y.data, formatCell);
}

describe('the convolution lesson', () => {
  it('names every matrix as a grid: input, kernel, bias and output', () => {
    renderWithStore(<ConvLesson query={FREE} />);
    for (const name of ['Input, channel 0', 'Kernel 0, channel 0', 'Bias', 'Output, channel 0']) {
      expect(screen.getByRole('grid', { name })).toBeInTheDocument();
    }
  });

  it('shows exactly the engine’s output, every cell', () => {
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    expect(outputTexts()).toEqual(engineOutput(store));
  });

  it('editing an input cell from the keyboard recomputes the output', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const before = outputTexts();
    const cell = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getAllByRole('gridcell')[6];
    cell?.focus();
    await user.keyboard('{Enter}');
    const input = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getByRole('textbox');
    await user.clear(input);
    await user.type(input, '9{Enter}');
    expect(convOf(store).present.input[6]).toBe(9);
    expect(outputTexts()).toEqual(engineOutput(store));
    expect(outputTexts()).not.toEqual(before);
  });

  it('a non-number gets an inline message and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const before = convOf(store).present.input;
    const cell = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getAllByRole(
      'gridcell',
    )[0] as HTMLElement;
    await user.click(cell);
    const input = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getByRole('textbox');
    await user.clear(input);
    await user.type(input, 'abc{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('That is not a number');
    expect(input).toHaveValue('abc');
    expect(convOf(store).present.input).toBe(before);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(convOf(store).present.input).toBe(before);
  });

  it('pasting a block copied from a spreadsheet fills the kernel from the focused cell', () => {
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const grid = screen.getByRole('grid', { name: 'Kernel 0, channel 0' });
    within(grid).getAllByRole('gridcell')[0]?.focus();
    fireEvent.paste(grid, { clipboardData: { getData: () => '1\t0\t-1\n1\t0\t-1\n1\t0\t-1' } });
    expect(convOf(store).present.weight).toEqual([1, 0, -1, 1, 0, -1, 1, 0, -1]);
  });

  it('undo and redo walk through edits (Ctrl+Z, Ctrl+Shift+Z)', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const original = convOf(store).present;
    act(() => convActions(store).setValues('input', [[0, 42]]));
    await user.keyboard('{Control>}z{/Control}');
    expect(convOf(store).present).toBe(original);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(convOf(store).present.input[0]).toBe(42);
  });

  it('a refused configuration is still shown, with the reason and one-click fixes', async () => {
    const user = userEvent.setup();
    renderWithStore(<ConvLesson query="v=1&story=13&h=3&w=3&k=5" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('PyTorch would refuse this configuration');
    expect(alert).toHaveTextContent('larger than the padded input (3×3)');
    expect(screen.getByRole('grid', { name: 'Input, channel 0' })).toBeInTheDocument();
    const fixes = within(alert).getAllByRole('button');
    expect(fixes.length).toBeGreaterThan(0);
    await user.click(fixes[0] as HTMLElement);
    expect(screen.queryByText('PyTorch would refuse this configuration')).not.toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Output, channel 0' })).toBeInTheDocument();
  });

  it('playback fills the output cell by cell as time passes', () => {
    const { store } = renderWithStore(<ConvLesson query={`${FREE}&step=0`} />);
    const states = () =>
      within(screen.getByRole('grid', { name: 'Output, channel 0' }))
        .getAllByRole('gridcell')
        .map((c) => c.dataset.state);
    expect(states()).toEqual([
      'active',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    act(() => {
      store.getState().play();
      store.getState().tick(1000); // 2 steps per second at speed 1
    });
    expect(store.getState().playback.step).toBe(2);
    expect(states().slice(0, 4)).toEqual(['idle', 'idle', 'active', 'pending']);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent(/= -?\d/);
  });

  it('the arithmetic line reads the real products of the active window', () => {
    const { store } = renderWithStore(<ConvLesson query={`${FREE}&step=0`} />);
    const cell = convView(convOf(store).present).result?.cell(0);
    const first = cell?.taps[0];
    expect(screen.getByTestId('arithmetic')).toHaveTextContent(`${formatCell(first?.x ?? NaN)}×`);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent(`= ${formatCell(cell?.value ?? NaN)}`);
  });

  it('pointing at a kernel weight highlights every input it multiplies (weight sharing)', () => {
    renderWithStore(<ConvLesson query={FREE} />);
    const weight = within(screen.getByRole('grid', { name: 'Kernel 0, channel 0' })).getAllByRole(
      'gridcell',
    )[4] as HTMLElement;
    fireEvent.mouseOver(weight);
    const contributing = within(screen.getByRole('grid', { name: 'Input, channel 0' }))
      .getAllByRole('gridcell')
      .filter((c) => c.dataset.state === 'contributing');
    // The centre weight of a 3×3 kernel over a 5×5 input touches the 3×3 centre block.
    expect(contributing).toHaveLength(9);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('multiplies 9 input cells');
  });

  it('a question about the output’s size hides its shape until the student answers', async () => {
    const user = userEvent.setup();
    renderWithStore(<ConvLesson query="v=1" />);
    expect(outputTexts(HIDDEN_OUTPUT)).toEqual(['?']);
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '2x2');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Right: 2 × 2.')).toBeInTheDocument();
    // The real 2×2, at the first step of playback (the first window's value).
    expect(outputTexts()).toHaveLength(4);
    expect(outputTexts()[0]).not.toBe('');
  });

  it('a question about a value keeps the output’s shape, its cells empty until the student answers', async () => {
    const user = userEvent.setup();
    renderWithStore(<ConvLesson query="v=1&story=1" />);
    expect(outputTexts()).toHaveLength(9);
    expect(outputTexts().every((t) => t === '')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(outputTexts()[0]).not.toBe('');
  });

  it('"Just show me" shows the answer and never says the student was right', async () => {
    const user = userEvent.setup();
    renderWithStore(<ConvLesson query="v=1" />);
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(screen.getByText('The answer: 2 × 2.')).toBeInTheDocument();
    expect(screen.queryByText(/Right/)).not.toBeInTheDocument();
    expect(outputTexts()).toHaveLength(4);
  });

  it('while a size question waits, playback waits: the keys do nothing, no count shows, the link keeps its step, and the answer starts at the first window', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query="v=1&step=2" />);
    await user.keyboard('{ArrowRight}{End} ');
    expect(store.getState().playback.step).toBe(2);
    expect(store.getState().playback.playing).toBe(false);
    expect(screen.getByRole('button', { name: 'Step forward' })).toBeDisabled();
    expect(screen.getByText('Playback starts once you answer.')).toBeInTheDocument();
    expect(screen.queryByText(/Step \d+ of/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    // The answer starts playback at the window the figure showed while it waited.
    expect(screen.getByText('Step 1 of 4')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().playback.step).toBe(1);
  });

  it('while a size question waits, pointing at an input cell names it without counting or marking outputs', () => {
    renderWithStore(<ConvLesson query="v=1" />);
    const input = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getAllByRole('gridcell');
    fireEvent.mouseOver(input[5] as HTMLElement);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('Input [0, 0, 1, 1]');
    expect(screen.getByTestId('arithmetic')).not.toHaveTextContent(/feeds|\d+ output/);
    expect(cellsOf(HIDDEN_OUTPUT).map((c) => c.dataset.state)).toEqual(['pending']);
  });

  it('a checkpoint result keeps the answer of the figure it was given for after later edits', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query="v=1" />);
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '2x2');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    act(() => convActions(store).setParams({ inH: 6, inW: 6 }));
    expect(screen.getByText('Right: 2 × 2.')).toBeInTheDocument();
  });

  it('stride 2 over 6×6 marks the row and column the floor never visits', async () => {
    renderWithStore(<ConvLesson query="v=1&story=13&h=6&w=6&s=2" />);
    const cells = within(screen.getByRole('grid', { name: 'Input, channel 0' })).getAllByRole('gridcell');
    const unvisited = cells.filter(
      (c) => c.dataset.state === 'unvisited' || c.getAttribute('aria-label')?.includes('never visited'),
    );
    expect(unvisited.length).toBeGreaterThanOrEqual(9);
    // The formulas follow the figure once its frame has painted.
    await waitFor(() => expect(screen.getByTestId('floor-note')).toHaveTextContent('drops 1 leftover'));
  });

  it('speaks Chinese throughout when the link says lang=zh-CN', () => {
    renderWithStore(<ConvLesson query="v=1&story=13&lang=zh-CN" />);
    expect(screen.getByRole('grid', { name: '输入，通道 0' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('卷积');
  });
});

describe('links for teachers', () => {
  it('hide=… hides the named controls', () => {
    renderWithStore(<ConvLesson query="v=1&story=13&hide=stride,padding" />);
    expect(screen.queryByRole('spinbutton', { name: 'Stride: height' })).not.toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Dilation: height' })).toBeInTheDocument();
  });

  it('embed=1 shows the figure without the lesson around it', () => {
    renderWithStore(<ConvLesson query="v=1&story=13&embed=1" />);
    expect(screen.getByRole('grid', { name: 'Output, channel 0' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });

  it('copy as PyTorch builds the same tensors and nn.Conv2d', async () => {
    renderWithStore(<ConvLesson query="v=1&story=13&s=2&p=1&pm=reflect" />);
    const code = (await screen.findByText(/stride=\(2, 2\)/, {}, { timeout: 10_000 })).textContent ?? '';
    expect(code).toContain('stride=(2, 2), padding=(1, 1)');
    expect(code).toContain("padding_mode='reflect'");
    expect(code).toContain('conv.bias.copy_');
  });
});

describe('editing a cell', () => {
  it('Enter commits and leaves the keyboard on the cell, so the next number edits it again', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const grid = screen.getByRole('grid', { name: 'Input, channel 0' });
    const first = within(grid).getAllByRole('gridcell')[0] as HTMLElement;
    await user.click(first);
    await user.clear(within(grid).getByRole('textbox'));
    await user.keyboard('7{Enter}');
    expect(convOf(store).present.input[0]).toBe(7);
    expect(within(grid).getAllByRole('gridcell')[0]).toHaveFocus();
    await user.keyboard('9{Enter}');
    expect(convOf(store).present.input[0]).toBe(9);
    await user.keyboard('{ArrowRight}');
    expect(within(grid).getAllByRole('gridcell')[1]).toHaveFocus();
  });

  it('Escape cancels an edit and keeps the old value, even a valid new one', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query={FREE} />);
    const before = convOf(store).present.input;
    const grid = screen.getByRole('grid', { name: 'Input, channel 0' });
    await user.click(within(grid).getAllByRole('gridcell')[0] as HTMLElement);
    const input = within(grid).getByRole('textbox');
    await user.clear(input);
    await user.type(input, '9');
    await user.keyboard('{Escape}');
    expect(within(grid).queryByRole('textbox')).not.toBeInTheDocument();
    expect(convOf(store).present.input).toBe(before);
  });

  it('opens on the lesson’s first example, and its link shows the two unsqueeze(0) in the tensors lesson', () => {
    renderWithStore(<ConvLesson query="" />);
    expect(screen.getByRole('heading', { name: 'A first example' })).toBeInTheDocument();
    const link = screen.getByRole('link', { name: /two unsqueeze\(0\)/ });
    expect(link.getAttribute('href')).toMatch(/^#\/tensors\?v=1&story=0&code=/);
  });

  it('after an edit the step says its text is about its own figure, and restoring brings that figure back', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ConvLesson query="v=1&story=1" />);
    const own = convOf(store).present;
    expect(screen.queryByRole('button', { name: 'Restore it' })).not.toBeInTheDocument();
    act(() => convActions(store).setValues('input', [[0, 9]]));
    expect(screen.getByText("You changed the figure; the text describes the step's own figure.")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Restore it' }));
    expect(convOf(store).present).toEqual(own);
    expect(screen.queryByRole('button', { name: 'Restore it' })).not.toBeInTheDocument();
  });

  it('says in Chinese that the figure was changed', () => {
    renderWithStore(<ConvLesson query="v=1&story=1&h=6&lang=zh-CN" />);
    expect(screen.getByRole('button', { name: '恢复原图' })).toBeInTheDocument();
  });
});
