import { expect, inputGrid, openConv, test } from './fixtures';

test.describe('presentation mode', () => {
  test('pressing F hides the header, enlarges the cells and F again restores them', async ({ page }) => {
    await openConv(page, 'story=13&seed=7');
    const html = page.locator('html');
    const header = page.getByRole('banner');
    const cell = inputGrid(page).getByRole('gridcell').first();
    await expect(cell).toBeVisible();
    await expect(header).toBeVisible();
    await expect(html).toHaveAttribute('data-presentation', 'off');
    const before = await cell.boundingBox();

    await page.keyboard.press('f');
    await expect(html).toHaveAttribute('data-presentation', 'on');
    await expect(header).toBeHidden();
    await expect.poll(async () => (await cell.boundingBox())?.width ?? 0).toBeGreaterThan(before?.width ?? Infinity);
    const after = await cell.boundingBox();
    expect(after?.height ?? 0).toBeGreaterThan(before?.height ?? Infinity);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('present=1');

    await page.keyboard.press('F');
    await expect(html).toHaveAttribute('data-presentation', 'off');
    await expect(header).toBeVisible();
    await expect.poll(async () => (await cell.boundingBox())?.width).toBe(before?.width);
  });

  test('the header Present button turns presentation mode on', async ({ page }) => {
    await openConv(page);
    await page.getByRole('banner').getByRole('button', { name: 'Present' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
    await expect(page.getByRole('banner')).toBeHidden();
  });

  test('present=1 in a link opens in presentation mode', async ({ page }) => {
    await openConv(page, 'present=1');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'on');
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(inputGrid(page)).toBeVisible();
  });

  test('F typed into a cell editor does not toggle presentation mode', async ({ page }) => {
    await openConv(page, 'story=13&seed=7');
    const cell = inputGrid(page).getByRole('gridcell').first();
    await cell.click();
    await cell.getByRole('textbox').press('f');
    await expect(page.locator('html')).toHaveAttribute('data-presentation', 'off');
  });

  test('on a 1920×1080 projector the lesson spreads across the screen, so a three-channel figure puts its kernels beside its inputs', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'a projector, not a phone');
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The many-kernels story step: three input channels and two kernels of three channels each.
    await openConv(page, 'story=10&present=1');
    const figure = await page.getByRole('group', { name: 'Convolution figure' }).boundingBox();
    expect(figure?.width ?? 0).toBeGreaterThan(1800);
    const lastInput = await inputGrid(page, 2).boundingBox();
    const firstKernel = await page.getByRole('grid', { name: 'Kernel 0, channel 0' }).boundingBox();
    expect(firstKernel?.x ?? 0).toBeGreaterThan((lastInput?.x ?? Infinity) + (lastInput?.width ?? 0));
  });
});
