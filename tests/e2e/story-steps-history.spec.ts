import type { Page } from '@playwright/test';
import { currentHash, expect, openHash, test } from './fixtures';

const stepCount = (page: Page) => page.getByRole('region', { name: 'Lesson steps' }).locator('.story-count');
const next = (page: Page) => page.getByRole('button', { name: 'Next →' });
const field = (page: Page, name: string) => page.getByRole('spinbutton', { name, exact: true });

test.describe('story steps are entries of the browser’s history', () => {
  test('a lesson opened from its address starts playback at the first step', async ({ page }) => {
    await openHash(page, '#/conv');
    await expect(page.getByRole('group', { name: 'Playback' }).getByText('Step 1 of 9', { exact: true })).toBeVisible();
  });

  test('convolution: Next twice, then Back returns to the step before with its figure, not out of the lesson', async ({
    page,
  }) => {
    await openHash(page, '#/');
    await openHash(page, '#/conv');
    await expect(stepCount(page)).toHaveText('1 / 8');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('2 / 8');
    // Step 2 sets a 6×6 input with stride 2; an edit within the step stays with it.
    await expect(field(page, 'Input size H × W: height')).toHaveValue('6');
    await field(page, 'Kernel size kH × kW: height').fill('2');
    await expect.poll(() => currentHash(page)).toContain('k=2x3');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('3 / 8');
    await expect(field(page, 'Padding: height')).toHaveValue('1');

    await page.goBack();
    await expect(stepCount(page)).toHaveText('2 / 8');
    await expect(field(page, 'Input size H × W: height')).toHaveValue('6');
    await expect(field(page, 'Stride: height')).toHaveValue('2');
    await expect(field(page, 'Kernel size kH × kW: height')).toHaveValue('2');
    expect(await currentHash(page)).toMatch(/^#\/conv\?/);

    await page.goBack();
    await expect(stepCount(page)).toHaveText('1 / 8');
    await expect(field(page, 'Input size H × W: height')).toHaveValue('5');

    await page.goForward();
    await expect(stepCount(page)).toHaveText('2 / 8');
    await expect(field(page, 'Kernel size kH × kW: height')).toHaveValue('2');

    // Back past the first step leaves the lesson, as from any page.
    await page.goBack();
    await page.goBack();
    await expect.poll(() => currentHash(page)).toBe('#/');
  });

  test('transposed convolution: Next twice, then Back returns to the step before', async ({ page }) => {
    await openHash(page, '#/transposed');
    await expect(stepCount(page)).toHaveText('1 / 8');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('2 / 8');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('3 / 8');
    await expect(field(page, 'Padding: height')).toHaveValue('2');

    await page.goBack();
    await expect(stepCount(page)).toHaveText('2 / 8');
    await expect(field(page, 'Padding: height')).toHaveValue('1');
    expect(await currentHash(page)).toMatch(/^#\/transposed\?/);
  });
});
