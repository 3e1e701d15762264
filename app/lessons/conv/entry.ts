import type { LessonEntry } from '../contract';

/** The conv lesson's line on the landing path: its code loads on first visit. */
export const conv = {
  id: 'conv',
  title: { en: 'Convolution', 'zh-CN': '卷积' },
  summary: {
    en: 'A kernel slides over the input: multiply, add, add the bias. Channels, stride, padding, dilation, groups and the output-size formula.',
    'zh-CN': '卷积核在输入上滑动：对应相乘、求和、加上偏置。多通道、步长、填充、空洞、分组，以及输出尺寸公式。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
