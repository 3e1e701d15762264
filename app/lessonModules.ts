import type { LessonId } from './lessons';
import { parseHash } from './router';

type LessonModule = typeof import('../components/lessons/conv/ConvLesson');

const loaders: Partial<Record<LessonId, () => Promise<LessonModule>>> = {
  conv: () => import('../components/lessons/conv/ConvLesson'),
  transposed: () => import('../components/lessons/transposed/TransposedLesson'),
};
const loading = new Map<LessonId, Promise<LessonModule>>();

/** A lesson's code, fetched once however many times it is asked for. */
export function loadLesson(id: LessonId): Promise<LessonModule> | null {
  const started = loading.get(id);
  if (started) return started;
  const load = loaders[id];
  if (!load) return null;
  const module = load();
  loading.set(id, module);
  return module;
}

/**
 * Starts fetching the lesson a link opens while the rest of the app is still
 * being evaluated, instead of when React first renders the route: on a slow
 * phone that is hundreds of milliseconds earlier.
 */
export function startLoadingLinkedLesson(hash: string): void {
  const { route } = parseHash(hash);
  if (route.kind === 'lesson') void loadLesson(route.lesson)?.catch(() => undefined);
}
