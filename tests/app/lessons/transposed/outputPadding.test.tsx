// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { transposedEn } from '../../../../app/lessons/transposed/messages.en';
import { transposedZh } from '../../../../app/lessons/transposed/messages.zh';
import TransposedLesson from '../../../../app/lessons/transposed/TransposedLesson';
import { renderWithStore } from '../../../support/render';

// The free-play step; 3×3 input, k3 s2 p1: a 5×5 output, or 6×6 with output_padding 1.
const BASE = 'v=1&story=7&seed=4&h=3&w=3&k=3';
const FREE = `${BASE}&s=2&p=1`;

const states = (name: string) =>
  within(screen.getByRole('grid', { name }))
    .getAllByRole('gridcell')
    .map((c) => c.dataset.state);

/** Indices (row-major, `cols` wide) of the cells in the last row or the last column. */
const lastRowOrColumn = (rows: number, cols: number) =>
  Array.from({ length: rows * cols }, (_, i) => i).filter(
    (i) => Math.floor(i / cols) === rows - 1 || i % cols === cols - 1,
  );

describe('the cells output_padding keeps', () => {
  it('are marked kept in the output and in the direct convolution’s output: the last row and column, nothing else', () => {
    // At the first step the stamp lands top left, away from the kept row and column.
    renderWithStore(<TransposedLesson query={`${FREE}&op=1&step=0`} />);
    for (const name of ['Output, channel 0', 'Output, channel 0 (The same numbers as a direct convolution)']) {
      const s = states(name);
      expect(s).toHaveLength(36);
      const edge = lastRowOrColumn(6, 6);
      expect(edge.map((i) => s[i])).toEqual(edge.map(() => 'kept'));
      expect(s.filter((state, i) => state === 'kept' && !edge.includes(i))).toEqual([]);
    }
  });

  it('are marked on the full canvas too, inside the crop, with a screen-reader word', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&op=1&step=0`} />);
    const grid = screen.getByRole('grid', { name: 'Full canvas, channel 0' });
    const cells = within(grid).getAllByRole('gridcell');
    // Canvas 7×7, crop 1 before; output rows and columns 0…5 are canvas 1…6, so output row 5 is canvas row 6.
    const bottom = cells.slice(6 * 7 + 1, 6 * 7 + 7);
    expect(bottom.every((c) => c.dataset.state === 'kept')).toBe(true);
    expect(bottom[0]).toHaveAccessibleName(/kept by output_padding/);
    expect(cells[6 * 7]?.dataset.state).toBe('cropped');
  });

  it('do not exist without output_padding', () => {
    renderWithStore(<TransposedLesson query={`${FREE}&op=0`} />);
    expect(states('Output, channel 0')).not.toContain('kept');
    expect(states('Full canvas, channel 0')).not.toContain('kept');
  });

  it('have a line in the legend, in both languages', () => {
    const { unmount } = renderWithStore(<TransposedLesson query={`${FREE}&op=1`} />);
    expect(screen.getByText(/kept by output_padding: the extra rows and columns/)).toBeInTheDocument();
    unmount();
    renderWithStore(<TransposedLesson query={`${FREE}&op=1&lang=zh-CN`} />);
    expect(screen.getByText(/output_padding 在下方和右侧多保留的行和列/)).toBeInTheDocument();
  });
});

describe('the zeros a stride inserts', () => {
  const en = transposedEn.views.insertZeros;
  const zh = transposedZh.views.insertZeros;

  it('are counted with English plural rules, and none is "no zeros"', () => {
    expect(en(0, 0)).toBe('Insert no zeros between neighbouring inputs');
    expect(en(1, 1)).toBe('Insert 1 zero between neighbouring inputs');
    expect(en(3, 3)).toBe('Insert 3 zeros between neighbouring inputs');
    expect(en(1, 0)).toBe('Insert 1 zero between neighbouring rows and no zeros between neighbouring columns');
  });

  it('read naturally in Chinese, with no plural and 不插入零 for none', () => {
    expect(zh(0, 0)).toBe('输入的相邻格子之间不插入零');
    expect(zh(2, 2)).toBe('在输入的相邻格子之间插入 2 个零');
    expect(zh(1, 0)).toBe('输入相邻两行之间插入 1 个零，相邻两列之间不插入零');
  });

  it('are what the direct-convolution view says for stride 1 and for stride 2 × 1', () => {
    const { unmount } = renderWithStore(<TransposedLesson query={`${BASE}&s=1`} />);
    expect(screen.getByText(/^Insert no zeros between neighbouring inputs, pad by/)).toBeInTheDocument();
    expect(screen.queryByText(/zero\(s\)/)).not.toBeInTheDocument();
    unmount();
    renderWithStore(<TransposedLesson query={`${BASE}&s=2x1`} />);
    expect(
      screen.getByText(/^Insert 1 zero between neighbouring rows and no zeros between neighbouring columns, pad by/),
    ).toBeInTheDocument();
  });
});
