import { currentHash, expect, openHash, test } from './fixtures';

/** The held-out photo's PSNR as the page shows it ("PSNR 29.25 dB"). */
const psnrOf = async (page: import('@playwright/test').Page) =>
  Number((await page.getByTestId('ae-psnr').innerText()).match(/[\d.]+/)?.[0] ?? NaN);

test.describe('the autoencoder lesson', () => {
  test('shows the shipped weights’ reconstruction at once, with a PSNR far above a random network’s', async ({
    page,
  }) => {
    await openHash(page, '#/autoencoder?v=1');
    await expect(page.getByTestId('ae-psnr')).toBeVisible({ timeout: 45_000 });
    expect(await psnrOf(page)).toBeGreaterThan(25);
    await expect(page.getByRole('img', { name: 'Reconstruction' })).toBeVisible();
    // The compression panel measures the real code and JPEG beside it.
    await expect(page.getByTestId('ae-compressed')).toContainText('bytes after deflate', { timeout: 45_000 });
    await expect(page.getByTestId('ae-verdict')).toBeVisible({ timeout: 45_000 });
    // Backward is transposed, beside the shape chain: the engine's two gradients agree.
    await expect(page.getByTestId('ae-backward-verdict')).toHaveText('16 of 16 cells are equal.');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  });

  test('trains from scratch in the worker: steps run, the loss curve appears, and pausing stops them', async ({
    page,
  }) => {
    await openHash(page, '#/autoencoder?v=1&init=scratch&ch=8,4&seed=5');
    const start = page.getByRole('button', { name: 'Start', exact: true });
    await expect(start).toBeEnabled({ timeout: 45_000 });
    const before = await psnrOf(page);
    await start.click();
    await expect
      .poll(async () => Number((await page.getByTestId('ae-step').innerText()).match(/\d+/)?.[0] ?? 0), {
        timeout: 45_000,
      })
      .toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('img', { name: /^Loss curve over \d+ steps/ })).toBeVisible();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByText('Paused.', { exact: true })).toBeVisible({ timeout: 30_000 });
    const paused = await page.getByTestId('ae-step').innerText();
    await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    expect(await page.getByTestId('ae-step').innerText()).toBe(paused);
    expect(await psnrOf(page)).not.toBe(before);
  });

  test('keeps its settings in the link, and the link reopens them', async ({ page, context }) => {
    await openHash(page, '#/autoencoder?v=1&story=0');
    const field = page.getByRole('spinbutton', { name: 'Channels of encoder layer 2' });
    await field.fill('8');
    await page.getByRole('combobox', { name: 'Learning rate' }).selectOption('0.001');
    await expect.poll(() => currentHash(page)).toContain('ch=64,8');
    await expect.poll(() => currentHash(page)).toContain('lr=0.001');
    const table = page.getByRole('table');
    await expect(table).toContainText('8×64×64');
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(reopened.getByRole('table')).toContainText('8×64×64');
    await expect(reopened.getByRole('spinbutton', { name: 'Channels of encoder layer 2' })).toHaveValue('8');
    await expect(reopened.getByRole('combobox', { name: 'Learning rate' })).toHaveValue('0.001');
    await reopened.close();
  });

  test('trains the transposed and the resize-then-convolve decoders side by side, after the student predicts which draws the grid', async ({
    page,
  }) => {
    await openHash(page, '#/autoencoder?v=1&story=8&ch=8,4&seed=5');
    const panel = page.getByRole('region', { name: 'Checkerboards: two ways to upsample' });
    await expect(panel.getByRole('grid', { name: /Overlap counts/ })).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('1');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText('Right: 1, the transposed convolution.')).toBeVisible();
    await expect(panel.getByRole('grid', { name: /Overlap counts/ })).toBeVisible();
    const train = panel.getByRole('button', { name: /^Train both from scratch/ });
    await expect(train).toBeEnabled({ timeout: 45_000 });
    await train.click();
    await expect
      .poll(async () => Number((await panel.getByTestId('ae-compare-step').innerText()).match(/\d+/)?.[0] ?? 0), {
        timeout: 45_000,
      })
      .toBeGreaterThanOrEqual(3);
    await expect(panel.getByRole('img', { name: 'Transposed convolution' })).toBeVisible();
    await expect(panel.getByRole('img', { name: 'Nearest ×2, then 3×3 convolution' })).toBeVisible();
    await expect(panel.getByText(/Nearest ×2, then 3×3 convolution · PSNR [\d.]+ dB/)).toBeVisible();
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect(panel.getByText('Stopped.', { exact: true })).toBeVisible({ timeout: 30_000 });
  });

  test('takes the student’s own photo as the held-out photo, and says clearly when a file is not an image', async ({
    page,
  }) => {
    await openHash(page, '#/autoencoder?v=1');
    await expect(page.getByTestId('ae-psnr')).toBeVisible({ timeout: 45_000 });
    const picker = page.getByLabel('Try your own photo', { exact: true }).and(page.locator('input[type=file]'));
    await picker.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo at all'),
    });
    await expect(page.getByRole('alert')).toHaveText(/not an image this browser can read/);
    await picker.setInputFiles('public/photos/coffee.jpg');
    // coffee.jpg is 512×341: it fits in 512×512 as it is, cut to multiples of 8 (512×336).
    await expect(page.getByText('Your photo, scaled to 512×336.')).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole('img', { name: 'Reconstruction' })).toHaveAttribute('width', '512');
    await expect(page.getByRole('img', { name: 'Original' })).toHaveAttribute('height', '336');
    expect(await psnrOf(page)).toBeGreaterThan(15);
  });
});
