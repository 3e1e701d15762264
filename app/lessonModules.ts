import type { AnyLessonDefinition } from './lessons/contract';
import { lessonEntry, type LessonId } from './lessons/registry';
import { parseHash } from './router';

const loading = new Map<LessonId, Promise<AnyLessonDefinition>>();
const loaded = new Map<LessonId, AnyLessonDefinition>();

/** A lesson's definition if its code has already arrived, else null (then it renders lazily). */
export function loadedLesson(id: LessonId): AnyLessonDefinition | null {
  return loaded.get(id) ?? null;
}

/** A lesson's code could not be fetched (offline on a first visit, or a deploy replaced the files). */
export class LessonDownloadError extends Error {
  constructor(
    readonly lesson: LessonId,
    cause: unknown,
  ) {
    super(`The code of lesson ${lesson} could not be downloaded`, { cause });
    this.name = 'LessonDownloadError';
  }
}

/**
 * A lesson's definition, its code fetched once however many times it is asked
 * for; null while it is coming next. A failed download is forgotten, so asking
 * again fetches anew.
 */
export function loadLesson(id: LessonId): Promise<AnyLessonDefinition> | null {
  const started = loading.get(id);
  if (started) return started;
  const load = lessonEntry(id).load;
  if (!load) return null;
  const lesson = load().then(
    (module) => {
      loaded.set(id, module.default);
      return module.default;
    },
    (cause: unknown) => {
      loading.delete(id);
      throw new LessonDownloadError(id, cause);
    },
  );
  loading.set(id, lesson);
  return lesson;
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
