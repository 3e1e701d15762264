import { expect, openHash, test } from './fixtures';

test.describe('a configuration PyTorch refuses', () => {
  test('a 5×5 kernel on a 3×3 input shows the refusal with fixes, and the first fix brings back the output', async ({
    page,
  }) => {
    await openHash(page, '#/conv?h=3&w=3&k=5');
    const refusal = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    await expect(refusal).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Output, channel 0' })).toHaveCount(0);
    const fixes = refusal.getByRole('button');
    expect(await fixes.count()).toBeGreaterThan(0);
    await fixes.first().click();
    await expect(refusal).toHaveCount(0);
    await expect(page.getByRole('grid', { name: 'Output, channel 0' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Playback' })).toBeVisible();
  });
});
