/**
 * "Copy as PyTorch" for the photo panel: the same filter as one `nn.Conv2d`
 * on the photo as torchvision's ToTensor gives it ([1, 3, H, W], values 0–1).
 * Numbers come from the validated kernel; the file name is the bundled
 * photo's (from the manifest, which is checked against a strict pattern) or
 * a placeholder for the student's own.
 */
import type { Kernel2d, PhotoFilterSettings } from '../../../../engine';
import { pyNested, pyTuple } from '../../../pytorchCode';

/** Python that filters `file` as the panel does and prints the output's shape and extent. */
export function photoPytorchCode(
  file: string,
  kernel: Kernel2d,
  settings: PhotoFilterSettings,
  shown: { readonly channels: number; readonly height: number; readonly width: number } | null,
): string {
  const perChannel = settings.colour === 'per-channel';
  const { rows, cols } = kernel;
  const padding = typeof settings.padding === 'string' ? `'${settings.padding}'` : pyTuple(...settings.padding);
  const lines = [
    'import numpy as np',
    'import torch',
    'import torch.nn as nn',
    'from PIL import Image',
    '',
    '# The photo as torchvision.transforms.ToTensor gives it: [1, 3, H, W], values 0 to 1.',
    '# (ConvLab scales photos to at most 1024 pixels on the long side.)',
    `img = Image.open('${file}').convert('RGB')`,
    'x = torch.from_numpy(np.asarray(img, dtype=np.float32) / 255).permute(2, 0, 1).unsqueeze(0)',
    `kernel = torch.tensor(${pyNested(kernel.values, [rows, cols])})  # ${rows}×${cols}`,
    perChannel
      ? '# Per channel: groups=3, the same kernel on R, G and B, three output channels.'
      : '# Summed over R, G, B: one kernel of 3 slices (C_in = 3), one output channel.',
    'conv = nn.Conv2d(',
    `    in_channels=3, out_channels=${perChannel ? 3 : 1}, kernel_size=${pyTuple(rows, cols)},`,
    `    stride=${pyTuple(...settings.stride)}, padding=${padding}, dilation=${pyTuple(...settings.dilation)},`,
    `    groups=${perChannel ? 3 : 1}, bias=False, padding_mode='${settings.paddingMode}',`,
    ')',
    'with torch.no_grad():',
    `    conv.weight.copy_(kernel.expand(${perChannel ? `3, 1, ${rows}, ${cols}` : `1, 3, ${rows}, ${cols}`}))`,
    '    y = conv(x)',
    'print(y.shape, y.min().item(), y.max().item())',
  ];
  if (shown) lines.push(`# ConvLab shows: shape 1×${shown.channels}×${shown.height}×${shown.width}`);
  return lines.join('\n');
}
