/**
 * Shared pieces of the browser tests: a `test` whose every page is watched for
 * console errors, uncaught exceptions and dialogs (any of them fails the test),
 * and locators named the way the app names things for assistive technology.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { LESSONS } from '../../app/lessons/registry';

export interface PageIssues {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
}

/** Starts recording what went wrong on a page; dialogs are dismissed so the page never hangs. */
export function watchPage(page: Page): PageIssues {
  const issues: PageIssues = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') issues.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => issues.pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    issues.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return issues;
}

/**
 * Waits until the app has taken over the page the build prerendered (`app/boot.tsx`): before
 * that the page is painted but inert, and input given to it is not the app's.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('root')?.dataset.prerendered === undefined, undefined, {
    timeout: 30_000,
  });
}

export const test = base.extend<{ issues: PageIssues }>({
  // Every navigation of a test's page ends once the app has taken the page over, as a reader's
  // first click does; a test that looks at the page before that asks for `waitUntil: 'commit'`.
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (options?.waitUntil !== 'commit') await waitForApp(page);
      return response;
    };
    await use(page);
  },
  issues: [
    async ({ page }, use) => {
      const issues = watchPage(page);
      await use(issues);
      expect(issues.pageErrors, 'uncaught page errors').toEqual([]);
      expect(issues.dialogs, 'dialogs opened').toEqual([]);
      expect(issues.consoleErrors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The landing page and every lesson of the registry, built or coming next. */
export const ROUTES = ['#/', ...LESSONS.map((l) => `#/${l.id}`)];

/** Opens a hash route of the app; `query` goes after `?` untouched. */
export async function openHash(page: Page, hash: string): Promise<void> {
  await page.goto(`/${hash}`);
  await waitForApp(page);
}

/** Opens the convolution lesson and waits until its (lazily loaded) figure is on screen. */
export async function openConv(page: Page, query = ''): Promise<void> {
  await page.goto(`/#/conv${query ? `?${query}` : ''}`);
  await waitForApp(page);
  await expect(page.getByRole('group', { name: 'Convolution figure' })).toBeVisible();
}

export const inputGrid = (page: Page, channel = 0) => page.getByRole('grid', { name: `Input, channel ${channel}` });
export const outputGrid = (page: Page, channel = 0) => page.getByRole('grid', { name: `Output, channel ${channel}` });

/** A gridcell by its 1-based row and column, through its accessible name ("Row 3, column 3: 2"). */
export const cellAt = (grid: Locator, row: number, col: number) =>
  grid.getByRole('gridcell', { name: new RegExp(`^Row ${row}, column ${col}:`) });

/**
 * The visible text of every cell of a grid, row-major. Matrices skip rendering while off screen
 * (`content-visibility: auto`), and one just scrolled into view is rendered in the next frame:
 * until then its text reads as empty. So the text is read once a frame has been rendered.
 */
export async function cellTexts(grid: Locator): Promise<string[]> {
  await grid
    .page()
    .evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  const texts = await grid.getByRole('gridcell').allInnerTexts();
  return texts.map((s) => s.trim());
}

/** The current hash, read in the page (the app rewrites it with history.replaceState). */
export const currentHash = (page: Page) => page.evaluate(() => window.location.hash);
