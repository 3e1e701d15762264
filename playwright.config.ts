import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the built app (`vite preview` of `dist/`), driven by
 * the system Chromium: Playwright's own browser downloads are not used.
 * `npm run test:e2e` works on a fresh clone: the web server builds first.
 */
const PORT = Number(process.env.E2E_PORT ?? 4174);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  // One worker on CI: two cores also run the preview server and Chromium's own threads.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: 'list',
  // A test opens several pages; on a loaded two-core machine one can take tens of seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    locale: 'en-US',
    // A service worker would serve the previous build's cached files.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false },
    },
    {
      name: 'phone',
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
