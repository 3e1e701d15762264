// The photo panel of #/conv while a kernel weight is dragged, measured in a real Chromium against the built app.
//
//   npm run build && npm run bench:photo     (it never builds: it measures what is in dist/)
//
// The panel filters the bundled 512×512 colour photo (astronaut) with the figure's 3×3 kernel, per
// channel, 'same'-sized (padding 1), in its Web Worker. Two ways of dragging the weight slider:
//   - step by step: one arrow key on the slider, then wait until its result is on the canvas, N times.
//     Each sample runs from the trusted key event's own timestamp to the moment the panel has put the
//     result on the canvas (it stamps `data-drawn-at` there): the update time a student feels.
//     The worker's own part (request to answer, `data-elapsed`) is reported beside it;
//   - a pointer drag: the thumb moved 1 px every 16 ms for about 3 s, as a hand drags it. Events come
//     faster than results; the worker drops superseded requests. Reported: results drawn per second,
//     the median gap between drawn results, and the page's long tasks (> 50 ms) during the drag.
// Numbers only: nothing asserts. `BENCH_PHOTO_STEPS` sets N (default 40).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const STEPS = Math.max(5, Number(process.env.BENCH_PHOTO_STEPS ?? 40));
const WARMUP = 5;

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.error('bench:photo measures the built app: run `npm run build` first.');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (v) => `${v.toFixed(1)} ms`;

const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0 } });
const base = server.resolvedUrls?.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.addInitScript(() => {
    window.__photo = { keyAt: [], longTasks: [] };
    window.addEventListener('keydown', (e) => e.isTrusted && window.__photo.keyAt.push(e.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__photo.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}#/conv?story=13&seed=7&p=1&photo=astronaut`);
  const canvas = page.getByTestId('photo-result').locator('canvas');
  await canvas.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=photo-result] canvas')?.dataset.drawn, null, {
    timeout: 60_000,
  });
  const size = await canvas.evaluate((c) => `${c.width}×${c.height}`);
  const slider = page.getByRole('slider', { name: /Drag weight/ });
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();

  const update = [];
  const worker = [];
  for (let i = 0; i < WARMUP + STEPS; i++) {
    const drawn = Number(await canvas.getAttribute('data-drawn'));
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=photo-result] canvas')?.dataset.drawn) > n,
      drawn,
      { timeout: 60_000 },
    );
    const sample = await page.evaluate(() => {
      const c = document.querySelector('[data-testid=photo-result] canvas');
      const keyAt = window.__photo.keyAt.at(-1);
      return { update: Number(c.dataset.drawnAt) - keyAt, worker: Number(c.dataset.elapsed) };
    });
    if (i >= WARMUP) {
      update.push(sample.update);
      worker.push(sample.worker);
    }
  }

  // A pointer drag across the slider's track.
  const box = await slider.boundingBox();
  const before = await page.evaluate(() => {
    window.__photo.longTasks.length = 0;
    return Number(document.querySelector('[data-testid=photo-result] canvas').dataset.drawn);
  });
  const drawnTimes = [];
  await page.exposeFunction('__photoDrawn', (t) => drawnTimes.push(t));
  await page.evaluate(() => {
    const c = document.querySelector('[data-testid=photo-result] canvas');
    new MutationObserver(() => window.__photoDrawn(Number(c.dataset.drawnAt))).observe(c, {
      attributes: true,
      attributeFilter: ['data-drawn-at'],
    });
  });
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  const moves = 180;
  const started = Date.now();
  for (let i = 0; i < moves; i++) {
    await page.mouse.move(box.x + box.width * (0.3 + (0.4 * (i % 90)) / 90), y);
    await new Promise((r) => setTimeout(r, 16));
  }
  await page.mouse.up();
  const seconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  const after = await page.evaluate(() => ({
    drawn: Number(document.querySelector('[data-testid=photo-result] canvas').dataset.drawn),
    longTasks: [...window.__photo.longTasks],
  }));
  const gaps = drawnTimes.slice(1).map((t, i) => t - drawnTimes[i]);

  console.log(`bench:photo: Chromium ${browser.version()}, photo ${size} RGB, 3×3 kernel per channel, padding 1`);
  console.log(
    `step by step (${STEPS} arrow keys after ${WARMUP} warm-ups): key → result on the canvas: median ${ms(median(update))}, p90 ${ms(quantile(update, 0.9))}, max ${ms(Math.max(...update))}`,
  );
  console.log(`  of which the worker (request → answer): median ${ms(median(worker))}`);
  console.log(
    `pointer drag (${moves} moves in ${seconds.toFixed(1)} s): ${after.drawn - before} results drawn (${((after.drawn - before) / seconds).toFixed(1)} per s), median gap between results ${gaps.length ? ms(median(gaps)) : 'n/a'}`,
  );
  console.log(
    `  long tasks on the page during the drag: ${after.longTasks.length}${after.longTasks.length ? `, longest ${ms(Math.max(...after.longTasks))}` : ''}`,
  );
} finally {
  await browser.close();
  await new Promise((r) => server.httpServer.close(r));
}
