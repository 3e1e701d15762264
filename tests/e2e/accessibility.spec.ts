/**
 * Every page, checked by a tool: axe-core finds no WCAG 2.1 A or AA violation
 * on any route, for an English reader with a light theme and a Chinese reader
 * with a dark one (taken from the browser, as a first visit would), at the
 * project's size (desktop and phone).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, openHash, ROUTES, test } from './fixtures';

const LOOKS = [
  { locale: 'en-US', lang: 'en', colorScheme: 'light' },
  { locale: 'zh-CN', lang: 'zh-CN', colorScheme: 'dark' },
] as const;

for (const { locale, lang, colorScheme } of LOOKS) {
  test.describe(`accessibility in ${lang}, ${colorScheme}`, () => {
    test.use({ locale, colorScheme });
    for (const route of ROUTES) {
      test(`${route} has no WCAG A or AA violation`, async ({ page }) => {
        // A lesson of a few thousand cells takes axe tens of seconds on a loaded machine.
        test.slow();
        await openHash(page, route);
        await expect(page.locator('h1')).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await page.waitForLoadState('networkidle');
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          // Only violations are reported, so axe does not collect the thousands of passes.
          .options({ resultTypes: ['violations'] })
          .analyze();
        const found = violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ') ?? ''}`);
        expect(found).toEqual([]);
      });
    }
  });
}
