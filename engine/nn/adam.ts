/**
 * Adam (Kingma & Ba 2015, Algorithm 1) as `torch.optim.Adam` computes it,
 * with PyTorch's defaults and no weight decay. For every parameter θ with
 * gradient g, at step t = 1, 2, …:
 *
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 *
 * (the bias-corrected moments m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), with ε
 * added to √v̂ exactly where PyTorch adds it). The moments are kept in
 * float64.
 */
import type { ParameterSet } from './params';

export interface AdamOptions {
  /** Learning rate. */
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

/** `torch.optim.Adam`'s defaults. */
export const ADAM_DEFAULTS: AdamOptions = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** The optimiser's memory: the step count and both moments of every parameter. */
export interface AdamState {
  step: number;
  readonly m: readonly Float64Array[];
  readonly v: readonly Float64Array[];
}

export function createAdamState(params: ParameterSet): AdamState {
  return {
    step: 0,
    m: params.params.map((p) => new Float64Array(p.data.length)),
    v: params.params.map((p) => new Float64Array(p.data.length)),
  };
}

/**
 * One step: updates `params` and `state` in place from `grads` (same layout
 * as `params`). In place, because training makes thousands of these.
 */
export function adamStep(
  params: ParameterSet,
  grads: ParameterSet,
  state: AdamState,
  options: AdamOptions = ADAM_DEFAULTS,
): void {
  const { lr, beta1, beta2, eps } = options;
  state.step += 1;
  const t = state.step;
  const stepSize = lr / (1 - beta1 ** t);
  const correction2 = Math.sqrt(1 - beta2 ** t);
  for (let i = 0; i < params.params.length; i++) {
    const theta = params.params[i]!.data;
    const g = grads.params[i]!.data;
    const m = state.m[i]!;
    const v = state.v[i]!;
    for (let j = 0; j < theta.length; j++) {
      const gj = g[j]!;
      const mj = beta1 * m[j]! + (1 - beta1) * gj;
      const vj = beta2 * v[j]! + (1 - beta2) * gj * gj;
      m[j] = mj;
      v[j] = vj;
      theta[j] = theta[j]! - (stepSize * mj) / (Math.sqrt(vj) / correction2 + eps);
    }
  }
}
