import type { InBothLanguages } from '../../contract';
import { useLessonWords, type LessonWords } from '../../kit/messages';
import { photoEn, type PhotoMessages } from './messages.en';
import { photoZh } from './messages.zh';

export const PHOTO_MESSAGES: InBothLanguages<PhotoMessages> = { en: photoEn, 'zh-CN': photoZh };

/** The shell's words, the shared figure words and `photo`, the panel's own. */
export type PhotoWords = LessonWords<'photo', PhotoMessages>;

export function usePhotoWords(): PhotoWords {
  return useLessonWords('photo', PHOTO_MESSAGES);
}
