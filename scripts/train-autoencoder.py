#!/usr/bin/env python3
"""Trains the autoencoder lesson's network offline and writes the weights it ships with.

    /usr/bin/python3 scripts/train-autoencoder.py            # writes public/autoencoder/weights.json
    /usr/bin/python3 scripts/train-autoencoder.py --steps 300 --batch 8 --out /tmp/w.json --lr 0.003

The network is the lesson's, in PyTorch's form (engine/nn/spec.ts, LESSON_AUTOENCODER):
    Conv2d(3, 64, 3, stride=2, padding=1) → ReLU → Conv2d(64, 32, 3, stride=2, padding=1) → ReLU
    → ConvTranspose2d(32, 32, 3, stride=2, padding=1, output_padding=1) → ReLU
    → ConvTranspose2d(32, 3, 3, stride=2, padding=1, output_padding=1) → Sigmoid
with PyTorch's default initialisation (the engine's 'pytorch-default' scheme), trained with
Adam to minimise the mean squared error on random square patches of the bundled training
photos (public/photos: cat, coffee, rocket). The astronaut is held out: the lesson shows its
reconstruction, scaled to HELD_OUT_SIDE × HELD_OUT_SIDE, and the script prints its PSNR.

The output is the engine's weights JSON (engine/nn/params.ts, parametersFromJson reads it):
{ format, version, network, params: { "<layer>.weight": { shape, data }, … } }, values with
SIGNIFICANT digits (a relative change below 1e-5 at most, invisible in the pictures), plus a
"training" record of how the weights were made.
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
PHOTOS = os.path.join(HERE, '..', 'public', 'photos')
TRAIN = ['cat', 'coffee', 'rocket']
HELD_OUT = 'astronaut'
HELD_OUT_SIDE = 256
SIGNIFICANT = 6

LAYERS = [
    {'kind': 'conv', 'outChannels': 64, 'kernel': 3, 'stride': 2, 'activation': 'relu'},
    {'kind': 'conv', 'outChannels': 32, 'kernel': 3, 'stride': 2, 'activation': 'relu'},
    {'kind': 'convTranspose', 'outChannels': 32, 'kernel': 3, 'stride': 2, 'activation': 'relu'},
    {'kind': 'convTranspose', 'outChannels': 3, 'kernel': 3, 'stride': 2, 'activation': 'sigmoid'},
]


def load(name, side=None):
    """A bundled photo as a 3×H×W float tensor in [0, 1], optionally scaled to side × side."""
    image = Image.open(os.path.join(PHOTOS, f'{name}.jpg')).convert('RGB')
    if side is not None:
        image = image.resize((side, side), Image.LANCZOS)
    return torch.from_numpy(np.asarray(image, dtype=np.float32) / 255.0).permute(2, 0, 1).contiguous()


def network():
    """The lesson's autoencoder; modules 0, 2, 4, 6 are its layers 0 to 3."""
    return torch.nn.Sequential(
        torch.nn.Conv2d(3, 64, 3, stride=2, padding=1),
        torch.nn.ReLU(),
        torch.nn.Conv2d(64, 32, 3, stride=2, padding=1),
        torch.nn.ReLU(),
        torch.nn.ConvTranspose2d(32, 32, 3, stride=2, padding=1, output_padding=1),
        torch.nn.ReLU(),
        torch.nn.ConvTranspose2d(32, 3, 3, stride=2, padding=1, output_padding=1),
        torch.nn.Sigmoid(),
    )


def patches(photos, batch, side, generator):
    """`batch` random side × side crops, each from a random training photo."""
    out = []
    for _ in range(batch):
        photo = photos[int(torch.randint(len(photos), (1,), generator=generator))]
        _, h, w = photo.shape
        y = int(torch.randint(h - side + 1, (1,), generator=generator))
        x = int(torch.randint(w - side + 1, (1,), generator=generator))
        out.append(photo[:, y : y + side, x : x + side])
    return torch.stack(out)


def psnr(mse):
    return 10 * np.log10(1 / mse)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--steps', type=int, default=6000)
    parser.add_argument('--batch', type=int, default=16)
    parser.add_argument('--patch', type=int, default=48)
    parser.add_argument('--lr', type=float, default=2e-3)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--report', type=int, default=250)
    parser.add_argument('--held-side', type=int, default=HELD_OUT_SIDE)
    parser.add_argument('--out', default=os.path.join(HERE, '..', 'public', 'autoencoder', 'weights.json'))
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    generator = torch.Generator().manual_seed(args.seed)
    photos = [load(name) for name in TRAIN]
    held_out = load(HELD_OUT, args.held_side).unsqueeze(0)
    net = network()
    optimiser = torch.optim.Adam(net.parameters(), lr=args.lr)
    # The last fifth of the run at a tenth of the learning rate settles the weights.
    schedule = torch.optim.lr_scheduler.MultiStepLR(optimiser, [int(args.steps * 0.8)], 0.1)
    started = time.time()
    for step in range(1, args.steps + 1):
        x = patches(photos, args.batch, args.patch, generator)
        loss = torch.nn.functional.mse_loss(net(x), x)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        schedule.step()
        if step % args.report == 0 or step == args.steps:
            with torch.no_grad():
                held = torch.nn.functional.mse_loss(net(held_out), held_out).item()
            print(f'step {step}: loss {loss.item():.5f}, held-out PSNR {psnr(held):.2f} dB, {time.time() - started:.0f} s')

    with torch.no_grad():
        held = torch.nn.functional.mse_loss(net(held_out), held_out).item()
    params = {}
    for layer, module in enumerate(m for m in net if isinstance(m, (torch.nn.Conv2d, torch.nn.ConvTranspose2d))):
        for kind, tensor in (('weight', module.weight), ('bias', module.bias)):
            values = tensor.detach().reshape(-1).tolist()
            params[f'{layer}.{kind}'] = {
                'shape': list(tensor.shape),
                'data': [float(f'{v:.{SIGNIFICANT}g}') for v in values],
            }
    doc = {
        'format': 'convlab-network-weights',
        'version': 1,
        'network': {'inChannels': 3, 'layers': LAYERS},
        'params': params,
        'training': {
            'photos': TRAIN,
            'heldOut': HELD_OUT,
            'steps': args.steps,
            'batch': args.batch,
            'patch': args.patch,
            'lr': args.lr,
            'seed': args.seed,
            'heldOutPsnr': round(psnr(held), 2),
        },
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w') as f:
        json.dump(doc, f, separators=(',', ':'))
    print(f'wrote {args.out}: {os.path.getsize(args.out)} bytes, held-out PSNR {psnr(held):.2f} dB')


if __name__ == '__main__':
    main()
