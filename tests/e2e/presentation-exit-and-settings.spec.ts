import type { Page } from '@playwright/test';
import { expect, inputGrid, openConv, outputGrid, test } from './fixtures';

/** The horizontal extent of the figure's matrices, in CSS pixels. */
async function matricesWidth(page: Page): Promise<number> {
  return page.getByRole('group', { name: 'Convolution figure' }).evaluate((figure) => {
    const boxes = [...figure.querySelectorAll('[role="grid"]')].map((g) => g.getBoundingClientRect());
    return Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
  });
}

const presenting = (page: Page) => page.locator('html');
const exitButton = (page: Page) => page.getByRole('button', { name: 'Exit presentation' });
const panelsButton = (page: Page) => page.getByRole('button', { name: 'Settings and formulas' });

test.describe('presentation mode lets the teacher out and in', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    test(`on a ${width}×${height} projector the matrices span most of the screen, with large digits`, async ({
      page,
      isMobile,
    }) => {
      test.skip(isMobile, 'a projector, not a phone');
      await page.setViewportSize({ width, height });
      await openConv(page, 'story=7&seed=7');
      const before = await matricesWidth(page);
      await page.keyboard.press('f');
      await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
      await expect.poll(() => matricesWidth(page)).toBeGreaterThan(0.7 * width);
      expect(await matricesWidth(page)).toBeGreaterThan(before);
      const digits = await inputGrid(page)
        .getByRole('gridcell')
        .first()
        .evaluate((cell) => parseFloat(getComputedStyle(cell).fontSize));
      expect(digits).toBeGreaterThanOrEqual(28);
      // Nothing runs off the side of the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }

  test('Escape leaves presentation mode and brings the header back', async ({ page }) => {
    await openConv(page, 'story=7&present=1');
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
    await expect(page.getByRole('banner')).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'off');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.location.hash)).not.toContain('present=1');
  });

  test('a visible Exit presentation button leaves it, on any screen', async ({ page }) => {
    await openConv(page);
    await page.getByRole('banner').getByRole('button', { name: 'Present' }).click();
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
    await expect(exitButton(page)).toBeInViewport();
    await exitButton(page).click();
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'off');
    await expect(exitButton(page)).toHaveCount(0);
    await expect(page.getByRole('banner')).toBeVisible();
  });

  test('the settings open beside the figure while presenting, a change shows at once, and Escape closes them first', async ({
    page,
  }) => {
    await openConv(page, 'story=7&present=1');
    const stride = page.getByRole('spinbutton', { name: 'Stride: height' });
    await expect(stride).toBeHidden();
    await expect(panelsButton(page)).toHaveAttribute('aria-expanded', 'false');
    await panelsButton(page).click();
    await expect(panelsButton(page)).toHaveAttribute('aria-expanded', 'true');
    await expect(stride).toBeVisible();
    const rows = async () => (await outputGrid(page).getByRole('row').count()) || 0;
    const rowsBefore = await rows();
    await stride.fill('2');
    await expect.poll(rows).toBeLessThan(rowsBefore);
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
    // The formulas are there too.
    await expect(page.getByRole('heading', { name: 'Formulas with your numbers' })).toBeVisible();

    // Escape from the page (not from inside a field) closes the panels, then leaves presentation mode.
    await page.getByRole('heading', { name: 'Formulas with your numbers' }).click();
    await page.keyboard.press('Escape');
    await expect(stride).toBeHidden();
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
    await page.keyboard.press('Escape');
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'off');
  });

  test('Escape typed in a cell editor cancels the edit and stays in presentation mode', async ({ page }) => {
    await openConv(page, 'story=7&present=1');
    // An input cell of the figure's own (the border cells are padding, which cannot be edited).
    const cell = inputGrid(page).locator('[role="gridcell"][data-editable="true"]').first();
    await cell.click();
    await cell.getByRole('textbox').press('Escape');
    await expect(presenting(page)).toHaveAttribute('data-presentation', 'on');
  });
});
