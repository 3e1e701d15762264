import { expect, openHash, ROUTES, test } from './fixtures';

const HEADINGS: Record<string, string> = {
  '#/conv': 'Convolution',
};
const LANDING_HEADING = 'Learn convolution by changing the numbers';

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route} loads without console or page errors and never scrolls sideways`, async ({ page }) => {
      await openHash(page, route);
      const heading = HEADINGS[route] ?? LANDING_HEADING;
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      if (route === '#/conv') await expect(page.getByRole('grid', { name: 'Output, channel 0' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
    });
  }

  test('an unknown path shows the landing page with a notice', async ({ page }) => {
    await openHash(page, '#/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: LANDING_HEADING })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('no-such-page');
  });
});
