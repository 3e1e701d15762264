import type { Page } from '@playwright/test';
import { expect, openConv, openHash, ROUTES, test } from './fixtures';

const LESSON_ROUTES = ROUTES.filter((r) => r !== '#/');

/** Whether the page scrolls sideways: it must not, at any size. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test.describe('the lesson layout', () => {
  test('on a 1366×768 laptop a formula and the part of the figure it points at are on screen together', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'a laptop, not a phone');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openConv(page, 'story=7&seed=7');
    const figure = page.getByRole('group', { name: 'Convolution figure' });
    const kernelTerm = page.locator('.formula .term-k').first();
    await figure.scrollIntoViewIfNeeded();
    await kernelTerm.scrollIntoViewIfNeeded();
    await kernelTerm.hover();
    await expect(figure).toHaveAttribute('data-term', 'k');
    await expect(kernelTerm).toBeInViewport();
    await expect(page.getByRole('grid', { name: 'Kernel 0, channel 0' })).toBeInViewport();
    await expect(page.getByRole('grid', { name: 'Input, channel 0' })).toBeInViewport({ ratio: 0.5 });
  });

  test('every symbol of the formulas can be pointed at, including those inside a fraction', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'pointing needs a mouse');
    await page.setViewportSize({ width: 1366, height: 768 });
    await openConv(page, 'story=7&seed=7');
    const terms = page.locator(".formula [class*='term-']");
    await expect(terms.first()).toBeVisible();
    const count = await terms.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) {
      const term = terms.nth(i);
      await term.scrollIntoViewIfNeeded();
      // What the pointer reaches at the symbol's centre is the symbol, not a row stacked over it.
      const reached = await term.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      });
      expect(reached, `formula symbol ${i}`).toBe(true);
    }
  });

  test('the PyTorch code is wide enough to read and no line is cut off', async ({ page }) => {
    await openConv(page, 'story=7&seed=7');
    await page.getByText('The same numbers in PyTorch').click();
    const code = page.locator('.code pre');
    await expect(code).toBeVisible();
    const { width, clientWidth, scrollWidth } = await code.evaluate((pre) => ({
      width: pre.getBoundingClientRect().width,
      clientWidth: pre.clientWidth,
      scrollWidth: pre.scrollWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const viewport = page.viewportSize()?.width ?? 0;
    expect(width).toBeGreaterThan(Math.min(600, viewport - 60));
  });

  test('on a phone the settings come right under the figure, before the rest of the page', async ({
    page,
    isMobile,
  }) => {
    test.skip(!isMobile, 'a phone');
    await openConv(page);
    const playback = await page.getByRole('group', { name: 'Playback' }).boundingBox();
    const settings = await page.getByRole('region', { name: 'Settings' }).boundingBox();
    const share = await page.getByRole('region', { name: 'Share' }).boundingBox();
    expect(settings?.y ?? Infinity).toBeGreaterThan(playback?.y ?? 0);
    // Within a short scroll of the playback bar (a third of the screen): only the legend and the keys hint come between.
    expect((settings?.y ?? Infinity) - (playback?.y ?? 0)).toBeLessThan(844 / 3);
    expect(settings?.y ?? Infinity).toBeLessThan(share?.y ?? 0);
  });
});

for (const lang of ['en-US', 'zh-CN'] as const) {
  test.describe(`every lesson in ${lang}`, () => {
    test.use({ locale: lang });

    test('fits the width of this screen and of 1366 and 1920 wide screens: nothing scrolls sideways', async ({
      page,
      isMobile,
    }) => {
      test.setTimeout(180_000);
      const sizes = isMobile
        ? [{ width: 390, height: 844 }]
        : [
            { width: 1366, height: 768 },
            { width: 1920, height: 1080 },
          ];
      for (const size of sizes) {
        await page.setViewportSize(size);
        for (const route of LESSON_ROUTES) {
          await openHash(page, route);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          expect(await scrollsSideways(page), `${route} at ${size.width}`).toBe(false);
        }
      }
    });
  });
}
