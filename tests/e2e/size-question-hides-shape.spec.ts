import type { Page } from '@playwright/test';
import { cellTexts, expect, openConv, openHash, test } from './fixtures';

const grid = (page: Page, name: string) => page.getByRole('grid', { name, exact: true });
const playback = (page: Page) => page.getByRole('group', { name: 'Playback' });

const lessons = [
  {
    name: 'convolution, the first example (4×4 input, 3×3 kernel: four windows)',
    open: (page: Page) => openConv(page, 'story=0'),
    figure: 'Convolution figure',
    cells: 4,
    steps: 4,
  },
  {
    name: 'transposed convolution, stamp and sum (2×2 input, 2×2 kernel: four stamps)',
    open: (page: Page) => openHash(page, '#/transposed?v=1&story=1'),
    figure: 'Transposed convolution figure',
    cells: 9,
    steps: 4,
  },
];

test.describe('a question about the output’s size does not show the size', () => {
  for (const l of lessons) {
    test(`${l.name}: one "?" output, playback held at step 1 without a count, no targets; all back after "Just show me"`, async ({
      page,
    }) => {
      await l.open(page);
      await expect(page.getByRole('group', { name: l.figure })).toBeVisible();
      const hidden = grid(page, 'Output, channel 0: size hidden until you answer');
      await hidden.scrollIntoViewIfNeeded();
      await expect.poll(async () => cellTexts(hidden)).toEqual(['?']);

      // Playback: disabled, a note instead of "Step 1 of N", and the arrow key does not move it.
      await expect(playback(page).getByText('Playback starts once you answer.')).toBeVisible();
      await expect(playback(page)).not.toContainText(/Step \d+ of/);
      await expect(playback(page).getByRole('button', { name: 'Step forward' })).toBeDisabled();
      await expect(playback(page).getByRole('slider')).toBeDisabled();
      const subject = await page.getByTestId('arithmetic').locator('strong').textContent();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('End');
      await expect(page.getByTestId('arithmetic').locator('strong')).toHaveText(subject ?? '');

      // Pointing at an input cell marks no output cell as one it feeds, and counts none.
      await grid(page, 'Input, channel 0').getByRole('gridcell').last().hover();
      await expect(page.locator('[role="gridcell"][data-state="target"]')).toHaveCount(0);
      await expect(page.getByTestId('arithmetic')).not.toContainText(/feeds|output cells?$/);

      await page.getByRole('button', { name: 'Just show me' }).click();
      const output = grid(page, 'Output, channel 0');
      await output.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await cellTexts(output)).length).toBe(l.cells);
      await expect(hidden).toHaveCount(0);
      // The held step was the first: the answer shows playback there, with its real count.
      await expect(playback(page)).toContainText(`Step 1 of ${l.steps}`);
      await expect(playback(page).getByRole('button', { name: 'Step forward' })).toBeEnabled();
      await page.keyboard.press('ArrowRight');
      await expect(playback(page)).toContainText(`Step 2 of ${l.steps}`);
    });
  }

  test('a question about a value keeps the real shape, its cells empty, and playback as it is', async ({ page }) => {
    // Step 1 asks for the first window's sum: a 5×5 input and a 3×3 kernel, nine empty cells.
    await openConv(page, 'story=1');
    const output = grid(page, 'Output, channel 0');
    await output.scrollIntoViewIfNeeded();
    await expect.poll(async () => cellTexts(output)).toEqual(Array.from({ length: 9 }, () => ''));
    await expect(playback(page)).toContainText(/Step \d+ of 9/);
  });

  test('in Chinese, the hidden output and the held playback say so in Chinese', async ({ page }) => {
    await openHash(page, '#/conv?story=3&lang=zh-CN');
    await expect(page.getByRole('group', { name: '卷积示意图' })).toBeVisible();
    const hidden = grid(page, '输出，通道 0：回答之后才显示大小');
    await hidden.scrollIntoViewIfNeeded();
    await expect.poll(async () => cellTexts(hidden)).toEqual(['?']);
    await expect(page.getByRole('group', { name: '播放' }).getByText('回答之后才能播放。')).toBeVisible();
  });
});
