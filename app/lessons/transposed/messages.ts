import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { transposedEn, type TransposedMessages } from './messages.en';
import { transposedZh } from './messages.zh';

export const TRANSPOSED_MESSAGES: InBothLanguages<TransposedMessages> = { en: transposedEn, 'zh-CN': transposedZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `transposed`, its own. */
export type TransposedWords = LessonWords<'transposed', TransposedMessages>;

export function useTransposedWords(): TransposedWords {
  return useLessonWords('transposed', TRANSPOSED_MESSAGES);
}
