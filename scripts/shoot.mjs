// Screenshots for looking at the app: node scripts/shoot.mjs URL OUT.png [width] [height] [lang]
import { chromium } from '@playwright/test';

const [url, out, width = '1440', height = '900', lang = 'en-US'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, locale: lang });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.waitForTimeout(1200);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log(JSON.stringify({ errors, scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth) }));
await browser.close();
