// Training speed of the autoencoder lesson in Chromium, on the built app:
//
//   npm run build && npx vite preview --host 127.0.0.1 --port 4185 --strictPort &
//   node scripts/measure-autoencoder.mjs http://127.0.0.1:4185/
//
// Opens #/autoencoder from random weights (the default settings otherwise), presses Start and
// reads what the page shows: the step, the steps per second and the held-out PSNR, until the PSNR
// reaches 20 dB (or LIMIT_S seconds pass). Prints the seconds from Start to 20 dB, the mean time per
// step, the worker's JS heap (through the worker's performance.memory, when Chromium exposes it)
// and the longest task on the main thread while training (PerformanceObserver 'longtask').
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4185/';
const LIMIT_S = Number(process.env.LIMIT_S ?? 120);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
});
/**
 * The training worker's used JS heap, in bytes: the browser's DevTools protocol, attached to the
 * worker's target, asked for Runtime.getHeapUsage (typed arrays' backing stores count there too).
 */
async function workerHeap() {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('autoencoder'));
  if (!target) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const answer = new Promise((resolve) => {
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      if (m.id === 1) resolve(m.result);
    });
  });
  await cdp.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
  });
  const usage = await Promise.race([answer, new Promise((r) => setTimeout(() => r(null), 5000))]);
  return usage ? usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0) : null;
}

await page.goto(`${base}#/autoencoder?init=scratch`);
const start = page.getByRole('button', { name: 'Start', exact: true });
await start.waitFor({ timeout: 60_000 });
await page.waitForFunction(() => !document.querySelector('button.btn--primary')?.hasAttribute('disabled'), null, {
  timeout: 60_000,
});
await page.evaluate(() => (window.__longTasks.length = 0));
const t0 = Date.now();
await start.click();
let reached = null;
let last = { step: 0, psnr: 0 };
const samples = [];
while ((Date.now() - t0) / 1000 < LIMIT_S) {
  await page.waitForTimeout(500);
  const read = await page.evaluate(() => ({
    step: Number(document.querySelector('[data-testid="ae-step"]')?.textContent?.match(/\d+/)?.[0] ?? 0),
    psnr: Number(document.querySelector('[data-testid="ae-psnr"]')?.textContent?.match(/[\d.]+/)?.[0] ?? 0),
  }));
  last = read;
  samples.push({ s: (Date.now() - t0) / 1000, ...read });
  if (read.psnr >= 20) {
    reached = (Date.now() - t0) / 1000;
    break;
  }
}
const seconds = (Date.now() - t0) / 1000;
const heap = await workerHeap().catch(() => null);
const longTasks = await page.evaluate(() => window.__longTasks);
await page.getByRole('button', { name: 'Pause', exact: true }).click();
console.log(
  JSON.stringify(
    {
      secondsTo20dB: reached,
      steps: last.step,
      psnr: last.psnr,
      msPerStep: last.step ? Math.round((seconds * 1000) / last.step) : null,
      stepsPerSecond: last.step ? +(last.step / seconds).toFixed(2) : null,
      workerHeapMB: heap === null ? null : +(heap / 1048576).toFixed(1),
      mainThreadLongTasks: longTasks.length,
      longestMainThreadTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
      samples: samples.filter((_, i) => i % 4 === 0),
    },
    null,
    1,
  ),
);
await browser.close();
