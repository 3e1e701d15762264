import type { LessonEntry } from '../contract';

/** The transposed lesson's line on the landing path: its code loads on first visit. */
export const transposed = {
  id: 'transposed',
  title: { en: 'Transposed convolution', 'zh-CN': '转置卷积' },
  summary: {
    en: 'Every input cell stamps a copy of the kernel; overlaps add up. Padding crops, stride inserts zeros, and uneven overlaps make checkerboards.',
    'zh-CN':
      '每个输入格子用自己的数值去乘整个卷积核，再把结果“盖”到输出上，重叠处相加。填充是裁剪，步长是插零，卷积核尺寸不是步长的整数倍时，印章重叠得不均匀，棋盘格就由此而来。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
