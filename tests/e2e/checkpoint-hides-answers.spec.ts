import type { Page } from '@playwright/test';
import { cellTexts, expect, openConv, openHash, outputGrid, test } from './fixtures';

/**
 * Everything a reader can get from the page: its visible text, the PyTorch
 * code (its panel opened) and the names screen readers hear.
 */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const names = [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? '');
    return `${document.body.innerText}\n${names.join('\n')}`;
  });
}

const answerBox = (page: Page) => page.getByRole('textbox', { name: 'Your answer' });
const verdict = (page: Page) => page.locator('.checkpoint').getByRole('status');

async function openTransposed(page: Page, query: string): Promise<void> {
  await openHash(page, `#/transposed?${query}`);
  await expect(page.getByRole('group', { name: 'Transposed convolution figure' })).toBeVisible();
}

test.describe('while a checkpoint waits, nothing on the page gives its answer away', () => {
  const cases = [
    {
      name: 'convolution, the step’s own figure (the 4×4 first example, 3×3 kernel)',
      open: (page: Page) => openConv(page),
      answer: '2 × 2',
      leaks: ['2 × 2', 'shape 1×1×2×2'],
      hiddenCells: ['?'],
    },
    {
      name: 'convolution, a link whose settings differ from the step’s figure (8×8 input)',
      open: (page: Page) => openConv(page, 'h=8&w=8'),
      answer: '6 × 6',
      leaks: ['6 × 6', 'shape 1×1×6×6'],
      hiddenCells: ['?'],
    },
    {
      name: 'convolution, the parameter count (3 input channels, 3×3 kernels, bias)',
      open: (page: Page) => openConv(page, 'story=9'),
      answer: '28',
      leaks: ['P = 28', 'ConvLab shows: shape'],
      // A question about a value: the output keeps its 2×2 shape, every cell empty.
      hiddenCells: ['', '', '', ''],
    },
    {
      name: 'transposed convolution, the step’s own figure (2×2 input, 2×2 kernel)',
      open: (page: Page) => openTransposed(page, 'story=1'),
      answer: '3 × 3',
      leaks: ['3 × 3', 'shape 1×1×3×3'],
      hiddenCells: ['?'],
    },
    {
      name: 'transposed convolution, a link whose settings differ from the step’s figure (stride 2)',
      open: (page: Page) => openTransposed(page, 'story=1&s=2'),
      answer: '4 × 4',
      leaks: ['4 × 4', 'shape 1×1×4×4'],
      hiddenCells: ['?'],
    },
  ];

  for (const c of cases) {
    test(`${c.name}: hidden until "Just show me", then shown everywhere`, async ({ page }) => {
      await c.open(page);
      await expect(answerBox(page)).toBeVisible();
      const before = await pageText(page);
      for (const leak of c.leaks) expect(before, `"${leak}" before the answer`).not.toContain(leak);
      // The lesson's own output (the transposed lesson's direct convolution names its output after it).
      const output = outputGrid(page).first();
      // Matrices off screen are not rendered (content-visibility), so their text is read where a reader sees it.
      await output.scrollIntoViewIfNeeded();
      // A grid brought on screen fills its cells in the next frames.
      await expect.poll(() => cellTexts(output)).toEqual(c.hiddenCells);

      await page.getByRole('button', { name: 'Just show me' }).click();
      await expect(verdict(page)).toHaveText(`The answer: ${c.answer}.`);
      await output.scrollIntoViewIfNeeded();
      await expect.poll(async () => (await cellTexts(output)).some((t) => t !== '' && t !== '?')).toBe(true);
      const after = await pageText(page);
      for (const leak of c.leaks) expect(after, `"${leak}" after the answer`).toContain(leak);
    });
  }
});

test.describe('a checkpoint’s result', () => {
  test('"Just show me" shows the answer without calling it right', async ({ page }) => {
    await openConv(page);
    await page.getByRole('button', { name: 'Just show me' }).click();
    await expect(verdict(page)).toHaveText('The answer: 2 × 2.');
    await expect(page.getByText(/Right/)).toHaveCount(0);
  });

  test('belongs to the figure it was given for: later edits, even a refused figure, do not rewrite it', async ({
    page,
  }) => {
    await openConv(page);
    await answerBox(page).fill('2x2');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(verdict(page)).toHaveText('Right: 2 × 2.');

    // The 4×4 example with a 2×3 kernel: a 3×2 output.
    await page.getByRole('spinbutton', { name: 'Kernel size kH × kW: height' }).fill('2');
    await expect.poll(async () => (await cellTexts(outputGrid(page))).length).toBe(6);
    await expect(verdict(page)).toHaveText('Right: 2 × 2.');
    // A kernel taller than the input: the figure is refused, the result stays the one given.
    await page.getByRole('spinbutton', { name: 'Input size H × W: height' }).fill('3');
    await page.getByRole('spinbutton', { name: 'Kernel size kH × kW: height' }).fill('5');
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(verdict(page)).toHaveText('Right: 2 × 2.');
  });

  test('a wrong prediction says so and gives the answer of the figure it was checked against', async ({ page }) => {
    await openTransposed(page, 'story=1');
    await answerBox(page).fill('2x2');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(verdict(page)).toContainText('Not quite. It is 3 × 3.');
  });
});
