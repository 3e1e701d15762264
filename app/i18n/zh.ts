import type { ProblemDetails } from '../../engine';
import type { Messages } from './en';

type D = ProblemDetails;
const axisName = (d: D) => (d.axis === 'w' ? '宽度' : d.axis === 'h' ? '高度' : '尺寸');
/** 格子所在的层、行、列、通道。 */
const CELL_PARTS: Readonly<Record<string, string>> = { level: '层', row: '行', column: '列', channel: '通道' };
/** 栈里某一层的拒绝：“第 3 层：”（details 里的层号从 0 数起）。 */
const layerName = (d: D) => (typeof d.layer === 'number' ? `第 ${d.layer + 1} 层：` : '');

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
    unknownKey: '本应用不认识的设置',
    tooLong: '整个链接(太长了)',
    ignoredKeys: (keys: string) => `链接里有些设置无法使用,已恢复为默认值:${keys}。`,
  },
  errors: {
    figureFailed: '这张图出错了。',
    figureFailedDetail: (what: string) => `出错的地方:${what}`,
    resetFigure: '重置这张图',
  },
  refusal: {
    title: 'PyTorch 会拒绝这组设置',
    fixes: '改动一项即可生效的设置:',
    noFix: '需要同时改两项:没有哪一项单独改动能让它生效。',
    fix: (param, to) => `把${param}设为 ${to}`,
  },
  legend: {
    title: '标记的含义',
    active: '正在计算或被指向的格子(蓝色粗框)',
    contributing: '参与其计算的格子(橙色虚线框)',
    target: '接收其结果的格子(绿色双线框)',
    padding: '填充(斜线)',
    unvisited: '因向下取整而从未被访问(交叉线)',
    gap: '被空洞跳过(点线)',
    cropped: '被填充裁掉(斜线、删除线)',
    pending: '尚未计算(虚线框)',
    colour: '填充颜色:紫色为负数,橙色为正数。',
  },
  story: {
    label: '课程步骤',
    previous: '上一步',
    next: '下一步',
    of: (i, n) => `${i} / ${n}`,
    predict: '先预测',
    yourAnswer: '你的答案',
    check: '核对',
    reveal: '直接告诉我',
    correct: (answer) => `答对了:${answer}。`,
    wrong: (answer) => `不太对,答案是 ${answer}。逐步播放图示看看为什么。`,
    hiddenUntilAnswered: '回答之前,输出先隐藏起来。',
  },
  grid: {
    cellLabel: (row, col, text, mark) =>
      `第 ${row + 1} 行第 ${col + 1} 列:${text === '' ? '空' : text}${mark ? `(${mark})` : ''}`,
    invalid: {
      empty: '请输入一个数;按 Esc 保留原来的值。',
      'not-a-number': '这不是一个数。请用数字、负号和小数点,例如 -1.5。',
      'too-large': '这个数太大了。请保持在 -1000000 到 1000000 之间。',
    },
    states: {
      idle: '',
      active: '当前',
      contributing: '参与计算',
      target: '接收结果',
      padding: '填充',
      'padding-contributing': '填充,参与计算',
      unvisited: '从未被访问',
      pending: '尚未计算',
      cropped: '被裁掉',
      gap: '被空洞跳过',
    },
  },
  playback: {
    label: '播放',
    play: '播放',
    pause: '暂停',
    first: '第一步',
    last: '最后一步',
    back: '上一步',
    forward: '下一步',
    speed: '速度',
    scrubber: '步骤',
    stepOf: (step, total) => `第 ${step} 步,共 ${total} 步`,
    keys: '快捷键:空格 播放/暂停,← → 逐步,Home 和 End 跳到第一步和最后一步。',
  },
  share: {
    label: '分享',
    copyLink: '复制链接',
    linkCopied: '链接已复制',
    copyFailed: '无法复制:请在地址栏中选中链接后复制。',
    png: '导出 PNG',
    svg: '导出 SVG',
    gif: '录制 GIF',
    recording: (done, total) => `正在录制 ${done}/${total}…`,
    cancel: '取消',
    copyCode: '复制为 PyTorch 代码',
    codeCopied: '代码已复制',
    codeTitle: '在 PyTorch 中得到同样的数字',
    embedHint: '放进幻灯片:在链接后加上 &embed=1 只显示图,或加上 &hide=stride,padding 隐藏部分控件。',
  },
  conv: {
    title: '卷积',
    figureLabel: '卷积示意图',
    matrices: {
      input: '输入',
      kernel: '卷积核',
      bias: '偏置',
      output: '输出',
      inputOf: (n, c, batch) => (batch > 1 ? `输入,样本 ${n},通道 ${c}` : `输入,通道 ${c}`),
      kernelOf: (co, ci) => `卷积核 ${co},通道 ${ci}`,
      outputOf: (n, co, batch) => (batch > 1 ? `输出,样本 ${n},通道 ${co}` : `输出,通道 ${co}`),
      biasOf: '偏置(每个输出通道一个)',
    },
    controls: {
      label: '参数设置',
      batch: '批大小 N',
      inChannels: '输入通道数 C_in',
      outChannels: '输出通道数 C_out(卷积核个数)',
      inputSize: '输入尺寸 H × W',
      kernelSize: '卷积核尺寸 kH × kW',
      stride: '步长',
      padding: '填充',
      padKind: '填充写法',
      padKinds: { explicit: '数值', same: "'same'", valid: "'valid'" },
      paddingMode: '填充方式',
      paddingModes: {
        zeros: '补零(zeros)',
        reflect: '镜像(reflect)',
        replicate: '复制边缘(replicate)',
        circular: '循环(circular)',
      },
      dilation: '空洞率(dilation)',
      groups: '分组数(groups)',
      bias: '偏置',
      height: '高',
      width: '宽',
      validRange: (lo, hi) => (lo === hi ? `此时可用:${lo}` : `此时可用:${lo}–${hi}`),
      randomize: '换一组随机数',
      seed: '随机种子',
      undo: '撤销',
      redo: '重做',
    },
    arithmetic: {
      outputCell: (where) => `输出 ${where}`,
      inputFeeds: (where, count) => `输入 ${where} 参与了 ${count} 个输出格子的计算`,
      weightUsed: (where, count) => `权重 ${where} 与 ${count} 个输入格子相乘:处处都是同一个权重(权重共享)`,
      biasUsed: (co) => `偏置 ${co} 加到输出通道 ${co} 的每一个格子上`,
      paddingCopies: (where) => `复制输入 ${where} 的填充格`,
      paddingZero: '补零的填充格',
      more: (n) => `…… 还有 ${n} 项 ……`,
    },
    formulas: {
      title: '代入你的数字的公式',
      outputSize: '输出尺寸',
      height: '高',
      width: '宽',
      floorNote: (dropped) => `向下取整 ⌊ ⌋ 舍掉了 ${dropped} 行/列余量:窗口永远到不了那里(已标为从未访问)。`,
      exact: '恰好整除:窗口正好铺满填充后的输入,没有余量。',
      params: '参数量',
      paramsNote: '每个卷积核有 C_in/g × kH × kW 个权重;每个输出通道一个偏置,由它的所有输入通道共享。',
      hoverHint: '把指针移到符号上,可以看到它对应图中的哪一部分。',
    },
    steps: [
      {
        title: '一个窗口,一个数',
        body: '卷积核(一个小的权重矩阵)盖在输入的一小块上。重叠位置的数两两相乘,把所有乘积加起来,再加上偏置,就得到一个输出格子。然后窗口滑动一格,重复这一过程。',
      },
      {
        title: '步长:窗口每次跳多远',
        body: '步长为 2 时窗口隔一个位置才停一次,输出随之变小。如果跳跃的距离不能正好铺满输入,最后几行或几列永远不会被访问:公式里向下取整(floor)就是这个意思。',
      },
      {
        title: '填充:给输入加一圈边',
        body: "填充在输入四周加上格子,让窗口也能盖住边缘。默认补零;reflect 镜像输入,replicate 重复边缘,circular 首尾相接。padding='same' 会自动选出保持尺寸不变的填充(仅限步长 1)。",
      },
      {
        title: '空洞:带孔的卷积核',
        body: '空洞率(dilation)把卷积核的各个位置拉开,中间留出空隙。空洞率为 2 的 3×3 卷积核用同样九个权重覆盖 5×5 的范围,看得更远却不增加参数。',
      },
      {
        title: '多个输入通道,一个卷积核',
        body: '彩色图像有三个通道。一个卷积核为每个输入通道各准备一片权重;各片在同一位置同时相乘,所有乘积加成一个数。一个卷积核只产生一个输出通道,而不是三个。',
      },
      {
        title: '多个卷积核,多个输出通道',
        body: '每个卷积核产生自己的输出通道,也有自己的偏置。偏置是每个卷积核一个数,由它的所有输入通道共享。参数量:C_out × C_in × kH × kW 个权重,再加 C_out 个偏置。',
      },
      {
        title: '分组:只看部分通道的卷积核',
        body: '分组数为 g 时,通道被分成 g 组,每个卷积核只看自己那组的 C_in/g 个通道。参数量随之除以 g。',
      },
      {
        title: '轮到你了',
        body: '随意改动任何设置或数字。每个数值、高亮和公式都会随之更新,地址栏里的链接能原样重现这张图。',
      },
    ],
    questions: {
      outputSize: '输出有多大(高 × 宽)?',
      outputRows: '输出有多少行?',
      paramCount: '这一层共有多少个参数(权重加偏置)?',
    },
  },
  transposed: {
    title: '转置卷积',
    figureLabel: '转置卷积示意图',
    matrices: {
      inputOf: (n, c, batch) => (batch > 1 ? `输入,样本 ${n},通道 ${c}` : `输入,通道 ${c}`),
      kernelOf: (c, co) => `卷积核,输入 ${c} → 输出 ${co}`,
      canvasOf: (n, co, batch) => (batch > 1 ? `完整画布,样本 ${n},通道 ${co}` : `完整画布,通道 ${co}`),
      outputOf: (n, co, batch) => (batch > 1 ? `输出,样本 ${n},通道 ${co}` : `输出,通道 ${co}`),
      upOf: (n, c, batch) => (batch > 1 ? `插零后的输入,样本 ${n},通道 ${c}` : `插零后的输入,通道 ${c}`),
      flippedOf: (co, ci) => `翻转后的卷积核 ${co},通道 ${ci}`,
      overlapOf: (n, co, batch) => (batch > 1 ? `重叠次数,样本 ${n},通道 ${co}` : `重叠次数,通道 ${co}`),
      bias: '偏置',
    },
    views: {
      scatter: '盖章并相加',
      scatterNote: '每一步取一个输入格子,用它乘以整个卷积核,再把结果加到画布上。印章重叠的地方,数值相加。',
      crop: (p, op) =>
        `填充 ${p} 表示从画布四周各裁掉这么多格(斜线部分);output_padding ${op} 表示在下方和右侧多保留这么多格。`,
      gather: '同样的数字,换成直接卷积来算',
      gatherNote: (zeros, pad) =>
        `在输入的相邻格子之间插入 ${zeros} 个零,四周填充 d(k−1)−p = ${pad}(末端再多 output_padding;为负则表示裁剪),然后用上下左右翻转后的卷积核滑动。高亮的格子与上面盖章的那一步对应。`,
      overlaps: '印章在哪里重叠',
      overlapNote:
        '画布每个格子被多少个印章覆盖。卷积核尺寸不是步长的整数倍时,次数会交替变化:这种不均匀就是棋盘格伪影的来源。',
      maxOverlap: (max) => `最忙的格子:${max} 个印章。`,
      presets: '预设',
      preset: { k3s2: '卷积核 3、步长 2:棋盘格', k4s2: '卷积核 4、步长 2:均匀', k2s2: '卷积核 2、步长 2:不重叠' },
    },
    controls: {
      outputPadding: 'output_padding',
    },
    arithmetic: {
      stamp: (where, x) => `输入 ${where} = ${x},盖下 ${x} × 卷积核`,
      outputCell: (where) => `输出 ${where}`,
      canvasCell: (where) => `画布 ${where}`,
      onlyBias: '没有印章落到这个格子,它只有偏置',
      nothing: '没有印章落到这个格子',
      cropped: '被填充裁掉',
    },
    formulas: {
      title: '代入你的数字的公式',
      outputSize: '输出尺寸',
      roundTrip: '与卷积的往返',
      roundTripNote: (axis, sizes, i, chosen) =>
        `${axis}:用相同 k、s、p、d 的卷积,会把 {${sizes}} 中的每一个输入尺寸都变成 ${i}。转置卷积无法知道原来是哪一个,于是由 output_padding 来选:这里是 ${chosen}。`,
      roundTripNone: (axis, i) =>
        `${axis}:这组设置没有任何输出,所以也没有哪个卷积输入能回到 ${i}。请先选一个可行的设置。`,
    },
    steps: [
      {
        title: '盖章并相加',
        body: '从 2×2 的输入 [[0,1],[2,3]] 和 2×2 的卷积核 [[0,1],[2,3]] 开始。每个输入格子都乘以整个卷积核,再“盖”到输出上自己对应的位置。重叠的印章相加。',
      },
      {
        title: '填充就是裁剪',
        body: '在转置卷积里,填充不是加一圈边,而是从完整结果的四周各去掉 p 格。填充为 1 时,3×3 的画布只剩中心一格。',
      },
      {
        title: '裁得太多',
        body: '填充为 2 时要从 3×3 结果的每一边各去掉两格,什么都不剩。PyTorch 会报错;这张图同样拒绝,并告诉你改成什么才行。',
      },
      {
        title: '步长就是插零',
        body: '步长为 2 时,印章之间隔开两格落下。同样的结果也可以这样得到:在输入相邻格子之间插入一个零,再用翻转后的卷积核做直接卷积。逐步对比两种视图。',
      },
      {
        title: 'output_padding 决定尺寸',
        body: '步长为 2 的卷积会把 5 和 6 都变成 3,所以反过来时有歧义。output_padding 在下方和右侧多保留一行一列,选出较大的那个尺寸。',
      },
      {
        title: '不均匀的重叠',
        body: '卷积核 3、步长 2:有些画布格子收到的印章比邻居多。输入全为 1 时,次数直接显示出来,形成棋盘格。',
      },
      {
        title: '均匀的重叠',
        body: '卷积核 4、步长 2(卷积核尺寸能被步长整除):裁剪范围内每个格子收到的印章数相同,不会出现棋盘格。',
      },
      {
        title: '轮到你了',
        body: '随意改动任何设置或数字。两种视图、重叠图和公式都会随之更新,链接能原样重现这张图。',
      },
    ],
    questions: {
      outputSize: '输出是多大(高 × 宽)?',
      maxOverlap: '哪里重叠最多?最忙的格子上落了几个印章?',
    },
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
    'value-out-of-range': (d) =>
      `${layerName(d)}${d.name}${d.axis ? `（${axisName(d)}）` : ''}应是 ${d.min} 到 ${d.max} 之间的整数，现在是 ${d.value}。`,
    'stack-too-deep': (d) => `这里一个网络最多放 ${d.max} 层，现在有 ${d.value} 层。请删掉一层。`,
    'in-channels-mismatch': (d) =>
      `${layerName(d)}上一层输出 ${d.expected} 个通道，${d.name} 却是 ${d.actual}。把它改成 ${d.expected}。`,
    'pool-padding-too-large': (d) =>
      `${layerName(d)}大小为 ${d.kernel} 的池化窗口，每边（${axisName(d)}）最多只能填充 ${d.max}，不能是 ${d.padding}：否则有的窗口里全是填充。`,
    'cell-out-of-range': (d) =>
      `这里没有编号为 ${d.value} 的${CELL_PARTS[String(d.name)] ?? d.name}：请在 ${d.min} 到 ${d.max} 之间选。`,
    'effective-field-too-costly': (d) =>
      `算这个感受野大约要 ${d.cost} 次乘加，超过了这里允许的 ${d.max} 次。请选前面某一层的格子，或减少通道数、层数。`,
  },
};
