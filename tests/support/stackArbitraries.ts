import fc from 'fast-check';
import { stackInfo, type LayerStack, type Pair, type StackLayer } from '../../engine';

const pairOf = (min: number, max: number): fc.Arbitrary<Pair> =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/** One layer of any kind at lesson sizes; channels are fixed up by `stacks`. */
const layers: fc.Arbitrary<StackLayer> = fc.oneof(
  fc.record({
    kind: fc.constant('conv' as const),
    inChannels: fc.constant(1),
    outChannels: fc.integer({ min: 1, max: 2 }),
    kernel: pairOf(1, 4),
    stride: pairOf(1, 3),
    padding: pairOf(0, 3),
    dilation: pairOf(1, 3),
    bias: fc.boolean(),
  }),
  pairOf(1, 4).chain((kernel) =>
    fc.record({
      kind: fc.constant('maxpool' as const),
      kernel: fc.constant(kernel),
      stride: pairOf(1, 3),
      padding: fc.tuple(fc.integer({ min: 0, max: kernel[0] >> 1 }), fc.integer({ min: 0, max: kernel[1] >> 1 })),
      dilation: pairOf(1, 2),
      ceilMode: fc.boolean(),
    }),
  ),
  pairOf(1, 4).chain((kernel) =>
    fc.record({
      kind: fc.constant('avgpool' as const),
      kernel: fc.constant(kernel),
      stride: pairOf(1, 3),
      padding: fc.tuple(fc.integer({ min: 0, max: kernel[0] >> 1 }), fc.integer({ min: 0, max: kernel[1] >> 1 })),
      ceilMode: fc.boolean(),
      countIncludePad: fc.boolean(),
    }),
  ),
  fc.constant<StackLayer>({ kind: 'relu' }),
  fc.constant<StackLayer>({ kind: 'batchnorm', channels: 1 }),
);

/** Chains channels through the layers: each conv and BatchNorm takes what the layer before gives. */
function chained(channels: number, ls: readonly StackLayer[]): StackLayer[] {
  let c = channels;
  return ls.map((l) => {
    if (l.kind === 'conv') {
      const out = { ...l, inChannels: c };
      c = l.outChannels;
      return out;
    }
    return l.kind === 'batchnorm' ? { ...l, channels: c } : l;
  });
}

/** Stacks that PyTorch accepts: up to `maxLayers` layers on inputs up to `maxSize` per side. */
export function stacks(maxLayers = 5, maxSize = 20): fc.Arbitrary<LayerStack> {
  return fc
    .record({
      channels: fc.integer({ min: 1, max: 2 }),
      size: pairOf(1, maxSize),
      layers: fc.array(layers, { minLength: 1, maxLength: maxLayers }),
    })
    .map(({ channels, size, layers: ls }) => ({ input: { channels, size }, layers: chained(channels, ls) }))
    .filter((s) => stackInfo(s).valid);
}
