import { LANGS, messages, type Lang } from '../app/i18n';
import { useAppStore } from '../app/store/react';
import { useMessages } from '../app/useMessages';

export function Header() {
  const t = useMessages();
  const lang = useAppStore((s) => s.lang);
  const theme = useAppStore((s) => s.theme);
  const presentation = useAppStore((s) => s.presentation);
  const setLang = useAppStore((s) => s.setLang);
  const setTheme = useAppStore((s) => s.setTheme);
  const setPresentation = useAppStore((s) => s.setPresentation);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark">
          ⊛
        </span>
        {t.appName}
      </a>
      <nav className="header-tools" aria-label={t.nav.home}>
        <a href="#/" className="header-link">
          {t.nav.home}
        </a>
        <label className="header-select">
          <span className="visually-hidden">{t.nav.language}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t.nav.language}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {messages(l).langName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="header-button"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? t.nav.themeLight : t.nav.themeDark}
        </button>
        <button
          type="button"
          className="header-button"
          aria-pressed={presentation}
          title={t.nav.presentHint}
          onClick={() => setPresentation(!presentation)}
        >
          {presentation ? t.nav.exitPresent : t.nav.present}
        </button>
      </nav>
    </header>
  );
}
