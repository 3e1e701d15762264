import type { StateCreator } from 'zustand/vanilla';
import type { Lang } from '../i18n';
import type { Theme } from '../theme';
import type { AppState } from './appStore';

export interface SettingsSlice {
  lang: Lang;
  theme: Theme;
  presentation: boolean;
  /**
   * Whether the lesson's side panels (settings, formulas) are open beside the
   * figure while presenting. Not part of the link: every presentation opens
   * with the figure alone.
   */
  presentPanels: boolean;
  /** Teachers' embed: no chrome around the figure. */
  embed: boolean;
  /** Control ids hidden by the link (`hide=stride,padding`). */
  hidden: readonly string[];
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
  setPresentation: (on: boolean) => void;
  setPresentPanels: (open: boolean) => void;
  /** Applies what a link says about language, theme, presentation and embedding. */
  applyShared: (shared: {
    lang: Lang | null;
    theme: Theme | null;
    present: boolean;
    embed: boolean;
    hide: readonly string[];
  }) => void;
}

export function createSettingsSlice(initial: {
  lang: Lang;
  theme: Theme;
}): StateCreator<AppState, [], [], SettingsSlice> {
  return (set) => ({
    lang: initial.lang,
    theme: initial.theme,
    presentation: false,
    presentPanels: false,
    embed: false,
    hidden: [],
    setLang: (lang) => set({ lang }),
    setTheme: (theme) => set({ theme }),
    setPresentation: (presentation) => set({ presentation, presentPanels: false }),
    setPresentPanels: (presentPanels) => set({ presentPanels }),
    applyShared: (shared) =>
      set((s) => ({
        lang: shared.lang ?? s.lang,
        theme: shared.theme ?? s.theme,
        presentation: shared.present,
        embed: shared.embed,
        hidden: shared.hide,
      })),
  });
}
