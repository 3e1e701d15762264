/**
 * A lesson's words: the shell's, the figure lessons' shared ones (`figure`)
 * and the lesson's own under its id, in the reader's language. The shared and
 * own words load with the lessons, never with the landing page.
 */
import { messages, type Lang, type Messages } from '../../i18n';
import { useAppStore } from '../../store/react';
import type { InBothLanguages } from '../contract';
import { figureEn, type FigureMessages } from './messages.en';
import { figureZh } from './messages.zh';

export type { FigureMessages };

const FIGURE_MESSAGES: InBothLanguages<FigureMessages> = { en: figureEn, 'zh-CN': figureZh };

/** The shell's words and the figure lessons' shared words. */
export type FigureWords = Messages & { readonly figure: FigureMessages };

/** A lesson's words: `FigureWords` and its own under its id. */
export type LessonWords<K extends string, M> = FigureWords & { readonly [key in K]: M };

const cache = new WeakMap<object, Map<string, unknown>>();

/** The same object for the same lesson and language, so memoized views keep their renders. */
export function lessonWords<K extends string, M>(lang: Lang, key: K, own: InBothLanguages<M>): LessonWords<K, M> {
  let byLang = cache.get(own);
  if (!byLang) cache.set(own, (byLang = new Map()));
  let words = byLang.get(lang) as LessonWords<K, M> | undefined;
  if (!words) {
    words = { ...messages(lang), figure: FIGURE_MESSAGES[lang], [key]: own[lang] } as LessonWords<K, M>;
    byLang.set(lang, words);
  }
  return words;
}

const NO_OWN_WORDS: InBothLanguages<null> = { en: null, 'zh-CN': null };

/** The shell's and the figure lessons' shared words, for the kit's own panels. */
export function useFigureWords(): FigureWords {
  return lessonWords(
    useAppStore((s) => s.lang),
    'none',
    NO_OWN_WORDS,
  );
}

/** A lesson's words in the reader's language. */
export function useLessonWords<K extends string, M>(key: K, own: InBothLanguages<M>): LessonWords<K, M> {
  return lessonWords(
    useAppStore((s) => s.lang),
    key,
    own,
  );
}
