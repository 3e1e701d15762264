import type { ProblemDetails } from '../../engine';
import type { Messages } from './en';

type D = ProblemDetails;
const axisName = (d: D) => (d.axis === 'w' ? '宽度' : d.axis === 'h' ? '高度' : '尺寸');
/** 格子所在的层、行、列、通道。 */
const CELL_PARTS: Readonly<Record<string, string>> = { level: '层', row: '行', column: '列', channel: '通道' };
/** 栈里某一层的拒绝：“第 3 层：”（details 里的层号从 0 数起）。 */
/** 拒绝里提到的尺寸，用学生认识的说法（不显示代码里的字段名）。 */
const SIZE_NAMES: Readonly<Record<string, string>> = {
  batch: '批大小',
  inChannels: '输入通道数',
  outChannels: '输出通道数',
  inputSize: '输入尺寸',
  kernelSize: '卷积核尺寸',
  layers: '层数',
};
const sizeName = (d: D) => SIZE_NAMES[String(d.name)] ?? '尺寸';
const layerName = (d: D) => (typeof d.layer === 'number' ? `第 ${d.layer + 1} 层：` : '');

/** 简体中文。类型为 `Messages`：缺少任何一条翻译都会让类型检查和构建失败。 */
export const zh: Messages = {
  langName: '简体中文',
  appName: 'ConvLab',
  tagline: '可以亲手改动的卷积运算：每个数字都在你的浏览器里算出，并与 PyTorch 逐一核对。',
  skipToContent: '跳到正文',
  nav: {
    home: '课程',
    language: '语言',
    theme: '主题',
    themeLight: '浅色',
    themeDark: '深色',
    present: '演示',
    exitPresent: '退出演示',
    presentHint: '演示模式（F）',
    presentBar: '演示',
    presentPanels: '参数与公式',
    exitPresentHint: '退出演示模式（Esc 或 F）',
  },
  home: {
    title: '改动数字，看懂卷积',
    intro:
      '六节短课，循序渐进。每一课都是一张可以编辑的图：改一个格子或一个参数，所有数字、高亮和公式随之更新。链接能原样重现你看到的画面。',
    pathLabel: '学习路线',
    open: '进入本课',
    comingSoon: '即将推出',
    step: (n: number) => `第 ${n} 步`,
    unknownRoute: '这个地址没有对应的页面，下面是全部课程。',
    checked: '测试套件会把每个数值与 PyTorch 1.13（float64）的结果逐一比对。',
  },
  notices: {
    dismiss: '知道了',
    unknownKey: '本应用不认识的设置',
    tooLong: '整个链接（太长了）',
    newerLink: '这个链接来自更新版本的 ConvLab。当前版本会尽量按原样打开它；刷新页面即可用上最新版本。',
    adjustedKeys: (keys: string) => `链接里有些设置超出了这张图的范围，已改为最接近的可用值：${keys}。`,
    ignoredKeys: (keys: string) => `链接里有些设置无法使用，已恢复为默认值：${keys}。`,
  },
  errors: {
    figureFailed: '这张图出错了。',
    figureFailedDetail: (what: string) => `出错的地方：${what}`,
    resetFigure: '重置这张图',
    panelFailed: '页面的这一部分出错了，课程的其他部分还能正常使用。',
    retry: '再试一次',
    reloadPage: '重新加载页面',
    appFailed: 'ConvLab 出错了。',
    appFailedDetail: '你做的修改都保存在地址里，重新加载页面就能恢复。',
    lessonFailed: '这节课出错了。',
    lessonLoading: '正在加载这节课……',
    lessonDownloadFailed: '这节课的代码没能下载下来。可能是网络断了，也可能是网站刚刚更新。请检查网络后再试一次。',
  },
  refusal: {
    title: 'PyTorch 会拒绝这组设置',
    fixes: '改动一项即可生效的设置：',
    noFix: '需要同时改两项：没有哪一项单独改动能让它生效。',
    fix: (param, to) => `把${param}${/[A-Za-z0-9)]$/.test(param) ? ' ' : ''}设为 ${to}`,
  },
  legend: {
    title: '标记的含义',
    active: '正在计算或被指向的格子（蓝色粗框）',
    contributing: '参与其计算的格子（橙色虚线框）',
    target: '接收其结果的格子（绿色双线框）',
    padding: '填充（斜线）',
    unvisited: '因向下取整而从未被访问（交叉线）',
    gap: '被空洞跳过（点线）',
    cropped: '被填充裁掉（斜线、删除线）',
    pending: '尚未计算（虚线框）',
    colour: '格子底色：紫色为负数，橙色为正数。',
    kept: 'output_padding 在下方和右侧多保留的行和列（格子底边和右边加粗）',
  },
  story: {
    label: '课程步骤',
    previous: '上一步',
    next: '下一步',
    of: (i, n) => `${i} / ${n}`,
    predict: '先预测：',
    yourAnswer: '你的答案',
    check: '核对',
    reveal: '直接告诉我',
    correct: (answer) => `答对了：${answer}。`,
    shown: (answer) => `答案是 ${answer}。`,
    wrong: (answer) => `不太对，答案是 ${answer}。逐步播放图示看看为什么。`,
    hiddenUntilAnswered: '回答之前，输出先隐藏起来。',
    shapeHidden: (label) => `${label}：回答之后才显示大小`,
    refusedFigure: '按现在的设置算不出输出，也就无从预测：请先改一个设置，比如点下面给出的修改建议。',
  },
  grid: {
    cellLabel: (row, col, text, mark) =>
      `第 ${row + 1} 行第 ${col + 1} 列：${text === '' ? '空' : text}${mark ? `（${mark}）` : ''}`,
    invalid: {
      empty: '请输入一个数；按 Esc 保留原来的值。',
      'not-a-number': '这不是一个数。请用数字、负号和小数点，例如 -1.5。',
      'too-large': '这个数太大了。请保持在 -1000000 到 1000000 之间。',
      'too-long': '粘贴的文字太长了。请复制小一些的区域（最多 1000000 个字符）。',
    },
    pasted: (r) => {
      const commas = r.decimalComma ? '，逗号当作小数点' : '';
      const clipped =
        r.keptRows < r.rows || r.keptCols < r.cols
          ? `；网格到这里就满了，${r.rows} 行里保留了 ${r.keptRows} 行，${r.cols} 列里保留了 ${r.keptCols} 列`
          : '';
      return `读入 ${r.rows} 行 × ${r.cols} 列${commas}${clipped}。`;
    },
    states: {
      idle: '',
      active: '当前',
      contributing: '参与计算',
      target: '接收结果',
      padding: '填充',
      'padding-contributing': '填充，参与计算',
      unvisited: '从未被访问',
      pending: '尚未计算',
      cropped: '被裁掉',
      gap: '被空洞跳过',
      kept: '由 output_padding 保留',
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
    stepOf: (step, total) => `第 ${step} 步，共 ${total} 步`,
    held: '回答之后才能播放。',
    keys: '快捷键：空格 播放/暂停，← → 逐步，Home 和 End 跳到第一步和最后一步。',
  },
  share: {
    label: '分享',
    copyLink: '复制链接',
    linkCopied: '链接已复制',
    longLink: (length) =>
      `这个链接有 ${length} 个字符，不少聊天软件和论坛会截断超过约 2000 个字符的链接。发送后请确认对方收到的是完整链接，或者改为分享 PyTorch 代码。`,
    copyFailed: '无法复制：请在地址栏中选中链接后复制。',
    saved: (file) => `已保存为 ${file}（在下载文件夹里）。`,
    exportFailed: '文件没能生成。如果网络断了，请连上后再试一次。',
    png: '导出 PNG',
    svg: '导出 SVG',
    gif: '录制 GIF',
    recording: (done, total) => `正在录制 ${done}/${total}…`,
    cancel: '取消',
    copyCode: '复制为 PyTorch 代码',
    codeCopied: '代码已复制',
    codeTitle: '在 PyTorch 中得到同样的数字',
    embedHint: '放进幻灯片：在链接后加上 &embed=1 只显示图，或加上 &hide=stride,padding 隐藏部分控件。',
  },
  engine: {
    'dimension-out-of-range': (d) => `这里没有第 ${d.dim} 维：请在 ${d.min} 到 ${d.max} 之间选择。`,
    'rank-mismatch': (d) => `${d.name} 需要 ${d.expected} 个维度，现在是 ${d.actual} 个。`,
    'non-positive-size': (d) =>
      `${layerName(d)}${sizeName(d)}${d.axis ? `（${axisName(d)}）` : ''}至少为 1，不能是 ${d.value}。`,
    'invalid-shape': (d) => `形状里的每个尺寸都应是 0 或更大的整数，${d.shape} 不符合。`,
    'data-size-mismatch': (d) => `${d.name} 装有 ${d.actual} 个数值，而它的形状需要 ${d.expected} 个。`,
    'training-padding-unsupported': (d) => `训练只支持零填充，并且每个方向两侧填充相同；这一层用的是 ${d.mode} 填充。`,
    'invalid-stride': (d) => `步长必须是不小于 1 的整数，不能是 ${d.stride}。`,
    'invalid-dilation': (d) => `空洞率（dilation）必须是不小于 1 的整数，不能是 ${d.dilation}。`,
    'negative-padding': (d) => `填充不能为负数（${d.padding}），请设为 0 或更大。`,
    'invalid-groups': (d) => `分组数必须是不小于 1 的整数，不能是 ${d.groups}。`,
    'in-channels-not-divisible-by-groups': (d) =>
      `${d.inChannels} 个输入通道无法平均分成 ${d.groups} 组。请选一个能整除 ${d.inChannels} 的分组数。`,
    'out-channels-not-divisible-by-groups': (d) =>
      `${d.outChannels} 个输出通道无法平均分成 ${d.groups} 组。请选一个能整除 ${d.outChannels} 的分组数。`,
    'weight-in-channels-mismatch': (d) =>
      `卷积核每组需要 ${d.weightInChannels} 个通道，但输入有 ${d.inChannels} 个通道、分成 ${d.groups} 组。`,
    'bias-size-mismatch': (d) => `每个输出通道对应一个偏置，应有 ${d.outChannels} 个，而不是 ${d.biasSize} 个。`,
    'kernel-larger-than-padded-input': (d) =>
      Number(d.dilationH) > 1 || Number(d.dilationW) > 1
        ? `${layerName(d)}空洞率为 ${d.dilationH}×${d.dilationW} 时，卷积核覆盖 ${d.kernelH}×${d.kernelW} 个格子，超出了填充后的输入（${d.paddedH}×${d.paddedW}），放不下。请加大输入或填充，或减小卷积核或空洞率。`
        : `${layerName(d)}卷积核（${d.kernelH}×${d.kernelW}）比填充后的输入（${d.paddedH}×${d.paddedW}）还大，放不下。请加大输入或填充，或减小卷积核。`,
    'same-padding-with-stride': (d) =>
      `padding='same' 只能配合步长 1 使用（现在是 ${d.strideH}×${d.strideW}）。请把步长设为 1，或直接填写填充的数值。`,
    'reflect-padding-too-large': (d) =>
      `反射填充 ${d.padding} 要求输入的${axisName(d)}大于 ${d.padding}（现在是 ${d.inputSize}）：反射以边上那一格为镜面，镜面里只能照出它后面已有的格子，边上那一格本身不会再出现一次。`,
    'circular-padding-too-large': (d) =>
      `循环填充 ${d.padding} 会在${axisName(d)}为 ${d.inputSize} 的输入上绕不止一圈。填充最多为 ${d.inputSize}。`,
    'negative-output-padding': (d) => `output_padding 不能为负数（${d.outputPadding}）。`,
    'output-padding-too-large': (d) =>
      `output_padding（${d.outputPadding}）必须小于步长（${d.stride}）或空洞率（${d.dilation}）：它只是在“经步长为 ${d.stride} 的卷积后得到同一输出尺寸”的那几个输入尺寸中选一个。`,
    'output-size-not-positive': (d) =>
      `从 ${d.fullH}×${d.fullW} 的结果四周各裁掉 ${d.paddingH}×${d.paddingW} 后只剩 ${d.outH}×${d.outW}：什么都不剩了。请减小填充，或加大输入、卷积核或步长。`,
    'grad-output-shape-mismatch': (d) => `梯度的形状必须与输出相同（${d.expected}），而不是 ${d.actual}。`,
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
