import { messages } from '../../app/i18n';
import { LESSONS } from '../../app/lessons/registry';
import { expect, openHash, ROUTES, test } from './fixtures';

const en = messages('en');

/** The page's main heading: a lesson's title once it is built, the landing page's otherwise. */
function headingOf(route: string): string {
  const lesson = LESSONS.find((l) => `#/${l.id}` === route);
  return lesson && 'load' in lesson ? lesson.title.en : en.home.title;
}

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route} loads without console or page errors and never scrolls sideways`, async ({ page }) => {
      await openHash(page, route);
      await expect(page.getByRole('heading', { level: 1, name: headingOf(route) })).toBeVisible();
      await expect(page.getByText(en.errors.figureFailed)).toHaveCount(0);
      await page.waitForLoadState('networkidle');
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
    });
  }

  test('the largest convolution figure never scrolls the page sideways', async ({ page }) => {
    await openHash(page, '#/conv?n=2&ci=4&co=4&h=16&w=16&k=3&p=1&story=13');
    // The heaviest figure (about 4,800 cells) can take several seconds to appear on a loaded CI machine.
    await expect(page.getByRole('grid', { name: 'Output, sample 1, channel 3' })).toBeVisible({ timeout: 20_000 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  });

  test('an unknown path shows the landing page with a notice', async ({ page }) => {
    await openHash(page, '#/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: en.home.title })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: en.home.unknownRoute })).toBeVisible();
    // Nothing from the address is put on the page.
    await expect(page.getByText('no-such-page')).toHaveCount(0);
  });
});
