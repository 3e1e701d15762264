import type { LessonEntry } from '../contract';

/** The receptive-field lesson's line on the landing path (coming next: add `load` once the lesson is built). */
export const receptiveField = {
  id: 'receptive-field',
  title: { en: 'Receptive field', 'zh-CN': '感受野' },
  summary: {
    en: 'How far back one output pixel can see, layer by layer through a stack of convolutions and pooling.',
    'zh-CN': '经过一层层卷积和池化后，一个输出像素能“看到”原图多大的一块。',
  },
} as const satisfies LessonEntry;
