import fc from 'fast-check';
import {
  conv2dInfo,
  convTranspose2dInfo,
  tensor,
  type Conv2dConfig,
  type ConvTranspose2dConfig,
  type PaddingMode,
  type Tensor,
} from '../../engine';

const small = (max: number) => fc.integer({ min: 1, max });

/** Values on a coarse grid so sums are exact enough to compare paths tightly. */
export function values(length: number): fc.Arbitrary<number[]> {
  return fc.array(
    fc.integer({ min: -8, max: 8 }).map((v) => v / 4),
    { minLength: length, maxLength: length },
  );
}

export function tensorOf(shape: readonly number[]): fc.Arbitrary<Tensor> {
  const size = shape.reduce((a, b) => a * b, 1);
  return values(size).map((data) => tensor(shape, data));
}

/** Valid conv2d configurations at lesson sizes. */
export const conv2dConfigs: fc.Arbitrary<Conv2dConfig> = fc
  .record({
    batch: small(2),
    groups: small(3),
    inPerGroup: small(2),
    outPerGroup: small(2),
    inputSize: fc.tuple(small(7), small(7)),
    kernelSize: fc.tuple(small(4), small(4)),
    stride: fc.tuple(small(3), small(3)),
    padding: fc.oneof(fc.tuple(fc.nat(3), fc.nat(3)), fc.constant('same' as const), fc.constant('valid' as const)),
    dilation: fc.tuple(small(3), small(3)),
    paddingMode: fc.constantFrom<PaddingMode>('zeros', 'reflect', 'replicate', 'circular'),
    bias: fc.boolean(),
  })
  .map((r): Conv2dConfig => ({
    batch: r.batch,
    inChannels: r.groups * r.inPerGroup,
    outChannels: r.groups * r.outPerGroup,
    inputSize: r.inputSize,
    kernelSize: r.kernelSize,
    stride: r.padding === 'same' ? [1, 1] : r.stride,
    padding: r.padding,
    dilation: r.dilation,
    groups: r.groups,
    paddingMode: r.paddingMode,
    bias: r.bias,
  }))
  .filter((c) => conv2dInfo(c).valid);

/** Valid conv_transpose2d configurations at lesson sizes. */
export const convTranspose2dConfigs: fc.Arbitrary<ConvTranspose2dConfig> = fc
  .record({
    batch: small(2),
    groups: small(3),
    inPerGroup: small(2),
    outPerGroup: small(2),
    inputSize: fc.tuple(small(5), small(5)),
    kernelSize: fc.tuple(small(4), small(4)),
    stride: fc.tuple(small(3), small(3)),
    padding: fc.tuple(fc.nat(3), fc.nat(3)),
    outputPadding: fc.tuple(fc.nat(2), fc.nat(2)),
    dilation: fc.tuple(small(3), small(3)),
    bias: fc.boolean(),
  })
  .map((r): ConvTranspose2dConfig => ({
    batch: r.batch,
    inChannels: r.groups * r.inPerGroup,
    outChannels: r.groups * r.outPerGroup,
    inputSize: r.inputSize,
    kernelSize: r.kernelSize,
    stride: r.stride,
    padding: r.padding,
    outputPadding: r.outputPadding,
    dilation: r.dilation,
    groups: r.groups,
    bias: r.bias,
  }))
  .filter((c) => convTranspose2dInfo(c).valid);

/** A configuration together with input, weight and bias tensors of the right shapes. */
export function withConv2dTensors(config: Conv2dConfig) {
  const info = conv2dInfo(config);
  return fc.record({
    config: fc.constant(config),
    input: tensorOf(info.inputShape),
    weight: tensorOf(info.weightShape),
    bias: config.bias ? tensorOf([config.outChannels]) : fc.constant(null),
    gradOutput: tensorOf(info.outputShape),
  });
}

export function withConvTranspose2dTensors(config: ConvTranspose2dConfig) {
  const info = convTranspose2dInfo(config);
  return fc.record({
    config: fc.constant(config),
    input: tensorOf(info.inputShape),
    weight: tensorOf(info.weightShape),
    bias: config.bias ? tensorOf([config.outChannels]) : fc.constant(null),
  });
}
