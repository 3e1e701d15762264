import { en, type Messages } from './en';
import { zh } from './zh';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const catalogs: Record<Lang, Messages> = { 'zh-CN': zh, en };

export function messages(lang: Lang): Messages {
  return catalogs[lang];
}

/** Chinese for any zh-* browser language, English otherwise. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

export type { Messages };
