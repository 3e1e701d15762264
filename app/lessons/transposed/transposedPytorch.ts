import { formatCell } from '../../parseNumbers';
import { pyNested, pyTuple } from '../../pytorchCode';
import { transposedInputShape, transposedWeightShape, type TransposedFigureState } from './transposedState';
import type { TransposedView } from './transposedView';

/**
 * Python that reproduces the figure with `nn.ConvTranspose2d` in float64.
 * `waiting`: a checkpoint waits for an answer, so the code leaves out the
 * shape and values the figure would show (they would answer it); running it
 * prints them.
 */
export function transposedPytorchCode(figure: TransposedFigureState, view: TransposedView, waiting = false): string {
  const p = figure.params;
  const lines = [
    'import torch',
    'import torch.nn as nn',
    '',
    `x = torch.tensor(${pyNested(figure.input, transposedInputShape(p))}, dtype=torch.float64)  # N×C×H×W = ${transposedInputShape(p).join('×')}`,
    'deconv = nn.ConvTranspose2d(',
    `    in_channels=${p.inChannels}, out_channels=${p.outChannels}, kernel_size=${pyTuple(p.kH, p.kW)},`,
    `    stride=${pyTuple(p.strideH, p.strideW)}, padding=${pyTuple(p.padH, p.padW)}, output_padding=${pyTuple(p.opH, p.opW)},`,
    `    dilation=${pyTuple(p.dilH, p.dilW)}, groups=${p.groups}, bias=${p.bias ? 'True' : 'False'}, dtype=torch.float64,`,
    ')',
    'with torch.no_grad():',
    `    deconv.weight.copy_(torch.tensor(${pyNested(figure.weight, transposedWeightShape(p))}))  # ${transposedWeightShape(p).join('×')}`,
  ];
  if (p.bias) lines.push(`    deconv.bias.copy_(torch.tensor(${pyNested(figure.biasValues, [p.outChannels])}))`);
  lines.push('y = deconv(x)', 'print(y.shape)', 'print(y)');
  if (waiting && view.refusal === null) return lines.join('\n');
  if (view.scatter && view.refusal === null) {
    const out = view.scatter.output;
    lines.push(
      `# ConvLab shows: shape ${out.shape.join('×')}`,
      `# ${pyNested(
        Array.from(out.data, (v) => Number(formatCell(v))),
        out.shape,
      )}`,
    );
  } else {
    lines.push('# PyTorch raises a RuntimeError here, as ConvLab explains.');
  }
  return lines.join('\n');
}
