import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import { createFocusSlice, type FocusSlice } from './focusSlice';
import { createLessonSlotsSlice, type LessonSlotsSlice } from './lessonSlice';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import type { Theme } from '../theme';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';

export type AppState = SettingsSlice & NoticeSlice & PlaybackSlice & FocusSlice & LessonSlotsSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  lang?: Lang;
  theme?: Theme;
}

/**
 * One store per app (and per test): typed slices, no React in here. Lessons
 * keep their state in their own slots (`lessons`), typed by their definitions.
 */
export function createAppStore(options: StoreOptions = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSettingsSlice({ lang: options.lang ?? 'en', theme: options.theme ?? 'light' })(...a),
    ...createNoticeSlice(...a),
    ...createPlaybackSlice(...a),
    ...createFocusSlice(...a),
    ...createLessonSlotsSlice(...a),
  }));
}
