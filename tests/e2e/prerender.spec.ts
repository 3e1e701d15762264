/**
 * Each route is painted from the HTML the build prerendered, before any module has run, in the
 * visitor's language and theme, and the app takes that page over without a flash of another
 * language, theme or numbers, or a hydration error.
 */
import { test as bare, type Page } from '@playwright/test';
import { LESSONS } from '../../app/lessons/registry';
import { expect, test } from './fixtures';

/** Opens a link with every module refused: what shows is only what index.html and its inline script paint. */
async function openWithoutModules(page: import('@playwright/test').Page, hash: string): Promise<void> {
  await page.route('**/assets/*.js', (route) => route.abort());
  await page.goto(`/${hash}`);
}

/**
 * Holds the app's scripts back until the returned function is called: until then the page is
 * only what index.html and its inline script paint, the visitor's first frame.
 */
async function holdModules(page: Page): Promise<() => void> {
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  await page.route('**/assets/*.js', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** What a visitor sees of the page: its language, theme, headings, and each grid cell's number and colour. */
function seen(page: Page) {
  return page.evaluate(() => {
    const root = document.getElementById('root') as HTMLElement;
    return {
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.body).backgroundColor,
      headings: [...root.querySelectorAll('h1, h2')].map((h) => h.textContent),
      cells: [...root.querySelectorAll<HTMLElement>('[role="gridcell"]')].map(
        (c) => `${c.textContent} ${c.style.backgroundColor}`,
      ),
    };
  });
}

/** Waits until the app has taken the prerendered page over. */
async function takenOver(page: Page): Promise<void> {
  await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered');
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
}

bare.describe('before the JavaScript', () => {
  bare('the landing page shows its lesson path', async ({ page }) => {
    await openWithoutModules(page, '#/');
    await expect(page.locator('#root .lesson-path li').first()).toBeVisible();
  });

  for (const lesson of ['conv', 'transposed']) {
    bare(`#/${lesson} shows its default figure's grids`, async ({ page }) => {
      await openWithoutModules(page, `#/${lesson}`);
      await expect(page.locator(`#root .lesson--${lesson} [role="gridcell"]`).first()).toBeVisible();
    });
  }

  bare("a link with its own state shows the lesson's frame but not the default numbers", async ({ page }) => {
    await openWithoutModules(page, '#/conv?h=6&w=6&seed=3');
    await expect(page.locator('#root .lesson--conv')).toHaveCount(1);
    await expect(page.locator('#root .lesson-layout')).toBeHidden();
  });
});

test.describe('taking the page over', () => {
  for (const lesson of ['conv', 'transposed']) {
    test(`#/${lesson} hydrates the prerendered figure with the same numbers`, async ({ page }) => {
      await page.goto(`/#/${lesson}`);
      await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered');
      await expect(page.locator('#root')).not.toHaveAttribute('inert');
      const [prerendered, shown] = await page.evaluate(() => {
        const id = `prerendered-${location.hash.slice(2)}/en/light`;
        const template = document.createElement('template');
        template.innerHTML = (document.getElementById(id) as HTMLScriptElement).text;
        const cells = (root: ParentNode) => [...root.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent);
        return [cells(template.content), cells(document.getElementById('root') as HTMLElement)];
      });
      expect(prerendered.length).toBeGreaterThan(0);
      expect(shown).toEqual(prerendered);
    });
  }

  test('a link with its own state shows its own numbers once the app has run', async ({ page }) => {
    await page.goto('/#/conv?h=6&w=6&seed=3');
    await expect(page.getByRole('grid', { name: 'Input, channel 0' }).getByRole('gridcell')).toHaveCount(36);
    await expect(page.locator('#root .lesson-layout')).toBeVisible();
  });
});

test.describe('the first painted frame is already the visitor’s', () => {
  test('a Chinese link paints Chinese before any script has run, and the app keeps it', async ({ page }) => {
    const release = await holdModules(page);
    await page.goto('/#/conv?lang=zh-CN', { waitUntil: 'commit' });
    await expect(page.locator('#root [role="gridcell"]').first()).toBeVisible();
    const first = await seen(page);
    expect(first.lang).toBe('zh-CN');
    expect(first.headings.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    await expect(page.locator('#root .lesson-layout')).toBeVisible();
    release();
    await takenOver(page);
    expect(await seen(page)).toEqual(first);
  });

  test('a browser in Chinese opens the landing page in Chinese at once', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const release = await holdModules(page);
    await page.goto('/#/', { waitUntil: 'commit' });
    await expect(page.locator('#root .lesson-path li').first()).toBeVisible();
    const first = await seen(page);
    expect(first.lang).toBe('zh-CN');
    release();
    await takenOver(page);
    expect(await seen(page)).toEqual(first);
    await context.close();
  });

  test('a visitor in dark mode gets the dark page at once and the dark figure without a flash of light cells', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const release = await holdModules(page);
    await page.goto('/#/transposed', { waitUntil: 'commit' });
    await expect(page.locator('#root .lesson-title')).toBeVisible();
    const first = await seen(page);
    expect(first.theme).toBe('dark');
    // Pages are prerendered in the light theme only: the light figure is not shown in the dark one.
    await expect(page.locator('#root .lesson-layout')).toBeHidden();
    release();
    await takenOver(page);
    await expect(page.locator('#root .lesson-layout')).toBeVisible();
    const light = await page.evaluate(() => {
      const template = document.createElement('template');
      template.innerHTML = (document.getElementById('prerendered-transposed/en/light') as HTMLScriptElement).text;
      return [...template.content.querySelectorAll<HTMLElement>('[role="gridcell"]')].map(
        (c) => `${c.textContent} ${c.style.backgroundColor}`,
      );
    });
    expect((await seen(page)).cells).not.toEqual(light);
  });
});

test.describe('every route', () => {
  for (const route of ['', ...LESSONS.map((l) => l.id)]) {
    test(`#/${route} is taken over from its prerendered page without an error`, async ({ page }) => {
      const release = await holdModules(page);
      await page.goto(`/#/${route}`, { waitUntil: 'commit' });
      await expect(page.locator('#root[data-prerendered]')).toHaveCount(1);
      await expect(page.locator('#root h1, #root h2').first()).toBeVisible();
      release();
      await takenOver(page);
      await expect(page.locator('#root .lesson-layout, #root .lesson-path').first()).toBeVisible();
      await expect(page.locator('#root .lesson-loading')).toHaveCount(0);
    });
  }
});
