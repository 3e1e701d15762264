/**
 * Typed refusals. The engine never words a message for people: it names what
 * went wrong with a code and the numbers involved, and the app words it in the
 * reader's language. Every code here has a translation in `app/i18n`.
 */

/** An axis of a 2-D setting (height or width). */
type Axis = 'h' | 'w';

/** Every code, in one place: the type below and every exhaustiveness check derive from it. */
export const ENGINE_ERROR_CODES = [
  'dimension-out-of-range',
  'rank-mismatch',
  'non-positive-size',
  'invalid-shape',
  'data-size-mismatch',
  'invalid-stride',
  'invalid-dilation',
  'negative-padding',
  'invalid-groups',
  'in-channels-not-divisible-by-groups',
  'out-channels-not-divisible-by-groups',
  'weight-in-channels-mismatch',
  'bias-size-mismatch',
  'kernel-larger-than-padded-input',
  'same-padding-with-stride',
  'reflect-padding-too-large',
  'circular-padding-too-large',
  'negative-output-padding',
  'output-padding-too-large',
  'output-size-not-positive',
  'grad-output-shape-mismatch',
  'value-out-of-range',
  'stack-too-deep',
  'in-channels-mismatch',
  'pool-padding-too-large',
  'cell-out-of-range',
  'effective-field-too-costly',
  'training-padding-unsupported',
] as const;

export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/**
 * Where a per-layer or per-axis setting sits: `axis` for the two axes of one
 * convolution, `layer` (0-based) for a layer of a receptive-field stack.
 */
type Place = { readonly axis?: Axis; readonly layer?: number };

/**
 * The details of each refusal, by code. Sizes are cell counts; a shape in a
 * detail is written `2×3×4`. `problem(code, details)` is checked against this
 * table, so a refusal cannot forget a number its wording needs.
 */
export interface ProblemDetailsByCode {
  /** `dim` outside [min, max] for a tensor of rank max + 1 (PyTorch's wrap-around dims). */
  'dimension-out-of-range': { readonly dim: number; readonly min: number; readonly max: number };
  /** Tensor `name` has `actual` dimensions where `expected` are needed. */
  'rank-mismatch': { readonly name: string; readonly expected: number; readonly actual: number };
  /** A size (`name`: batch, inChannels, inputSize, kernelSize, …) that must be a whole number ≥ 1. */
  'non-positive-size': Place & { readonly name: string; readonly value: number };
  /** A tensor shape with a size that is not a whole number ≥ 0. */
  'invalid-shape': { readonly shape: string };
  /** `name` holds `actual` values where its shape (or a prepared plan) needs `expected`. */
  'data-size-mismatch': { readonly name: string; readonly expected: number; readonly actual: number };
  'invalid-stride': Place & { readonly stride: number };
  'invalid-dilation': Place & { readonly dilation: number };
  'negative-padding': Place & { readonly padding: number };
  'invalid-groups': { readonly groups: number };
  'in-channels-not-divisible-by-groups': { readonly inChannels: number; readonly groups: number };
  'out-channels-not-divisible-by-groups': { readonly outChannels: number; readonly groups: number };
  'weight-in-channels-mismatch': {
    readonly inChannels: number;
    readonly weightInChannels: number;
    readonly groups: number;
  };
  'bias-size-mismatch': { readonly outChannels: number; readonly biasSize: number };
  /**
   * Effective kernel d(k−1)+1 per axis against the padded input i + p_before + p_after;
   * `dilationH`/`dilationW` are the d of each axis, so the wording can leave dilation out when it is 1.
   */
  'kernel-larger-than-padded-input': Place & {
    readonly paddedH: number;
    readonly paddedW: number;
    readonly kernelH: number;
    readonly kernelW: number;
    readonly dilationH: number;
    readonly dilationW: number;
  };
  'same-padding-with-stride': { readonly strideH: number; readonly strideW: number };
  'reflect-padding-too-large': { readonly axis: Axis; readonly padding: number; readonly inputSize: number };
  'circular-padding-too-large': { readonly axis: Axis; readonly padding: number; readonly inputSize: number };
  'negative-output-padding': { readonly axis: Axis; readonly outputPadding: number };
  'output-padding-too-large': {
    readonly axis: Axis;
    readonly outputPadding: number;
    readonly stride: number;
    readonly dilation: number;
  };
  /** conv_arithmetic Relationship 14 (with dilation) gives o < 1: full canvas `full`, cropped by `padding` per side. */
  'output-size-not-positive': {
    readonly inH: number;
    readonly inW: number;
    readonly outH: number;
    readonly outW: number;
    readonly fullH: number;
    readonly fullW: number;
    readonly paddingH: number;
    readonly paddingW: number;
  };
  /** Shapes written `1×2×3×3`. */
  'grad-output-shape-mismatch': { readonly expected: string; readonly actual: string };
  /** A setting `name` of a stack (or its input) outside [min, max]. */
  'value-out-of-range': Place & {
    readonly name: string;
    readonly value: number;
    readonly min: number;
    readonly max: number;
  };
  'stack-too-deep': { readonly layers: number; readonly max: number };
  /** Layer `layer` expects `actual` input channels where the layer before gives `expected`. */
  'in-channels-mismatch': Place & { readonly name: string; readonly expected: number; readonly actual: number };
  /** PyTorch's pooling rule: padding ≤ ⌊kernel/2⌋. */
  'pool-padding-too-large': Place & {
    readonly axis: Axis;
    readonly padding: number;
    readonly kernel: number;
    readonly max: number;
  };
  /** A cell coordinate `name` outside [min, max] of its map. */
  'cell-out-of-range': { readonly name: string; readonly value: number; readonly min: number; readonly max: number };
  /** An effective field that would take `cost` multiply-adds, over the ceiling `max`. */
  'effective-field-too-costly': { readonly cost: number; readonly max: number };
  /** The training plans take zero padding, equal on both sides of each axis; `mode` is what was given. */
  'training-padding-unsupported': { readonly mode: string };
}

/**
 * The details of any refusal, read without knowing its code (how the app's
 * wording reads them). Every entry of `ProblemDetailsByCode` fits this shape.
 */
export type ProblemDetails = Readonly<Record<string, number | string>>;

/** One reason a configuration is refused: a code and its own details. */
export type EngineProblem = {
  readonly [C in EngineErrorCode]: { readonly code: C; readonly details: ProblemDetailsByCode[C] };
}[EngineErrorCode];

/**
 * A nearby valid configuration: one parameter changed from `from` to `to`.
 * `param` names a configuration field (`padding`, `kernelSize`, …) and `axis`
 * the axis for per-axis fields.
 */
export interface Suggestion {
  readonly param: string;
  readonly axis?: 'h' | 'w';
  readonly from: number | string;
  readonly to: number | string;
}

/** What an error built from an empty list of problems reports (a caller's slip, kept readable). */
const EMPTY_REFUSAL: EngineProblem = { code: 'rank-mismatch', details: { name: 'problems', expected: 1, actual: 0 } };

/**
 * The one error the engine throws. `code` and `details` repeat the first
 * problem's, for callers that show one reason; `problems` lists them all.
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: ProblemDetails;
  readonly problems: readonly EngineProblem[];
  readonly suggestions: readonly Suggestion[];

  /** `problems` is never empty when the engine throws (it throws only for an invalid configuration). */
  constructor(problems: readonly EngineProblem[], suggestions: readonly Suggestion[] = []) {
    const first = problems[0] ?? EMPTY_REFUSAL;
    super(`${first.code} ${JSON.stringify(first.details)}`);
    this.name = 'EngineError';
    this.code = first.code;
    this.details = first.details;
    this.problems = problems;
    this.suggestions = suggestions;
  }
}

/** A refusal with the details its code requires. */
export function problem<C extends EngineErrorCode>(code: C, details: ProblemDetailsByCode[C]): EngineProblem {
  return { code, details } as EngineProblem;
}

/** Throws one refusal (for checks that stop at the first reason). */
export function refuse<C extends EngineErrorCode>(code: C, details: ProblemDetailsByCode[C]): never {
  throw new EngineError([problem(code, details)]);
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

/**
 * Refusals of the tensors-and-autograd console (`engine/autograd`): PyTorch's
 * own errors, and the console's limits (programs of at most 40 lines, tensors
 * of at most 4 dims and 256 elements). Kept apart from `EngineErrorCode` so
 * the conv lessons' exhaustive tables do not have to word them.
 */
export type AutogradErrorCode =
  | 'backward-through-freed-graph'
  | 'inplace-on-saved-tensor'
  | 'inplace-on-leaf'
  | 'inplace-on-view-of-leaf'
  | 'inplace-on-no-grad-view'
  | 'inplace-overlap'
  | 'backward-non-scalar'
  | 'backward-without-grad'
  | 'backward-gradient-shape-mismatch'
  | 'broadcast-shape-mismatch'
  | 'inplace-broadcast-mismatch'
  | 'matmul-shape-mismatch'
  | 'matmul-zero-dim'
  | 'dimension-out-of-range'
  | 'transpose-rank-too-high'
  | 'reshape-size-mismatch'
  | 'reshape-several-inferred'
  | 'view-not-contiguous'
  | 'grad-is-none'
  | 'name-not-defined'
  | 'program-too-long'
  | 'tensor-too-many-dims'
  | 'tensor-too-large';

/** Every autograd code, for exhaustiveness checks (translations, tests). */
export const AUTOGRAD_ERROR_CODES: readonly AutogradErrorCode[] = [
  'backward-through-freed-graph',
  'inplace-on-saved-tensor',
  'inplace-on-leaf',
  'inplace-on-view-of-leaf',
  'inplace-on-no-grad-view',
  'inplace-overlap',
  'backward-non-scalar',
  'backward-without-grad',
  'backward-gradient-shape-mismatch',
  'broadcast-shape-mismatch',
  'inplace-broadcast-mismatch',
  'matmul-shape-mismatch',
  'matmul-zero-dim',
  'dimension-out-of-range',
  'transpose-rank-too-high',
  'reshape-size-mismatch',
  'reshape-several-inferred',
  'view-not-contiguous',
  'grad-is-none',
  'name-not-defined',
  'program-too-long',
  'tensor-too-many-dims',
  'tensor-too-large',
];

/** A refusal of the autograd runtime: a code and the shapes, dims or names involved. */
export class AutogradError extends Error {
  readonly code: AutogradErrorCode;
  readonly details: ProblemDetails;

  constructor(code: AutogradErrorCode, details: ProblemDetails = {}) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'AutogradError';
    this.code = code;
    this.details = details;
  }
}

export function isAutogradError(e: unknown): e is AutogradError {
  return e instanceof AutogradError;
}
