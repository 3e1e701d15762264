import type { TransposedMessages } from './messages.en';

/** 转置卷积一课的中文文字，与课程代码一起加载。 */
export const transposedZh: TransposedMessages = {
  title: '转置卷积',
  figureLabel: '转置卷积示意图',
  matrices: {
    inputOf: (n, c, batch) => (batch > 1 ? `输入，样本 ${n}，通道 ${c}` : `输入，通道 ${c}`),
    kernelOf: (c, co) => `卷积核，输入 ${c} → 输出 ${co}`,
    canvasOf: (n, co, batch) => (batch > 1 ? `完整画布，样本 ${n}，通道 ${co}` : `完整画布，通道 ${co}`),
    outputOf: (n, co, batch) => (batch > 1 ? `输出，样本 ${n}，通道 ${co}` : `输出，通道 ${co}`),
    upOf: (n, c, batch) => (batch > 1 ? `插零后的输入，样本 ${n}，通道 ${c}` : `插零后的输入，通道 ${c}`),
    flippedOf: (co, ci) => `翻转后的卷积核 ${co}，通道 ${ci}`,
    overlapOf: (n, co, batch) => (batch > 1 ? `重叠次数，样本 ${n}，通道 ${co}` : `重叠次数，通道 ${co}`),
    bias: '偏置',
  },
  views: {
    scatter: '盖章并相加',
    scatterNote: '每一步取一个输入格子，用它乘以整个卷积核，再把结果加到画布上。印章重叠的地方，数值相加。',
    crop: (p, op) =>
      `填充 ${p} 表示从画布四周各裁掉这么多格（斜线部分）；output_padding ${op} 表示在下方和右侧多保留这么多格。`,
    gather: '同样的数字，换成直接卷积来算',
    gatherNote: (insert, pad) =>
      `${insert}，四周填充 d(k−1)−p = ${pad}（末端再多 output_padding；为负则表示裁剪），然后用上下左右翻转后的卷积核滑动。高亮的格子与上面盖章的那一步对应。`,
    overlaps: '印章在哪里重叠',
    overlapNote:
      '画布每个格子被多少个印章覆盖。卷积核尺寸不是步长的整数倍时，次数会交替变化：这种不均匀就是棋盘格伪影的来源。',
    maxOverlap: (max) => `重叠最多的格子：被盖了 ${max} 次。`,
    presets: '预设',
    preset: { k3s2: '卷积核 3、步长 2：棋盘格', k4s2: '卷积核 4、步长 2：均匀', k2s2: '卷积核 2、步长 2：不重叠' },
    insertZeros: (rows, cols) => {
      const count = (n: number) => (n === 0 ? '不插入零' : `插入 ${n} 个零`);
      return rows === cols
        ? rows === 0
          ? '输入的相邻格子之间不插入零'
          : `在输入的相邻格子之间插入 ${rows} 个零`
        : `输入相邻两行之间${count(rows)}，相邻两列之间${count(cols)}`;
    },
  },
  controls: {
    outputPadding: 'output_padding',
  },
  arithmetic: {
    stamp: (where, x) => `输入 ${where} = ${x}，盖下 ${x} × 卷积核`,
    outputCell: (where) => `输出 ${where}`,
    canvasCell: (where) => `画布 ${where}`,
    onlyBias: '没有印章落到这个格子，它只有偏置',
    nothing: '没有印章落到这个格子',
    cropped: '被填充裁掉',
  },
  formulas: {
    roundTrip: '与卷积的往返',
    roundTripNote: (axis, sizes, i, chosen) =>
      `${axis}：用相同 k、s、p、d 的卷积，会把 {${sizes}} 中的每一个输入尺寸都变成 ${i}。转置卷积无法知道原来是哪一个，于是由 output_padding 来选：这里是 ${chosen}。`,
    roundTripNone: (axis, i) =>
      `${axis}：这组设置没有任何输出，所以也没有哪个卷积输入能回到 ${i}。请先选一个可行的设置。`,
  },
  steps: [
    {
      title: '盖章并相加',
      body: '从 2×2 的输入 [[0,1],[2,3]] 和 2×2 的卷积核 [[0,1],[2,3]] 开始。每个输入格子都乘以整个卷积核，再“盖”到输出上自己对应的位置。重叠的印章相加。',
    },
    {
      title: '填充就是裁剪',
      body: '在转置卷积里，填充不是加一圈边，而是从完整结果的四周各去掉 p 格。填充为 1 时，3×3 的画布只剩中心一格。',
    },
    {
      title: '裁得太多',
      body: '填充为 2 时要从 3×3 结果的每一边各去掉两格，什么都不剩。PyTorch 会报错；这张图同样拒绝，并告诉你改成什么才行。',
    },
    {
      title: '步长就是插零',
      body: '步长为 2 时，每个印章比上一个挪动两格落下，相邻两个印章的起点之间空着一格。同样的结果也可以这样得到：在输入相邻格子之间插入一个零，再用翻转后的卷积核做直接卷积。逐步对比两种视图。',
    },
    {
      title: 'output_padding 决定尺寸',
      body: '卷积核为 3、填充为 1 时，步长为 2 的卷积会把 5 和 6 都变成 3，所以反过来时有歧义。output_padding 在下方和右侧多保留一行一列，选出较大的那个尺寸。',
    },
    {
      title: '不均匀的重叠',
      body: '卷积核 3、步长 2：有些画布格子收到的印章比邻居多。输入全为 1 时，次数直接显示出来，形成棋盘格。',
    },
    {
      title: '均匀的重叠',
      body: '卷积核 4、步长 2（卷积核尺寸能被步长整除）：离开边缘之后，每个格子收到的印章数都相同，不会出现棋盘格；只有靠近边缘的格子收到的少一些。',
    },
    {
      title: '轮到你了',
      body: '随意改动任何设置或数字。两种视图、重叠图和公式都会随之更新，链接能原样重现这张图。',
    },
  ],
  questions: {
    outputSize: '输出是多大（高 × 宽）？',
    maxOverlap: '哪里重叠最多？重叠最多的格子被盖了几次？',
  },
};
