// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
