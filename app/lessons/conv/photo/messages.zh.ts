/** 照片面板的中文文字，和面板的代码一起载入；键与 `messages.en.ts` 完全相同。 */
import type { ImageFormat } from '../../../photos/imageHeader';
import type { PhotoMessages } from './messages.en';

const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  avif: 'AVIF',
};

function bytesText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

export const photoZh: PhotoMessages = {
  title: '卷积核作用在照片上',
  intro:
    '同样的卷积，这次作用在一张真实的照片上。每个颜色值都是 0（暗）到 1（最亮）之间的数，和 torchvision 的 ToTensor 给出的一样。上面图中的步长、填充、填充方式和空洞在这里同样生效；偏置不加。',
  close: '收起',
  photo: '照片',
  ownOption: '你自己的照片',
  pickOwn: '用自己的照片…',
  dropHint: '也可以把图片拖到这个面板上，或者直接粘贴。图片只留在这个浏览器里，不会上传。',
  dropHere: '松开即可使用这张图片',
  credit: (title: string, author: string, licence: string) => `照片：${title}，作者 ${author}，许可 ${licence}。`,
  source: '来源',
  ownInfo: (w: number, h: number, ow: number, oh: number) =>
    ow === w && oh === h
      ? `你的照片，${w}×${h} 像素，只留在这个浏览器里。`
      : `你的照片，已从 ${ow}×${oh} 缩小到 ${w}×${h} 像素（长边最多 1024），只留在这个浏览器里。`,
  ownMissing:
    '这个链接用的是别人自己的照片，那张照片从没离开过对方的设备。这里先换成一张自带的照片，你也可以选自己的。',
  loadingPhoto: '正在载入照片…',
  noManifest: '自带的照片没能载入，不过仍然可以用你自己的照片。',
  refusals: {
    'not-an-image': '这个文件不是浏览器能读的图片（PNG、JPEG、GIF、WebP、BMP 或 AVIF）。',
    corrupt: (format: ImageFormat) => `这个 ${FORMAT_NAMES[format]} 文件已损坏或不完整，无法读取。`,
    tooLarge: (bytes: number, width: number | null, height: number | null) =>
      width !== null && height !== null
        ? `这张图片太大了（${width}×${height} 像素），最多只能用五千万像素的图片。`
        : `这个文件太大了（${bytesText(bytes)}），最多只能用 40 MB 的文件。`,
    kept: '原来的照片还在，图中的内容也没有任何改变。',
  },
  kernel: '卷积核',
  filters: {
    figure: '图中的卷积核',
    identity: '恒等',
    'box-blur': '均值模糊',
    'gaussian-3': '高斯模糊 3×3',
    'gaussian-5': '高斯模糊 5×5',
    sharpen: '锐化',
    'sobel-x': 'Sobel x（竖直边缘）',
    'sobel-y': 'Sobel y（水平边缘）',
    laplacian: '拉普拉斯',
    emboss: '浮雕',
  },
  figureKernelNote: (multi: boolean) =>
    multi
      ? '用的是图中第 0 个卷积核的第 0 个输入通道，分别作用在每个颜色通道上。可以在图中修改，也可以在这里拖动某个权重。'
      : '用的是图中的卷积核，分别作用在每个颜色通道上。可以在图中修改，也可以在这里拖动某个权重。',
  presetSource: '数值出处：',
  divisor: (d: number) => `每个权重再除以 ${d}`,
  weightButton: (row: number, col: number, value: string) => `第 ${row} 行第 ${col} 列的权重：${value}`,
  dragWeight: (row: number, col: number) => `拖动第 ${row} 行第 ${col} 列的权重`,
  colour: '颜色',
  colours: {
    'per-channel': '逐通道（groups = 3）',
    summed: '在 R、G、B 上求和（C_in = 3）',
  },
  colourNotes: {
    'per-channel': '卷积核分别作用在 R、G、B 上：得到三个输出通道，也就是一张彩色图。',
    summed:
      '卷积核对 R、G、B 各有一个切片（这里三个切片相同），同一位置上的所有乘积加成一个数，和图中讲多通道的那一步一样：只得到一个输出通道。',
  },
  range: '数值如何变成像素',
  ranges: {
    auto: '由卷积核决定范围',
    own: '用输出自己的最小值到最大值',
  },
  compare: '对比方式',
  compares: { side: '左右并排', slider: '滑块' },
  before: '原图',
  after: '结果',
  beforeLabel: (w: number, h: number) => `原始照片，${w}×${h} 像素`,
  afterLabel: (w: number, h: number) => `卷积后的照片，${w}×${h} 像素。用方向键选一个像素，可以看到它的计算过程。`,
  afterLabelHidden: '卷积后的照片。用方向键选一个像素，可以看到它的计算过程。',
  sizes: (iw: number, ih: number, ow: number, oh: number) => `${iw}×${ih} → ${ow}×${oh} 像素`,
  stretched: '为了和原图对齐，结果被拉伸到原图的大小。',
  slider: '从这里开始显示结果',
  exportPng: '把结果导出为 PNG',
  copyCode: '复制 PyTorch 代码',
  codeCopied: '代码已复制',
  copyFailed: '没能复制：请展开下面的代码，从那里复制。',
  codeTitle: '用 PyTorch 做同样的滤波',
  progress: (done: number, total: number) => `正在计算：第 ${done} 段，共 ${total} 段`,
  updated: (ms: number) => `用时 ${ms} 毫秒`,
  refused: 'PyTorch 会拒绝在这张照片上做这个卷积，所以这里要等图中的设置改好：',
  failed: '照片滤波在这个浏览器里出错了。请收起面板再重新打开。',
  legend: {
    title: '数值如何变成像素',
    eachChannel: 'R、G、B 各自：',
    fixed: (low: string, high: string) => `固定范围：${low} 画成最暗，${high} 画成最亮，这样平坦的区域亮度不变。`,
    diverging: (m: string) =>
      `有正有负的值：0 在中间，负值为蓝色，正值为红色，两端是 ±${m}（所有值中绝对值最大的那个）。`,
    divergingGrey: (m: string) => `有正有负的值：0 是中灰色，−${m} 最暗，+${m} 最亮。`,
    minMax: (min: string, max: string) => `输出自己的范围：${min} 画成最暗，${max} 画成最亮。`,
    extent: (min: string, max: string) => `输出的值从 ${min} 到 ${max}。`,
    clipped: (below: number, above: number, percent: string) =>
      `有 ${below} 个值低于这个范围、${above} 个值高于它，都画成了两端的颜色（占全部的 ${percent}）。选“用输出自己的最小值到最大值”就能看到全部。`,
    noneClipped: '没有值超出范围，没有任何截断。',
  },
  explain: {
    title: '一个像素的计算过程',
    hint: '把指针移到结果上，或者让它获得焦点后用方向键，就能看到一个像素背后的输入像素、卷积核和求和。',
    pixel: (row: number, col: number) => `输出像素：第 ${row} 行，第 ${col} 列`,
    neighbourhood: (channel: string) => `输入 ${channel}`,
    kernel: '卷积核',
    channels: ['R', 'G', 'B'],
    padding: '在照片外：填充',
    sumOver: 'R + G + B',
    shownAs: '画成',
    outputChannel: (channel: string) => `输出 ${channel}`,
  },
};
