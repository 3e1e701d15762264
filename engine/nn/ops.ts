/**
 * Activations and the loss, in place on flat arrays (Float32Array or
 * Float64Array). Each activation's backward reads the activation's own
 * output a = f(z), which is all its derivative needs.
 */
import type { FloatArray } from '../fast';
import type { Activation } from './spec';
import { refuse } from '../errors';

/** a = f(z) in place: ReLU max(0, z), sigmoid 1/(1 + e^(−z)), identity z. */
export function activateInPlace(activation: Activation, z: FloatArray): void {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < z.length; i++) if (!(z[i]! > 0)) z[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case 'identity':
      return;
  }
}

/**
 * ∂L/∂z from ∂L/∂a in place, given a = f(z): ReLU passes g where a > 0
 * (PyTorch's choice at z = 0: gradient 0); sigmoid multiplies by a·(1 − a).
 */
export function activationBackwardInPlace(activation: Activation, a: FloatArray, g: FloatArray): void {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < g.length; i++) if (!(a[i]! > 0)) g[i] = 0;
      return;
    case 'sigmoid':
      for (let i = 0; i < g.length; i++) {
        const s = a[i]!;
        g[i] = g[i]! * s * (1 - s);
      }
      return;
    case 'identity':
      return;
  }
}

/**
 * Mean squared error L = (1/n) Σ (yᵢ − tᵢ)² over all n values (PyTorch's
 * `mse_loss`, reduction 'mean'); writes ∂L/∂y = 2(y − t)/n into `grad` when
 * given. Summed in float64.
 */
export function mseLoss(y: FloatArray, target: FloatArray, grad: FloatArray | null = null): number {
  if (y.length !== target.length) {
    refuse('data-size-mismatch', { name: 'target', expected: y.length, actual: target.length });
  }
  const n = y.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i]! - target[i]!;
    sum += d * d;
    if (grad) grad[i] = (2 * d) / n;
  }
  return sum / n;
}

/** Peak signal-to-noise ratio of a mean squared error for values in [0, 1]: 10·log₁₀(1/MSE) dB. */
export function psnr(mse: number): number {
  return 10 * Math.log10(1 / mse);
}
