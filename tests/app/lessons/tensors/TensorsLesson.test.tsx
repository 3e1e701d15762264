// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import TensorsLesson from '../../../../app/lessons/tensors/TensorsLesson';
import { sliceState } from '../../../../app/lessons/kit/slice';
import { tensorsSlice } from '../../../../app/lessons/tensors/slice';
import { renderWithStore } from '../../../support/render';

const lines = () => within(screen.getByRole('list', { name: 'Lines that ran' })).getAllByRole('listitem');
const table = () => screen.getByRole('region', { name: 'Every name after this line' });
const rowOf = (name: string) => within(table()).getByRole('row', { name: new RegExp(`^${name} `) });

describe('the tensors and autograd lesson', () => {
  it('opens on the conv input: a 4×4 matrix, with the lines that give the answer hidden until predicted', async () => {
    const user = userEvent.setup();
    renderWithStore(<TensorsLesson query="v=1" />);
    expect(screen.getByText(/What shape does c have/)).toBeInTheDocument();
    expect(lines()[2]).toHaveTextContent('hidden until you answer');
    expect(within(table()).queryByText('c')).not.toBeInTheDocument();
    expect(within(table()).queryByText('[1, 1, 4, 4]')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Computation graph after this line' })).toHaveTextContent(
      'Hidden until you answer the question.',
    );

    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '1, 1, 4, 4');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(screen.getByText(/\[1, 1, 4, 4\]/, { selector: '.verdict' })).toBeInTheDocument();
    expect(lines()[3]).toHaveTextContent('y: [4, 4]');
    expect(within(rowOf('c')).getByText('[1, 1, 4, 4]')).toBeInTheDocument();
    expect(within(rowOf('c')).getByText(/shared with x, b, y/)).toBeInTheDocument();
  });

  it('stepping to a line shows the state after it, and its shape next to the tensor it came from', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TensorsLesson query="v=1&story=10" />);
    await user.click(screen.getByRole('button', { name: /Show the state after line 2/ }));
    expect(store.getState().playback.step).toBe(1);
    expect(screen.getByText('After line 2')).toBeInTheDocument();
    const shape = screen.getByRole('group', { name: 'Shape of the tensor this line made' });
    expect(shape).toHaveTextContent('b (this line) [2, 2]');
    expect(shape).toHaveTextContent('from a');
    expect(rowOf('b')).toHaveTextContent('TBackward0');
    act(() => store.getState().setStep(0));
    expect(within(table()).queryByText('b')).not.toBeInTheDocument();
  });

  it('a program with a mistake shows where and why, in words, and keeps the lines before it', () => {
    const { store } = renderWithStore(<TensorsLesson query="v=1&story=10" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Program (PyTorch)' }), {
      target: { value: 'a = torch.ones(4, 4)\nb = a.unsqueeze(3)' },
    });
    expect(sliceState(store.getState(), tensorsSlice).source).toBe('a = torch.ones(4, 4)\nb = a.unsqueeze(3)');
    expect(
      screen.getByText(/^Line 2, column 1: Dimension out of range: expected a dim from -3 to 2, got 3/),
    ).toBeInTheDocument();
    expect(lines()[1]).toHaveTextContent('The console stopped here');
    expect(rowOf('a')).toHaveTextContent('[4, 4]');
    // The step's own program comes back with one button.
    fireEvent.click(screen.getByRole('button', { name: 'Back to this step’s program' }));
    expect(screen.queryByText(/^Line 2, column 1/)).not.toBeInTheDocument();
  });

  it('after backward() the graph shows the gradient on each edge and .grad on the leaf; zero_() clears it', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TensorsLesson query="v=1&story=5" />);
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    expect(screen.getByText(/The answer: 12\./)).toBeInTheDocument();
    act(() => store.getState().setStep(4));
    const graph = screen.getByRole('group', { name: 'Computation graph after this line' });
    expect(within(graph).getAllByText('grad 3.')).toHaveLength(2);
    expect(within(graph).getByText('.grad = 12.')).toBeInTheDocument();
    act(() => store.getState().setStep(5));
    expect(rowOf('w')).toHaveTextContent('0.');
    expect(rowOf('w')).toHaveTextContent('.grad changed in place');
  });

  it('the narrative’s next step loads its program and shows it complete', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TensorsLesson query="v=1&story=7" />);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(sliceState(store.getState(), tensorsSlice).story).toBe(8);
    expect(screen.getByText(/Trying to go backward through the graph a second time/)).toBeInTheDocument();
    expect(store.getState().playback.step).toBe(2);
  });

  it('a line picked from the list is added at the end, runs, and is shown', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<TensorsLesson query="v=1&story=5" />);
    await user.click(screen.getByRole('button', { name: 'Just show me' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Add a line' }), 'y.backward()');
    const source = sliceState(store.getState(), tensorsSlice).source;
    expect(source.split('\n').at(-1)).toBe('y.backward()');
    expect(store.getState().playback.step).toBe(store.getState().playback.total - 1);
    expect(
      screen.getByText(/^Line 7, column 1: Trying to go backward through the graph a second time/),
    ).toBeInTheDocument();
  });

  it('speaks Chinese with the same console', () => {
    renderWithStore(<TensorsLesson query="v=1&story=9&lang=zh-CN" />);
    expect(screen.getByText(/^第 5 行第 1 列：计算图为反向传播保存了一个形状为 \[2\] 的张量/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '程序（PyTorch）' })).toBeInTheDocument();
  });
});
