import { currentHash, expect, openHash, test } from './fixtures';
import type { Page } from '@playwright/test';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Program (PyTorch)' });
const names = (page: Page) => page.getByRole('region', { name: 'Every name after this line' });
const playback = (page: Page) => page.getByRole('group', { name: 'Playback' });

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

test.describe('the tensors and autograd lesson', () => {
  test('a 4×4 matrix becomes [1, 1, 4, 4] after the prediction, and nothing scrolls the page sideways', async ({
    page,
  }) => {
    await openHash(page, '#/tensors');
    await expect(editor(page)).toHaveValue(/x = torch\.arange\(16\.0\)\.reshape\(4, 4\)/);
    await expect(page.getByText('What shape does c have?', { exact: false })).toBeVisible();
    await expect(names(page).getByText('[1, 1, 4, 4]')).toHaveCount(0);
    await noSidewaysScroll(page);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('1, 1, 4, 4');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('.verdict')).toContainText('[1, 1, 4, 4]');
    await expect(names(page).getByText('[1, 1, 4, 4]')).toBeVisible();
    await noSidewaysScroll(page);
  });

  test('the program and the line shown go into the link, and the link reopens them', async ({ page, context }) => {
    await openHash(page, '#/tensors?v=1&story=10');
    await editor(page).fill('a = torch.tensor([1.0, 2.0], requires_grad=True)\nb = a * 3\ns = b.sum()\ns.backward()');
    await expect(names(page).getByRole('row', { name: /^a / })).toContainText('[3., 3.]');
    await page.getByRole('button', { name: /Show the state after line 2/ }).click();
    await expect(page.getByText('After line 2', { exact: true })).toBeVisible();
    await expect.poll(() => currentHash(page)).toContain('step=1');
    const hash = await currentHash(page);
    expect(hash).toContain('code=');
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(editor(reopened)).toHaveValue(/b = a \* 3\ns = b\.sum\(\)/);
    await expect(reopened.getByText('After line 2', { exact: true })).toBeVisible();
    await expect(names(reopened).getByRole('row', { name: /^b / })).toContainText('MulBackward0');
    await reopened.close();
  });

  test('a program with a mistake shows its message with the line and column, in both languages', async ({ page }) => {
    await openHash(page, '#/tensors?v=1&story=10');
    await editor(page).fill('x = torch.ones(4, 4)\ny = x.unsqueeze(3)');
    await expect(
      page.getByText(/Line 2, column 1: Dimension out of range: expected a dim from -3 to 2, got 3/),
    ).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByText(/第 2 行第 1 列：维度超出范围/)).toBeVisible();
    await noSidewaysScroll(page);
  });

  test('stepping with the keyboard walks the lines; the graph shows the gradients after backward()', async ({
    page,
  }) => {
    await openHash(page, '#/tensors?v=1&story=8');
    await expect(
      page.getByText(/Line 4, column 1: Trying to go backward through the graph a second time/),
    ).toBeVisible();
    await expect(playback(page).getByText('Step 3 of 3', { exact: true })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(playback(page).getByText('Step 1 of 3', { exact: true })).toBeVisible();
    await expect(page.getByText('After line 1', { exact: true })).toBeVisible();
    await page.keyboard.press('End');
    const graph = page.getByRole('group', { name: 'Computation graph after this line' });
    await expect(graph.locator('.graph-edge[data-flow="true"]')).toHaveCount(2);
    await expect(graph.getByText('.grad = 4.')).toBeVisible();
  });

  test('presentation mode keeps the console, the names and the graph', async ({ page }) => {
    await openHash(page, '#/tensors?v=1&story=6&present=1');
    await expect(editor(page)).toBeVisible();
    await expect(names(page)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Computation graph after this line' })).toBeVisible();
    await noSidewaysScroll(page);
  });
});
