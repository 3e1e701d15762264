import type { Page } from '@playwright/test';
import { currentHash, expect, openHash, test } from './fixtures';

const stepCount = (page: Page) => page.getByRole('region', { name: 'Lesson steps' }).locator('.story-count');
const next = (page: Page) => page.getByRole('button', { name: 'Next →' });
const field = (page: Page, name: string) => page.getByRole('spinbutton', { name, exact: true });

test.describe('story steps are entries of the browser’s history', () => {
  test('a lesson opened from its address starts playback at the first step', async ({ page }) => {
    await openHash(page, '#/conv');
    // The first example asks for the output's size: playback waits for the answer and keeps its count.
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText('Playback starts once you answer.');
    await page.getByRole('button', { name: 'Just show me' }).click();
    // A 4×4 input and a 3×3 kernel, so four windows.
    await expect(page.getByRole('group', { name: 'Playback' }).getByText('Step 1 of 4', { exact: true })).toBeVisible();
  });

  test('convolution: Next twice, then Back returns to the step before with its figure, not out of the lesson', async ({
    page,
  }) => {
    await openHash(page, '#/');
    await openHash(page, '#/conv');
    await expect(stepCount(page)).toHaveText('1 / 14');
    await expect(field(page, 'Input size H × W: height')).toHaveValue('4');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('2 / 14');
    // Step 2 sets the 5×5 input; an edit within the step stays with it.
    await expect(field(page, 'Input size H × W: height')).toHaveValue('5');
    await field(page, 'Kernel size kH × kW: height').fill('2');
    await expect.poll(() => currentHash(page)).toContain('k=2x3');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('3 / 14');
    await expect(field(page, 'Kernel size kH × kW: height')).toHaveValue('3');

    await page.goBack();
    await expect(stepCount(page)).toHaveText('2 / 14');
    await expect(field(page, 'Input size H × W: height')).toHaveValue('5');
    await expect(field(page, 'Kernel size kH × kW: height')).toHaveValue('2');
    expect(await currentHash(page)).toMatch(/^#\/conv\?/);

    await page.goBack();
    await expect(stepCount(page)).toHaveText('1 / 14');
    await expect(field(page, 'Input size H × W: height')).toHaveValue('4');

    await page.goForward();
    await expect(stepCount(page)).toHaveText('2 / 14');
    await expect(field(page, 'Kernel size kH × kW: height')).toHaveValue('2');

    // Back past the first step leaves the lesson, as from any page.
    await page.goBack();
    await page.goBack();
    await expect.poll(() => currentHash(page)).toBe('#/');
  });

  test('transposed convolution: Next twice, then Back returns to the step before', async ({ page }) => {
    await openHash(page, '#/transposed?v=1&story=1');
    await expect(stepCount(page)).toHaveText('2 / 12');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('3 / 12');
    await expect(field(page, 'Padding: height')).toHaveValue('1');
    await next(page).click();
    await expect(stepCount(page)).toHaveText('4 / 12');
    await expect(field(page, 'Padding: height')).toHaveValue('2');

    await page.goBack();
    await expect(stepCount(page)).toHaveText('3 / 12');
    await expect(field(page, 'Padding: height')).toHaveValue('1');
    expect(await currentHash(page)).toMatch(/^#\/transposed\?/);
  });
});
