import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadLesson } from './lessonModules';
import type { LessonProps } from './lessons/contract';
import { LESSONS, type LessonId } from './lessons/registry';

/** Every lesson's view, loaded on first render; made once, so React keeps a lesson's state across renders. */
const VIEWS: ReadonlyMap<LessonId, LazyExoticComponent<ComponentType<LessonProps>>> = new Map(
  LESSONS.map((entry) => [
    entry.id,
    lazy(async () => {
      const lesson = await loadLesson(entry.id);
      if (!lesson) throw new Error(`No code for lesson ${entry.id}`);
      return { default: lesson.View };
    }),
  ]),
);

/** Renders a lesson by id; its code loads on first visit. A lesson still coming next renders nothing. */
export function LessonRoute({ lesson, query }: { lesson: LessonId } & LessonProps) {
  // The views are made once, above; looking one up is not making a component.
  const view = VIEWS.get(lesson);
  return view ? createElement(view, { query }) : null;
}
