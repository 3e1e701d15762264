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

  it('starts nothing for the landing page, an unknown route or a lesson not built yet', () => {
    expect(() => startLoadingLinkedLesson('#/')).not.toThrow();
    expect(() => startLoadingLinkedLesson('#/nowhere?x=<script>')).not.toThrow();
    for (const lesson of LESSONS.filter((l) => !('load' in l))) expect(loadLesson(lesson.id)).toBeNull();
  });
});
