import { expect, inputGrid, openConv, outputGrid, test } from './fixtures';

/** The outline style of every cell in a state, within one grid. */
const outlineStyles = (grid: ReturnType<typeof inputGrid>, state: string) =>
  grid
    .locator(`[role="gridcell"][data-state="${state}"]`)
    .evaluateAll((cells) => [...new Set(cells.map((c) => getComputedStyle(c).outlineStyle))]);

test.describe('cell states', () => {
  test('are told apart without colour, and marking a cell never changes its size', async ({ page }) => {
    // Dilation 2: the window's taps, the gaps between them, and the output cell they make. The step
    // asks for the output's size, which hides the output's cells: answered first.
    await openConv(page, 'story=8&step=0');
    await page.getByRole('button', { name: 'Just show me' }).click();
    const input = inputGrid(page);
    await expect(input.locator('[data-state="contributing"]')).toHaveCount(9);
    expect(await outlineStyles(input, 'contributing')).toEqual(['dashed']);
    expect(await outlineStyles(input, 'gap')).toEqual(['dotted']);
    expect(await outlineStyles(input, 'idle')).toEqual(['none']);

    // Pointing at an input cell marks it active (solid) and the outputs it feeds as targets (double).
    const idle = input.getByRole('gridcell', { name: /^Row 1, column 7:/ });
    await expect(idle).toHaveAttribute('data-state', 'idle');
    const before = await idle.boundingBox();
    await idle.hover();
    await expect(idle).toHaveAttribute('data-state', 'active');
    expect(await outlineStyles(input, 'active')).toEqual(['solid']);
    expect(await outlineStyles(outputGrid(page), 'target')).toEqual(['double']);
    expect(await idle.boundingBox()).toEqual(before);
  });
});
