import type { LessonEntry } from '../contract';

/** The autoencoder lesson's line on the landing path. */
export const autoencoder = {
  id: 'autoencoder',
  title: { en: 'A convolutional autoencoder', 'zh-CN': '卷积自编码器' },
  summary: {
    en: 'Compress a real image with strided convolutions and rebuild it with transposed ones, trained in your browser.',
    'zh-CN': '用带步长的卷积压缩一张真实图片，再用转置卷积把它重建出来，训练就在浏览器里进行。',
  },
  load: () => import('./index'),
} as const satisfies LessonEntry;
