import { expect, openConv, openHash, test } from './fixtures';

// story=7 is the free-play step: no checkpoint hides anything; seed=7 keeps the default numbers.
const FREE = 'v=1&story=7&seed=7';

test.describe('groups that do not divide the channels', () => {
  test('the field lists the divisors, is marked, the formulas compute nothing, and depthwise mends it', async ({
    page,
  }) => {
    await openConv(page, `${FREE}&ci=4&co=4&g=3`);
    const groups = page.getByRole('spinbutton', { name: 'Groups' });
    await expect(groups).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#conv-groups-range')).toHaveText('valid here: 1, 2, 4');
    await expect(page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' })).toBeVisible();

    const formulas = page.getByRole('region', { name: 'Formulas with your numbers' });
    await expect(formulas.getByTestId('formulas-refused')).toBeVisible();
    await expect(formulas.getByRole('math')).toHaveCount(0);

    await expect(page.getByTestId('depthwise-note')).toContainText('depthwise convolution');
    await page.getByRole('button', { name: 'Make it depthwise' }).click();
    await expect(groups).toHaveValue('4');
    await expect(groups).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' })).toHaveCount(0);
    await expect(page.getByRole('grid', { name: 'Output, channel 3' })).toBeVisible();
    // 4 kernels of 4/4 = 1 channel × 3 × 3, plus 4 biases.
    await expect(formulas.getByRole('math', { name: 'P = 40' })).toBeVisible();
  });
});

test.describe('the fixes of a refusal', () => {
  test('are each listed once, and the reason speaks of dilation only when there is one', async ({ page }) => {
    await openConv(page, `${FREE}&h=3&w=3&k=5`);
    const refusal = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    await expect(refusal).toBeVisible();
    await expect(refusal).not.toContainText('dilation');
    const labels = await refusal.getByRole('button').allInnerTexts();
    expect(labels).toContain('Set Padding to 1');
    expect(labels.some((l) => l.includes('(height)') || l.includes('(width)'))).toBe(false);
    expect(new Set(labels).size).toBe(labels.length);

    await openConv(page, `${FREE}&k=4&d=2`);
    await expect(refusal).toContainText('With dilation 2×2 the kernel spans 7×7 cells');
  });

  test('name the axis when height and width differ', async ({ page }) => {
    await openConv(page, `${FREE}&k=7x3`);
    const refusal = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    const labels = await refusal.getByRole('button').allInnerTexts();
    expect(labels).toContain('Set Kernel size kH × kW (height) to 5');
    expect(labels).not.toContain('Set Kernel size kH × kW to 5');
  });

  test('of the transposed lesson are listed once too, and so is a reason both axes share', async ({ page }) => {
    await openHash(page, `#/transposed?v=1&story=11&seed=0&h=3&w=3&k=3&s=2&p=2&op=3`);
    const refusal = page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole('listitem')).toHaveCount(1);
    const labels = await refusal.getByRole('button').allInnerTexts();
    expect(labels).toContain('Set output_padding to 1');
    expect(labels.some((l) => l.includes('output_padding (height)'))).toBe(false);
    expect(new Set(labels).size).toBe(labels.length);
    // Refused by output_padding, not by the size: the formulas compute nothing and say why.
    const formulas = page.getByRole('region', { name: 'Formulas with your numbers' });
    await expect(formulas.getByTestId('formulas-refused')).toBeVisible();
    await expect(formulas.getByRole('math')).toHaveCount(0);
  });

  test('a number typed past a field’s limit is brought back, and the field says so', async ({ page }) => {
    await openConv(page, FREE);
    const kernel = page.getByRole('spinbutton', { name: 'Kernel size kH × kW: height' });
    await kernel.fill('9');
    await expect(kernel).toHaveValue('7');
    await expect(page.locator('#conv-kH-note')).toHaveText('9 is outside 1–7, so it is set to 7.');
  });
});

test.describe('the output-size formula', () => {
  test('p₀ of the height outlines the top padding rows, not every padding cell', async ({ page, isMobile }) => {
    test.skip(isMobile, 'pointing at a symbol needs a pointer that hovers');
    await openConv(page, `${FREE}&p=1`);
    const formula = page.getByRole('math', { name: /^o_h = / });
    await formula.locator('.term-p0-h').first().hover();
    const figure = page.getByRole('group', { name: 'Convolution figure' });
    await expect(figure).toHaveAttribute('data-term', 'p0-h');
    const input = page.getByRole('grid', { name: 'Input, channel 0' });
    // A 5 × 5 input padded by 1: the top row of 7 cells, and only it.
    const top = await input.locator('[role="gridcell"][data-pad~="top"]').count();
    expect(top).toBe(7);
    const outlineOf = (sel: string) =>
      input
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(await outlineOf('[data-pad~="top"]')).toBe('solid');
    expect(await outlineOf('[data-pad="bottom"]')).not.toBe('solid');
    expect(await outlineOf('[data-pad="left"]')).not.toBe('solid');
  });
});
