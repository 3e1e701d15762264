import type { MatrixMessages } from './messages.en';

/** “卷积即矩阵”一课的中文文字，与课程代码一起加载。 */
export const matrixZh: MatrixMessages = {
  title: '卷积即矩阵',
  figureLabel: '卷积即矩阵示意图',
  matrices: {
    input: '输入 X',
    kernel: '卷积核 W',
    x: 'x：按行展开的输入',
    c: 'C',
    y: 'y = C·x',
    output: '输出：把 y 折回去',
    patches: '补丁矩阵（unfold）',
    kernelRow: '拉成一行的卷积核',
    im2colY: '卷积核行 · 补丁矩阵',
    ct: 'Cᵀ',
    yAgain: 'y',
    back: 'Cᵀ·y，折回输入的形状',
    original: 'x，原来的输入',
    difference: 'x − Cᵀ·y',
    convT: 'y 的转置卷积',
    gram: 'CᵀC',
    identity: '单位矩阵 I',
    gradOutput: '∂L/∂y（= y）',
    gradMatrix: 'Cᵀ·∂L/∂y',
    gradBackward: 'conv2d 反向传播给出的 ∂L/∂x',
  },
  sections: {
    unroll: '展开：y = C·x',
    unrollNote:
      'x 是把输入逐行读出来排成的向量。C 的第 r 行对应窗口的第 r 个位置：卷积核的权重放在窗口盖住的格子所在的列上，其余元素都是 0。把指针移到某一行、某个元素或某个输出格子上，可以看到它们之间的对应关系。',
    sparsity: (rows, cols, weights, entries) =>
      `C 有 ${rows} 行（每个窗口位置一行）、${cols} 列（每个输入格子一列）。${entries} 个元素中只有 ${weights} 个放着卷积核的权重，其余 ${entries - weights} 个永远是 0。`,
    im2col: '另一种展开：im2col',
    im2colNote:
      '补丁矩阵的第 j 列是窗口 j 盖住的输入格子（落在填充上的记为 0）。把卷积核拉成一行，再乘以这个矩阵，一次乘法就完成了卷积，深度学习框架通常就是这样算的。',
    im2colSame: '两种展开得到的 y 逐格相同。',
    im2colDiffers: (gap) => `两种展开的结果最多相差 ${gap}。`,
    transpose: '转置：Cᵀ·y',
    transposeNote:
      'Cᵀ 把 C 的行变成列，于是它把一个和 y 一样长的向量变回一个和 x 一样长的向量。按输入的形状折回去之后，Cᵀ·y 就可以和 x 放在一起比较。',
    transposeSame: (op) =>
      `用同一个卷积核、同样的步长和填充，再取 output_padding 为 ${op} 让尺寸复原，对 y 做转置卷积，结果与 Cᵀ·y 逐格相等。`,
    transposeDiffers: (gap) => `y 的转置卷积与 Cᵀ·y 最多相差 ${gap}。`,
    sameShape: (equal, cells) =>
      `形状和 x 相同；${cells} 个格子中有 ${equal} 个与 x 相等。转置还原的是形状，不是数值。`,
    giveBack: '这里 Cᵀ·y 恰好还原了 x。',
    notInverse: '为什么转置不是逆',
    notInverseNote:
      '只有当 CᵀC 是单位矩阵，也就是 C 为正交矩阵（各列长度为 1 且两两垂直）时，Cᵀ 才能抵消 C 的作用。相邻的窗口共用输入格子，C 的各列因此互相重叠，而卷积核的长度也很少恰好是 1。',
    fewerRows: (rows, cols) =>
      `C 有 ${rows} 行、${cols} 列，行数比列数少，所以 CᵀC 的秩最多是 ${rows}，不可能是 ${cols}×${cols} 的单位矩阵：x 的一部分信息在 y 中已经丢失了。`,
    gramGap: (gap) => `CᵀC 与 I 最大相差 ${gap}。`,
    orthogonal: 'CᵀC 等于单位矩阵：这个 C 是正交的，Cᵀ 正好抵消它。',
    ownKernel: '网络里的转置卷积层并不是把卷积倒过来算：它有自己的卷积核，与前面卷积层的卷积核相互独立，各自学习。',
    backward: '反向传播就是乘 Cᵀ',
    backwardNote:
      '因为 y = C·x，损失 L 对 x 的梯度是 ∂L/∂x = Cᵀ·∂L/∂y：卷积的反向传播就是一次转置卷积。取 L = ½‖y‖²，则 ∂L/∂y 就是 y 本身。',
    backwardSame: 'Cᵀ·∂L/∂y 与引擎的 conv2d 反向传播逐格相等。',
    backwardDiffers: (gap) => `Cᵀ·∂L/∂y 与 conv2d 反向传播最多相差 ${gap}。`,
    hidden: '先回答上面的问题，这里才会显示。',
    frame: (name) => `${name}（可滚动）`,
  },
  arithmetic: {
    weight: (w, v, times) => `${w} = ${v}：它在 C 中出现 ${times} 次，每个用到它的窗口各一次`,
    entryWeight: (entry, w, v, r, x) => `${entry} = ${w} = ${v}：窗口 ${r} 把这个权重放在 ${x} 上`,
    entryZero: (entry, r, x) => `${entry} = 0：窗口 ${r} 没有盖住 ${x}`,
    padding: '填充',
  },
  steps: [
    {
      title: '把输入排成一列',
      body: '卷积可以写成一次矩阵乘法。先把 4×4 的输入逐行读出来，排成一个有 16 个数的向量 x：先读第 0 行，再读第 1 行，依此类推。点“播放”就能看到读取的顺序。',
    },
    {
      title: '一个窗口对应一行',
      body: '滑动窗口每停在一个位置，就对应矩阵 C 的一行。这一行在窗口盖住的输入格子所在的列上放卷积核的权重，其余位置都是 0，所以用这一行去乘 x，得到的正是这个窗口的输出。',
    },
    {
      title: '大部分是零',
      body: 'C 的每一行都为每个输入格子留了一列，但只有窗口盖住的格子才分到权重。把指针移到某个元素上，可以看到它是卷积核的哪一个权重。',
    },
    {
      title: '另一种展开：im2col',
      body: '深度学习框架通常反过来展开：把每个窗口盖住的输入格子排成补丁矩阵的一列（torch.nn.functional.unfold），再把卷积核拉成一行。做一次矩阵乘法，得到的 y 完全一样。',
    },
    {
      title: '步长和填充',
      body: '输入 5×5，步长 2，填充 1。填充的格子都是 0，落在上面的权重在 C 里就消失了；步长让窗口跳着走，C 的行数也随之变少。',
    },
    {
      title: '转置',
      body: 'Cᵀ 把 C 的行变成列：它把一个和 y 一样长的向量变回一个和 x 一样长的向量。把 Cᵀ·y 按输入的形状折回去，和 x 比一比。',
    },
    {
      title: 'Cᵀ 就是转置卷积',
      body: '用同一个卷积核、同样的步长和填充，再加上让尺寸复原的 output_padding，对 y 做一次转置卷积：每个格子都与 Cᵀ·y 相等。乘以 Cᵀ 就是做转置卷积，“转置卷积”这个名字正是由此而来。',
    },
    {
      title: '转置不是逆',
      body: 'Cᵀ·y 的形状和 x 一样，数值却不同。只有当 CᵀC 是单位矩阵，也就是 C 为正交矩阵时，Cᵀ 才能抵消 C。这里 C 的行数比列数少，这不可能发生。网络里的转置卷积层也不能抵消卷积：它学习的是自己的卷积核。',
    },
    {
      title: '转置恰好是逆的时候',
      body: '权重为 1 的 1×1 卷积核让 C 成为单位矩阵：CᵀC = I，Cᵀ·y 正好还原 x。只要卷积核真正做了点事情，就会把相邻格子混在一起，C 的各列也就不再单位正交了。',
    },
    {
      title: '反向传播就是乘 Cᵀ',
      body: '训练时需要损失对 x 的梯度。因为 y = C·x，所以 ∂L/∂x = Cᵀ·∂L/∂y。取 L = ½‖y‖²，∂L/∂y 就是 y，梯度正好是前面算出的 Cᵀ·y；引擎的 conv2d 反向传播给出的也是同样的数字。',
    },
    {
      title: '自己试试',
      body: '改一改输入、卷积核、步长或填充（输入最大 6×6）。所有矩阵都会跟着变，链接也能原样打开这张图。',
    },
  ],
  questions: {
    rows: 'C 一共有多少行？',
    weights: 'C 中有多少个元素放着卷积核的权重？',
    giveBack: 'Cᵀ·y 能还原 x 吗？请数一数 Cᵀ·y 中有几个格子与 x 相等。',
  },
};
