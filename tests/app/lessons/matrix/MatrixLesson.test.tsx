// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { conv2d, tensor } from '../../../../engine';
import { formatCell } from '../../../../app/parseNumbers';
import type { AppStore } from '../../../../app/store/appStore';
import { sliceState } from '../../../../app/lessons/kit/slice';
import MatrixLesson from '../../../../app/lessons/matrix/MatrixLesson';
import { matrixSlice } from '../../../../app/lessons/matrix/slice';
import { renderWithStore } from '../../../support/render';

// The free-play step with the lesson's figure: 4×4 input 0…15, the 3×3 edge kernel.
const FREE = 'v=1&story=10&seed=0';

function cells(name: string): HTMLElement[] {
  return within(screen.getByRole('grid', { name })).getAllByRole('gridcell');
}

function texts(name: string): string[] {
  return cells(name).map((c) => c.textContent ?? '');
}

const states = (name: string) => cells(name).map((c) => c.dataset.state);
const indicesIn = (name: string, state: string) => states(name).flatMap((s, i) => (s === state ? [i] : []));

/** The engine's conv2d of the figure in the store, as the cells show it. */
function engineOutput(store: AppStore): string[] {
  const f = sliceState(store.getState(), matrixSlice).present;
  const p = f.params;
  const y = conv2d(tensor([1, 1, p.inH, p.inW], f.input), tensor([1, 1, p.kH, p.kW], f.weight), null, {
    stride: [p.strideH, p.strideW],
    padding: [p.padH, p.padW],
  });
  return Array.from(y.data, formatCell);
}

describe('the convolution-as-a-matrix lesson', () => {
  it('opens on the lesson’s 4×4 input and 3×3 kernel: C is 4×16, y = C·x is the convolution, folded back to 2×2', () => {
    const { store } = renderWithStore(<MatrixLesson query={FREE} />);
    expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-rowcount', '4');
    expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-colcount', '16');
    expect(texts('y = C·x')).toEqual(engineOutput(store));
    expect(texts('Output: y folded back')).toEqual(['-6', '-6', '-6', '-6']);
    expect(screen.getByTestId('sparsity')).toHaveTextContent('Only 36 of its 64 entries hold a kernel weight');
  });

  it('x is the input read row by row, and fills in that order as playback steps', () => {
    const { store } = renderWithStore(<MatrixLesson query={FREE} />);
    expect(texts('x: the input read row by row')).toEqual(texts('Input X'));
    act(() => store.getState().setStep(5));
    const x = texts('x: the input read row by row');
    expect(x.slice(0, 6)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(x.slice(6).every((v) => v === '')).toBe(true);
    expect(indicesIn('Input X', 'active')).toEqual([5]);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('x[5] = X[1, 1] = 5');
  });

  it('pointing at an entry of a row highlights its window on the input, its output cell and its kernel weight', () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    // Row 3 (the last window), column 10: input cell (2, 2) under the kernel's centre.
    fireEvent.mouseOver(cells('C')[3 * 16 + 10] as HTMLElement);
    expect(
      indicesIn('Input X', 'contributing')
        .concat(indicesIn('Input X', 'active'))
        .sort((a, b) => a - b),
    ).toEqual([5, 6, 7, 9, 10, 11, 13, 14, 15]);
    expect(indicesIn('Input X', 'active')).toEqual([10]);
    expect(indicesIn('y = C·x', 'active')).toEqual([3]);
    expect(indicesIn('Output: y folded back', 'active')).toEqual([3]);
    expect(indicesIn('Kernel W', 'active')).toEqual([4]);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('C[3, 10] = W[1, 1] = 0');
  });

  it('pointing at a kernel weight highlights every entry of C that holds it, one per window', () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    fireEvent.mouseOver(cells('Kernel W')[0] as HTMLElement);
    expect(indicesIn('C', 'active')).toEqual([0, 16 + 1, 32 + 4, 48 + 5]);
    expect(screen.getByTestId('arithmetic')).toHaveTextContent('appears 4 times in C');
  });

  it('an entry no weight reaches is 0 and never filled; entries that hold a weight are', () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    const c = cells('C');
    expect(c[3]?.textContent).toBe('0');
    expect(c[3]?.getAttribute('style')).toBeNull();
    expect(c[0]?.getAttribute('style')).not.toBeNull();
  });

  it('im2col: the kernel row times the patch matrix gives the same y, cell by cell', () => {
    renderWithStore(<MatrixLesson query={`${FREE}&s=2&p=1&seed=5`} />);
    expect(screen.getByRole('grid', { name: 'Patch matrix (unfold)' })).toHaveAttribute('aria-rowcount', '9');
    expect(texts('Kernel row · patch matrix')).toEqual(texts('y = C·x'));
    expect(screen.getByTestId('im2col-same')).toHaveTextContent('Both unrollings give the same y, cell by cell.');
    // Padding shows in the patch matrix as padding, worth 0.
    const pads = cells('Patch matrix (unfold)').filter((c) => c.dataset.state === 'padding');
    expect(pads.length).toBeGreaterThan(0);
    expect(pads.every((c) => c.textContent === '0')).toBe(true);
  });

  it('Cᵀ·y has x’s shape, not its values, and equals the transposed convolution of y cell by cell', () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    expect(screen.getByRole('grid', { name: 'Cᵀ' })).toHaveAttribute('aria-rowcount', '16');
    const back = texts('Cᵀ·y, folded to the input’s shape');
    expect(back).toEqual([
      '-6',
      '-6',
      '6',
      '6',
      '-12',
      '-12',
      '12',
      '12',
      '-12',
      '-12',
      '12',
      '12',
      '-6',
      '-6',
      '6',
      '6',
    ]);
    expect(texts('conv_transpose2d of y')).toEqual(back);
    expect(texts('x − Cᵀ·y')).toEqual(texts('x, the input').map((x, i) => formatCell(Number(x) - Number(back[i]))));
    expect(screen.getByTestId('same-shape')).toHaveTextContent('0 of its 16 cells equal x’s');
    expect(screen.getByTestId('transpose-same')).toHaveTextContent('output_padding 0, 0');
  });

  it('CᵀC is drawn next to the identity, and a 4×16 C cannot make it the identity', () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    expect(screen.getByRole('grid', { name: 'CᵀC' })).toHaveAttribute('aria-colcount', '16');
    expect(texts('Identity I').filter((v) => v === '1')).toHaveLength(16);
    expect(screen.getByTestId('gram-verdict')).toHaveTextContent('fewer rows than columns');
  });

  it('a 1×1 kernel of 1 makes C orthogonal: Cᵀ·y gives x back', () => {
    renderWithStore(<MatrixLesson query="v=1&story=8" />);
    expect(screen.getByTestId('gram-verdict')).toHaveTextContent('CᵀC equals the identity');
    expect(texts('x − Cᵀ·y').every((v) => v === '0')).toBe(true);
  });

  it('backward is Cᵀ: with L = ½‖y‖² the gradient equals Cᵀ·y and the engine’s conv2d backward', () => {
    renderWithStore(<MatrixLesson query={`${FREE}&seed=3&s=2&p=1`} />);
    expect(texts('Cᵀ·∂L/∂y')).toEqual(texts('∂L/∂x from conv2d backward'));
    expect(texts('Cᵀ·∂L/∂y')).toEqual(texts('Cᵀ·y, folded to the input’s shape'));
    expect(screen.getByTestId('backward-same')).toHaveTextContent('equals the engine’s conv2d backward in every cell');
  });

  it('an edit to the input goes through C to y, as the engine computes it', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<MatrixLesson query={FREE} />);
    const cell = cells('Input X')[5] as HTMLElement;
    await user.click(cell);
    await user.keyboard('{Control>}a{/Control}9{Enter}');
    expect(texts('Input X')[5]).toBe('9');
    expect(texts('y = C·x')).toEqual(engineOutput(store));
    expect(texts('x: the input read row by row')[5]).toBe('9');
  });

  it('stride and padding change C: a 5×5 input with stride 2 and padding 1 has 9 windows', async () => {
    const { store } = renderWithStore(<MatrixLesson query={FREE} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Stride: height' }), { target: { value: '2' } });
    // 4×4 with stride 2 down and 1 across: 1 × 2 windows.
    await waitFor(() => expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-rowcount', '2'));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Input size H × W: height' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Input size H × W: width' }), { target: { value: '5' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Stride: width' }), { target: { value: '2' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Padding: height' }), { target: { value: '1' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Padding: width' }), { target: { value: '1' } });
    expect(sliceState(store.getState(), matrixSlice).present.params).toMatchObject({ inH: 5, strideW: 2, padH: 1 });
    // A grid catches up with the last edit once the frame of the edit is painted.
    await waitFor(() => expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-rowcount', '9'));
    expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-colcount', '25');
  });

  it('a kernel larger than the padded input is refused with its reason and a fix', async () => {
    const user = userEvent.setup();
    renderWithStore(<MatrixLesson query={`${FREE}&h=2&w=2`} />);
    const alert = screen.getByRole('alert');
    expect(screen.queryByRole('grid', { name: 'C' })).not.toBeInTheDocument();
    await user.click(within(alert).getAllByRole('button')[0] as HTMLElement);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'C' })).toBeInTheDocument();
  });

  it('asks how many rows C has before showing C, y or anything sized by them', async () => {
    const user = userEvent.setup();
    renderWithStore(<MatrixLesson query="v=1&story=1" />);
    expect(screen.queryByRole('grid', { name: 'C' })).not.toBeInTheDocument();
    expect(screen.queryByRole('grid', { name: 'y = C·x' })).not.toBeInTheDocument();
    expect(screen.queryByRole('grid', { name: 'Patch matrix (unfold)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('grid', { name: 'Cᵀ' })).not.toBeInTheDocument();
    expect(screen.queryByTestId('sparsity')).not.toBeInTheDocument();
    // Nor does the code: the shape of the y it would print is the answer.
    expect(screen.getByText(/import torch\.nn\.functional/).textContent).not.toContain('ConvLab shows');
    // The playback counts the elements of x (16), which says nothing about C's rows.
    expect(screen.getByRole('grid', { name: 'Input X' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '4');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText('Right: 4.')).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'C' })).toHaveAttribute('aria-rowcount', '4');
    expect(screen.getByText(/import torch\.nn\.functional/).textContent).toContain(
      '# ConvLab shows: y = [[-6., -6.], [-6., -6.]]',
    );
  });

  it('asks whether Cᵀ·y gives x back before showing Cᵀ·y, the difference or the transposed convolution', async () => {
    const user = userEvent.setup();
    renderWithStore(<MatrixLesson query="v=1&story=5" />);
    expect(screen.getByRole('grid', { name: 'Cᵀ' })).toBeInTheDocument();
    for (const name of ['Cᵀ·y, folded to the input’s shape', 'x − Cᵀ·y', 'conv_transpose2d of y', 'CᵀC', 'Cᵀ·∂L/∂y'])
      expect(screen.queryByRole('grid', { name })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(screen.getByText(/0 \/ 16/)).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'x − Cᵀ·y' })).toBeInTheDocument();
  });

  it('copy as PyTorch builds C from unit vectors and checks Cᵀ·y against conv_transpose2d', async () => {
    renderWithStore(<MatrixLesson query={FREE} />);
    const code = await screen.findByText(/F\.conv_transpose2d/, {}, { timeout: 10_000 });
    expect(code.textContent).toContain('torch.eye(H * W');
    expect(code.textContent).toContain('F.unfold(');
  });

  it('speaks Chinese when the link says so', () => {
    renderWithStore(<MatrixLesson query={`${FREE}&lang=zh-CN`} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('卷积即矩阵');
    expect(screen.getByRole('grid', { name: 'x：按行展开的输入' })).toBeInTheDocument();
    expect(screen.getByTestId('sparsity')).toHaveTextContent('64 个元素中只有 36 个放着卷积核的权重');
  });
});
