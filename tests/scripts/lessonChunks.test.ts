import { describe, expect, it } from 'vitest';
import { chunkOf, planChunks } from '../../scripts/lessonChunks';

// A small module graph shaped like the app's: the entry, the start, and three lessons.
const graph: Record<string, string[]> = {
  '/app/main.tsx': ['/app/startLesson.ts'],
  '/app/startLesson.ts': ['/app/lessonModules.ts'],
  '/app/lessonModules.ts': [],
  '/app/boot.tsx': ['/app/lessonModules.ts', '/node_modules/react-dom/client.js', '/app/store.ts'],
  '/node_modules/react-dom/client.js': [],
  '/app/store.ts': [],
  '/app/lessons/conv/index.ts': ['/app/lessons/conv/ConvLesson.tsx', '/app/lessons/kit/LessonShell.tsx'],
  '/app/lessons/conv/ConvLesson.tsx': ['/components/grid/MatrixGrid.tsx', '/app/store.ts'],
  '/app/lessons/transposed/index.ts': ['/components/grid/MatrixGrid.tsx', '/app/lessons/kit/LessonShell.tsx'],
  '/app/lessons/receptive-field/index.ts': ['/app/lessons/kit/LessonShell.tsx', '/node_modules/d3-shape/index.js'],
  '/app/lessons/autoencoder/index.ts': ['/node_modules/d3-shape/index.js'],
  '/components/grid/MatrixGrid.tsx': [],
  '/app/lessons/kit/LessonShell.tsx': [],
  '/node_modules/d3-shape/index.js': [],
};
const plan = planChunks(Object.keys(graph), (id) => graph[id] ?? []);

describe('chunk plan: a lesson comes in a few files, and the landing page loads no lesson code', () => {
  it("puts what the entry imports in app-entry and what the app's start adds in app", () => {
    expect(chunkOf(plan, '/app/lessonModules.ts')).toBe('app-entry');
    expect(chunkOf(plan, '/app/startLesson.ts')).toBe('app-entry');
    expect(chunkOf(plan, '/node_modules/react-dom/client.js')).toBe('app');
    expect(chunkOf(plan, '/app/store.ts')).toBe('app');
  });

  it('puts the code the convolution and transposed lessons share with another lesson in the kit', () => {
    expect(chunkOf(plan, '/components/grid/MatrixGrid.tsx')).toBe('lesson-kit');
    expect(chunkOf(plan, '/app/lessons/kit/LessonShell.tsx')).toBe('lesson-kit');
  });

  it("keeps a lesson's own code, and code only other lessons share, out of the kit", () => {
    expect(chunkOf(plan, '/app/lessons/conv/ConvLesson.tsx')).toBeNull();
    expect(chunkOf(plan, '/app/lessons/conv/index.ts')).toBeNull();
    expect(chunkOf(plan, '/node_modules/d3-shape/index.js')).toBeNull();
  });

  it("never puts the app's own modules in the kit, even when every lesson imports them", () => {
    expect(plan.lessons.has('/app/store.ts')).toBe(false);
    expect(chunkOf(plan, '/app/store.ts')).toBe('app');
  });
});
