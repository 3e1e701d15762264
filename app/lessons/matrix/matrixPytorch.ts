import { formatCell } from '../../parseNumbers';
import { pyNested, pyTuple } from '../../pytorchCode';
import type { MatrixFigureState } from './matrixState';
import type { MatrixView } from './matrixView';

/**
 * Python that builds C by convolving unit vectors, checks y = C·x against
 * `F.conv2d` and the im2col product against `F.unfold`, compares Cᵀ·y with
 * `F.conv_transpose2d` (with the output_padding that restores the size) and
 * with the input gradient of L = ½‖y‖², and prints x − Cᵀ·y and CᵀC. float64.
 * `waiting`: a checkpoint waits for an answer, so the code leaves out the
 * numbers the figure would show (their shape alone would answer it).
 */
export function matrixPytorchCode(figure: MatrixFigureState, view: MatrixView, waiting = false): string {
  const p = figure.params;
  const stride = pyTuple(p.strideH, p.strideW);
  const padding = pyTuple(p.padH, p.padW);
  const lines = [
    'import torch',
    'import torch.nn.functional as F',
    '',
    `H, W = ${p.inH}, ${p.inW}`,
    `stride, padding = ${stride}, ${padding}`,
    `X = torch.tensor(${pyNested(figure.input, [1, 1, p.inH, p.inW])}, dtype=torch.float64)  # 1×1×H×W`,
    `K = torch.tensor(${pyNested(figure.weight, [1, 1, p.kH, p.kW])}, dtype=torch.float64)  # 1×1×kH×kW`,
    'y = F.conv2d(X, K, stride=stride, padding=padding)',
    'OH, OW = y.shape[-2:]',
    '',
    '# C: column j is the convolution of the j-th unit vector (input cell j, read row by row)',
    'units = torch.eye(H * W, dtype=torch.float64).reshape(H * W, 1, H, W)',
    'C = F.conv2d(units, K, stride=stride, padding=padding).reshape(H * W, OH * OW).T',
    'x = X.flatten()',
    '# With a kernel of ones, every entry that holds a weight is non-zero: the sparsity ConvLab states',
    'ones = F.conv2d(units, torch.ones_like(K), stride=stride, padding=padding).reshape(H * W, OH * OW).T',
    'print("C:", tuple(C.shape), "entries that hold a kernel weight:", int((ones != 0).sum()), "of", C.numel())',
    'assert torch.allclose(C @ x, y.flatten())',
    '',
    '# im2col: the windows as columns (unfold), the kernel as one row',
    `patches = F.unfold(X, kernel_size=${pyTuple(p.kH, p.kW)}, stride=stride, padding=padding)[0]`,
    'assert torch.allclose(K.flatten() @ patches, y.flatten())',
    '',
    '# The transpose: same shape as x, not the same values',
    'back = C.T @ y.flatten()',
    'print("x - C^T y:")',
    'print((x - back).reshape(H, W))',
    'op = tuple(int(s) - ((o - 1) * st - 2 * pd + k) for s, o, st, pd, k in zip((H, W), (OH, OW), stride, padding, K.shape[-2:]))',
    'ct = F.conv_transpose2d(y, K, stride=stride, padding=padding, output_padding=op)',
    'assert torch.allclose(ct.flatten(), back)',
    '',
    '# Why not the inverse: C^T C against the identity',
    'print("max |C^T C - I|:", (C.T @ C - torch.eye(H * W, dtype=torch.float64)).abs().max().item())',
    '',
    '# Backward is C^T: for L = ½‖y‖², dL/dy = y and dL/dx = C^T y',
    'Xg = X.clone().requires_grad_()',
    '(F.conv2d(Xg, K, stride=stride, padding=padding).pow(2).sum() / 2).backward()',
    'assert torch.allclose(Xg.grad.flatten(), back)',
    'print("all checks passed")',
  ];
  const n = view.numbers;
  if (waiting) return lines.join('\n');
  if (n) {
    const u = n.unrolled;
    lines.push(
      `# ConvLab shows: y = ${pyNested(
        Array.from(u.y, (v) => Number(formatCell(v))),
        [u.outH, u.outW],
      )}`,
      `# C^T y = ${pyNested(
        Array.from(n.transpose.back, (v) => Number(formatCell(v))),
        [p.inH, p.inW],
      )}`,
    );
  } else {
    lines.push('# PyTorch raises a RuntimeError here, as ConvLab explains.');
  }
  return lines.join('\n');
}
