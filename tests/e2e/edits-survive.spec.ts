import { cellAt, expect, inputGrid, openConv, test } from './fixtures';

// story=13 is the free-play step; seed=7 keeps the default figure.
const LESSON = 'story=13&seed=7';

async function editFirstCell(page: import('@playwright/test').Page): Promise<string> {
  const cell = cellAt(inputGrid(page), 3, 3);
  const typed = (await cell.innerText()).trim() === '42' ? '43' : '42';
  await cell.click();
  const editor = cell.getByRole('textbox');
  await editor.fill(typed);
  await editor.press('Enter');
  await expect(cell).toHaveText(typed);
  return typed;
}

test.describe('an edit is never lost, however soon the learner leaves', () => {
  test('an edit followed at once by a reload is still there', async ({ page }) => {
    // The page's clock stands still from the edit to the reload, so the link's
    // debounced write cannot have run, however fast or slow this machine is.
    await page.clock.install();
    await openConv(page, LESSON);
    await page.clock.pauseAt(Date.now() + 60_000);
    const typed = await editFirstCell(page);
    await page.reload();
    await page.clock.resume();
    await expect(cellAt(inputGrid(page), 3, 3)).toHaveText(typed);
  });

  test('an edit followed at once by "Lessons" and Back is still there', async ({ page }) => {
    await page.clock.install();
    await openConv(page, LESSON);
    await page.clock.pauseAt(Date.now() + 60_000);
    const typed = await editFirstCell(page);
    await page.getByRole('link', { name: 'Lessons' }).first().click();
    await expect(page).toHaveURL(/#\/$/);
    await page.goBack();
    await page.clock.resume();
    await expect(cellAt(inputGrid(page), 3, 3)).toHaveText(typed);
  });
});
