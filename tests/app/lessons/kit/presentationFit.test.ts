import { describe, expect, it } from 'vitest';
import { fittedCell } from '../../../../app/lessons/kit/presentationFit';

const bounds = { min: 35, max: 154 };

describe('the cell size of a projected figure', () => {
  it('grows a narrow figure until it spans the width of the page', () => {
    // 600 px of matrices in 1800 px of room, plenty of height: three times larger, a little under the full width.
    expect(fittedCell({ cell: 40, width: 600, height: 200, availableWidth: 1800, availableHeight: 900 }, bounds)).toBe(
      116,
    );
  });

  it('stops where the first row of matrices would be taller than the screen allows', () => {
    expect(fittedCell({ cell: 40, width: 600, height: 400, availableWidth: 1800, availableHeight: 800 }, bounds)).toBe(
      80,
    );
  });

  it('shrinks a figure wider than the page, but never below the smallest legible cell', () => {
    expect(fittedCell({ cell: 72, width: 2400, height: 300, availableWidth: 1800, availableHeight: 900 }, bounds)).toBe(
      52,
    );
    expect(fittedCell({ cell: 72, width: 9000, height: 300, availableWidth: 1800, availableHeight: 900 }, bounds)).toBe(
      35,
    );
  });

  it('never grows past the largest cell, however small the figure', () => {
    expect(fittedCell({ cell: 40, width: 80, height: 80, availableWidth: 1800, availableHeight: 900 }, bounds)).toBe(
      154,
    );
  });

  it('keeps the cell as it is when there is nothing to measure', () => {
    expect(fittedCell({ cell: 40, width: 0, height: 0, availableWidth: 1800, availableHeight: 900 }, bounds)).toBe(40);
  });
});
