import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LESSON_AUTOENCODER,
  autoencoderSpec,
  layerShapes,
  tfSamePadding,
  torchSamePadding,
  type NetworkSpec,
  parametersFromJson,
  parametersToJson,
  zeroParameters,
} from '../../../engine/nn';
import type { ProblemDetails } from '../../../engine/errors';

describe('the shape chain of the lesson network', () => {
  const shapes = layerShapes(LESSON_AUTOENCODER, [32, 32]);

  it('halves the size twice and doubles it twice: 3×32×32 → 64×16×16 → 32×8×8 → 32×16×16 → 3×32×32', () => {
    expect(shapes.valid).toBe(true);
    expect(shapes.layers.map((l) => l.outShape)).toEqual([
      [64, 16, 16],
      [32, 8, 8],
      [32, 16, 16],
      [3, 32, 32],
    ]);
    expect(shapes.output).toEqual(shapes.input);
    expect(shapes.reconstructs).toBe(true);
  });

  it('says when an image size does not come back: 30×30 → 15×15 → 8×8 → 16×16 → 32×32', () => {
    const odd = layerShapes(LESSON_AUTOENCODER, [30, 30]);
    expect(odd.output).toEqual([3, 32, 32]);
    expect(odd.reconstructs).toBe(false);
  });

  it('counts C_out·C_in·k² + C_out parameters per layer', () => {
    expect(shapes.layers.map((l) => l.params)).toEqual([
      64 * 3 * 9 + 64,
      32 * 64 * 9 + 32,
      32 * 32 * 9 + 32,
      3 * 32 * 9 + 3,
    ]);
    expect(shapes.params).toBe(1792 + 18464 + 9248 + 867);
  });

  it('finds the latent: the 32×8×8 output of the encoder, 2048 values for 3072 in the image', () => {
    expect(shapes.latentLayer).toBe(1);
    expect(shapes.latentSize).toBe(2048);
  });

  it('gives PyTorch’s form: padding 1, and output_padding 1 for the transposed layers', () => {
    expect(shapes.layers.map((l) => l.torch[0])).toEqual([
      { padding: 1, outputPadding: 0 },
      { padding: 1, outputPadding: 0 },
      { padding: 1, outputPadding: 1 },
      { padding: 1, outputPadding: 1 },
    ]);
  });

  it('gives TensorFlow’s form: stride 2 on an even size pads 0 before and 1 after; the transposed layers crop 0 before and 1 after', () => {
    for (const l of shapes.layers)
      expect(l.tf).toEqual([
        { before: 0, after: 1 },
        { before: 0, after: 1 },
      ]);
  });

  it('weights in PyTorch’s layouts: conv [C_out, C_in, k, k], transposed [C_in, C_out, k, k]', () => {
    expect(shapes.layers.map((l) => l.weightShape)).toEqual([
      [64, 3, 3, 3],
      [32, 64, 3, 3],
      [32, 32, 3, 3],
      [32, 3, 3, 3],
    ]);
  });
});

describe('TensorFlow and PyTorch "same"', () => {
  it('pads an odd size symmetrically under TensorFlow (33 with k3 s2: 1 and 1)', () => {
    expect(tfSamePadding('conv', 33, 3, 2)).toEqual({ before: 1, after: 1, outSize: 17 });
  });

  it('agree on every output size: ⌈i/s⌉ for a convolution, i·s for a transposed one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom(1, 3, 5, 7),
        fc.integer({ min: 1, max: 4 }),
        (i, k, s) => {
          const t = torchSamePadding('conv', k, s);
          const torchConv = Math.floor((i + 2 * t.padding - k) / s) + 1;
          const tf = tfSamePadding('conv', i, k, s);
          const tfConv = Math.floor((i + tf.before + tf.after - k) / s) + 1;
          const tt = torchSamePadding('convTranspose', k, s);
          const torchT = (i - 1) * s - 2 * tt.padding + k + tt.outputPadding;
          const tfT = tfSamePadding('convTranspose', i, k, s);
          const tfTOut = (i - 1) * s + k - tfT.before - tfT.after;
          return (
            torchConv === Math.ceil(i / s) &&
            tfConv === tf.outSize &&
            tf.outSize === torchConv &&
            torchT === i * s &&
            (k < s || tfTOut === i * s) &&
            tfT.outSize === i * s
          );
        },
      ),
    );
  });
});

describe('network specs as data', () => {
  it('builds the lesson network from its encoder channels [64, 32]', () => {
    expect(autoencoderSpec(3, [64, 32])).toEqual(LESSON_AUTOENCODER);
  });

  it('mirrors a deeper encoder: [16, 8, 4] → decoder 4, 8, 16, then the image channels through a sigmoid', () => {
    const spec = autoencoderSpec(3, [16, 8, 4]);
    expect(spec.layers.map((l) => `${l.kind}:${l.outChannels}:${l.activation}`)).toEqual([
      'conv:16:relu',
      'conv:8:relu',
      'conv:4:relu',
      'convTranspose:4:relu',
      'convTranspose:8:relu',
      'convTranspose:3:sigmoid',
    ]);
    expect(layerShapes(spec, [64, 64]).output).toEqual([3, 64, 64]);
  });

  it('names each problem: even kernels, channels out of limits, too many layers', () => {
    const even: NetworkSpec = {
      inChannels: 3,
      layers: [{ kind: 'conv', outChannels: 4, kernel: 4, stride: 2, activation: 'relu' }],
    };
    expect(layerShapes(even, [8, 8]).problems.map((p) => (p.details as ProblemDetails).name)).toContain('kernelSize');
    const wide: NetworkSpec = {
      inChannels: 3,
      layers: [{ kind: 'conv', outChannels: 1000, kernel: 3, stride: 2, activation: 'relu' }],
    };
    expect(layerShapes(wide, [8, 8]).valid).toBe(false);
    const deep = autoencoderSpec(3, [4, 4, 4, 4, 4]);
    expect(layerShapes(deep, [64, 64]).problems.map((p) => (p.details as ProblemDetails).name)).toContain('layers');
  });
});

describe('the resize-then-convolve decoder', () => {
  const spec = autoencoderSpec(3, [64, 32], 3, 2, 'bilinear');

  it('upsamples ×2 and convolves 3×3 with stride 1 and padding 1: the same sizes as the transposed decoder', () => {
    const shapes = layerShapes(spec, [32, 32]);
    expect(shapes.valid).toBe(true);
    expect(shapes.reconstructs).toBe(true);
    expect(shapes.layers.map((l) => l.outShape)).toEqual(
      layerShapes(LESSON_AUTOENCODER, [32, 32]).layers.map((l) => l.outShape),
    );
    expect(shapes.layers[3]!.weightShape).toEqual([3, 32, 3, 3]);
    expect(shapes.layers[3]!.torch[0]).toEqual({ padding: 1, outputPadding: 0 });
    expect(spec.layers[2]).toMatchObject({ kind: 'resizeConv', resize: 'bilinear', stride: 2 });
  });

  it('reads back from its parameter file with the resize mode', () => {
    const set = zeroParameters(spec);
    const parsed = parametersFromJson(parametersToJson(set));
    expect(parsed.ok && parsed.value.spec).toEqual(spec);
  });
});
