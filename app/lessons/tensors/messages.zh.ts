/**
 * 张量与自动求导课程的中文文字：控制台、图示、讲解，以及控制台每一种拒绝的说法
 * （引擎只给出代码）。与 `messages.en.ts` 的键完全相同。
 */
import type { ProblemDetails } from '../../../engine';
import type { TensorsMessages } from './messages.en';

type D = ProblemDetails;

export const tensorsZh: TensorsMessages = {
  title: '张量与自动求导',
  errors: {
    at: (line: number, column: number) => `第 ${line} 行第 ${column} 列：`,
    syntax: {
      'source-too-long': (d: D) => `程序共有 ${d.length} 个字符，控制台最多读 ${d.max} 个。请删掉或缩短几行。`,
      'too-many-lines': (d: D) => `程序共有 ${d.lines} 行，控制台最多读 ${d.max} 行。请删掉几行。`,
      'line-too-long': (d: D) =>
        `这一行有 ${d.length} 个字符，一行最多 ${d.max} 个。请把它拆成几行，给中间结果起个名字。`,
      'nesting-too-deep': (d: D) =>
        `这里的括号和调用嵌套超过了 ${d.max} 层。请把里层的部分单独写一行，先赋给一个名字。`,
      'syntax-error': () =>
        '这不是合法的 Python。请在这个位置或它前面找一找：是不是少了括号、逗号或运算符，或者多了一个字符。',
      'unexpected-indent': () =>
        '这一行的缩进出乎 Python 的意料。只有 with torch.no_grad() 块里面的行需要缩进，其他行请和第一行对齐。',
      'unsupported-statement': (d: D) =>
        `控制台不运行 ${d.syntax} 语句。它只运行赋值（y = … 或 c += 1）、单独的调用（如 y.backward() ）和 with torch.no_grad() 块，请把这一行改写成其中一种。`,
      'unsupported-expression': (d: D) =>
        `控制台不认识这种表达式（${d.syntax}）。请用名字、数字、列表、算术和 x.unsqueeze(0) 这样的调用；想看某个元素，请看控制台旁边的表格，不要用下标。`,
      'unsupported-operator': (d: D) => `控制台没有 ${d.operator} 这个运算符。请用 + - * / @ ** （或 += -= *= /= ）。`,
      'unsupported-target': () =>
        '这里只能给一个名字赋值（或者写 a.grad = None ）。请一行只写一个赋值，比如 y = x * 2 。',
      'unsupported-argument': () =>
        '控制台只接受直接写出的参数或 名字=值 形式的参数，不接受 *args 和 **kwargs 。请把参数逐个写出来。',
      'unsupported-number': (d: D) =>
        `读不懂数字 ${d.raw} 。请写十进制数，比如 2、0.5 或 1e-3（不要用十六进制、下划线或复数）。`,
      'unsupported-string': () => '控制台只读引号里的普通短字符串，而张量运算用不到字符串。请删掉它。',
      'unterminated-string': () => '这里开始了一个字符串，却没有结束的引号。请补上引号，或删掉这个字符串。',
      'positional-after-keyword': () =>
        '名字=值 形式的参数后面又出现了普通参数。按 Python 的规定，普通参数要写在前面。',
      'repeated-keyword': (d: D) => `参数 ${d.name}= 写了两次，请只留一个。`,
      'dunder-name': (d: D) =>
        `以两个下划线开头的名字（${d.name}）会碰到 Python 的内部机制，控制台不接受。请换一个名字。`,
    },
    subset: {
      'unknown-function': (d: D) =>
        `${d.name === '' ? '控制台不认识这个函数' : `控制台不认识函数 ${d.name} `}。它认识 torch.tensor、zeros、ones、arange、ones_like、zeros_like、sigmoid、exp、relu 和 matmul 。`,
      'unknown-method': (d: D) =>
        `控制台不认识方法 .${d.name} 。可以试试 sum、mean、relu、exp、sigmoid、detach、t、squeeze、unsqueeze、reshape、view、matmul、add_、sub_、mul_、div_、zero_、requires_grad_ 或 backward 。`,
      'unknown-attribute': (d: D) =>
        `控制台不读 .${d.name} 。张量的属性里它只读 .grad ；形状、requires_grad、is_leaf 和 grad_fn 都在控制台旁边的表格里。`,
      'unknown-keyword': (d: D) => `在控制台里，函数 ${d.function} 不接受参数 ${d.name}= 。请删掉这个参数。`,
      'unsupported-with': () => '控制台只运行 with torch.no_grad() 这一种 with 块。请改成它，或者删掉这个块。',
      'unsupported-assignment': () => '控制台只给名字赋值；给 a.grad 赋值只能写 a.grad = None 。请把结果赋给一个名字。',
      'unsupported-operator': (d: D) => `控制台在这里不运行 ${d.operator} 。请用 + - * / （张量之间还可以用 @ ）。`,
      'unsupported-statement': () =>
        '单独成行的只能是一个调用，比如 y.backward() 或 w.grad.zero_() 。想在表格里看到某个值，就把它赋给一个名字。',
      'unsupported-operands': () =>
        '这两个值不能这样运算：控制台只拿张量和数字做运算（torch 只能出现在点号前面，比如 torch.ones ）。请检查两边各是什么。',
      'reserved-name': (d: D) => `${d.name} 是控制台所用的模块，不能给它赋值。请换一个名字。`,
      'bad-argument': () => '这个调用的参数不对：请检查参数的个数，尺寸和维度要是整数，开关要是 True 或 False 。',
      'integer-tensor': () =>
        '这些数全是整数，PyTorch 会建出整数张量，而整数张量不能有梯度。请至少把一个数写成小数，比如 1.0 。',
      'batched-matmul': (d: D) =>
        `控制台里的矩阵乘法只接受向量和矩阵，这两个张量分别有 ${d.left} 维和 ${d.right} 维。请先用 squeeze 或 reshape 变成 2 维。`,
      'ragged-data': () => '嵌套的列表不是整齐的矩形（或者有空列表）：每一行的长度必须相同。请改一改列表。',
      'not-a-tensor': () => '这个值不是张量，控制台在这里用不了它。请用 torch.tensor(…) 把它变成张量。',
    },
    runtime: {
      'backward-through-freed-graph': (d: D) =>
        `第二次沿同一张图反向传播：第一次 backward() 已经释放了 ${d.node} 保存的值。请在第一次调用时传 retain_graph=True ，或者在再次 backward() 之前重新计算一遍结果。`,
      'inplace-on-saved-tensor': (d: D) =>
        `计算图为反向传播保存了一个形状为 ${d.shape} 的张量，它却被原地修改了（版本号是 ${d.version} ，图里记的是 ${d.expected} ）。请改用非原地运算（用 y = y + 1 代替 y.add_(1) ），或者等 backward() 之后再改。`,
      'inplace-on-leaf': (d: D) =>
        `形状为 ${d.shape} 的张量是需要梯度的叶子，对它的原地修改无法被记录。请把这次更新放进 with torch.no_grad() 块，或者算出一个新张量。`,
      'inplace-on-view-of-leaf': (d: D) =>
        `这个形状为 ${d.shape} 的张量是一个需要梯度的叶子的视图，原地改它就等于改那个叶子。请在 with torch.no_grad() 块里改，或者改用一个新张量。`,
      'inplace-on-no-grad-view': (d: D) =>
        `这个形状为 ${d.shape} 的视图是在 torch.no_grad() 里建的，而它的底层张量需要梯度，所以对它的原地修改无法被记录。请在 no_grad 外面建视图，或者把修改也放进 no_grad 。`,
      'inplace-overlap': (d: D) =>
        `原地运算的结果形状是 ${d.output} ，可另一个形状为 ${d.input} 的操作数和它占着同一块内存。请改用非原地运算，或者用另一个张量。`,
      'backward-non-scalar': (d: D) =>
        `不带参数的 backward() 需要一个单独的数，这个张量的形状却是 ${d.shape} 。请先调用 .sum() （或 .mean() ），或者用 gradient= 传一个同样形状的张量。`,
      'backward-without-grad': () =>
        '这个张量不需要梯度，也没有 grad_fn ，没有可以反向走的路。请建一个 requires_grad=True 的叶子，并在 torch.no_grad() 之外从它算起。',
      'backward-gradient-shape-mismatch': (d: D) =>
        `传给 backward() 的梯度形状是 ${d.gradient} ，输出的形状却是 ${d.output} 。梯度要和输出形状相同。`,
      'broadcast-shape-mismatch': (d: D) =>
        `这两个形状无法广播：第 ${d.dim} 维上一个是 ${d.sizeA} ，一个是 ${d.sizeB} 。两个尺寸要么相等，要么有一个是 1 ；请对其中一个做 unsqueeze 或 reshape 。`,
      'inplace-broadcast-mismatch': (d: D) =>
        `原地运算的结果必须保持原来的形状 ${d.output} ，两个操作数却广播成了 ${d.broadcast} 。请算出一个新张量，不要原地修改。`,
      'matmul-shape-mismatch': (d: D) =>
        `${d.left} 和 ${d.right} 做矩阵乘法，中间的两个尺寸必须相等。请用 .t() 转置其中一个，或者改变它的形状。`,
      'matmul-zero-dim': () => '矩阵乘法两边都至少要有 1 维；乘一个单独的数请用 * 。',
      'dimension-out-of-range': (d: D) =>
        `维度超出范围：dim 应在 ${d.min} 到 ${d.max} 之间，这里却是 ${d.dim} 。负数的 dim 从末尾倒着数。`,
      'transpose-rank-too-high': (d: D) =>
        `.t() 只能用在不超过 2 维的张量上，这个张量有 ${d.dims} 维。请先用 squeeze 或 reshape 变成 2 维。`,
      'reshape-size-mismatch': (d: D) =>
        `形状 ${d.shape} 装不下这 ${d.size} 个数：各个尺寸相乘必须等于 ${d.size} 。请改一改尺寸，或者让其中一个写成 −1 。`,
      'reshape-several-inferred': (d: D) =>
        `只能有一个尺寸写成 −1 （让 PyTorch 推算），${d.shape} 里却不止一个。请把其余的写出来。`,
      'view-not-contiguous': (d: D) =>
        `view() 在这里给不出形状 ${d.shape} ：张量的值在内存里不是按这个顺序排的（比如做过 .t() ）。请改用 reshape() ，它在必要时会复制。`,
      'grad-is-none': (d: D) =>
        `这里的 .grad 是 None ，不能对它用 .${d.attribute} 。请先运行 backward() ，或者检查这个张量是不是 requires_grad=True 的叶子。`,
      'name-not-defined': (d: D) => `名字 ${d.name} 还没有定义。请在前面的行里给它赋值，或者检查拼写。`,
      'program-too-long': (d: D) => `程序共有 ${d.lines} 行，控制台最多运行 ${d.max} 行。请删掉几行。`,
      'tensor-too-many-dims': (d: D) => `这个张量会有 ${d.dims} 维，控制台最多画 ${d.max} 维。请减少维数。`,
      'tensor-too-large': (d: D) => `这个张量会有 ${d.elements} 个值，控制台最多保留 ${d.max} 个。请用小一些的尺寸。`,
    },
    program: {
      'program-too-long': (d: D) => `程序共有 ${d.lines} 行，控制台最多运行 ${d.max} 行。请删掉几行。`,
    },
    stopped: '控制台停在这里',
  },
  console: {
    label: '控制台',
    editor: '程序（PyTorch）',
    editorHint: '一行写一条语句。每输入一次，所有行都会重新运行；用下面的按钮或 ← → 键逐行查看。',
    lines: '已运行的行',
    line: (n: number) => `第 ${n} 行`,
    goToLine: (n: number) => `查看第 ${n} 行运行之后的状态`,
    notRun: '未运行',
    hidden: '回答问题之后才显示',
    resetProgram: '恢复这一步的程序',
    pick: '添加一行',
    pickPlaceholder: '选一行加到程序末尾……',
    noTensor: '没有产生新张量',
    inPlace: (names: string) => `被原地修改：${names}`,
    backward: '梯度沿图反向流过',
    showing: (line: number) => `第 ${line} 行运行之后`,
    before: '第一行运行之前',
    announce: (line: number, count: number) => `共 ${count} 行，第 ${line} 行运行之后`,
  },
  table: {
    caption: '这一行运行之后的所有名字',
    name: '名字',
    value: '值',
    shape: '形状',
    flags: '标记',
    gradFn: 'grad_fn',
    grad: '.grad',
    storage: '存储',
    none: 'None',
    leaf: '叶子',
    requiresGrad: 'requires_grad',
    detached: '已 detach',
    shares: (names: string) => `与 ${names} 共用`,
    own: '独占',
    changed: '被原地修改',
    gradChanged: '.grad 被原地修改',
    empty: '还没有名字。',
    hidden: '回答问题之后才显示。',
  },
  shapes: {
    title: '形状',
    figureLabel: '这一行产生的张量的形状',
    nothing: '这一行没有产生新张量。',
    base: '来自',
    made: '这一行的结果',
    dim: (d: number, n: number) => `第 ${d} 维：${n}`,
    newAxis: '新增的轴',
    removedAxis: '去掉的轴',
    scalar: '一个单独的数（0 维）',
    sharesStorage: '共用同一块存储，没有复制任何值',
  },
  graph: {
    title: '计算图',
    figureLabel: '这一行运行之后的计算图',
    empty: '还没有记录任何运算：这里没有需要梯度的张量。',
    leaf: '叶子',
    requiresGrad: 'requires_grad',
    noGrad: '不需要梯度',
    detached: '已 detach',
    freed: '保存的值已释放',
    stop: '梯度到此为止',
    gradIn: (v: string) => `梯度 ${v}`,
    gradOf: (v: string) => `.grad = ${v}`,
    legend: '前向计算从左往右。backward() 之后，梯度沿实线从右往左传；虚线上没有梯度。',
    hidden: '回答问题之后才显示。',
  },
  steps: [
    {
      title: '一个 4×4 矩阵走进卷积层',
      body: '卷积层一次读一批图像，每张图像又有若干通道，所以它的输入形状是 [batch, channel, height, width] 。一个 4×4 矩阵只有其中两维，我们就用两次 unsqueeze(0) 在最前面各加一个长度为 1 的轴。这里没有复制任何数：每个新名字都是同样 16 个数的一个视图。squeeze() 又把长度为 1 的轴去掉。',
    },
    {
      title: 'unsqueeze 接受哪些 dim ？',
      body: 'unsqueeze(dim) 在第 dim 个位置之前插入一个新轴。n 维张量的新轴可以放在 n + 1 个位置上，负数的 dim 从末尾倒着数。逐行看下去，其中有一行会被拒绝。',
    },
    {
      title: '视图共用存储',
      body: 'view 和 reshape 给出了新名字、新形状，但在这里它们和 x 指向同一块存储。通过任何一个名字做原地修改，所有指向这块存储的名字都能看到：留意哪几行亮了起来。',
    },
    {
      title: '名字只是引用',
      body: 'c = a 并不复制张量：两个名字现在指向同一个张量，就像 Java 里两个引用、C++ 里两个指针指向同一个对象。c = c + 1 则算出一个新张量，再让名字 c 指向它。',
    },
    {
      title: 'c += 1 和 c.add_(1) 改的是张量本身',
      body: '对张量做增强赋值，或者调用以下划线结尾的方法，都是把结果写回原来的存储，而不是新建一个张量。所有指向这块存储的名字都会看到变化。',
    },
    {
      title: 'backward() 把梯度累加进 .grad',
      body: '对 y = w·w 来说，dy/dw = 2w = 6 。backward() 不会替换 w.grad ，而是把新算出的梯度加到原有的值上。所以训练循环在每次 backward 之前都要调用 zero_() （或 optimizer.zero_grad() ）。',
    },
    {
      title: 'detach() 和 requires_grad=False 挡住梯度',
      body: 'k 是用 requires_grad=False 建的，梯度不会流向它。h.detach() 的数值和 h 相同，却没有计算历史：梯度到这里也停下，在 z = h.detach() · x 里它相当于一个常数。',
    },
    {
      title: 'GAN 为什么要 detach 生成器的输出',
      body: '训练判别器 d 的时候，生成器 g 不应该跟着变。生成器的输出 fake 先 detach 再送进判别器的损失，于是 backward() 能到达 d ，却在 fake 处停下：g.grad 仍然是 None 。',
    },
    {
      title: '第二次 backward 遇到已释放的图',
      body: '为了省内存，backward() 会释放各个节点为它保存的值。再沿同一张图反向传播一次，就会发现这些值已经没了，于是被拒绝。如果确实要反向传播两次，请在第一次调用时传 retain_graph=True （改第 3 行试试）。',
    },
    {
      title: '被保存的张量遭到原地修改',
      body: 'z = y · y 会保存 y ，因为 dz/dy = 2y 要用到它。接着 y.add_(1) 原地改了 y ，它的版本号加了一。backward() 发现保存的 y 已经不是当初那个，宁可拒绝，也不算出错误的梯度。',
    },
    {
      title: '自己动手',
      body: '手写一步梯度下降：先计算、再 backward ，然后在 torch.no_grad() 里更新权重，这样更新本身不会被记进计算图。可以改任何一行，也可以写自己的程序：每输入一次都会重新运行，链接会记住你的程序和你正在看的那一行。',
    },
  ],
  questions: {
    'conv-shape': 'c 的形状是什么？（例如 2, 3, 4）',
    'largest-dim': 'x 有 2 维。x.unsqueeze 能接受的最大 dim 是多少？',
    'view-shares': 'v.add_(1) 之后，x[0, 0] 是多少？',
    reference: 'c = c + 1 之后，a[0] 是多少？',
    inplace: 'c += 1 和 c.add_(1) 之后，a[0] 是多少？',
    accumulate: '第二次 backward() 之后，w.grad 是多少？',
    detach: 'z.backward() 之后，x.grad 是多少？',
    gan: 'loss_d.backward() 之后，d.grad 是多少？',
  },
};
