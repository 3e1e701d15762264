import type { InBothLanguages } from '../contract';
import { lessonWords, useLessonWords, type LessonWords } from '../kit/messages';
import type { Lang } from '../../i18n';
import { convEn, type ConvMessages } from './messages.en';
import { convZh } from './messages.zh';

export const CONV_MESSAGES: InBothLanguages<ConvMessages> = { en: convEn, 'zh-CN': convZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `conv`, its own. */
export type ConvWords = LessonWords<'conv', ConvMessages>;

export function convWords(lang: Lang): ConvWords {
  return lessonWords(lang, 'conv', CONV_MESSAGES);
}

export function useConvWords(): ConvWords {
  return useLessonWords('conv', CONV_MESSAGES);
}
