import type { LessonEntry } from '../contract';

/** The tensors lesson's line on the landing path: its code loads on first visit. */
export const tensors = {
  id: 'tensors',
  title: { en: 'Tensors and autograd', 'zh-CN': '张量与自动求导' },
  summary: {
    en: 'unsqueeze and squeeze, in-place versus new tensors, backward adding into .grad, and detach cutting the graph.',
    'zh-CN': 'unsqueeze 与 squeeze，原地操作与新建张量，backward 把梯度累加进 .grad，detach 切断计算图。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
