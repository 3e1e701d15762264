import { cellTexts, expect, openConv, outputGrid, test } from './fixtures';

test.describe('predict-then-reveal', () => {
  test('the first story step hides the output until the question is answered', async ({ page }) => {
    await openConv(page);
    const output = outputGrid(page);
    await expect(output).toBeVisible();
    // A question about the size: the output is one "?" cell, not an empty grid of the real size.
    expect(await cellTexts(output)).toEqual(['?']);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('2x2');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Right: 2 × 2.' })).toBeVisible();
    // The lesson opened where playback starts: the first output cell has its value.
    await output.scrollIntoViewIfNeeded();
    await expect.poll(async () => cellTexts(output)).toHaveLength(4);
    await expect.poll(async () => (await cellTexts(output))[0]).not.toBe('');
  });

  test('the question is about the figure on screen: a link or an edit that changes it keeps the output hidden', async ({
    page,
  }) => {
    await openConv(page, 'h=8');
    // Matrices off screen are not rendered (content-visibility), so their text is read where a reader sees it.
    await outputGrid(page).scrollIntoViewIfNeeded();
    await expect(outputGrid(page)).toBeVisible();
    expect(await cellTexts(outputGrid(page))).toEqual(['?']);

    await openConv(page);
    await page.getByRole('spinbutton', { name: 'Kernel size kH × kW: height' }).fill('2');
    await outputGrid(page).scrollIntoViewIfNeeded();
    // The 4×4 example with a 2×3 kernel: a 3×2 output, its size still hidden.
    await expect(page.getByRole('spinbutton', { name: 'Kernel size kH × kW: height' })).toHaveValue('2');
    expect(await cellTexts(outputGrid(page))).toEqual(['?']);
    await page.getByRole('button', { name: 'Just show me' }).click();
    await expect.poll(async () => (await cellTexts(outputGrid(page))).length).toBe(6);
    await expect.poll(async () => (await cellTexts(outputGrid(page)))[0]).not.toBe('');
  });

  test('an embed of a checkpoint step shows the output: there is no question in it to answer', async ({ page }) => {
    await openConv(page, 'embed=1');
    await expect(page.getByRole('textbox', { name: 'Your answer' })).toHaveCount(0);
    await expect.poll(async () => (await cellTexts(outputGrid(page))).every((t) => t !== '')).toBe(true);
  });
});
