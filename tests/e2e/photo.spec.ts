import type { Locator, Page } from '@playwright/test';
import { currentHash, expect, openConv, test } from './fixtures';

/**
 * The photo panel of the convolution lesson in the built app: its Web Worker
 * decodes and filters a bundled photo, edits of the figure reach the photo,
 * what the panel shows is in the link, and it fits a phone.
 */

const FREE = 'story=13&seed=7';
/** Generous: the worker's first filter waits for its chunk and plan on a loaded machine. */
const SLOW = { timeout: 45_000 };

const panel = (page: Page) => page.getByRole('region', { name: 'The kernel on a photo' });
const resultCanvas = (page: Page) => page.getByTestId('photo-result').locator('canvas');

/** How many results the panel has drawn so far (0 before the first). */
async function drawnCount(page: Page): Promise<number> {
  return Number((await resultCanvas(page).getAttribute('data-drawn')) ?? 0);
}

/** Waits until more than `count` results have been drawn. */
async function drawnAfter(page: Page, count: number): Promise<void> {
  await expect.poll(() => drawnCount(page), SLOW).toBeGreaterThan(count);
}

/** A checksum of a canvas's RGBA bytes, computed in the page (the bytes themselves are too many to send). */
function pixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum = (sum * 31 + data[i]!) % 1_000_000_007;
    return sum;
  });
}

test.describe('the photo panel', () => {
  // A test opens the worker several times; on a loaded two-core machine that takes a while.
  test.describe.configure({ timeout: 120_000 });
  test('opens from its button, the worker filters a bundled photo, and the identity kernel gives the photo back exactly', async ({
    page,
  }) => {
    await openConv(page, `${FREE}&p=1`);
    await page.getByRole('button', { name: 'Try the kernel on a photo' }).click();
    await expect(panel(page)).toBeVisible(SLOW);
    await drawnAfter(page, 0);
    await expect.poll(() => currentHash(page), SLOW).toContain('photo=cat');

    await panel(page).getByRole('combobox', { name: 'Kernel' }).selectOption('identity');
    await expect.poll(() => currentHash(page), SLOW).toContain('filter=identity');
    // Identity with padding 1: the worker's result, mapped on 0–1, is the decoded photo, byte for byte.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const [before, after] = Array.from(
              document.querySelectorAll<HTMLCanvasElement>('.photo-stage canvas'),
              (c) => c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data,
            );
            if (!before || !after || before.length !== after.length) return -1;
            let differ = 0;
            for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) differ++;
            return differ;
          }),
        SLOW,
      )
      .toBe(0);
    await expect(resultCanvas(page)).toHaveAttribute('width', '451');
  });

  test('editing the kernel in the figure changes the photo; stride 2 halves it', async ({ page }) => {
    await openConv(page, `${FREE}&p=1&photo=cat`);
    await drawnAfter(page, 0);
    const first = await pixels(resultCanvas(page));
    const count = await drawnCount(page);

    const slider = panel(page).getByRole('slider', { name: 'Drag weight (row 0, column 0)' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await drawnAfter(page, count);
    // The figure's kernel shows the new weight, and the photo changed with it.
    await expect(page.getByRole('grid', { name: 'Kernel 0, channel 0' }).getByRole('gridcell').first()).toContainText(
      '1.05',
    );
    await expect.poll(() => pixels(resultCanvas(page)), SLOW).not.toBe(first);

    for (const axis of ['height', 'width']) {
      const field = page.getByLabel(`Stride: ${axis}`);
      await field.fill('2');
      await field.press('Enter');
    }
    await expect(resultCanvas(page)).toHaveAttribute('width', '226', SLOW);
    await expect(panel(page).getByText('451×300 → 226×150 pixels')).toBeVisible();
  });

  test('a signed kernel summed over RGB gets a diverging legend, and a focused pixel shows its arithmetic', async ({
    page,
  }) => {
    await openConv(page, `${FREE}&photo=coffee&filter=sobel-y&colour=sum`);
    await drawnAfter(page, 0);
    const legend = panel(page).getByRole('region', { name: 'Values to pixels' });
    await expect(legend).toHaveAttribute('data-mapping', 'diverging');
    await expect(panel(page).getByRole('combobox', { name: 'Photo' })).toHaveValue('coffee');

    const picture = page.getByTestId('photo-result');
    await picture.focus();
    await page.keyboard.press('ArrowDown');
    const arithmetic = page.getByTestId('pixel-arithmetic');
    await expect(arithmetic).toBeVisible(SLOW);
    await expect(arithmetic).toContainText(/Output pixel: row \d+, column \d+/);
    await expect(arithmetic).toContainText('R + G + B =');
    await expect(arithmetic.getByRole('table', { name: 'Input G' })).toBeVisible();
  });

  test('the link reopens the same photo, kernel and modes', async ({ page, context }) => {
    await openConv(page, `${FREE}&photo=rocket&filter=emboss&compare=slider&range=own`);
    await drawnAfter(page, 0);
    await panel(page).getByRole('combobox', { name: 'Colour' }).selectOption('summed');
    await expect.poll(() => currentHash(page), SLOW).toContain('colour=sum');
    const hash = await currentHash(page);
    for (const key of ['photo=rocket', 'filter=emboss', 'compare=slider', 'range=own']) expect(hash).toContain(key);

    const again = await context.newPage();
    await again.goto(`/${hash}`);
    await expect(panel(again)).toBeVisible(SLOW);
    await expect(panel(again).getByRole('combobox', { name: 'Photo' })).toHaveValue('rocket');
    await expect(panel(again).getByRole('combobox', { name: 'Kernel' })).toHaveValue('emboss');
    await expect(panel(again).getByRole('combobox', { name: 'Colour' })).toHaveValue('summed');
    await expect(panel(again).getByRole('radio', { name: 'Slider' })).toBeChecked();
    await drawnAfter(again, 0);
    await expect(resultCanvas(again)).toHaveAttribute('width', '510');
  });

  test('an own picture is used in the browser, and a file that is not one is refused in words', async ({ page }) => {
    await openConv(page, `${FREE}&photo=cat`);
    await drawnAfter(page, 0);
    const file = panel(page).getByTestId('photo-file');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await expect(panel(page).getByRole('alert')).toContainText('That file is not a picture this browser can read');

    const count = await drawnCount(page);
    await file.setInputFiles('public/photos/coffee.jpg');
    await expect(panel(page).getByText(/^Your photo, 512×341 pixels/)).toBeVisible(SLOW);
    await drawnAfter(page, count);
    await expect.poll(() => currentHash(page), SLOW).toContain('photo=own');
  });

  test('fits the screen: nothing scrolls the page sideways, in Chinese too', async ({ page }) => {
    await openConv(page, `${FREE}&photo=astronaut&filter=sharpen`);
    await drawnAfter(page, 0);
    const width = page.viewportSize()?.width ?? 0;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.goto(`/#/conv?${FREE}&photo=astronaut&filter=sharpen&lang=zh-CN`);
    await expect(page.getByRole('region', { name: '卷积核作用在照片上' })).toBeVisible(SLOW);
    await drawnAfter(page, 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
});
