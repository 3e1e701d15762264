import type { Locator, Page } from '@playwright/test';
import { cellAt, cellTexts, currentHash, expect, openHash, test } from './fixtures';

const FREE = '#/matrix?v=1&story=10&seed=0';
/** The first figure of a page can take many seconds on a loaded two-core machine. */
const LOAD = { timeout: 45_000 };
const grid = (page: Page, name: string) => page.getByRole('grid', { name, exact: true });
const statesOf = (g: Locator) =>
  g.getByRole('gridcell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-state')));

/** The page never scrolls sideways: wide matrices scroll inside their own frame. */
async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test.describe('the convolution-as-a-matrix lesson', () => {
  test('opens on the lesson’s 4×4 input and 3×3 kernel: a 4×16 C, and y = C·x folded back to 2×2', async ({ page }) => {
    await openHash(page, FREE);
    await expect(grid(page, 'C')).toBeVisible(LOAD);
    await expect(grid(page, 'C')).toHaveAttribute('aria-rowcount', '4');
    await expect(grid(page, 'C')).toHaveAttribute('aria-colcount', '16');
    expect(await cellTexts(grid(page, 'Output: y folded back'))).toEqual(['-6', '-6', '-6', '-6']);
    await expect(page.getByTestId('sparsity')).toContainText('Only 36 of its 64 entries hold a kernel weight');
    await expect(page.getByTestId('transpose-same')).toContainText('equals Cᵀ·y in every cell');
    await noSidewaysScroll(page);
  });

  test('a 6×6 input makes C 36 columns wide: it scrolls inside its own frame, never the page', async ({ page }) => {
    await openHash(page, `${FREE}&h=6&w=6&k=2`);
    await expect(grid(page, 'C')).toHaveAttribute('aria-colcount', '36', LOAD);
    const frame = page.getByRole('region', { name: 'C (scrolls)', exact: true });
    await expect(frame).toBeVisible();
    await noSidewaysScroll(page);
    const fits = await frame.evaluate((el) => el.scrollWidth <= el.clientWidth);
    const width = page.viewportSize()?.width ?? 0;
    // 36 cells of 2.4rem do not fit a phone; on a desktop they may.
    if (width < 600) expect(fits).toBe(false);
  });

  test('focusing an entry of C lights up its window, its output cell and the kernel weight it holds', async ({
    page,
  }) => {
    await openHash(page, FREE);
    await expect(grid(page, 'C')).toBeVisible(LOAD);
    // Row 4 (the last window), column 11 (input cell (2, 2), under the kernel's centre).
    await cellAt(grid(page, 'C'), 4, 11).focus();
    await expect(page.getByTestId('arithmetic')).toContainText('C[3, 10] = W[1, 1] = 0');
    await expect
      .poll(() => statesOf(grid(page, 'Input X')))
      .toEqual([
        ...['idle', 'idle', 'idle', 'idle'],
        ...['idle', 'contributing', 'contributing', 'contributing'],
        ...['idle', 'contributing', 'active', 'contributing'],
        ...['idle', 'contributing', 'contributing', 'contributing'],
      ]);
    expect(await statesOf(grid(page, 'Output: y folded back'))).toEqual(['idle', 'idle', 'idle', 'active']);
    expect(await statesOf(grid(page, 'Kernel W'))).toEqual([
      ...['idle', 'idle', 'idle'],
      ...['idle', 'active', 'idle'],
      ...['idle', 'idle', 'idle'],
    ]);
  });

  test('an edit goes into the URL, and the link reopens the same C, y and Cᵀ·y', async ({ page, context }) => {
    await openHash(page, FREE);
    await expect(grid(page, 'C')).toBeVisible(LOAD);
    const cell = cellAt(grid(page, 'Input X'), 2, 2);
    await cell.click();
    const editor = cell.getByRole('textbox');
    await editor.fill('9');
    await editor.press('Enter');
    await expect(cell).toHaveText('9');
    await expect.poll(() => currentHash(page)).toContain('x=0,1,2,3,4,9');
    const y = await cellTexts(grid(page, 'y = C·x'));
    expect(y).toEqual(['-6', '-2', '-6', '-2']);
    const back = await cellTexts(grid(page, 'Cᵀ·y, folded to the input’s shape'));
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(grid(reopened, 'y = C·x')).toBeVisible(LOAD);
    expect(await cellTexts(grid(reopened, 'y = C·x'))).toEqual(y);
    expect(await cellTexts(grid(reopened, 'Cᵀ·y, folded to the input’s shape'))).toEqual(back);
    await reopened.close();
  });

  test('asks how many rows C has before showing it, then shows it', async ({ page }) => {
    await openHash(page, '#/matrix?v=1&story=1');
    await expect(grid(page, 'Input X')).toBeVisible(LOAD);
    await expect(grid(page, 'C')).toHaveCount(0);
    await expect(page.getByTestId('sparsity')).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('4');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText('Right: 4.')).toBeVisible();
    await expect(grid(page, 'C')).toHaveAttribute('aria-rowcount', '4');
  });

  test('speaks Chinese and steps through the flattening order with the keyboard', async ({ page }) => {
    await openHash(page, `${FREE}&lang=zh-CN`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('卷积即矩阵');
    const x = grid(page, 'x：按行展开的输入');
    await expect(x).toBeVisible(LOAD);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('arithmetic')).toContainText('x[1] = X[0, 1] = 1');
    await expect.poll(async () => (await cellTexts(x)).filter((v) => v !== '').length).toBe(2);
    await noSidewaysScroll(page);
  });
});
