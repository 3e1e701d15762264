import type { Locator } from '@playwright/test';
import { cellAt, expect, inputGrid, openConv, test } from './fixtures';

// story=13 is the free-play step; seed=7 keeps the default figure (a 5×5 input, no padding).
const LESSON = 'story=13&seed=7';

/** Focuses a cell and pastes `text` into it, as the clipboard would (a paste event carrying the text). */
async function pasteInto(cell: Locator, text: string): Promise<void> {
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The notice beside a grid that says how the last paste was read. */
const pasteNotice = (grid: Locator) => grid.locator('..').getByRole('status');

test.describe('pasting a block into a matrix', () => {
  test('decimal commas from a spreadsheet fill one cell each, and the grid says how it read them', async ({ page }) => {
    await openConv(page, LESSON);
    const grid = inputGrid(page);
    await pasteInto(cellAt(grid, 1, 1), '1,5\t2,5\n-3,25\t4');
    await expect(cellAt(grid, 1, 1)).toHaveText('1.5');
    await expect(cellAt(grid, 1, 2)).toHaveText('2.5');
    await expect(cellAt(grid, 2, 1)).toHaveText('-3.25');
    await expect(cellAt(grid, 2, 2)).toHaveText('4');
    await expect(pasteNotice(grid)).toHaveText('Read 2 rows × 2 columns, decimal commas.');
  });

  test('a block larger than the grid fills what fits and says how much was kept', async ({ page }) => {
    await openConv(page, LESSON);
    const grid = inputGrid(page);
    const block = Array.from({ length: 70 }, (_, r) =>
      Array.from({ length: 70 }, (_, c) => String(r * 100 + c)).join('\t'),
    ).join('\n');
    const untouched = await cellAt(grid, 1, 1).innerText();
    await pasteInto(cellAt(grid, 2, 2), block);
    await expect(cellAt(grid, 2, 2)).toHaveText('0');
    await expect(cellAt(grid, 5, 5)).toHaveText('303');
    await expect(cellAt(grid, 1, 1)).toHaveText(untouched.trim());
    await expect(pasteNotice(grid)).toHaveText(
      'Read 70 rows × 70 columns; the grid ends there, so 4 of 70 rows and 4 of 70 columns were kept.',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('in Chinese, the notice says the same in Chinese', async ({ page }) => {
    await page.goto(`/#/conv?${LESSON}&lang=zh-CN`);
    const grid = page.getByRole('grid').first();
    await expect(grid).toBeVisible();
    await pasteInto(grid.getByRole('gridcell').first(), '0,5;1,5');
    await expect(grid.getByRole('gridcell').first()).toContainText('0.5');
    await expect(pasteNotice(grid)).toHaveText('读入 1 行 × 2 列，逗号当作小数点。');
  });
});
