import type { LessonEntry } from '../contract';

/** The matrix lesson's line on the landing path: its code loads on first visit. */
export const matrix = {
  id: 'matrix',
  title: { en: 'Convolution as a matrix', 'zh-CN': '卷积即矩阵' },
  summary: {
    en: 'The sliding window written as one sparse matrix C, and why Cᵀ restores the shape but not the values.',
    'zh-CN': '把滑动窗口写成一个稀疏矩阵 C；为什么 Cᵀ 只能还原尺寸，还原不了数值。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
