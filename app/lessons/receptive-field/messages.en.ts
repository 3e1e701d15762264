/**
 * The receptive-field lesson's own words in English. `messages.zh.ts` has
 * the same keys (its type is `RfMessages`).
 */
import type { PresetId } from '../../../engine';
import type { PythonSyntaxCode } from '../../../engine/python';
import type { StackCodeErrorCode } from '../../../engine/python/stackFromPyTorch';

type D = Readonly<Record<string, number | string>>;

const kinds = {
  conv: 'Conv2d',
  maxpool: 'MaxPool2d',
  avgpool: 'AvgPool2d',
  relu: 'ReLU',
  batchnorm: 'BatchNorm2d',
};

export const rfEn = {
  title: 'Receptive field',
  kinds,
  editor: {
    title: 'The stack',
    input: 'Input',
    channels: 'Channels C',
    height: 'Height H',
    width: 'Width W',
    layer: (i: number, kind: string) => `Layer ${i + 1} · ${kind}`,
    kind: 'Kind',
    fields: {
      inChannels: 'in_channels',
      outChannels: 'out_channels',
      kernel: 'kernel_size',
      stride: 'stride',
      padding: 'padding',
      dilation: 'dilation',
      bias: 'bias',
      ceilMode: 'ceil_mode',
      countIncludePad: 'count_include_pad',
      channels: 'num_features',
    } as Record<string, string>,
    axis: (field: string, axis: 'h' | 'w') => `${field} (${axis === 'h' ? 'height' : 'width'})`,
    moveUp: (i: number) => `Move layer ${i + 1} up`,
    moveDown: (i: number) => `Move layer ${i + 1} down`,
    remove: (i: number) => `Remove layer ${i + 1}`,
    addKind: 'Layer to add',
    add: 'Add layer',
    full: (max: number) => `A stack holds at most ${max} layers here.`,
    empty: 'No layers yet: the output is the image itself. Add a layer, pick a preset or paste code.',
    refusedHere: 'PyTorch refuses this layer; the table stops before it.',
    undo: 'Undo',
    redo: 'Redo',
    fixName: (layer: number | null, name: string) => (layer === null ? name : `layer ${layer + 1} ${name}`),
  },
  presets: {
    title: 'Presets from real networks',
    open: (name: string) => `Open ${name}`,
    source: 'Source',
    names: {
      'two-3x3': 'Two 3×3 convolutions',
      'one-5x5': 'One 5×5 convolution',
      'three-3x3': 'Three 3×3 convolutions',
      'one-7x7': 'One 7×7 convolution',
      'vgg16-blocks-1-2': 'VGG-16, blocks 1 and 2',
      'alexnet-stem': 'AlexNet stem',
      'resnet50-stem': 'ResNet-50 stem',
      'dilated-1-2-4-8': 'Dilated 3×3, rates 1, 2, 4, 8',
    } satisfies Record<PresetId, string>,
  },
  code: {
    title: 'Open from PyTorch code',
    label: 'PyTorch code',
    hint: 'Paste nn.Sequential(...) or lines of nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d, nn.ReLU, nn.BatchNorm2d. The code is read, never run.',
    open: 'Open this code',
    opened: (n: number) => `Opened ${n} ${n === 1 ? 'layer' : 'layers'}. Undo brings your stack back.`,
    at: (line: number, column: number) => `Line ${line}, column ${column}: `,
    kept: 'Your stack stays as it was.',
    errors: {
      'python-syntax': (d: D) => `the lesson cannot read this: ${String(d.what)}.`,
      'unsupported-statement': () =>
        'only imports of torch, layers, nn.Sequential(...), x = torch.randn(1, C, H, W), model.eval() and print(...) are read here.',
      'unknown-module': (d: D) =>
        `${String(d.name)} is not one of the layers read here (Conv2d, MaxPool2d, AvgPool2d, ReLU, BatchNorm2d).`,
      'unknown-argument': (d: D) =>
        `${String(d.module)} does not take ${String(d.name)} here (or only at its default).`,
      'too-many-arguments': (d: D) => `more positional arguments than the ${d.max} that ${String(d.module)} takes.`,
      'missing-argument': (d: D) => `${String(d.name)} is required.`,
      'invalid-value': (d: D) =>
        `${String(d.name)} must be ${d.expected === 'int' ? 'a whole number' : d.expected === 'bool' ? 'True or False' : d.expected === 'shape' ? 'four sizes (N, C, H, W)' : 'a whole number or a pair of them'}.`,
      'value-out-of-range': (d: D) => `${String(d.name)} must be from ${d.min} to ${d.max}, not ${d.value}.`,
      'unknown-name': (d: D) => `${String(d.name)} is not a layer defined on an earlier line.`,
      'no-layers': () => 'no layer found.',
      'too-many-layers': (d: D) => `${d.layers} layers; the lesson takes at most ${d.max}.`,
    } satisfies Record<StackCodeErrorCode, (d: D) => string>,
    syntax: {
      'source-too-long': 'longer than 10 KB',
      'too-many-lines': 'too many lines',
      'line-too-long': 'a line is too long',
      'nesting-too-deep': 'nested too deeply',
      'syntax-error': 'a syntax error',
      'unexpected-indent': 'an unexpected indent',
      'unsupported-statement': 'a statement that is not read',
      'unsupported-expression': 'an expression that is not read',
      'unsupported-operator': 'an operator that is not read',
      'unsupported-target': 'an assignment that is not read',
      'unsupported-argument': 'an argument form that is not read',
      'unsupported-number': 'a number form that is not read',
      'unsupported-string': 'a string form that is not read',
      'unterminated-string': 'a string that is not closed',
      'positional-after-keyword': 'a positional argument after a keyword',
      'repeated-keyword': 'a keyword given twice',
      'dunder-name': 'a name starting with __',
    } satisfies Record<PythonSyntaxCode, string>,
  },
  maps: {
    title: 'Every layer’s feature map',
    image: 'Image',
    after: (i: number, kind: string) => `After layer ${i + 1} (${kind})`,
    size: (h: number, w: number) => `${h} × ${w}`,
    label: (name: string, h: number, w: number) => `${name}, ${h} × ${w} cells`,
    scroll: (px: number) => `Large maps are drawn at ${px} px a cell: scroll inside their frame.`,
    hint: 'Click a cell of any map, or focus a map and move with the arrow keys: every earlier map shows what that cell sees. Hovering a cell shows the window of the next layer it feeds.',
    chosen: (name: string, row: number, col: number) => `${name}, row ${row}, column ${col}.`,
    join: (parts: readonly string[]) => parts.join(' '),
    sees: (rows: string, cols: string, h: number, w: number) =>
      `It sees image rows ${rows} and columns ${cols}: ${h} × ${w} pixels.`,
    outside: (h: number, w: number) => `Its field would be ${h} × ${w} pixels; the part past the border is padding.`,
    sameLevel: 'Choose a cell of a later layer to see its field in the image.',
    hidden: 'What it sees is hidden until you answer the question above.',
  },
  table: {
    title: 'Layer by layer',
    layer: 'Layer',
    output: 'Output C × H × W',
    jump: 'Jump j',
    size: 'Field r',
    start: 'Start c',
    params: 'Parameters',
    macs: 'Multiply-adds',
    image: 'image',
    hidden: '?',
    formulas: (name: string) => `How ${name}’s numbers come`,
    pickRow: 'Choose a cell of a layer (in the maps) to see its recurrence with the numbers in.',
    axis: (a: 'h' | 'w'): string => (a === 'h' ? 'Height' : 'Width'),
  },
  chart: {
    title: 'Growth with depth',
    label: 'Receptive field size against depth',
    x: 'layer',
    y: 'field (pixels)',
    yours: 'this stack',
    compare: 'Compare with',
    none: 'nothing',
    hidden: 'The chart is hidden until you answer the question above.',
  },
  effective: {
    title: 'Theoretical and effective field',
    explain:
      'The outline is the theoretical field of the chosen cell. Inside it, the shade is how much each pixel moves that cell: the size of the gradient ∂y/∂x, from a backward pass through the stack.',
    ones: 'All-ones weights',
    random: 'Random weights',
    reroll: 'New random weights',
    computing: 'Computing the gradient…',
    worker: 'Computed off the main thread, so the page stays responsive.',
    peak: (v: string) => `Largest |∂y/∂x|: ${v}`,
    none: 'The chosen cell is in the image itself: its field is that one pixel.',
    hidden: 'Hidden until you answer the question above.',
    caption: (peak: string, rows: number, cols: number) =>
      `Little influence → most influence. Largest |∂y/∂x|: ${peak}. The field: ${rows} × ${cols} pixels.`,
  },
  questions: {
    fieldSize: 'How many pixels wide is the receptive field of one cell of the last layer?',
    jump: 'How many input pixels apart are two neighbouring cells of the last layer (the jump)?',
    params: 'How many weights do these three 3×3 layers hold in all (64 channels in and out, no bias)?',
  },
  steps: [
    {
      title: 'What one cell sees',
      body: 'A 3×3 convolution computes each output cell from a 3×3 patch of its input. That patch is the cell’s receptive field: the only pixels that can change it. Click any output cell and watch the patch move.',
    },
    {
      title: 'Layer by layer',
      body: 'Stack a second 3×3 convolution. Each of its cells reads 3×3 cells of the first layer, and each of those reads 3×3 pixels. The table keeps two numbers per layer: the field r and the jump j (how far apart neighbouring cells sit in the image). Each layer adds (k − 1)·d·j pixels to r.',
    },
    {
      title: 'Small kernels, stacked',
      body: 'Three 3×3 layers reach as far as one 7×7 layer (compare them in the chart). Now count weights: each of the three layers holds 64·64 kernels of 3×3, where the single layer would hold 64·64 kernels of 7×7. The stack also puts a ReLU between its steps. This is why VGG uses only 3×3 kernels.',
    },
    {
      title: 'Pooling multiplies the jump',
      body: 'A 2×2 max pool with stride 2 halves the map. After it, neighbouring cells sit two pixels apart, so the next 3×3 convolution grows the field twice as fast.',
    },
    {
      title: 'Stride does the same',
      body: 'Stride multiplies the jump too: j_l = j_(l−1)·s_l. Two stride-2 layers make every later step count four times. Networks downsample early so the field grows quickly without many layers.',
    },
    {
      title: 'Dilation skips cells',
      body: 'A dilated 3×3 kernel reads cells d apart. With rates 1, 2, 4, 8 the field doubles at each layer while the map keeps its size. Inside the field some cells are skipped by one layer and picked up by another; choose a cell of an early layer to see the gaps.',
    },
    {
      title: 'Theoretical is not effective',
      body: 'Every pixel of the theoretical field can change the cell, but not equally: many more paths run through the middle than through the edge. The heat map below shows the gradient of the chosen cell with respect to each pixel. Most of the influence sits near the centre.',
    },
    {
      title: 'Texture and shape',
      body: 'Early layers have small fields: they can only respond to edges, colours and textures. Deep layers see large parts of the image: shapes, parts and whole objects. Real networks mix both, and the comparison in the chart shows how fast each design gets there.',
    },
  ],
};

export type RfMessages = typeof rfEn;
