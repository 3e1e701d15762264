import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore';
import { withTotal } from './playbackSlice';

/**
 * One slot per lesson id, holding that lesson's own state. The store does not
 * know what a lesson's state is: each lesson reads and writes its slot through
 * the lens its definition makes (`app/lessons/kit/slice.ts`). A slot stays
 * empty until the lesson first writes it; readers fall back to the lesson's
 * initial state.
 */
export interface LessonSlotsSlice {
  lessons: Readonly<Record<string, unknown>>;
  /** Writes a lesson's state and, when given, the playback step count of it, in one update. */
  setLesson: (id: string, next: unknown, total?: number) => void;
}

export const createLessonSlotsSlice: StateCreator<AppState, [], [], LessonSlotsSlice> = (set, get) => ({
  lessons: {},
  setLesson: (id, next, total) => {
    const { lessons, playback } = get();
    set({
      lessons: { ...lessons, [id]: next },
      ...(total === undefined ? {} : { playback: withTotal(playback, total) }),
    });
  },
});
