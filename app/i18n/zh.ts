import type { ProblemDetails } from '../../engine';
import type { Messages } from './en';

type D = ProblemDetails;
const axisName = (d: D) => (d.axis === 'w' ? '宽度' : d.axis === 'h' ? '高度' : '尺寸');

/** 简体中文。类型为 `Messages`:缺少任何一条翻译都会让类型检查和构建失败。 */
export const zh: Messages = {
  langName: '简体中文',
  appName: 'ConvLab',
  tagline: '可以亲手改动的卷积运算:每个数字都在你的浏览器里算出,并与 PyTorch 逐一核对。',
  skipToContent: '跳到正文',
  nav: {
    home: '课程',
    language: '语言',
    theme: '主题',
    themeLight: '浅色',
    themeDark: '深色',
    present: '演示',
    exitPresent: '退出演示',
    presentHint: '演示模式(F)',
  },
  home: {
    title: '改动数字,看懂卷积',
    intro:
      '六节短课,循序渐进。每一课都是一张可以编辑的图:改一个格子或一个参数,所有数字、高亮和公式随之更新。链接能原样重现你看到的画面。',
    pathLabel: '学习路线',
    open: '进入本课',
    comingSoon: '即将推出',
    step: (n: number) => `第 ${n} 步`,
    unknownRoute: (path: string) => `“${path}” 这个页面不存在,下面是全部课程。`,
    checked: '测试套件会把每个数值与 PyTorch 1.13(float64)的结果逐一比对。',
  },
  lessons: {
    conv: {
      title: '卷积',
      summary: '卷积核在输入上滑动:对应相乘、求和、加上偏置。多通道、步长、填充、空洞、分组,以及输出尺寸公式。',
    },
    transposed: {
      title: '转置卷积',
      summary: '每个输入格子把卷积核整体乘上自己再“盖”到输出上,重叠处相加。填充是裁剪,步长是插零,棋盘格由此而来。',
    },
    'receptive-field': {
      title: '感受野',
      summary: '经过一层层卷积和池化后,一个输出像素能“看到”原图多大的一块。',
    },
    matrix: {
      title: '卷积即矩阵',
      summary: '把滑动窗口写成一个稀疏矩阵 C;为什么 Cᵀ 只能还原尺寸,还原不了数值。',
    },
    tensors: {
      title: '张量与自动求导',
      summary: 'unsqueeze 与 squeeze,原地操作与新建张量,backward 把梯度累加进 .grad,detach 切断计算图。',
    },
    autoencoder: {
      title: '卷积自编码器',
      summary: '用带步长的卷积压缩一张真实图片,再用转置卷积把它重建出来,训练就在浏览器里进行。',
    },
  },
  notices: {
    dismiss: '知道了',
    ignoredKeys: (keys: string) => `链接里有些设置无法使用,已恢复为默认值:${keys}。`,
  },
  errors: {
    figureFailed: '这张图出错了。',
    figureFailedDetail: (what: string) => `出错的地方:${what}`,
    resetFigure: '重置这张图',
  },
  engine: {
    'dimension-out-of-range': (d) => `这里没有第 ${d.dim} 维:请在 ${d.min} 到 ${d.max} 之间选择。`,
    'rank-mismatch': (d) => `${d.name} 需要 ${d.expected} 个维度,现在是 ${d.actual} 个。`,
    'non-positive-size': (d) => `${d.name}${d.axis ? `(${axisName(d)})` : ''}至少为 1,不能是 ${d.value}。`,
    'invalid-stride': (d) => `步长必须是不小于 1 的整数,不能是 ${d.stride}。`,
    'invalid-dilation': (d) => `空洞率(dilation)必须是不小于 1 的整数,不能是 ${d.dilation}。`,
    'negative-padding': (d) => `填充不能为负数(${d.padding}),请设为 0 或更大。`,
    'invalid-groups': (d) => `分组数必须是不小于 1 的整数,不能是 ${d.groups}。`,
    'in-channels-not-divisible-by-groups': (d) =>
      `${d.inChannels} 个输入通道无法平均分成 ${d.groups} 组。请选一个能整除 ${d.inChannels} 的分组数。`,
    'out-channels-not-divisible-by-groups': (d) =>
      `${d.outChannels} 个输出通道无法平均分成 ${d.groups} 组。请选一个能整除 ${d.outChannels} 的分组数。`,
    'weight-in-channels-mismatch': (d) =>
      `卷积核每组需要 ${d.weightInChannels} 个通道,但输入有 ${d.inChannels} 个通道、分成 ${d.groups} 组。`,
    'bias-size-mismatch': (d) => `每个输出通道对应一个偏置,应有 ${d.outChannels} 个,而不是 ${d.biasSize} 个。`,
    'kernel-larger-than-padded-input': (d) =>
      `卷积核(含空洞后为 ${d.kernelH}×${d.kernelW})比填充后的输入(${d.paddedH}×${d.paddedW})还大,放不下。请加大输入或填充,或减小卷积核或空洞率。`,
    'same-padding-with-stride': (d) =>
      `padding='same' 只能配合步长 1 使用(现在是 ${d.strideH}×${d.strideW})。请把步长设为 1,或直接填写填充的数值。`,
    'reflect-padding-too-large': (d) =>
      `反射填充 ${d.padding} 要求输入的${axisName(d)}大于 ${d.padding}(现在是 ${d.inputSize}):镜子照不出比原有更多的格子。`,
    'circular-padding-too-large': (d) =>
      `循环填充 ${d.padding} 会在${axisName(d)}为 ${d.inputSize} 的输入上绕不止一圈。填充最多为 ${d.inputSize}。`,
    'negative-output-padding': (d) => `output_padding 不能为负数(${d.outputPadding})。`,
    'output-padding-too-large': (d) =>
      `output_padding(${d.outputPadding})必须小于步长(${d.stride})或空洞率(${d.dilation}),否则多出来的格子任何输入都碰不到。`,
    'output-size-not-positive': (d) =>
      `从 ${d.fullH}×${d.fullW} 的结果四周各裁掉 ${d.paddingH}×${d.paddingW} 后只剩 ${d.outH}×${d.outW}:什么都不剩了。请减小填充,或加大输入、卷积核或步长。`,
    'grad-output-shape-mismatch': (d) => `梯度的形状必须与输出相同(${d.expected}),而不是 ${d.actual}。`,
  },
};
