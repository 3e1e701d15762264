import { cellTexts, expect, openConv, openHash, test } from './fixtures';

const grid = (page: import('@playwright/test').Page, name: string) => page.getByRole('grid', { name, exact: true });

test.describe('the story steps', () => {
  test('the convolution lesson opens on its first example and links to the two unsqueeze(0) in the tensors lesson', async ({
    page,
  }) => {
    await openConv(page);
    await expect(page.getByRole('heading', { name: 'A first example' })).toBeVisible();
    expect(await cellTexts(grid(page, 'Input, channel 0'))).toEqual(Array.from({ length: 16 }, (_, i) => String(i)));
    await page.getByRole('textbox', { name: 'Your answer' }).fill('2x2');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await grid(page, 'Output, channel 0').scrollIntoViewIfNeeded();
    // The lesson opened where playback starts: the first window's sum, −6 like every other.
    await expect.poll(async () => (await cellTexts(grid(page, 'Output, channel 0')))[0]).toBe('-6');
    await page.getByRole('link', { name: /two unsqueeze\(0\)/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tensors and autograd');
    await expect(page.getByText('c: [1, 1, 4, 4]')).toBeVisible();
  });

  test('a step whose figure was changed says so, and Restore brings back the figure its text describes', async ({
    page,
  }) => {
    // Stamp and sum speaks of the 2×2 input [[0,1],[2,3]].
    await openHash(page, '#/transposed?v=1&story=1');
    const input = grid(page, 'Input, channel 0');
    await expect.poll(async () => cellTexts(input)).toEqual(['0', '1', '2', '3']);
    await expect(page.getByRole('button', { name: 'Restore it' })).toHaveCount(0);
    await page.getByRole('button', { name: 'kernel 3, stride 2: checkerboard' }).click();
    await expect(page.getByText("You changed the figure; the text describes the step's own figure.")).toBeVisible();
    await page.getByRole('button', { name: 'Restore it' }).click();
    await expect.poll(async () => cellTexts(input)).toEqual(['0', '1', '2', '3']);
    await expect(page.getByRole('button', { name: 'Restore it' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Stamp and sum', exact: true }).first()).toBeVisible();
  });

  test('in Chinese the changed-figure line and its button are Chinese', async ({ page }) => {
    await openHash(page, '#/conv?story=1&h=6&lang=zh-CN');
    await expect(page.getByText('你改动了这张图；上面的文字讲的是这一步原本的图。')).toBeVisible();
    await page.getByRole('button', { name: '恢复原图' }).click();
    await expect(page.getByRole('button', { name: '恢复原图' })).toHaveCount(0);
  });

  test('the refused-padding step asks for the largest padding before it shows the refusal', async ({ page }) => {
    await openHash(page, '#/transposed?v=1&story=3');
    await expect(page.getByText('What is the largest padding that still leaves an output?')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Set Padding/ })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('1');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Right: 1.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Set Padding to 1' })).toBeVisible();
  });
});
