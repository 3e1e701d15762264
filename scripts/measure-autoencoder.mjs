// Training speed of the autoencoder lesson in Chromium, on the built app:
//
//   npm run build && npx vite preview --host 127.0.0.1 --port 4185 --strictPort &
//   node scripts/measure-autoencoder.mjs http://127.0.0.1:4185/ [http://127.0.0.1:4186/ …]
//
// Given several builds (say main's and a branch's, each served on its own port), it measures them
// in turn, ROUNDS times each (default 1), so a before/after comparison shares one run and one load
// on the machine.
//
// Opens #/autoencoder from random weights (the default settings otherwise), presses Start and
// reads what the page shows: the step, the steps per second and the held-out PSNR, until the PSNR
// reaches 20 dB (or LIMIT_S seconds pass; MIN_S keeps it training at least that long). Prints the
// seconds from Start to 20 dB, the mean time per step, the worker's JS heap (DevTools protocol)
// and the main thread while training: its long tasks (PerformanceObserver 'longtask', over 50 ms),
// and from a Chromium trace of the page's main thread, the longest task both in wall time and in
// the thread's own CPU time (their difference is time the thread waited for a core, not work), and
// the main thread's CPU milliseconds per second of training.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bases = process.argv.slice(2).length ? process.argv.slice(2) : ['http://127.0.0.1:4185/'];
const LIMIT_S = Number(process.env.LIMIT_S ?? 120);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
/** Keep training at least this long, even past 20 dB (a longer window for the main thread's tasks). */
const MIN_S = Number(process.env.MIN_S ?? 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
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

async function measure(base) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${base}#/autoencoder?init=scratch`);
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await start.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('button.btn--primary')?.hasAttribute('disabled'), null, {
    timeout: 60_000,
  });
  await page.evaluate(() => (window.__longTasks.length = 0));
  const tracePath = path.join(os.tmpdir(), `ae-trace-${process.pid}.json`);
  await browser.startTracing(page, { path: tracePath, categories: ['toplevel', 'devtools.timeline'] });
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
    if (read.psnr >= 20 && reached === null) reached = (Date.now() - t0) / 1000;
    if (reached !== null && (Date.now() - t0) / 1000 >= MIN_S) break;
  }
  const seconds = (Date.now() - t0) / 1000;
  const heap = await workerHeap().catch(() => null);
  const longTasks = await page.evaluate(() => window.__longTasks);
  await browser.stopTracing();
  const mainThread = mainThreadTasks(tracePath, seconds);
  fs.rmSync(tracePath, { force: true });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.close();
  return {
    base,
    secondsTo20dB: reached,
    steps: last.step,
    psnr: last.psnr,
    msPerStep: last.step ? Math.round((seconds * 1000) / last.step) : null,
    stepsPerSecond: last.step ? +(last.step / seconds).toFixed(2) : null,
    workerHeapMB: heap === null ? null : +(heap / 1048576).toFixed(1),
    mainThreadLongTasks: longTasks.length,
    longestMainThreadTaskMs: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
    ...mainThread,
    samples: samples.filter((_, i) => i % 8 === 0),
  };
}

/**
 * The renderer main thread's top-level tasks in a trace: how many lasted over 50 ms, the longest in
 * wall time and in CPU time (`tdur`), and the CPU milliseconds it spent per second.
 */
function mainThreadTasks(file, seconds) {
  const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const main = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const ids = new Set(main.map((e) => `${e.pid}:${e.tid}`));
  const tasks = traceEvents.filter(
    (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && ids.has(`${e.pid}:${e.tid}`),
  );
  const wall = tasks.map((t) => t.dur / 1000);
  const cpu = tasks.map((t) => (t.tdur ?? t.dur) / 1000);
  const longest = tasks.reduce((a, t) => (!a || t.dur > a.dur ? t : a), null);
  return {
    traceTasksOver50ms: wall.filter((d) => d > 50).length,
    longestTaskWallMs: longest ? Math.round(longest.dur / 1000) : 0,
    longestTaskCpuOfItMs: longest ? Math.round((longest.tdur ?? longest.dur) / 1000) : 0,
    longestTaskCpuMs: cpu.length ? Math.round(Math.max(...cpu)) : 0,
    mainThreadCpuMsPerSecond: Math.round(cpu.reduce((a, b) => a + b, 0) / seconds),
  };
}

const results = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const base of bases) {
    const r = await measure(base);
    results.push(r);
    console.log(JSON.stringify(r, null, 1));
  }
}
await browser.close();
if (results.length > 1) {
  console.log('summary (per build: rounds of long tasks, longest wall / its CPU, main-thread CPU ms per s, steps/s)');
  for (const base of bases) {
    const mine = results.filter((r) => r.base === base);
    console.log(
      base,
      mine
        .map(
          (r) =>
            `${r.mainThreadLongTasks}lt ${r.longestTaskWallMs}/${r.longestTaskCpuOfItMs}ms ${r.mainThreadCpuMsPerSecond}ms/s ${r.stepsPerSecond}st/s`,
        )
        .join(' | '),
    );
  }
}
