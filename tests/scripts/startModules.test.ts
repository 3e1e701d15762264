import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { startModules } from '../../scripts/prerender';

function chunk(fileName: string, moduleIds: string[], imports: string[], isEntry = false): Rollup.OutputChunk {
  return { type: 'chunk', fileName, moduleIds, imports, isEntry } as unknown as Rollup.OutputChunk;
}

describe("startModules: the head asks for the app's start at once", () => {
  it('lists the chunk that holds boot.tsx and what it imports, not what the entry loads itself', () => {
    const bundle: Rollup.OutputBundle = {
      'index.js': chunk('index.js', ['/app/index.html'], ['app-entry.js', 'runtime.js'], true),
      'app-entry.js': chunk('app-entry.js', ['/app/main.tsx'], ['runtime.js']),
      'runtime.js': chunk('runtime.js', ['\0runtime'], []),
      'app.js': chunk('app.js', ['/app/boot.tsx', '/node_modules/react-dom/client.js'], ['runtime.js', 'vendor.js']),
      'vendor.js': chunk('vendor.js', ['/node_modules/zustand/index.js'], []),
      'conv.js': chunk('conv.js', ['/app/lessons/conv/index.ts'], ['app.js', 'lesson-kit.js']),
    };
    expect(startModules(bundle).sort()).toEqual(['app.js', 'vendor.js']);
  });
});
