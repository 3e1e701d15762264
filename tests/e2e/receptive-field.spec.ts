import type { Page } from '@playwright/test';
import { currentHash, expect, openHash, test } from './fixtures';

// The free step: three 3×3 convolutions (64 channels) on a 32 × 32 image.
const FREE = '#/receptive-field?v=1&story=6';

const map = (page: Page, name: string) => page.getByRole('application', { name, exact: true });

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

test.describe('the receptive-field lesson', () => {
  test('a clicked cell shows its field on every earlier map, goes into the link, and the link reopens it', async ({
    page,
    context,
  }) => {
    await openHash(page, FREE);
    const out = map(page, 'After layer 3 (Conv2d), 32 × 32 cells');
    await expect(out).toBeVisible();
    const image = map(page, 'Image, 32 × 32 cells');
    await expect(image).toHaveAttribute('data-rows', '12-18');
    // A cell near the top left corner: its field runs past the border into the padding.
    const canvas = out.locator('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the map has no box');
    const px = box.width / 32;
    await canvas.click({ position: { x: 1.5 * px, y: 0.5 * px } });
    await expect(out).toHaveAttribute('data-chosen', '0.1');
    await expect(image).toHaveAttribute('data-rows', '0-3');
    await expect(image).toHaveAttribute('data-cols', '0-4');
    await expect(page.locator('.rf-status')).toContainText('rows 0–3 and columns 0–4: 4 × 5 pixels');
    await expect.poll(() => currentHash(page)).toContain('cell=3.0.1');
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(map(reopened, 'Image, 32 × 32 cells')).toHaveAttribute('data-cols', '0-4');
    await reopened.close();
    await noSidewaysScroll(page);
  });

  test('a custom stack made in the editor reopens from its link, refusal and all', async ({ page, context }) => {
    // Two pages and a dozen edits: on a loaded two-core machine this takes about a minute.
    test.slow();
    await openHash(page, FREE);
    await page.getByRole('combobox', { name: 'Layer to add' }).selectOption('maxpool');
    await page.getByRole('button', { name: 'Add layer' }).click();
    await page.getByRole('spinbutton', { name: 'kernel_size (height)' }).last().fill('40');
    const alert = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    await expect(alert).toContainText('Layer 4');
    await expect.poll(() => currentHash(page)).toContain('layers=');
    const reopened = await context.newPage();
    await reopened.goto(page.url());
    await expect(reopened.getByRole('alert').filter({ hasText: 'PyTorch would refuse' })).toContainText('Layer 4');
    await reopened
      .getByRole('button', { name: /Set layer 4 kernel_size \(height\) to/ })
      .first()
      .click();
    await expect(reopened.getByRole('alert').filter({ hasText: 'PyTorch would refuse' })).toHaveCount(0);
    await expect(reopened.getByRole('row')).toHaveCount(6);
    await reopened.close();
  });

  test('pasted PyTorch code opens as the stack; code it cannot read is refused with its line', async ({ page }) => {
    await openHash(page, FREE);
    const box = page.getByRole('textbox', { name: 'PyTorch code' });
    await box.fill('import torch\nfrom torch import nn\nnn.Conv2d(3, 8, 3)\nnn.Dropout(0.5)');
    await page.getByRole('button', { name: 'Open this code' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Line 4, column 1' })).toContainText('nn.Dropout');
    await box.fill(
      'model = nn.Sequential(\n    nn.Conv2d(3, 16, kernel_size=7, stride=2, padding=3),\n    nn.ReLU(),\n    nn.MaxPool2d(3, 2, 1),\n)\nx = torch.randn(1, 3, 64, 64)',
    );
    await page.getByRole('button', { name: 'Open this code' }).click();
    await expect(page.getByText('Opened 3 layers.', { exact: false })).toBeVisible();
    await expect(map(page, 'Image, 64 × 64 cells')).toBeVisible();
    await expect(map(page, 'After layer 3 (MaxPool2d), 16 × 16 cells')).toBeVisible();
    await expect.poll(() => currentHash(page)).toContain('in=3x64x64');
  });

  test('the effective field is drawn inside the theoretical field, computed off the main thread', async ({ page }) => {
    await openHash(page, FREE);
    await expect(page.getByRole('img', { name: 'Theoretical and effective field: 7 × 7' })).toBeVisible({
      timeout: 20_000,
    });
    await page.getByRole('radio', { name: 'Random weights' }).check();
    await expect.poll(() => currentHash(page)).toContain('ef=random');
    await expect(page.getByRole('img', { name: 'Theoretical and effective field: 7 × 7' })).toBeVisible();
  });

  test('a checkpoint hides the field until it is answered', async ({ page }) => {
    await openHash(page, '#/receptive-field?v=1&story=1');
    await expect(page.getByRole('cell', { name: '?' }).first()).toBeVisible();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('5');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByText('Right: 5.')).toBeVisible();
    await expect(page.getByRole('cell', { name: '?' })).toHaveCount(0);
    await noSidewaysScroll(page);
  });

  test('the largest stack (VGG-16 blocks on 224 × 224) scrolls inside its frames, not the page', async ({ page }) => {
    await openHash(page, '#/receptive-field?v=1&story=7');
    await expect(map(page, 'Image, 224 × 224 cells')).toBeVisible();
    await expect(page.getByText(/Large maps are drawn at \d+ px a cell/)).toBeVisible();
    await noSidewaysScroll(page);
  });
});
