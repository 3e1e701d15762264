import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { convEn, type ConvMessages } from './messages.en';
import { convZh } from './messages.zh';

export const CONV_MESSAGES: InBothLanguages<ConvMessages> = { en: convEn, 'zh-CN': convZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `conv`, its own. */
export type ConvWords = LessonWords<'conv', ConvMessages>;

export function useConvWords(): ConvWords {
  return useLessonWords('conv', CONV_MESSAGES);
}
