import { readFile } from 'node:fs/promises';
import { expect, openConv, outputGrid, test } from './fixtures';

/**
 * An export is a figure for slides and handouts, with no question beside it: it always shows the
 * output a waiting checkpoint hides on the page (issue 11, item 1).
 */
test.describe('exports show what a waiting checkpoint hides on the page', () => {
  test('the SVG of the first step, exported before its size question is answered, has the real 2×2 output and its first value', async ({
    page,
  }) => {
    // The first example: 4×4 input of 0–15, every kernel row 1, 0, −1, so every output cell is −6.
    await openConv(page);
    await expect(outputGrid(page).getByRole('gridcell')).toHaveText(['?']);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const file = await (await download).path();
    const svg = await readFile(file, 'utf8');
    // The output's real 2×2 grid, not the page's one "?" cell, with the first window's value
    // (the page opens at the first playback step, and an export draws the step on screen).
    expect(svg.match(/data-matrix="conv-output-0-0"/g) ?? []).toHaveLength(4);
    expect(svg).toMatch(/data-matrix="conv-output-0-0" data-state="[a-z]+" data-row="0" data-col="0"/);
    expect(svg).toContain('>-6<');
    expect(svg).not.toContain('>?<');

    // The page still waits for the answer.
    await expect(outputGrid(page).getByRole('gridcell')).toHaveText(['?']);
  });
});
