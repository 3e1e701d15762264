import { lazy } from 'react';
import { loadLesson } from './lessonModules';
import type { LessonId } from './lessons';

const lessonComponent = (id: LessonId) =>
  lazy(async () => {
    const module = loadLesson(id);
    if (!module) throw new Error(`No code for lesson ${id}`);
    return module;
  });
const ConvLesson = lessonComponent('conv');
const TransposedLesson = lessonComponent('transposed');

/** Props every lesson receives: the raw query of its route, for its URL codec. */
export interface LessonProps {
  readonly query: string;
}

/** Renders a lesson by id; lessons are loaded lazily, on first visit. */
export function LessonRoute({ lesson, query }: { lesson: LessonId } & LessonProps) {
  switch (lesson) {
    case 'conv':
      return <ConvLesson query={query} />;
    case 'transposed':
      return <TransposedLesson query={query} />;
    case 'receptive-field':
    case 'matrix':
    case 'tensors':
    case 'autoencoder':
      return null;
  }
}
