import type { LessonEntry } from '../contract';

/** The receptive-field lesson's line on the landing path: its code loads on first visit. */
export const receptiveField = {
  id: 'receptive-field',
  title: { en: 'Receptive field', 'zh-CN': '感受野' },
  summary: {
    en: 'How far back one output pixel can see, layer by layer through a stack of convolutions and pooling.',
    'zh-CN': '经过一层层卷积和池化后，一个输出像素能“看到”原图多大的一块。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
