import type { LessonId } from './lessons';

/** Props every lesson receives: the raw query of its route, for its URL codec. */
export interface LessonProps {
  readonly query: string;
}

/** Renders a lesson by id; lessons are loaded lazily, on first visit. */
export function LessonRoute({ lesson }: { lesson: LessonId } & LessonProps) {
  switch (lesson) {
    case 'conv':
    case 'transposed':
    case 'receptive-field':
    case 'matrix':
    case 'tensors':
    case 'autoencoder':
      return null;
  }
}
