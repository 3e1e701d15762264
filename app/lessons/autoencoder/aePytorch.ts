/**
 * "Copy as PyTorch": the lesson's network and its training loop, with the
 * state's channels, seed and learning rate, ready to run. Adam with
 * PyTorch's defaults and the mean squared error, on batches of random square
 * patches, as the worker trains (engine/nn). PyTorch's own random generator
 * draws different numbers from the app's, so the seed reproduces a run in
 * PyTorch, not the app's run.
 */
import { autoencoderSpec, layerShapes } from '../../../engine/nn';
import { DEFAULT_TRAINER_SETTINGS } from '../../workers/autoencoderApi';
import type { AutoencoderState } from './aeState';

export function autoencoderPytorchCode(state: AutoencoderState): string {
  const spec = autoencoderSpec(3, state.channels);
  const shapes = layerShapes(spec, [256, 256]);
  let c = spec.inChannels;
  const lines: string[] = [];
  for (const [i, l] of spec.layers.entries()) {
    const s = shapes.layers[i]!;
    const p = s.torch[0];
    const op = l.kind === 'conv' ? 'Conv2d' : 'ConvTranspose2d';
    const extra = l.kind === 'conv' ? '' : `, output_padding=${p.outputPadding}`;
    lines.push(`    nn.${op}(${c}, ${l.outChannels}, ${l.kernel}, stride=${l.stride}, padding=${p.padding}${extra}),`);
    lines.push(l.activation === 'sigmoid' ? '    nn.Sigmoid(),' : '    nn.ReLU(),');
    c = l.outChannels;
  }
  const { batch, patch } = DEFAULT_TRAINER_SETTINGS;
  return `import torch
from torch import nn

torch.manual_seed(${state.seed})

# Encoder: strided convolutions halve the size; decoder: transposed ones double it back.
model = nn.Sequential(
${lines.join('\n')}
)
print(sum(p.numel() for p in model.parameters()), "parameters")

# Training photos as 3×H×W tensors with values in [0, 1]. Put your own here, e.g.
#   from PIL import Image; import numpy as np
#   photo = torch.from_numpy(np.asarray(Image.open("cat.jpg").convert("RGB"), dtype=np.float32) / 255).permute(2, 0, 1)
# Without photos, smooth random pictures stand in for them.
photos = [nn.functional.interpolate(torch.rand(1, 3, 16, 16), size=(256, 256), mode="bilinear", align_corners=False)[0]
          for _ in range(3)]


def patches(batch=${batch}, side=${patch}):
    """A batch of random side×side crops of random photos, N×3×side×side."""
    out = []
    for _ in range(batch):
        photo = photos[torch.randint(len(photos), (1,)).item()]
        _, h, w = photo.shape
        y = torch.randint(h - side + 1, (1,)).item()
        x = torch.randint(w - side + 1, (1,)).item()
        out.append(photo[:, y:y + side, x:x + side])
    return torch.stack(out)


optimiser = torch.optim.Adam(model.parameters(), lr=${state.lr})
for step in range(1, 301):
    x = patches()
    loss = nn.functional.mse_loss(model(x), x)  # the target is the input itself
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
    if not torch.isfinite(loss):
        print("the loss is not a number: lower the learning rate")
        break
    if step % 50 == 0:
        psnr = 10 * torch.log10(1 / loss.detach())
        print(f"step {step}: loss {loss.item():.5f}, PSNR {psnr.item():.2f} dB")

with torch.no_grad():
    image = photos[0][None]
    latent = model[:${2 * state.channels.length}](image)  # the encoder alone
    print("photo", tuple(image.shape), "latent", tuple(latent.shape))
`;
}
