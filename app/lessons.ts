/** The six lessons of DESIGN.md, in learning order. Ids are route names. */
export type LessonId = 'conv' | 'transposed' | 'receptive-field' | 'matrix' | 'tensors' | 'autoencoder';

export const LESSON_IDS: readonly LessonId[] = [
  'conv',
  'transposed',
  'receptive-field',
  'matrix',
  'tensors',
  'autoencoder',
];

/** Lessons that can be opened today; the rest show on the path as coming next. */
export const AVAILABLE_LESSONS: ReadonlySet<LessonId> = new Set<LessonId>(['conv', 'transposed']);

export function isLessonId(s: string): s is LessonId {
  return (LESSON_IDS as readonly string[]).includes(s);
}
