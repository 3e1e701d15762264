import { formatCell } from '../../parseNumbers';
import { pyNested, pyTuple } from '../../pytorchCode';
import { inputShape, weightShape, type ConvFigureState } from './convState';
import type { ConvView } from './convView';

/**
 * Python that reproduces the figure with `nn.Conv2d` in float64. `waiting`: a
 * checkpoint waits for an answer, so the code leaves out the shape and values
 * the figure would show (they would answer it); running it prints them.
 */
export function convPytorchCode(figure: ConvFigureState, view: ConvView, waiting = false): string {
  const p = figure.params;
  const padding = p.padKind === 'explicit' ? pyTuple(p.padH, p.padW) : `'${p.padKind}'`;
  const lines = [
    'import torch',
    'import torch.nn as nn',
    '',
    `x = torch.tensor(${pyNested(figure.input, inputShape(p))}, dtype=torch.float64)  # N×C×H×W = ${inputShape(p).join('×')}`,
    'conv = nn.Conv2d(',
    `    in_channels=${p.inChannels}, out_channels=${p.outChannels}, kernel_size=${pyTuple(p.kH, p.kW)},`,
    `    stride=${pyTuple(p.strideH, p.strideW)}, padding=${padding}, dilation=${pyTuple(p.dilH, p.dilW)},`,
    `    groups=${p.groups}, bias=${p.bias ? 'True' : 'False'}, padding_mode='${p.paddingMode}', dtype=torch.float64,`,
    ')',
    'with torch.no_grad():',
    `    conv.weight.copy_(torch.tensor(${pyNested(figure.weight, weightShape(p))}))  # ${weightShape(p).join('×')}`,
  ];
  if (p.bias) lines.push(`    conv.bias.copy_(torch.tensor(${pyNested(figure.biasValues, [p.outChannels])}))`);
  lines.push('y = conv(x)', 'print(y.shape)', 'print(y)');
  if (view.result && !waiting) {
    const shape = view.result.output.shape;
    const out = Array.from(view.result.output.data, (v) => Number(formatCell(v)));
    lines.push(`# ConvLab shows: shape ${shape.join('×')}`, `# ${pyNested(out, shape)}`);
  }
  return lines.join('\n');
}
