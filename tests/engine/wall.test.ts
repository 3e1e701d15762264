import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint wall around engine/, run through ESLint's own API on probe sources
 * that are never written to disk: if a rule is dropped or its file pattern stops
 * matching, these specs fail instead of the wall silently opening.
 */
const eslint = new ESLint();

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
  'performance',
  'fetch',
  'Worker',
  'self',
  'globalThis',
  'Date',
];

describe('the engine lint wall', () => {
  for (const name of FORBIDDEN_GLOBALS) {
    it(`refuses ${name} in engine/`, async () => {
      const hits = await ruleHits('engine/wallProbe.ts', `export function probe(): unknown {\n  return ${name};\n}\n`);
      expect(hits).toEqual([expect.stringMatching(new RegExp(`^no-restricted-globals: Unexpected use of '${name}'`))]);
    });
  }

  it('refuses Math.random in engine/ and points to the seeded generator', async () => {
    const hits = await ruleHits(
      'engine/wallProbe.ts',
      'export function probe(): number {\n  return Math.random();\n}\n',
    );
    expect(hits).toEqual([expect.stringMatching(/^no-restricted-properties: .*engine\/random\.ts/)]);
  });

  it('refuses imports of React, the store and the app from engine/', async () => {
    const hits = await ruleHits(
      'engine/wallProbe.ts',
      "import { useState } from 'react';\nimport { create } from 'zustand';\nimport { messages } from '../app/i18n';\nexport const probe = [useState, create, messages];\n",
    );
    expect(hits).toHaveLength(3);
    for (const hit of hits) expect(hit).toMatch(/^no-restricted-imports: /);
  });

  it('leaves pure arithmetic in engine/ alone', async () => {
    const hits = await ruleHits(
      'engine/wallProbe.ts',
      'export function probe(xs: readonly number[]): number {\n  return Math.max(0, ...xs);\n}\n',
    );
    expect(hits).toEqual([]);
  });

  it('applies only to engine/: the app may use the clock and Math.random', async () => {
    const hits = await ruleHits(
      'app/wallProbe.ts',
      'export function probe(): number {\n  return Date.now() + Math.random();\n}\n',
    );
    expect(hits).toEqual([]);
  });
});
