/**
 * Every page, checked by a tool: axe-core finds no WCAG 2.1 A or AA violation
 * on any route, in English with the light theme and in Chinese with the dark
 * theme, at the project's size (desktop and phone).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, openHash, ROUTES, test } from './fixtures';

const LOOKS = [
  { lang: 'en', theme: 'light' },
  { lang: 'zh', theme: 'dark' },
] as const;

test.describe('accessibility', () => {
  for (const route of ROUTES) {
    for (const { lang, theme } of LOOKS) {
      test(`${route} in ${lang}, ${theme}, has no WCAG A or AA violation`, async ({ page }) => {
        // A lesson of a few thousand cells takes axe tens of seconds on a loaded machine.
        test.slow();
        await openHash(page, `${route}?lang=${lang}&theme=${theme}`);
        await expect(page.locator('h1')).toBeVisible();
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
  }
});
