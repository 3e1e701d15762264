import { cellAt, cellTexts, currentHash, expect, openHash, test } from './fixtures';

const FREE = '#/transposed?v=1&story=11&seed=0';
const output = (page: import('@playwright/test').Page) =>
  page.getByRole('grid', { name: 'Output, channel 0', exact: true });
const input = (page: import('@playwright/test').Page) =>
  page.getByRole('grid', { name: 'Input, channel 0', exact: true });

test.describe('the transposed convolution lesson', () => {
  test('opens on the lesson’s example: [[0,1],[2,3]] stamped by [[0,1],[2,3]] sums to [[0,0,1],[0,4,6],[4,12,9]]', async ({
    page,
  }) => {
    await openHash(page, FREE);
    await expect(output(page)).toBeVisible();
    expect(await cellTexts(output(page))).toEqual(['0', '0', '1', '0', '4', '6', '4', '12', '9']);
    const direct = page.getByRole('grid', { name: 'Output, channel 0 (The same numbers as a direct convolution)' });
    expect(await cellTexts(direct)).toEqual(await cellTexts(output(page)));
  });

  test('an edit goes into the URL and the link reopens the same numbers', async ({ page, context }) => {
    await openHash(page, FREE);
    const cell = cellAt(input(page), 2, 2);
    await cell.click();
    const editor = cell.getByRole('textbox');
    await editor.fill('5');
    await editor.press('Enter');
    await expect(cell).toHaveText('5');
    await expect.poll(() => currentHash(page)).toContain('x=0,1,2,5');
    const outputAfter = await cellTexts(output(page));
    expect(outputAfter).toEqual(['0', '0', '1', '0', '4', '8', '4', '16', '15']);
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(output(reopened)).toBeVisible();
    expect(await cellTexts(output(reopened))).toEqual(outputAfter);
    await reopened.close();
  });

  test('the lesson’s refusal: padding 2 on a 3×3 result explains itself and one click fixes it', async ({ page }) => {
    await openHash(page, `${FREE}&p=2`);
    const alert = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    await expect(alert).toContainText('nothing is left');
    await expect(page.getByRole('grid', { name: 'Full canvas, channel 0' })).toBeVisible();
    await alert.getByRole('button', { name: /Padding to 1/ }).click();
    await expect(alert).toHaveCount(0);
    expect(await cellTexts(output(page))).toEqual(['4']);
  });

  test('stepping with the keyboard moves the stamp in both views together', async ({ page }) => {
    await openHash(page, `${FREE}&s=2`);
    const playback = page.getByRole('group', { name: 'Playback' });
    await expect(playback.getByText('Step 4 of 4', { exact: true })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(playback.getByText('Step 1 of 4', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(playback.getByText('Step 2 of 4', { exact: true })).toBeVisible();
    const active = page.getByRole('grid', { name: 'Zero-inserted input, channel 0' }).locator('[data-state="active"]');
    await expect(active).toHaveText('1');
  });
});
