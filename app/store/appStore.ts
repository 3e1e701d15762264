import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice';
import { createSettingsSlice, type SettingsSlice, type Theme } from './settingsSlice';

export type AppState = SettingsSlice & NoticeSlice;
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
  }));
}
