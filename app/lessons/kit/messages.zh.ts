import type { FigureMessages } from './messages.en';

/** 图示类课程共用的文字：参数面板、公式面板和长算式。与课程一起加载。 */
export const figureZh: FigureMessages = {
  controls: {
    label: '参数设置',
    batch: '批大小 N',
    inChannels: '输入通道数 C_in',
    outChannels: '输出通道数 C_out（卷积核个数）',
    inputSize: '输入尺寸 H × W',
    kernelSize: '卷积核尺寸 kH × kW',
    stride: '步长',
    padding: '填充',
    dilation: '空洞率（dilation）',
    groups: '分组数（groups）',
    bias: '偏置',
    height: '高',
    width: '宽',
    validRange: (lo, hi) => (lo === hi ? `此时可用：${lo}` : `此时可用：${lo}–${hi}`),
    clamped: (typed, lo, hi, to) => `${typed} 不在 ${lo}–${hi} 之内，已改为 ${to}。`,
    rounded: (typed, to) => `${typed} 不是整数，已改为 ${to}。`,
    randomize: '换一组随机数',
    seed: '随机种子',
    undo: '撤销',
    redo: '重做',
    validValues: (values) => `此时可用：${values.join('、')}`,
  },
  formulas: {
    title: '代入你的数字的公式',
    outputSize: '输出尺寸',
    height: '高',
    width: '宽',
    hoverHint: '把指针移到符号上，可以看到它对应图中的哪一部分。',
  },
  arithmetic: {
    more: (n) => `…… 还有 ${n} 项 ……`,
  },
  story: {
    changed: '你改动了这张图；上面的文字讲的是这一步原本的图。',
    restore: '恢复原图',
  },
};
