import type { StateCreator } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import type { AppState } from './appStore';

export type Theme = 'light' | 'dark';

export interface SettingsSlice {
  lang: Lang;
  theme: Theme;
  presentation: boolean;
  /** Teachers' embed: no chrome around the figure. */
  embed: boolean;
  /** Control ids hidden by the link (`hide=stride,padding`). */
  hidden: readonly string[];
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  setPresentation: (on: boolean) => void;
}

export function createSettingsSlice(initial: {
  lang: Lang;
  theme: Theme;
}): StateCreator<AppState, [], [], SettingsSlice> {
  return (set) => ({
    lang: initial.lang,
    theme: initial.theme,
    presentation: false,
    embed: false,
    hidden: [],
    setLang: (lang) => set({ lang }),
    setTheme: (theme) => set({ theme }),
    setPresentation: (presentation) => set({ presentation }),
  });
}
