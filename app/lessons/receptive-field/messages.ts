import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { rfEn, type RfMessages } from './messages.en';
import { rfZh } from './messages.zh';

export const RF_MESSAGES: InBothLanguages<RfMessages> = { en: rfEn, 'zh-CN': rfZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `rf`, its own. */
export type RfWords = LessonWords<'rf', RfMessages>;

export function useRfWords(): RfWords {
  return useLessonWords('rf', RF_MESSAGES);
}
