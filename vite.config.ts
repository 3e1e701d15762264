import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderPlugin } from './scripts/prerender.ts';
import { securityHeadersPlugin } from './scripts/securityHeaders.ts';
import { lessonChunks } from './scripts/lessonChunks.ts';

const chunks = lessonChunks();

export default defineConfig({
  plugins: [
    react(),
    securityHeadersPlugin(),
    prerenderPlugin(),
    chunks.plugin,
    VitePWA({
      registerType: 'autoUpdate',
      // The registration and the manifest both take the folder the app is served from as scope.
      scope: './',
      // An external, deferred registerSW.js: the CSP (script-src 'self') forbids an inline
      // registration script, and a deferred one does not hold up the parsing of the page.
      injectRegister: 'script-defer',
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,jpg,woff2,woff,ttf,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // The app is one page (its routes are in the hash): the worker answers the app's own
        // files and nothing else, so other addresses on the same host still reach the host.
        navigateFallback: null,
      },
      manifest: {
        name: 'ConvLab',
        short_name: 'ConvLab',
        description: 'Convolution arithmetic as editable matrices that animate, checked against PyTorch.',
        theme_color: '#1f4e79',
        background_color: '#fbfbfa',
        display: 'standalone',
        start_url: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  // Relative asset paths: dist/ works at / and under any sub-path.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    // The app and the lessons' shared code in a few files (scripts/lessonChunks.ts).
    rolldownOptions: { output: { codeSplitting: { groups: [...chunks.groups] } } },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 60_000,
  },
});
