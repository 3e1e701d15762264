// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadLesson, startLoadingLinkedLesson } from '../../app/lessonModules';
import { LESSONS } from '../../app/lessons/registry';

describe('lesson code loading', () => {
  it('fetches a lesson once, whether the opening link or the route asks for it first', async () => {
    startLoadingLinkedLesson('#/conv?v=1&story=2');
    const early = loadLesson('conv');
    expect(early).not.toBeNull();
    expect(loadLesson('conv')).toBe(early);
    const module = await early;
    expect(typeof module?.View).toBe('function');
  });

  it('starts nothing for the landing page or an unknown route', () => {
    expect(() => startLoadingLinkedLesson('#/')).not.toThrow();
    expect(() => startLoadingLinkedLesson('#/nowhere?x=<script>')).not.toThrow();
  });

  it('loads a view for every lesson in the registry', async () => {
    const modules = await Promise.all(LESSONS.map((lesson) => loadLesson(lesson.id)));
    for (const [i, module] of modules.entries()) expect(typeof module?.View, LESSONS[i]?.id).toBe('function');
  });
});
