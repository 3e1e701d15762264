import { messages } from '../../app/i18n';
import { currentHash, expect, openHash, test, watchPage } from './fixtures';
import { convZh } from '../../app/lessons/conv/messages.zh';

const zh = messages('zh-CN');

test.describe('language', () => {
  test('the header language switch turns the lesson into Chinese and writes lang=zh-CN into the URL', async ({
    page,
  }) => {
    await openHash(page, '#/conv');
    await expect(page.getByRole('heading', { level: 1, name: 'Convolution' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '卷积' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('combobox', { name: zh.nav.language })).toHaveValue('zh-CN');
    await expect(page.getByRole('grid', { name: convZh.matrices.inputOf(0, 0, 1) })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Input, channel 0' })).toHaveCount(0);
    await expect.poll(() => currentHash(page)).toContain('lang=zh-CN');
  });

  test('lang=en in a link opens English even in a Chinese browser', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const chinese = await context.newPage();
    const chineseIssues = watchPage(chinese);
    await openHash(chinese, '#/conv');
    await expect(chinese.getByRole('heading', { level: 1, name: '卷积' })).toBeVisible();

    const page = await context.newPage();
    const issues = watchPage(page);
    await openHash(page, '#/conv?lang=en');
    await expect(page.getByRole('heading', { level: 1, name: 'Convolution' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toHaveCount(0);
    expect(chineseIssues).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [] });
    expect(issues).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [] });
    await context.close();
  });

  test('lang=zh-CN in a link opens Chinese in an English browser', async ({ page }) => {
    await openHash(page, '#/conv?lang=zh-CN');
    await expect(page.getByRole('heading', { level: 1, name: '卷积' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: zh.nav.language })).toHaveValue('zh-CN');
  });
});
