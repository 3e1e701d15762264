/**
 * Typed refusals. The engine never words a message for people: it names what
 * went wrong with a code and the numbers involved, and the app words it in the
 * reader's language. Every code here has a translation in `app/i18n`.
 */
export type EngineErrorCode =
  | 'dimension-out-of-range'
  | 'rank-mismatch'
  | 'non-positive-size'
  | 'invalid-stride'
  | 'invalid-dilation'
  | 'negative-padding'
  | 'invalid-groups'
  | 'in-channels-not-divisible-by-groups'
  | 'out-channels-not-divisible-by-groups'
  | 'weight-in-channels-mismatch'
  | 'bias-size-mismatch'
  | 'kernel-larger-than-padded-input'
  | 'same-padding-with-stride'
  | 'reflect-padding-too-large'
  | 'circular-padding-too-large'
  | 'negative-output-padding'
  | 'output-padding-too-large'
  | 'output-size-not-positive'
  | 'grad-output-shape-mismatch'
  | StackErrorCode;

/** Refusals of the receptive-field lesson's layer stacks (engine/layerStack.ts, engine/effectiveField.ts). */
export type StackErrorCode =
  | 'value-out-of-range'
  | 'stack-too-deep'
  | 'in-channels-mismatch'
  | 'pool-padding-too-large'
  | 'cell-out-of-range'
  | 'effective-field-too-costly';

/** Every code, for exhaustiveness checks (translations, tests). */
export const ENGINE_ERROR_CODES: readonly EngineErrorCode[] = [
  'dimension-out-of-range',
  'rank-mismatch',
  'non-positive-size',
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
];

/** Numbers (and axis names) that a refusal is about. */
export type ProblemDetails = Readonly<Record<string, number | string>>;

/** One reason a configuration is refused. */
export interface EngineProblem {
  readonly code: EngineErrorCode;
  readonly details: ProblemDetails;
}

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

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: ProblemDetails;
  readonly problems: readonly EngineProblem[];
  readonly suggestions: readonly Suggestion[];

  constructor(problems: readonly EngineProblem[], suggestions: readonly Suggestion[] = []) {
    const first = problems[0] ?? { code: 'rank-mismatch' as const, details: {} };
    super(`${first.code} ${JSON.stringify(first.details)}`);
    this.name = 'EngineError';
    this.code = first.code;
    this.details = first.details;
    this.problems = problems;
    this.suggestions = suggestions;
  }
}

export function problem(code: EngineErrorCode, details: ProblemDetails = {}): EngineProblem {
  return { code, details };
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}
