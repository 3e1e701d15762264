import type { InBothLanguages } from '../contract';
import { useLessonWords, type LessonWords } from '../kit/messages';
import { matrixEn, type MatrixMessages } from './messages.en';
import { matrixZh } from './messages.zh';

export const MATRIX_MESSAGES: InBothLanguages<MatrixMessages> = { en: matrixEn, 'zh-CN': matrixZh };

/** Every word the lesson's views use: the shell's, the shared figure words and `matrix`, its own. */
export type MatrixWords = LessonWords<'matrix', MatrixMessages>;

export function useMatrixWords(): MatrixWords {
  return useLessonWords('matrix', MATRIX_MESSAGES);
}
