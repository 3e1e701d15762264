import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';

/**
 * Names that make code impure: the engine may not touch the browser, the network,
 * threads, the clock or the task queues. `globalThis` and `self` would reach all of
 * them by another name.
 */
const impureGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
  'performance',
  'fetch',
  'Worker',
  'self',
  'globalThis',
  'Date',
].map((name) => ({
  name,
  message: 'engine/ is pure: no browser globals, network, threads, timers or clock (pass values in instead).',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'tests/fixtures', 'playwright-report', 'test-results', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML built from strings.' },
      ],
    },
  },
  {
    files: ['engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'engine/ is reproducible: use the seeded generator in engine/random.ts.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'engine/ may not import React.' },
            { group: ['zustand', 'zustand/*'], message: 'engine/ may not import the store.' },
            { group: ['d3-selection', 'd3-transition'], message: 'engine/ may not touch the DOM.' },
            {
              group: ['**/app/**', '**/components/**', '../app', '../components'],
              message: 'engine/ may not import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/components/**/*.{ts,tsx}', 'tests/app/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
  },
);
