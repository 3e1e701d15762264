import type { ConvMessages } from './messages.en';
import { TENSORS_SHAPES_HREF } from './storyLinks';

/** 卷积一课的中文文字，与课程代码一起加载。 */
export const convZh: ConvMessages = {
  title: '卷积',
  figureLabel: '卷积示意图',
  matrices: {
    input: '输入',
    kernel: '卷积核',
    bias: '偏置',
    output: '输出',
    inputOf: (n, c, batch) => (batch > 1 ? `输入，样本 ${n}，通道 ${c}` : `输入，通道 ${c}`),
    kernelOf: (co, ci) => `卷积核 ${co}，通道 ${ci}`,
    outputOf: (n, co, batch) => (batch > 1 ? `输出，样本 ${n}，通道 ${co}` : `输出，通道 ${co}`),
    biasOf: '偏置（每个输出通道一个）',
  },
  controls: {
    padKind: '填充写法',
    padKinds: { explicit: '数值', same: "'same'", valid: "'valid'" },
    paddingMode: '填充方式',
    paddingModes: {
      zeros: '补零（zeros）',
      reflect: '镜像（reflect）',
      replicate: '复制边缘（replicate）',
      circular: '循环（circular）',
    },
    depthwiseNote:
      '分组数等于 C_in（且 C_out 是 C_in 的整数倍）时，就是逐通道卷积（depthwise convolution）：每个卷积核只看一个输入通道。',
    depthwise: '改成逐通道卷积',
    isDepthwise: (c) => `现在是逐通道卷积：分成 ${c} 组，每组只有一个输入通道。`,
  },
  arithmetic: {
    outputCell: (where) => `输出 ${where}`,
    inputAt: (where) => `输入 ${where}`,
    weightAt: (where) => `权重 ${where}`,
    inputFeeds: (where, count) => `输入 ${where} 参与了 ${count} 个输出格子的计算`,
    weightUsed: (where, count) => `权重 ${where} 与 ${count} 个输入格子相乘：处处都是同一个权重（权重共享）`,
    biasUsed: (co) => `偏置 ${co} 加到输出通道 ${co} 的每一个格子上`,
    paddingCopies: (where) => `复制输入 ${where} 的填充格`,
    paddingZero: '补零的填充格',
    channelSum: (c) => `通道 ${c}`,
    channelsTotal: '各通道相加',
    channelsTotalWithBias: '各通道相加，再加偏置',
    lineLabel: (label) => `${label}：`,
  },
  formulas: {
    floorNote: (dropped) => `向下取整 ⌊ ⌋ 舍掉了 ${dropped} 行/列余量：窗口永远到不了那里（已标为从未访问）。`,
    exact: '恰好整除：窗口正好铺满填充后的输入，没有余量。',
    params: '参数量',
    paramsNote: '每个卷积核有 C_in/g × kH × kW 个权重；每个输出通道一个偏置，由它的所有输入通道共享。',
    refused:
      '这组设置不成立（原因写在图的上方），所以算不出输出尺寸，也算不出参数量。请点一个修改建议，或者改动被标出的设置。',
  },
  steps: [
    {
      title: '第一个例子',
      body: '输入是一个 4×4 矩阵，装着 0 到 15；卷积核是 3×3，每一行都是 1、0、−1。一个输入通道，一个输出通道，步长 1，没有偏置，用 PyTorch 写出来就是 nn.Conv2d(1, 1, kernel_size=3, bias=False) 这一层。卷积层要求输入的形状是 [batch, channel, height, width]，所以这个 4×4 矩阵要先做两次 unsqueeze(0) 才能送进去：[4, 4] → [1, 4, 4] → [1, 1, 4, 4]。',
      link: { href: TENSORS_SHAPES_HREF, label: '到“张量”一课看两次 unsqueeze(0) 怎样改变形状' },
    },
    {
      title: '一个窗口，一个数',
      body: '把卷积核放在输入的左上角，盖住下面那块 3×3 的区域。重叠位置上的两个数相乘，再把九个乘积加起来：这个和就是一个输出格子。',
    },
    {
      title: '再加上偏置',
      body: '卷积层还可以有偏置：每个输出通道一个数，加到每个窗口的和上。输入和卷积核都和上一步相同，只是多了偏置。',
    },
    {
      title: '窗口滑动',
      body: '每算完一个位置，窗口就向右移动一格；到了行末，再回到最左边，往下移一行。窗口每停一个位置就得到一个输出格子，而且它始终不会伸出输入的边界。',
    },
    {
      title: '步长：窗口每次跳多远',
      body: '步长为 2 时窗口隔一个位置才停一次，输出随之变小。如果跳跃的距离不能正好铺满输入，最后几行或几列永远不会被访问：公式里向下取整（floor）就是这个意思。',
    },
    {
      title: '填充：给输入加一圈边',
      body: '填充就是在窗口滑动之前，给输入四周加上宽 p 格的一圈边，不另外指定时填的是 0。这样窗口停在边缘格子上的次数就和停在其他格子上一样多。在输出尺寸公式里，输入尺寸 i 变成了 i + 2p。',
    },
    {
      title: '边上填什么',
      body: '这圈边不一定是 0。reflect 以边缘为镜面照出里面的数（边缘那一行本身不重复），replicate 重复最外面的格子，circular 则首尾相接，从对面那一边取数。把指针移到填充格上，就能看到它复制的是哪个输入格子。',
    },
    {
      title: "padding='same'",
      body: "padding='same' 让 PyTorch 自己选填充，使输出和输入一样大。卷积核为 5×5 时，就是四周各填两格。它只能在步长为 1 时使用。",
    },
    {
      title: '空洞：带孔的卷积核',
      body: '空洞率（dilation）把卷积核的各个位置拉开，中间留出空隙。空洞率为 2 的 3×3 卷积核用同样九个权重覆盖 5×5 的范围，看得更远却不增加参数。',
    },
    {
      title: '多个输入通道，一个卷积核',
      body: '彩色图像有三个通道。一个卷积核为每个输入通道各准备一片权重；各片在同一位置同时相乘，所有乘积加成一个数。一个卷积核只产生一个输出通道，而不是三个。',
    },
    {
      title: '多个卷积核，多个输出通道',
      body: '每个卷积核产生自己的一个输出通道：两个卷积核，就有两个输出通道。每个卷积核还有自己的偏置，只有一个数，由它的各片权重共用。',
    },
    {
      title: '数一数参数',
      body: '每个卷积核里的每个权重都是参数，每个偏置也是：共有 C_out × C_in × kH × kW 个权重，再加 C_out 个偏置。这一层就是上一步的那一层。',
    },
    {
      title: '分组：只看部分通道的卷积核',
      body: '分组数为 g 时，通道被分成 g 组，每个卷积核只看自己那组的 C_in/g 个通道。权重的个数随之除以 g；偏置却不变，每个输出通道仍然有一个。',
    },
    {
      title: '轮到你了',
      body: '随意改动任何设置或数字。每个数值、高亮和公式都会随之更新，地址栏里的链接能原样重现这张图。',
    },
  ],
  questions: {
    outputSize: '输出有多大（高 × 宽）？',
    outputRows: '输出有多少行？',
    paramCount: '这一层共有多少个参数（权重加偏置）？',
    firstCell: '左上角的输出格子是多少？',
  },
  photo: {
    open: '把卷积核用在照片上',
    close: '收起照片面板',
    loading: '正在载入照片面板…',
  },
};
