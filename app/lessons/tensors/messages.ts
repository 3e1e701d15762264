import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { tensorsEn, type TensorsMessages } from './messages.en';
import { tensorsZh } from './messages.zh';

export const TENSORS_MESSAGES: InBothLanguages<TensorsMessages> = { en: tensorsEn, 'zh-CN': tensorsZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `tensors`, its own. */
export type TensorsWords = LessonWords<'tensors', TensorsMessages>;

export function useTensorsWords(): TensorsWords {
  return useLessonWords('tensors', TENSORS_MESSAGES);
}
