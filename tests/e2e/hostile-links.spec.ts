import { expect, openHash, test } from './fixtures';

/**
 * Links a stranger could send. Each one must open the lesson (never a blank
 * page), say what it could not use, or explain why PyTorch would refuse the
 * configuration it asks for; nothing may throw, open a dialog or show NaN.
 */
type Expected = 'notice' | 'refusal';

const values25 = (bad: string) => Array.from({ length: 25 }, (_, i) => (i === 12 ? bad : String(i % 5))).join(',');

const HOSTILE: readonly { readonly name: string; readonly query: string; readonly expected: Expected }[] = [
  { name: 'a height that is not a number (h=abc)', query: 'h=abc', expected: 'notice' },
  { name: 'a height far out of range (h=999)', query: 'h=999', expected: 'notice' },
  { name: 'a zero kernel (k=0)', query: 'k=0', expected: 'notice' },
  { name: 'a negative stride (s=-1)', query: 's=-1', expected: 'notice' },
  { name: "padding 'same' with stride 2", query: 'p=same&s=2', expected: 'refusal' },
  { name: 'an unknown padding mode (pm=evil)', query: 'pm=evil', expected: 'notice' },
  { name: 'an input of the wrong length (x=1,2)', query: 'x=1,2', expected: 'notice' },
  { name: 'an input containing NaN', query: `x=${values25('NaN')}`, expected: 'notice' },
  { name: 'an input containing Infinity', query: `x=${values25('Infinity')}`, expected: 'notice' },
  { name: 'an input containing 1e999', query: `x=${values25('1e999')}`, expected: 'notice' },
  { name: 'a 30 000-character value', query: `x=${'1,'.repeat(15_000)}`, expected: 'notice' },
  { name: 'unknown keys', query: 'foo=bar&__proto__=1&constructor=x', expected: 'notice' },
  { name: 'a script tag as a key', query: '<script>alert(1)</script>=1', expected: 'notice' },
  {
    name: 'a script tag as a value',
    query: 'x=<script>alert(1)</script>&lang=<img src=x onerror=alert(2)>',
    expected: 'notice',
  },
  { name: 'malformed percent-encoding (%E0%A4%A)', query: 'h=%E0%A4%A&%E0%A4%A=1', expected: 'notice' },
  { name: 'an unknown language (lang=xx)', query: 'lang=xx', expected: 'notice' },
  { name: 'a playback step far past the end (step=999999)', query: 'step=999999', expected: 'notice' },
  { name: 'a negative story step (story=-1)', query: 'story=-1', expected: 'notice' },
  { name: 'groups that do not divide the channels (g=3, ci=1)', query: 'g=3&ci=1', expected: 'refusal' },
  { name: 'duplicated keys (h=4&h=6)', query: 'h=4&h=6&k=3&k=2', expected: 'notice' },
  { name: 'malformed pairs and flags', query: 'k=3x3x3&d=0&b=yes&present=2&theme=neon&v=99', expected: 'notice' },
  { name: 'empty keys and values', query: '&&=&=x&h=&k', expected: 'notice' },
  { name: 'a dilated kernel larger than the input', query: 'h=16&w=16&k=7&d=4', expected: 'refusal' },
];

test.describe('hostile links to #/conv', () => {
  for (const { name, query, expected } of HOSTILE) {
    test(`${name} opens the lesson with ${expected === 'notice' ? 'a notice' : 'the refusal panel'}`, async ({
      page,
      issues,
    }) => {
      await openHash(page, `#/conv?${query}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Convolution' })).toBeVisible();
      if (expected === 'notice') {
        await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toBeVisible();
      } else {
        await expect(page.getByRole('alert').filter({ hasText: 'PyTorch would refuse' })).toBeVisible();
      }
      await expect(page.getByRole('group', { name: 'Convolution figure' })).toBeVisible();
      await expect(page.getByText('This figure stopped working.')).toHaveCount(0);
      const cells = await page.getByRole('gridcell').allInnerTexts();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.filter((t) => /NaN|Infinity|undefined/.test(t))).toEqual([]);
      const arithmetic = await page.getByTestId('arithmetic').innerText();
      expect(arithmetic).not.toMatch(/NaN|Infinity|undefined/);
      // Give a late script (if any got through) the chance to run before the fixture checks for dialogs.
      await page.waitForTimeout(100);
      expect(issues.dialogs).toEqual([]);
    });
  }
});

// A notice names only keys the app knows; anything else a link carries is counted, not quoted.
test('a link cannot put its own words into the notice through an unknown key', async ({ page }) => {
  await openHash(page, '#/conv?Call%20support%3A%20555-0100=1');
  const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('Call support: 555-0100');
});
