// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../app/i18n/en';
import { zh } from '../../app/i18n/zh';
import type { GridCellView } from '../../components/figures/figureModel';
import { MatrixGrid, type GridMatrix, type MatrixGridStrings } from '../../components/grid/MatrixGrid';

/** An IntersectionObserver the test moves matrices on and off screen with. */
const observed = new Map<Element, IntersectionObserverCallback>();
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(el: Element) {
    observed.set(el, this.callback);
  }
  unobserve(el: Element) {
    observed.delete(el);
  }
  disconnect() {}
}

function scroll(el: Element, onScreen: boolean) {
  const callback = observed.get(el);
  if (!callback) throw new Error('the matrix is not observed');
  act(() =>
    callback([{ target: el, isIntersecting: onScreen } as IntersectionObserverEntry], {} as IntersectionObserver),
  );
}

const strings: MatrixGridStrings = {
  invalid: () => 'not a number',
  cellLabel: (r, c, text) => `Row ${r + 1}, column ${c + 1}: ${text}`,
};

function matrix(rows: number, cols: number, value: number): GridMatrix {
  const cells: GridCellView[] = Array.from({ length: rows * cols }, () => ({
    text: String(value),
    state: 'idle',
    fill: null,
    editable: false,
  }));
  return { rows, cols, cells };
}

const texts = () =>
  within(screen.getByRole('grid', { name: 'Output' }))
    .getAllByRole('gridcell')
    .map((c) => c.textContent);

describe('a matrix off screen', () => {
  const saved = globalThis.IntersectionObserver;
  beforeAll(() => {
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  });
  afterAll(() => {
    globalThis.IntersectionObserver = saved;
  });

  it('on screen, draws a change (shape and values) in the same render', () => {
    const { rerender } = render(<MatrixGrid id="o" label="Output" matrix={matrix(2, 2, 1)} strings={strings} />);
    rerender(<MatrixGrid id="o" label="Output" matrix={matrix(3, 2, 7)} strings={strings} />);
    expect(texts()).toEqual(['7', '7', '7', '7', '7', '7']);
    expect(screen.getByRole('grid', { name: 'Output' })).not.toHaveAttribute('data-stale');
  });

  it('scrolled away, keeps its last cells for the frame of the edit and catches up after it', async () => {
    const { rerender } = render(<MatrixGrid id="o" label="Output" matrix={matrix(2, 2, 1)} strings={strings} />);
    scroll(screen.getByRole('figure'), false);
    rerender(<MatrixGrid id="o" label="Output" matrix={matrix(3, 2, 7)} strings={strings} />);
    expect(texts()).toEqual(['1', '1', '1', '1']);
    expect(screen.getByRole('grid', { name: 'Output' })).toHaveAttribute('data-stale', 'true');
    expect(screen.getByRole('grid', { name: 'Output' })).toHaveAttribute('aria-rowcount', '2');
    await waitFor(() => expect(texts()).toEqual(['7', '7', '7', '7', '7', '7']));
    expect(screen.getByRole('grid', { name: 'Output' })).not.toHaveAttribute('data-stale');
  });

  it('scrolled back into view, is current at once', () => {
    const { rerender } = render(<MatrixGrid id="o" label="Output" matrix={matrix(2, 2, 1)} strings={strings} />);
    const figure = screen.getByRole('figure');
    scroll(figure, false);
    rerender(<MatrixGrid id="o" label="Output" matrix={matrix(2, 2, 5)} strings={strings} />);
    scroll(figure, true);
    expect(texts()).toEqual(['5', '5', '5', '5']);
  });

  it('never reads the cells of a matrix it does not draw', () => {
    const { rerender } = render(<MatrixGrid id="o" label="Output" matrix={matrix(2, 2, 1)} strings={strings} />);
    scroll(screen.getByRole('figure'), false);
    let reads = 0;
    const lazy = matrix(2, 2, 9);
    const counted: GridMatrix = {
      rows: 2,
      cols: 2,
      get cells() {
        reads++;
        return lazy.cells;
      },
    };
    rerender(<MatrixGrid id="o" label="Output" matrix={counted} strings={strings} />);
    expect(reads).toBe(0);
  });
});

describe('pasting a block into a grid', () => {
  const editable = (rows: number, cols: number): GridMatrix => ({
    rows,
    cols,
    cells: Array.from({ length: rows * cols }, () => ({ text: '0', state: 'idle', fill: null, editable: true })),
  });

  /** Renders a 3×3 editable grid in a language, focuses cell (row, col) and pastes `text` there. */
  function pasteInto(text: string, lang: typeof en | typeof zh, row = 1, col = 1) {
    const onPasteBlock = vi.fn();
    const gridStrings: MatrixGridStrings = {
      ...strings,
      invalid: (e) => lang.grid.invalid[e],
      pasted: lang.grid.pasted,
    };
    render(
      <MatrixGrid
        id="x"
        label="Input"
        matrix={editable(3, 3)}
        strings={gridStrings}
        onCommit={() => undefined}
        onPasteBlock={onPasteBlock}
      />,
    );
    const cell = within(screen.getByRole('grid', { name: 'Input' })).getAllByRole('gridcell')[row * 3 + col]!;
    fireEvent.focus(cell);
    fireEvent.paste(cell, { clipboardData: { getData: () => text } });
    return onPasteBlock;
  }

  it('says how the block was read, next to the grid, in its status notice', () => {
    const onPasteBlock = pasteInto('1,5\t2,5', en, 0, 0);
    expect(onPasteBlock).toHaveBeenCalledWith(0, [[1.5, 2.5]]);
    expect(screen.getByRole('status')).toHaveTextContent('Read 1 row × 2 columns, decimal commas.');
  });

  it('clips a block larger than the room left in the grid, and says how much was kept', () => {
    const block = Array.from({ length: 5 }, () => '1 2 3 4').join('\n');
    const onPasteBlock = pasteInto(block, en);
    expect(onPasteBlock).toHaveBeenCalledWith(4, [
      [1, 2],
      [1, 2],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Read 5 rows × 4 columns; the grid ends there, so 2 of 5 rows and 2 of 4 columns were kept.',
    );
  });

  it('says the same in Chinese', () => {
    pasteInto(Array.from({ length: 70 }, () => '1,5;2').join('\n'), zh);
    expect(screen.getByRole('status')).toHaveTextContent(
      '读入 70 行 × 2 列，逗号当作小数点；网格到这里就满了，70 行里保留了 2 行，2 列里保留了 2 列。',
    );
  });

  it('pastes nothing from junk, and says why instead of how it was read', () => {
    const onPasteBlock = pasteInto('1 2\n3 oops', en);
    expect(onPasteBlock).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(en.grid.invalid['not-a-number']);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
