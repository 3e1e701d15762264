/**
 * The lessons of DESIGN.md, in learning order: one line each. The landing
 * page, the router, the store's lesson slots, the focus and the browser tests'
 * route list all read this list. How to add a lesson: `README.md` here.
 */
import type { LessonEntry } from './contract';
import { autoencoder } from './autoencoder/entry';
import { conv } from './conv/entry';
import { matrix } from './matrix/entry';
import { receptiveField } from './receptive-field/entry';
import { tensors } from './tensors/entry';
import { transposed } from './transposed/entry';

export const LESSONS = [
  conv,
  transposed,
  receptiveField,
  matrix,
  tensors,
  autoencoder,
] as const satisfies readonly LessonEntry[];

/** A lesson id: also its route, `#/<id>`. */
export type LessonId = (typeof LESSONS)[number]['id'];

const LESSON_IDS: readonly LessonId[] = LESSONS.map((l) => l.id);

export function isLessonId(s: string): s is LessonId {
  return (LESSON_IDS as readonly string[]).includes(s);
}

/** The registry line of a lesson. */
export function lessonEntry(id: LessonId): LessonEntry {
  return LESSONS.find((l) => l.id === id) as LessonEntry;
}

/** Whether the lesson can be opened today; the others show on the path as coming next. */
export function isAvailable(id: LessonId): boolean {
  return lessonEntry(id).load !== undefined;
}
