import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import { createConvSlice, type ConvSlice } from './convSlice';
import { createFocusSlice, type FocusSlice } from './focusSlice';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createSettingsSlice, type SettingsSlice, type Theme } from './settingsSlice';
import { createTransposedSlice, type TransposedSlice } from './transposedSlice';

export type AppState = SettingsSlice & NoticeSlice & PlaybackSlice & FocusSlice & ConvSlice & TransposedSlice;
export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  lang?: Lang;
  theme?: Theme;
}

/** One store per app (and per test): typed slices, no React in here. */
export function createAppStore(options: StoreOptions = {}): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSettingsSlice({ lang: options.lang ?? 'en', theme: options.theme ?? 'light' })(...a),
    ...createNoticeSlice(...a),
    ...createPlaybackSlice(...a),
    ...createFocusSlice(...a),
    ...createConvSlice(...a),
    ...createTransposedSlice(...a),
  }));
}
