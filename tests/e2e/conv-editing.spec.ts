import { cellAt, cellTexts, currentHash, expect, inputGrid, openConv, outputGrid, test } from './fixtures';

// story=7 is the free-play step: no checkpoint hides the output; seed=7 keeps the default figure.
const LESSON = 'story=7&seed=7';

test.describe('editing the convolution figure', () => {
  test('editing an input cell recomputes the output and a link to the new URL reopens the same numbers', async ({
    page,
    context,
  }) => {
    await openConv(page, LESSON);
    const input = inputGrid(page);
    const output = outputGrid(page);
    await expect(output).toBeVisible();
    expect(await currentHash(page)).not.toContain('x=');
    const outputBefore = await cellTexts(output);

    // The centre cell of the 5×5 input feeds every output cell of a 3×3 kernel.
    const cell = cellAt(input, 3, 3);
    const old = (await cell.innerText()).trim();
    const typed = old === '37' ? '38' : '37';
    await cell.click();
    const editor = cell.getByRole('textbox');
    await expect(editor).toBeFocused();
    await editor.fill(typed);
    await editor.press('Enter');

    await expect(cell).toHaveText(typed);
    await expect(editor).toHaveCount(0);
    // The keyboard stays on the cell: the next digits edit it again, the arrows move on from it.
    await expect(cell).toBeFocused();
    await expect.poll(() => cellTexts(output)).not.toEqual(outputBefore);
    await expect.poll(() => currentHash(page), { message: 'x= written to the URL after the debounce' }).toContain('x=');

    const inputAfter = await cellTexts(input);
    const outputAfter = await cellTexts(output);
    const link = await page.evaluate(() => window.location.href);

    const reopened = await context.newPage();
    await reopened.goto(link);
    await expect(outputGrid(reopened)).toBeVisible();
    expect(await cellTexts(inputGrid(reopened))).toEqual(inputAfter);
    expect(await cellTexts(outputGrid(reopened))).toEqual(outputAfter);
    await reopened.close();
  });

  test('typing a digit on a focused cell starts an edit', async ({ page }) => {
    await openConv(page, LESSON);
    const cell = cellAt(inputGrid(page), 1, 1);
    const old = (await cell.innerText()).trim();
    const typed = old === '9' ? '8' : '9';
    await cell.focus();
    await page.keyboard.press(typed);
    const editor = cell.getByRole('textbox');
    await expect(editor).toHaveValue(typed);
    await page.keyboard.press('Enter');
    await expect(editor).toHaveCount(0);
    await expect(cell).toHaveText(typed);
  });

  test('Escape cancels an edit and keeps the old value', async ({ page }) => {
    await openConv(page, LESSON);
    const input = inputGrid(page);
    // Started by typing a digit on a focused cell.
    const first = cellAt(input, 1, 1);
    const firstOld = (await first.innerText()).trim();
    await first.focus();
    await page.keyboard.press(firstOld === '9' ? '8' : '9');
    await expect(first.getByRole('textbox')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(first.getByRole('textbox')).toHaveCount(0);
    await expect(first).toHaveText(firstOld);
    // Started by a click, text replaced.
    const second = cellAt(input, 2, 2);
    const secondOld = (await second.innerText()).trim();
    await second.click();
    await second.getByRole('textbox').fill(secondOld === '7' ? '6' : '7');
    await page.keyboard.press('Escape');
    await expect(second.getByRole('textbox')).toHaveCount(0);
    await expect(second).toHaveText(secondOld);
  });

  test('text that is not a number keeps the editor open with a message', async ({ page }) => {
    await openConv(page, LESSON);
    const cell = cellAt(inputGrid(page), 2, 2);
    await cell.click();
    const editor = cell.getByRole('textbox');
    await editor.fill('abc');
    await editor.press('Enter');
    await expect(page.getByRole('alert')).toContainText('not a number');
    await expect(editor).toBeVisible();
    await editor.press('Escape');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('on a phone, tapping a cell opens it for typing', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'touch only');
    await openConv(page, LESSON);
    const output = outputGrid(page);
    await expect(output).toBeVisible();
    const outputBefore = await cellTexts(output);
    const cell = cellAt(inputGrid(page), 3, 3);
    const old = (await cell.innerText()).trim();
    const typed = old === '42' ? '43' : '42';
    await cell.tap();
    const editor = cell.getByRole('textbox');
    await expect(editor).toBeFocused();
    await editor.fill('');
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect(cell).toHaveText(typed);
    await expect.poll(() => cellTexts(output)).not.toEqual(outputBefore);
  });

  test('the formulas follow a setting stepped up and back again', async ({ page }) => {
    await openConv(page, LESSON);
    const paramTex = page.locator('.formula[aria-label^="P ="] annotation');
    const heightTex = page.locator('.formula[aria-label^="o_h ="] annotation');
    // 5×5 input, 3×3 kernel and a bias: a 3×3 output from 1·1·3·3 + 1 = 10 parameters.
    await expect(paramTex).toHaveText(/= 10\\end\{gathered\}$/);
    await expect(heightTex).toHaveText(/\{3\}\\end\{gathered\}$/);

    const kernelHeight = page.getByRole('spinbutton', { name: /^Kernel size.*height$/ });
    await kernelHeight.focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('.formula[aria-label="P = 13"] annotation')).toHaveText(/= 13\\end\{gathered\}$/);
    await expect(page.locator('.formula[aria-label="o_h = 2"] annotation')).toHaveText(/\{2\}\\end\{gathered\}$/);

    // Back to the first setting: the formulas typeset before come back as they were.
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.formula[aria-label="P = 10"] annotation')).toHaveText(/= 10\\end\{gathered\}$/);
    await expect(page.locator('.formula[aria-label="o_h = 3"] annotation')).toHaveText(/\{3\}\\end\{gathered\}$/);
    await expect(page.locator('.formula[aria-label="P = 10"] .katex-html')).toBeVisible();
  });
});
