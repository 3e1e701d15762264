// UI latency of the convolution lesson, measured in a real Chromium against the built app.
//
//   npm run build && npm run bench:ui        (it never builds: it measures what is in dist/)
//
// Each sample starts at the trusted input event's own timestamp (`event.timeStamp`, taken when
// the browser created the event, before it was dispatched to the page), recorded with
// performance.mark in a capture listener that runs before any of the app's handlers. It ends:
//   - next paint: in a task posted from the first rAF callback after the event, which runs right
//     after that frame's paint: when the edit first reaches the screen (what INP measures). The
//     16 ms budget is judged on this interval;
//   - double rAF: in the requestAnimationFrame callback after the next one, the classic
//     "the frame with the change has been painted" point. It waits for the following frame, so
//     it is later than the paint by up to one frame interval;
//   - all current: when the last matrix scrolled off screen has caught up (no `data-stale` left).
//     Off-screen matrices, formulas and code are brought up to date after the frame of the edit.
// All include the key handling, React's render and commit, style, layout and paint.
// First load: cold loads (new browser context, cache disabled, no service worker) of `#/`,
// `#/conv` and `#/transposed`, and of a reference page built with the same toolchain: the
// smallest React page that renders one 5×5 grid (bench/reference/). Two profiles: desktop
// (1440×900, 4× slower CPU, local network) and a mid-range phone, Lighthouse's mobile
// throttling: 4× slower CPU, 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, 390×844 at 2×
// scale with touch. Each load reports the first contentful paint, the first paint that shows
// its content (a lesson's grid cells, the landing page's lesson path, the reference's grid), the
// first paint after the app took the page over (a prerendered page is inert until then), for a
// lesson the moment its figure was made live ("figure ready", the app's `convlab:figure-ready`
// User Timing mark: React hydrates the lesson after the page around it, and until then a tap on
// the figure waits) and "interactive": the latest of these, or the end of the last long task
// (> 50 ms) before the main thread stays free of them for 3 s if later (the idea of Lighthouse's
// Time to Interactive). Budgets (DESIGN.md): every route
// paints no later than the reference in the same run, and on the phone a lesson is interactive
// within 1.5 s. `BENCH_UI_ONLY=load` measures only the first loads; `BENCH_UI_SPLIT=1` adds the
// phone profile's halves alone (its CPU with a local network, its network with a full-speed CPU),
// to tell which one a lesson's first load waits on.
// Two references: a no-op key press (Shift) shows the floor of the method itself, and the same
// arrow key on a bare page (a number input that updates one line of text) shows what the browser
// alone costs on this machine. Numbers only: nothing asserts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build as viteBuild, preview as vitePreview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPEATS = Math.max(1, Number(process.env.BENCH_UI_REPEATS ?? 30));
const WARMUP = 3;
const BUDGET_MS = 16;
// Let the 250 ms debounced URL write land between samples, not inside the next one.
const SETTLE_MS = 300;

if (!existsSync(join(root, 'dist', 'index.html'))) {
  console.error('bench:ui measures the built app, and dist/index.html is missing.');
  console.error('Run `npm run build` first, then `npm run bench:ui`.');
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForUrl(url, child, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Installed in the page: arms a measurement for the next matching trusted keydown. */
function instrument() {
  const bench = { armed: null, results: [] };
  window.__bench = bench;
  window.addEventListener(
    'keydown',
    (e) => {
      const arm = bench.armed;
      if (!arm || !e.isTrusted || !arm.keys.includes(e.key)) return;
      bench.armed = null;
      const start = e.timeStamp;
      const id = `${arm.name}#${bench.results.length}`;
      performance.mark(`${id}:input`, { startTime: start });
      const sample = { name: arm.name, nextPaint: NaN, doubleRaf: NaN, current: NaN };
      let pending = 3;
      const done = () => {
        if (--pending === 0) bench.results.push(sample);
      };
      const current = () => {
        sample.current = performance.measure(`${id}:all-current`, { start, end: performance.now() }).duration;
        done();
      };
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          sample.nextPaint = performance.measure(`${id}:next-paint`, { start, end: performance.now() }).duration;
          channel.port1.close();
          done();
          if (!document.querySelector('[data-stale]')) return current();
          const watch = new MutationObserver(() => {
            if (document.querySelector('[data-stale]')) return;
            watch.disconnect();
            current();
          });
          watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-stale'] });
        };
        channel.port2.postMessage(0);
        requestAnimationFrame(() => {
          sample.doubleRaf = performance.measure(`${id}:double-raf`, `${id}:input`).duration;
          done();
        });
      });
    },
    true,
  );
}

/** Arms the next matching key press; returns how many samples there will be once it is measured. */
const arm = (page, name, keys) =>
  page.evaluate(
    ([n, k]) => {
      window.__bench.armed = { name: n, keys: k };
      return window.__bench.results.length + 1;
    },
    [name, keys],
  );

/** Waits for sample number `count` and returns it. */
async function collect(page, count) {
  await page.waitForFunction((n) => window.__bench.results.length >= n, count, { timeout: 120_000 });
  return page.evaluate((n) => window.__bench.results[n - 1], count);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Lets the debounced URL write, transitions and other follow-up work finish before the next sample. */
async function settle(page) {
  await sleep(SETTLE_MS);
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(undefined), { timeout: 10_000 })));
}

/** The same key press on a bare page: a number input whose value one line of text shows. The browser's own floor. */
const BARE_PAGE = `<!doctype html><html><body>
<input type="number" value="3" min="1" max="7" aria-label="Kernel size: height"><p id="out">3</p>
<script>document.querySelector('input').addEventListener('input', (e) => {
  document.getElementById('out').textContent = e.target.value;
});</script></body></html>`;

async function openBarePage(page) {
  await page.setContent(BARE_PAGE);
  await page.evaluate(instrument);
  await sleep(500);
}

async function openLesson(page, base, query) {
  await page.goto(`${base}/#/conv?${query}`);
  await page.getByRole('group', { name: 'Convolution figure' }).waitFor();
  await page.evaluate(instrument);
  await sleep(500);
}

/** Types a new number into one input cell the way a user does: focus, digits, Enter. */
async function benchCellEdit(page, name) {
  const grid = page.getByRole('grid', { name: /^Input/ }).first();
  const cell = grid.getByRole('gridcell', { name: /^Row 3, column 3:/ });
  await cell.focus();
  const samples = [];
  for (let i = 0; i < WARMUP + REPEATS; i++) {
    const value = i % 2 === 0 ? '17' : '23';
    await page.keyboard.type(value);
    const expected = await arm(page, name, ['Enter']);
    await page.keyboard.press('Enter');
    const sample = await collect(page, expected);
    // A sample only counts if the edit landed and the keyboard is still on the cell for the next one.
    const landed = await page.evaluate(
      (v) => document.activeElement?.getAttribute('aria-label')?.includes(`: ${v}`) ?? false,
      value,
    );
    if (!landed) throw new Error(`typing ${value} + Enter did not leave the edited cell focused with its new value`);
    if (i >= WARMUP) samples.push(sample);
    await settle(page);
  }
  return samples;
}

/** Steps the kernel-height spinbutton up and down, as a user does with the arrow keys. */
async function benchKernelHeight(page, name) {
  const field = page.getByRole('spinbutton', { name: /^Kernel size.*height$/ });
  await field.focus();
  const samples = [];
  for (let i = 0; i < WARMUP + REPEATS; i++) {
    const key = i % 2 === 0 ? 'ArrowUp' : 'ArrowDown';
    const expected = await arm(page, name, [key]);
    await page.keyboard.press(key);
    const sample = await collect(page, expected);
    if (i >= WARMUP) samples.push(sample);
    await settle(page);
  }
  return samples;
}

/** A key press no handler acts on: what the method measures when the app does nothing. */
async function benchNoop(page, name) {
  await page.locator('body').focus();
  const samples = [];
  for (let i = 0; i < WARMUP + REPEATS; i++) {
    const expected = await arm(page, name, ['Shift']);
    await page.keyboard.press('Shift');
    const sample = await collect(page, expected);
    if (i >= WARMUP) samples.push(sample);
    await sleep(50);
  }
  return samples;
}

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PHONE_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const LOAD_RUNS = Math.max(1, Number(process.env.BENCH_UI_LOADS ?? 5));
const ONLY_LOADS = process.env.BENCH_UI_ONLY === 'load';
const SPLIT_PHONE = process.env.BENCH_UI_SPLIT === '1';
const LOAD_BUDGET_MS = 1500;
const QUIET_MS = 3000;
/** The mark a lesson sets once its figure is live (`FIGURE_READY_MARK`, app/lessons/kit/LessonShell.tsx). */
const FIGURE_READY_MARK = 'convlab:figure-ready';

/**
 * Installed before the page's own scripts: notes long tasks, the first paint that shows
 * `selector`, and the first paint after the app has taken the page over (a prerendered page is
 * inert, `#root[data-prerendered]`, until the app's first render is on screen; a page without
 * one is the app's from its first paint). Then it waits in the page for `quietMs` without a long
 * task and reports on the console. The bench never evaluates anything in the page while it loads,
 * so none of its own work is measured.
 */
function watchLoad({ quietMs, selector, readyMark }) {
  const longTasks = [];
  let shown = NaN;
  let takenOver = NaN;
  // A page without a figure has nothing to wait for.
  let ready = readyMark ? NaN : 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  if (readyMark)
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === readyMark && Number.isNaN(ready)) ready = e.startTime;
    }).observe({ type: 'mark', buffered: true });
  const afterPaint = (then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        then(performance.now());
      };
      channel.port2.postMessage(0);
    });
  const report = () => {
    const lastEnd = longTasks.length ? Math.max(...longTasks) : 0;
    if (
      !Number.isFinite(takenOver) ||
      !Number.isFinite(ready) ||
      performance.now() - Math.max(lastEnd, takenOver, ready) < quietMs
    )
      return void setTimeout(report, 100);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const interactive = Math.max(shown, takenOver, ready, lastEnd);
    const result = { fcp, shown, takenOver, ready, interactive, longTasks: longTasks.length };
    console.debug(`convlab-load ${JSON.stringify(result)}`);
  };
  const prerendered = () => document.querySelector('#root[data-prerendered]') !== null;
  const seen = new MutationObserver(() => {
    if (Number.isNaN(shown)) {
      if (!document.querySelector(selector)) return;
      shown = -1;
      afterPaint((now) => {
        shown = now;
        // Already the app's page (no prerendered page, or taken over before this paint).
        if (Number.isNaN(takenOver) && !prerendered()) {
          seen.disconnect();
          takenOver = now;
        }
        report();
      });
    } else if (shown > 0 && Number.isNaN(takenOver) && !prerendered()) {
      seen.disconnect();
      takenOver = -1;
      afterPaint((now) => {
        takenOver = now;
      });
    }
  });
  seen.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-prerendered'] });
}

const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
const PROFILES = [
  { name: 'desktop', device: DESKTOP, network: null, cpu: CPU_SLOWDOWN },
  { name: 'phone', device: PHONE, network: PHONE_NETWORK, cpu: CPU_SLOWDOWN },
  // The phone profile's two halves, each alone (`BENCH_UI_SPLIT=1`): which one a load waits on.
  ...(SPLIT_PHONE
    ? [
        { name: 'phone, CPU only', device: PHONE, network: null, cpu: CPU_SLOWDOWN },
        { name: 'phone, network only', device: PHONE, network: PHONE_NETWORK, cpu: 1 },
      ]
    : []),
];
const GRID_CELL = '[role="grid"] [role="gridcell"]';

/** One cold load of `url` on a profile, until `selector` has been painted and the main thread is quiet. */
async function coldLoad(browser, target, profile) {
  const { url, selector } = target;
  const context = await browser.newContext({ ...profile.device, locale: 'en-US', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchLoad, {
      quietMs: QUIET_MS,
      selector,
      readyMark: target.lesson ? FIGURE_READY_MARK : null,
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const reported = page.waitForEvent('console', {
      predicate: (m) => m.text().startsWith('convlab-load '),
      timeout: 120_000,
    });
    await page.goto(url);
    const message = await reported;
    return JSON.parse(message.text().slice('convlab-load '.length));
  } finally {
    await context.close();
  }
}

/** Medians over LOAD_RUNS cold loads; the pages are loaded in turn so drift on the machine hits all alike. */
async function benchFirstLoads(browser, targets, profile) {
  const loads = targets.map(() => []);
  for (let i = 0; i < LOAD_RUNS; i++) {
    for (const [t, target] of targets.entries()) loads[t].push(await coldLoad(browser, target, profile));
  }
  return targets.map((target, t) => {
    const med = (k) =>
      quantile(
        loads[t].map((l) => l[k]).sort((a, b) => a - b),
        0.5,
      );
    return {
      ...target,
      fcp: med('fcp'),
      shown: med('shown'),
      takenOver: med('takenOver'),
      // Only a lesson has a figure to wait for.
      ready: target.lesson ? med('ready') : NaN,
      interactive: med('interactive'),
      longTasks: med('longTasks'),
    };
  });
}

/** Builds the reference page (bench/reference) with the app's toolchain into a cache folder and serves it. */
async function serveReference() {
  const outDir = join(root, 'node_modules', '.cache', 'convlab-bench-reference');
  await viteBuild({
    root: join(root, 'bench', 'reference'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const port = await freePort();
  const server = await vitePreview({
    root: join(root, 'bench', 'reference'),
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

function printLoadTable(profile, results) {
  const ref = results.find((r) => r.reference);
  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)}` : '—');
  const head = [
    'page',
    'first contentful paint',
    'content painted',
    'app took over',
    'figure ready',
    'interactive',
    'long tasks',
    'budget',
  ];
  const body = results.map((r) => {
    const verdicts = [];
    if (!r.reference) {
      verdicts.push(r.fcp <= ref.fcp ? 'FCP ≤ reference' : `FCP +${ms(r.fcp - ref.fcp)} ms OVER`);
      verdicts.push(r.shown <= ref.shown ? 'painted ≤ reference' : `painted +${ms(r.shown - ref.shown)} ms OVER`);
      if (profile.name === 'phone' && r.lesson)
        verdicts.push(r.interactive <= LOAD_BUDGET_MS ? `interactive ≤ ${LOAD_BUDGET_MS}` : 'interactive OVER');
    }
    return [
      r.label,
      ms(r.fcp),
      ms(r.shown),
      ms(r.takenOver),
      ms(r.ready),
      ms(r.interactive),
      String(r.longTasks),
      r.reference ? 'reference' : verdicts.join(', '),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 || i === head.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summarize(label, samples) {
  process.stdout.write(`  measured: ${label}\n`);
  const pick = (k) =>
    samples
      .map((s) => s[k])
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
  const dr = pick('doubleRaf');
  const np = pick('nextPaint');
  const cur = pick('current');
  return {
    label,
    n: samples.length,
    drMedian: quantile(dr, 0.5),
    drP95: quantile(dr, 0.95),
    npMedian: quantile(np, 0.5),
    npP95: quantile(np, 0.95),
    curMedian: quantile(cur, 0.5),
  };
}

function printTable(rows, references) {
  const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');
  const head = [
    'scenario',
    'n',
    'next paint median',
    'p95',
    'double rAF median',
    'p95',
    'all current median',
    `${BUDGET_MS} ms budget (next paint)`,
  ];
  const body = rows.map((r) => {
    const verdict = references.includes(r)
      ? 'reference'
      : r.npP95 <= BUDGET_MS
        ? 'within'
        : r.npMedian <= BUDGET_MS
          ? 'median within, p95 OVER'
          : `OVER (${f(r.npMedian / BUDGET_MS)}× at median)`;
    return [r.label, String(r.n), f(r.npMedian), f(r.npP95), f(r.drMedian), f(r.drP95), f(r.curMedian), verdict];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

const SMALL = 'story=13&seed=7';
// The largest figure a story step sets up (the sixth: three input channels, two kernels), in free play.
const STORY = 'ci=3&co=2&h=4&w=4&seed=3&story=13';
const LARGE = 'n=2&ci=4&co=4&h=16&w=16&k=3&p=1&story=13';

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const server = spawn(
  process.execPath,
  [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let serverErr = '';
server.stderr.on('data', (d) => (serverErr += d));
let browser;
let failed = false;
try {
  await waitForUrl(base, server);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  console.log(
    `bench:ui: ${REPEATS} samples per scenario after ${WARMUP} warm-ups, Chromium ${browser.version()}, 1440×900`,
  );
  console.log(`  default figure: #/conv?${SMALL}  (1×1×5×5 input, 3×3 kernel)`);
  console.log(`  story figure:   #/conv?${STORY}  (1×3×4×4 input, 2×3×3×3 kernels: the largest a story step sets up)`);
  console.log(`  large figure:   #/conv?${LARGE}  (2×4×16×16 input, 4×4×3×3 kernels)`);
  console.log(
    '  story=13 is the free-play step, so the output values are drawn rather than hidden; seed=7 keeps the default figure.\n',
  );

  if (!ONLY_LOADS) {
    const rows = [];
    await openBarePage(page);
    const bare = summarize('bare page: number input → one text line', await benchKernelHeight(page, 'bare'));
    rows.push(bare);
    await openLesson(page, base, SMALL);
    const floor = summarize('no-op key press, 5×5', await benchNoop(page, 'noop'));
    rows.push(floor);
    rows.push(summarize('edit input cell, 5×5', await benchCellEdit(page, 'edit-small')));
    await openLesson(page, base, SMALL);
    rows.push(summarize('kernel height ±1, 5×5', await benchKernelHeight(page, 'kernel-small')));
    await openLesson(page, base, STORY);
    rows.push(summarize('edit input cell, 3×4×4', await benchCellEdit(page, 'edit-story')));
    await openLesson(page, base, STORY);
    rows.push(summarize('kernel height ±1, 3×4×4', await benchKernelHeight(page, 'kernel-story')));
    await openLesson(page, base, LARGE);
    rows.push(summarize('edit input cell, 2×4×16×16', await benchCellEdit(page, 'edit-large')));
    await openLesson(page, base, LARGE);
    rows.push(summarize('kernel height ±1, 2×4×16×16', await benchKernelHeight(page, 'kernel-large')));

    printTable(rows, [bare, floor]);
    console.log(
      '\nAll times in ms from the key event to: the end of the first painted frame (next paint), the second rAF after it (double rAF), and the moment no off-screen matrix is behind (all current).',
    );
  }

  const reference = await serveReference();
  try {
    const targets = [
      { label: 'reference: React, one 5×5 grid', url: reference.url, selector: GRID_CELL, reference: true },
      { label: '#/ (landing page)', url: `${base}/#/`, selector: 'main .lesson-path li' },
      { label: '#/conv', url: `${base}/#/conv`, selector: GRID_CELL, lesson: true },
      { label: '#/transposed', url: `${base}/#/transposed`, selector: GRID_CELL, lesson: true },
    ];
    for (const profile of PROFILES) {
      const results = await benchFirstLoads(browser, targets, profile);
      const network = profile.network ? '150 ms RTT, 1.6 Mbit/s' : 'local network';
      const { width, height } = profile.device.viewport;
      console.log(
        `\nFirst load, ${profile.name} profile (${profile.cpu}× CPU, ${network}, ${width}×${height}), median of ${LOAD_RUNS} cold loads, ms:`,
      );
      printLoadTable(profile, results);
    }
  } finally {
    await reference.close();
  }
  if (pageErrors.length) {
    failed = true;
    console.error(`\nThe page threw while measuring:\n  ${pageErrors.join('\n  ')}`);
  }
} catch (e) {
  failed = true;
  console.error(`bench:ui failed: ${e instanceof Error ? e.message : String(e)}`);
  if (serverErr) console.error(serverErr);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
