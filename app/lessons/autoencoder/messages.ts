import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { autoencoderEn, type AutoencoderMessages } from './messages.en';
import { autoencoderZh } from './messages.zh';

export const AUTOENCODER_MESSAGES: InBothLanguages<AutoencoderMessages> = { en: autoencoderEn, 'zh-CN': autoencoderZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `autoencoder`, its own. */
export type AutoencoderWords = LessonWords<'autoencoder', AutoencoderMessages>;

export function useAutoencoderWords(): AutoencoderWords {
  return useLessonWords('autoencoder', AUTOENCODER_MESSAGES);
}
