import { expect, openConv, test } from './fixtures';

// What a link asks for and the lesson cannot show as asked is said on the page, never dropped in silence.
test.describe('a link that asks for more than the lesson has', () => {
  test('a narrative step past the last one opens the last step and says so', async ({ page }) => {
    await openConv(page, 'story=50');
    await expect(page.getByRole('status').filter({ hasText: 'moved to the nearest it can show: story' })).toBeVisible();
  });

  test('a playback step past the last one shows the figure complete and says so', async ({ page }) => {
    await openConv(page, 'story=13&seed=7&step=5000');
    await expect(page.getByRole('status').filter({ hasText: 'moved to the nearest it can show: step' })).toBeVisible();
  });

  test('hiding a control the lesson does not have is named in the notice', async ({ page }) => {
    await openConv(page, 'hide=bogus,stride');
    await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toContainText('hide');
    // The control that exists is still hidden.
    await expect(page.locator('[data-control="stride"]')).toHaveCount(0);
  });

  test('a link to a page that does not exist never puts its own text on the page', async ({ page }) => {
    await page.goto('/#/Call-support:+1-555-0100-now!');
    await expect(page.getByRole('status').filter({ hasText: 'There is no page at that address' })).toBeVisible();
    await expect(page.getByText('555-0100')).toHaveCount(0);
  });

  test('a setting typed outside its limits is set to the nearest limit with a word beside it', async ({ page }) => {
    await openConv(page, 'story=13&seed=7');
    const groups = page.getByRole('spinbutton', { name: /groups/i }).first();
    await groups.fill('999');
    await expect(page.getByRole('status').filter({ hasText: '999 is outside' })).toBeVisible();
  });
});
