import { expect, openConv, test } from './fixtures';

test.describe('keyboard playback', () => {
  test('Home, ArrowRight and End move through the steps; Space plays and pauses', async ({ page }) => {
    await openConv(page, 'story=13&seed=7');
    const playback = page.getByRole('group', { name: 'Playback' });
    await expect(playback).toBeVisible();
    // A fresh link shows the finished figure: the last of 9 steps (5×5 input, 3×3 kernel).
    await expect(playback.getByText('Step 9 of 9', { exact: true })).toBeVisible();

    await page.keyboard.press('Home');
    await expect(playback.getByText('Step 1 of 9', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(playback.getByText('Step 2 of 9', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(playback.getByText('Step 1 of 9', { exact: true })).toBeVisible();
    await page.keyboard.press('End');
    await expect(playback.getByText('Step 9 of 9', { exact: true })).toBeVisible();

    await page.keyboard.press('Space');
    await expect(playback.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(playback.getByRole('button', { name: 'Play' })).toHaveCount(0);
    await page.keyboard.press('Space');
    await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(playback.getByRole('button', { name: 'Pause' })).toHaveCount(0);
    // Playing from the last step started over, so the pause left it short of the end.
    await expect(playback.getByText('Step 9 of 9', { exact: true })).toHaveCount(0);
  });

  test('the step is written to the URL and a link reopens that step', async ({ page, context }) => {
    await openConv(page, 'story=13&seed=7');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText('Step 3 of 9', { exact: true })).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('step=2');
    const reopened = await context.newPage();
    await reopened.goto(await page.evaluate(() => window.location.href));
    await expect(reopened.getByText('Step 3 of 9', { exact: true })).toBeVisible();
    await reopened.close();
  });

  test('playback keys typed into a cell editor edit the cell instead of moving the step', async ({ page }) => {
    await openConv(page, 'story=13&seed=7');
    await page.keyboard.press('Home');
    const cell = page.getByRole('grid', { name: 'Input, channel 0' }).getByRole('gridcell').first();
    await cell.click();
    const editor = cell.getByRole('textbox');
    await editor.press('End');
    await editor.press('Space');
    await expect(page.getByText('Step 1 of 9', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('the keys hint shows with a mouse and keyboard, not on a touch screen', async ({ page, isMobile }) => {
    await openConv(page, 'story=13&seed=7');
    const hint = page.getByText('Keys: Space plays or pauses', { exact: false });
    if (isMobile) await expect(hint).toBeHidden();
    else await expect(hint).toBeVisible();
  });
});
