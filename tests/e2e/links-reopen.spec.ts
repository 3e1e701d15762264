import type { Page } from '@playwright/test';
import { formatNumberList } from '../../app/urlCodec';
import { cellTexts, expect, openConv, test } from './fixtures';

const grid = (page: Page, name: string) => page.getByRole('grid', { name });

/**
 * The example: the largest convolution figure (2×4×16×16 input, 4 kernels of 4×7×7)
 * with six-digit decimals in all 2,048 input cells, as the app used to write it (readably).
 */
const SETTINGS = 'n=2&ci=4&co=4&h=16&w=16&k=7&story=13&seed=7';
const INPUT = Array.from({ length: 2 * 4 * 16 * 16 }, (_, i) =>
  Number((((i * 7919) % 1_000_003) / 1000 - 500.5).toPrecision(6)),
);

test.describe('a link the app writes always reopens', () => {
  test('the largest figure of six-digit decimals reopens exactly, and copying its link warns that it is long', async ({
    page,
    context,
  }) => {
    await openConv(page, `${SETTINGS}&x=${INPUT.join(',')}`);
    await expect(page.locator('.notice')).toHaveCount(0);
    const firstInput = await cellTexts(grid(page, 'Input, sample 0, channel 0'));
    const output = await cellTexts(grid(page, 'Output, sample 0, channel 0'));
    expect(firstInput).toContain(String(Number(INPUT[0]?.toPrecision(4))));

    // The same matrix as the app now writes it: compactly, and it reopens the same numbers.
    const compact = formatNumberList(INPUT);
    expect(compact.startsWith('~')).toBe(true);
    expect(compact.length).toBeLessThan(INPUT.join(',').length);

    const reopened = await context.newPage();
    await reopened.goto(`/#/conv?${SETTINGS}&x=${compact}`);
    await expect(grid(reopened, 'Output, sample 0, channel 0')).toBeVisible();
    await expect(reopened.locator('.notice')).toHaveCount(0);
    expect(await cellTexts(grid(reopened, 'Input, sample 0, channel 0'))).toEqual(firstInput);
    expect(await cellTexts(grid(reopened, 'Output, sample 0, channel 0'))).toEqual(output);
    await reopened.close();

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('[data-notice="long-link"]')).toContainText('characters long');
  });
});
