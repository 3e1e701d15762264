/**
 * When code cannot be downloaded (offline on a first visit, or a deploy that
 * replaced the files), the page says so in place of the part that failed,
 * offers to try again, and keeps everything else, including the user's work.
 */
import { expect, test } from '@playwright/test';
import { messages } from '../../app/i18n';
import { LESSONS } from '../../app/lessons/registry';
import { watchPage } from './fixtures';

const en = messages('en');
const convTitle = LESSONS.find((l) => l.id === 'conv')!.title.en;

test.describe('failures stay contained', () => {
  test('a lesson whose code cannot be downloaded says so and opens when trying again', async ({ page }) => {
    const issues = watchPage(page);
    let blocked = true;
    await page.route(/\/assets\/conv-[^/]*\.js$/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto('/#/conv?v=1&ks=2');
    const alert = page.getByRole('alert').filter({ hasText: en.errors.lessonDownloadFailed });
    await expect(alert).toBeVisible();
    // The header still works while the lesson is missing.
    await expect(page.getByRole('navigation').first()).toBeVisible();
    blocked = false;
    await alert.getByRole('button', { name: en.errors.retry }).click();
    await expect(page.getByRole('heading', { level: 1, name: convTitle })).toBeVisible();
    await expect(alert).toHaveCount(0);
    // The link the user opened is still the one shown.
    expect(page.url()).toContain('ks=2');
    expect(issues.pageErrors).toEqual([]);
  });

  test('an export whose code cannot be downloaded says so and leaves the lesson working', async ({ page }) => {
    const issues = watchPage(page);
    await page.route(/\/assets\/download-[^/]*\.js$/, (route) => route.abort());
    await page.goto('/#/conv');
    await page.getByRole('button', { name: en.share.png }).click();
    await expect(page.locator('.share-status')).toHaveText(en.share.exportFailed);
    await expect(page.getByRole('heading', { level: 1, name: convTitle })).toBeVisible();
    expect(issues.pageErrors).toEqual([]);
  });
});
