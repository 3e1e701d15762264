/**
 * Runs the engine over PyTorch conformance fixtures (format in
 * tests/fixtures/pytorch/README.md). Shared by `npm run conformance` and the
 * Vitest suite, so both check exactly the same thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  conv2d,
  conv2dBackward,
  convMatrix,
  convTranspose2d,
  convTranspose2dGather,
  convTranspose2dViaMatrix,
  inputExtent,
  isEngineError,
  matTVec,
  type EngineErrorCode,
  stackFromFixture,
  stackInfo,
  squeezeShape,
  tensor,
  unsqueezeShape,
  type PaddingMode,
  type Pair,
  type FixtureRfLayer,
  type Tensor,
} from '../../engine';
// The console's parser and runtime are imported on their own, so that importing
// the engine does not bring the Python grammar into every lesson's bundle.
import { nested, runProgram } from '../../engine/autograd';
import type { AutogradErrorCode } from '../../engine/errors';

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export type CaseOutcome = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  outcome: CaseOutcome;
  reason?: string;
  /** True when the case passed by being refused for PyTorch's reason. */
  refused?: boolean;
}

export interface FileReport {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Of the passed cases, those PyTorch refuses (and the engine refused for the same reason). */
  refusals: number;
  failures: { index: number; reason: string }[];
}

/** One reason PyTorch gives for refusing a call, and the engine codes that name the same reason. */
export interface PytorchReason {
  /** Matches PyTorch's message ("Type: message", as in the fixtures). */
  readonly pattern: RegExp;
  /** The engine must report at least one of these among its problems. */
  readonly codes: readonly EngineErrorCode[];
  /** A message PyTorch 1.13 really gives for this reason (the specs check the pattern against it). */
  readonly example: string;
}

/**
 * PyTorch's refusals, by reason. A case that expects an error passes only when the
 * engine refuses it with one of the row's codes: refused for another reason, or for a
 * message no row knows, it fails. PyTorch stops at its first check while the engine
 * lists every problem, so one matching problem is enough.
 */
export const PYTORCH_REASONS: readonly PytorchReason[] = [
  {
    pattern: /Kernel size can't be greater than actual input size/,
    codes: ['kernel-larger-than-padded-input'],
    example:
      "RuntimeError: Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
  },
  {
    pattern: /Padding size should be less than the corresponding input dimension/,
    codes: ['reflect-padding-too-large'],
    example:
      'RuntimeError: Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (2, 2) at dimension 3 of input 4',
  },
  {
    pattern: /padding='same' is not supported for strided convolutions/,
    codes: ['same-padding-with-stride'],
    example: "RuntimeError: padding='same' is not supported for strided convolutions",
  },
  {
    pattern: /Padding value causes wrapping around more than once/,
    codes: ['circular-padding-too-large'],
    example: 'RuntimeError: Padding value causes wrapping around more than once.',
  },
  {
    pattern: /Output size is too small/,
    codes: ['output-size-not-positive'],
    example:
      'RuntimeError: Given input size per channel: (2 x 2). Calculated output size per channel: (-1 x -1). Output size is too small',
  },
  {
    pattern: /output padding must be smaller than either stride or dilation/,
    codes: ['output-padding-too-large'],
    example:
      'RuntimeError: output padding must be smaller than either stride or dilation, but got output_padding_height: 2 output_padding_width: 2 stride_height: 2 stride_width: 2 dilation_height: 1 dilation_width: 1',
  },
  {
    pattern: /Dimension out of range/,
    codes: ['dimension-out-of-range'],
    example: 'IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 3)',
  },
  {
    pattern: /non-positive stride is not supported/,
    codes: ['invalid-stride'],
    example: 'RuntimeError: non-positive stride is not supported',
  },
  {
    pattern: /dilation should be greater than zero/,
    codes: ['invalid-dilation'],
    example: 'RuntimeError: dilation should be greater than zero, but got [0, 0]',
  },
  {
    pattern: /negative padding is not supported/,
    codes: ['negative-padding'],
    example: 'RuntimeError: negative padding is not supported',
  },
  {
    pattern: /negative output_padding is not supported/,
    codes: ['negative-output-padding'],
    example: 'RuntimeError: negative output_padding is not supported',
  },
  {
    pattern: /non-positive groups is not supported/,
    codes: ['invalid-groups'],
    example: 'RuntimeError: non-positive groups is not supported',
  },
  {
    // Dimension 0 of the weight is C_out for conv2d and C_in for conv_transpose2d.
    pattern: /expected weight to be divisible by \d+ at dimension 0/,
    codes: ['out-channels-not-divisible-by-groups', 'in-channels-not-divisible-by-groups'],
    example:
      'RuntimeError: Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3]] instead',
  },
  {
    pattern: /expected input\[[\d, ]+\] to have \d+ channels/,
    codes: ['weight-in-channels-mismatch', 'in-channels-not-divisible-by-groups'],
    example:
      'RuntimeError: Given groups=1, weight of size [2, 3, 3, 3], expected input[1, 4, 5, 5] to have 3 channels, but got 4 channels instead',
  },
  {
    pattern: /expected bias to be 1-dimensional with \d+ elements/,
    codes: ['bias-size-mismatch'],
    example:
      'RuntimeError: Given weight of size [2, 4, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead',
  },
  {
    pattern: /Expected 3D \(unbatched\) or 4D \(batched\) input/,
    codes: ['rank-mismatch'],
    example:
      'RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 1, 4, 5, 5]',
  },
];

/** The rows of `PYTORCH_REASONS` whose pattern matches PyTorch's message. */
export function reasonsFor(message: string): readonly PytorchReason[] {
  return PYTORCH_REASONS.filter((r) => r.pattern.test(message));
}

/** Whether a typed refusal names the same reason as PyTorch's message, and if not, why not. */
function sameReason(message: string, refused: readonly EngineErrorCode[]): string | null {
  const rows = reasonsFor(message);
  if (rows.length === 0) return `no engine code is mapped to PyTorch's message: ${message}`;
  const accepted = rows.flatMap((r) => r.codes);
  if (refused.some((code) => accepted.includes(code))) return null;
  return `refused for another reason: the engine says ${refused.join(', ')}, PyTorch says ${accepted.join(' or ')} (${message})`;
}

/** The fixtures' tolerance: |a − e| ≤ 1e-4 · max(1, |e|). */
export function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-4 * Math.max(1, Math.abs(expected));
}

export function toTensor(t: FixtureTensor): Tensor {
  return tensor(t.shape, t.data);
}

function compareArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): string | null {
  if (actual.length !== expected.length) return `${what}: length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] ?? NaN;
    const e = expected[i] ?? NaN;
    if (!close(a, e)) return `${what}[${i}]: ${a} ≠ ${e}`;
  }
  return null;
}

export function compareTensor(actual: Tensor, expected: FixtureTensor, what: string): string | null {
  if (actual.shape.join(',') !== expected.shape.join(',')) {
    return `${what}: shape [${actual.shape.join(', ')}] ≠ [${expected.shape.join(', ')}]`;
  }
  return compareArrays(actual.data, expected.data, what);
}

function paddingOf(p: unknown): Pair | 'same' | 'valid' {
  if (p === 'same' || p === 'valid') return p;
  return p as Pair;
}

export type AnyCase = Record<string, unknown> & { op: string; expected?: unknown; error?: string };

/** Runs one fixture case through every engine path that should reproduce it. */
export function runCase(c: AnyCase): CaseResult {
  const wantsError = typeof c.error === 'string';
  try {
    const reason = check(c);
    if (reason === 'skip') return { outcome: 'skipped', reason: `${c.op} is not implemented yet` };
    if (wantsError) return { outcome: 'failed', reason: `expected a refusal (${c.error}), got a result` };
    return reason ? { outcome: 'failed', reason } : { outcome: 'passed' };
  } catch (e) {
    if (wantsError && isEngineError(e)) {
      const mismatch = sameReason(
        c.error as string,
        e.problems.map((p) => p.code),
      );
      return mismatch ? { outcome: 'failed', reason: mismatch } : { outcome: 'passed', refused: true };
    }
    const message = e instanceof Error ? e.message : String(e);
    return {
      outcome: 'failed',
      reason: wantsError ? `refused with an untyped error: ${message}` : `threw: ${message}`,
    };
  }
}

function check(c: AnyCase): string | null | 'skip' {
  switch (c.op) {
    case 'conv2d': {
      const out = conv2d(
        toTensor(c.input as FixtureTensor),
        toTensor(c.weight as FixtureTensor),
        c.bias ? toTensor(c.bias as FixtureTensor) : null,
        {
          stride: c.stride as Pair,
          padding: paddingOf(c.padding),
          dilation: c.dilation as Pair,
          groups: c.groups as number,
          paddingMode: c.padding_mode as PaddingMode,
        },
      );
      return compareTensor(out, c.expected as FixtureTensor, 'output');
    }
    case 'conv_transpose2d': {
      const args = [
        toTensor(c.input as FixtureTensor),
        toTensor(c.weight as FixtureTensor),
        c.bias ? toTensor(c.bias as FixtureTensor) : null,
        {
          stride: c.stride as Pair,
          padding: c.padding as Pair,
          outputPadding: c.output_padding as Pair,
          dilation: c.dilation as Pair,
          groups: c.groups as number,
        },
      ] as const;
      const expected = c.expected as FixtureTensor;
      return (
        compareTensor(convTranspose2d(...args), expected, 'scatter') ??
        compareTensor(convTranspose2dGather(...args), expected, 'gather') ??
        compareTensor(convTranspose2dViaMatrix(...args), expected, 'Cᵀy')
      );
    }
    case 'conv2d_backward': {
      const e = c.expected as {
        grad_input: FixtureTensor;
        grad_weight: FixtureTensor;
        grad_bias: FixtureTensor | null;
      };
      const g = conv2dBackward(
        toTensor(c.input as FixtureTensor),
        toTensor(c.weight as FixtureTensor),
        c.bias ? toTensor(c.bias as FixtureTensor) : null,
        toTensor(c.grad_output as FixtureTensor),
        {
          stride: c.stride as Pair,
          padding: paddingOf(c.padding),
          dilation: c.dilation as Pair,
          groups: c.groups as number,
          paddingMode: (c.padding_mode as PaddingMode | undefined) ?? 'zeros',
        },
      );
      return (
        compareTensor(g.gradInput, e.grad_input, 'grad_input') ??
        compareTensor(g.gradWeight, e.grad_weight, 'grad_weight') ??
        (e.grad_bias && g.gradBias
          ? compareTensor(g.gradBias, e.grad_bias, 'grad_bias')
          : e.grad_bias || g.gradBias
            ? 'grad_bias presence differs'
            : null)
      );
    }
    case 'conv_matrix': {
      const weight = toTensor(c.weight as FixtureTensor);
      const e = c.expected as {
        matrix: FixtureTensor;
        y: FixtureTensor;
        output_padding: Pair;
        transpose_times_y: FixtureTensor;
        conv_transpose2d_of_y: FixtureTensor;
      };
      const [, , kh = 1, kw = 1] = weight.shape;
      const m = convMatrix(
        {
          batch: 1,
          inChannels: 1,
          outChannels: 1,
          inputSize: c.input_size as Pair,
          kernelSize: [kh, kw],
          stride: c.stride as Pair,
          padding: c.padding as Pair,
          dilation: [1, 1],
          groups: 1,
          paddingMode: 'zeros',
          bias: false,
        },
        weight,
      );
      const ct = convTranspose2d(toTensor(e.y), weight, null, {
        stride: c.stride as Pair,
        padding: c.padding as Pair,
        outputPadding: e.output_padding,
      });
      return (
        compareTensor(m.matrix, e.matrix, 'C') ??
        compareArrays(matTVec(m.matrix, e.y.data), e.transpose_times_y.data, 'Cᵀy') ??
        compareTensor(ct, e.conv_transpose2d_of_y, 'conv_transpose2d(y)')
      );
    }
    case 'receptive_field': {
      const info = stackInfo(stackFromFixture(c.input_size as Pair, c.layers as FixtureRfLayer[]));
      const last = info.rows[info.rows.length - 1];
      const size = c.output_size as Pair;
      if (!info.valid || !last || last.h.outSize !== size[0] || last.w.outSize !== size[1]) {
        return `output size ${last?.h.outSize}×${last?.w.outSize} ≠ ${size[0]}×${size[1]}`;
      }
      for (const probe of c.expected as { output: Pair; input_rows: Pair | null; input_cols: Pair | null }[]) {
        const r = inputExtent(info, probe.output[0], probe.output[1]);
        if (
          JSON.stringify(r.rows) !== JSON.stringify(probe.input_rows) ||
          JSON.stringify(r.cols) !== JSON.stringify(probe.input_cols)
        ) {
          return `output ${probe.output.join(',')}: rows ${JSON.stringify(r.rows)} cols ${JSON.stringify(r.cols)} ≠ ${JSON.stringify(probe.input_rows)} ${JSON.stringify(probe.input_cols)}`;
        }
      }
      return null;
    }
    case 'squeeze':
    case 'unsqueeze': {
      const shape = c.shape as number[];
      const dim = c.dim as number | null;
      const got = c.op === 'squeeze' ? squeezeShape(shape, dim) : unsqueezeShape(shape, dim ?? 0);
      return JSON.stringify(got) === JSON.stringify(c.expected)
        ? null
        : `[${got.join(', ')}] ≠ ${JSON.stringify(c.expected)}`;
    }
    case 'autograd_program':
      // Its `error` is `{ line, message }`, checked here rather than as a string.
      return checkAutogradProgram(
        c.program as string[],
        c.expected as Record<string, ExpectedName | null>,
        c.error as unknown as ProgramFailure | undefined,
      );
    default:
      return `unknown op ${c.op}`;
  }
}

export function runFile(path: string, name: string): FileReport {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { cases: AnyCase[] };
  const report: FileReport = { file: name, passed: 0, failed: 0, skipped: 0, refusals: 0, failures: [] };
  parsed.cases.forEach((c, index) => {
    const r = runCase(c);
    report[r.outcome] += 1;
    if (r.refused) report.refusals += 1;
    if (r.outcome === 'failed') report.failures.push({ index, reason: r.reason ?? '' });
  });
  return report;
}

export function runDir(dir: string): FileReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => runFile(join(dir, f), f));
}

/** Where PyTorch stopped an autograd program: a 0-based line and its message. */
interface ProgramFailure {
  line: number;
  message: string;
}

/** One name after an autograd program, as PyTorch reported it. */
interface ExpectedName {
  value: unknown;
  shape: number[];
  requires_grad: boolean;
  is_leaf: boolean;
  grad: unknown;
  shares_storage_with: string[];
}

/** PyTorch's message (its start) → the engine's code for the same refusal. Order matters: the first match wins. */
const AUTOGRAD_MESSAGES: readonly [string, AutogradErrorCode][] = [
  ['Trying to backward through the graph a second time', 'backward-through-freed-graph'],
  ['has been modified by an inplace operation', 'inplace-on-saved-tensor'],
  ['a view of a leaf Variable that requires grad', 'inplace-on-view-of-leaf'],
  ['a leaf Variable that requires grad', 'inplace-on-leaf'],
  ['A view was created in no_grad mode', 'inplace-on-no-grad-view'],
  ['refer to a single memory location', 'inplace-overlap'],
  ['grad can be implicitly created only for scalar outputs', 'backward-non-scalar'],
  ['does not require grad and does not have a grad_fn', 'backward-without-grad'],
  ['Mismatch in shape: grad_output', 'backward-gradient-shape-mismatch'],
  ["doesn't match the broadcast shape", 'inplace-broadcast-mismatch'],
  ['The size of tensor a', 'broadcast-shape-mismatch'],
  ['mat1 and mat2 shapes cannot be multiplied', 'matmul-shape-mismatch'],
  ['size mismatch, got', 'matmul-shape-mismatch'],
  ['inconsistent tensor size', 'matmul-shape-mismatch'],
  ['both arguments to matmul need to be at least 1D', 'matmul-zero-dim'],
  ['Dimension out of range', 'dimension-out-of-range'],
  ['t() expects a tensor with <= 2 dimensions', 'transpose-rank-too-high'],
  ['is invalid for input of size', 'reshape-size-mismatch'],
  ['only one dimension can be inferred', 'reshape-several-inferred'],
  ['view size is not compatible', 'view-not-contiguous'],
  ["'NoneType' object has no attribute", 'grad-is-none'],
];

export function autogradCodeFor(message: string): AutogradErrorCode | null {
  return AUTOGRAD_MESSAGES.find(([m]) => message.includes(m))?.[1] ?? null;
}

function closeNested(actual: unknown, expected: unknown, what: string): string | null {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && close(actual, expected)
      ? null
      : `${what}: ${JSON.stringify(actual)} ≠ ${expected}`;
  }
  if (expected === null) return actual === null ? null : `${what}: ${JSON.stringify(actual)} ≠ null`;
  if (!Array.isArray(expected) || !Array.isArray(actual) || actual.length !== expected.length) {
    return `${what}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
  }
  for (let i = 0; i < expected.length; i++) {
    const r = closeNested(actual[i], expected[i], `${what}[${i}]`);
    if (r) return r;
  }
  return null;
}

/**
 * Runs an autograd program and compares every name with PyTorch's; a
 * program that PyTorch stops must stop at the same line (0-based in the
 * fixture) with the code that PyTorch's message maps to.
 */
function checkAutogradProgram(
  program: string[],
  expected: Record<string, ExpectedName | null>,
  error: ProgramFailure | undefined,
): string | null {
  const run = runProgram(program);
  if (error) {
    const want = autogradCodeFor(error.message);
    if (!run.error) return `expected a refusal at line ${error.line} (${error.message}), got none`;
    if (run.error.line - 1 !== error.line || run.error.code !== want) {
      return `refused at line ${run.error.line - 1} with ${run.error.code}, expected line ${error.line} with ${want}`;
    }
  } else if (run.error) {
    return `refused at line ${run.error.line - 1}: ${run.error.code} ${JSON.stringify(run.error.details)}`;
  }
  const state = run.state;
  const byId = new Map(state.tensors.map((t) => [t.id, t]));
  const names = Object.keys(state.names);
  if (names.sort().join(',') !== Object.keys(expected).sort().join(',')) {
    return `names ${names.join(',')} ≠ ${Object.keys(expected).sort().join(',')}`;
  }
  for (const [name, want] of Object.entries(expected)) {
    const id = state.names[name];
    const t = id === null || id === undefined ? undefined : byId.get(id);
    if (want === null || !t) {
      if (want !== null || t) return `${name}: ${t ? 'a tensor' : 'None'} ≠ ${want ? 'a tensor' : 'None'}`;
      continue;
    }
    const sharing = state.sharing.find((g) => g.includes(name))?.filter((n) => n !== name) ?? [];
    const problem =
      (t.shape.join(',') !== want.shape.join(',')
        ? `${name}.shape [${t.shape.join(', ')}] ≠ [${want.shape.join(', ')}]`
        : null) ??
      closeNested(nested(t.shape, t.data), want.value, `${name}.value`) ??
      (t.requiresGrad !== want.requires_grad
        ? `${name}.requires_grad ${t.requiresGrad} ≠ ${want.requires_grad}`
        : null) ??
      (t.isLeaf !== want.is_leaf ? `${name}.is_leaf ${t.isLeaf} ≠ ${want.is_leaf}` : null) ??
      closeNested(t.grad ? nested(t.grad.shape, t.grad.data) : null, want.grad, `${name}.grad`) ??
      ([...sharing].sort().join(',') !== [...want.shares_storage_with].sort().join(',')
        ? `${name} shares storage with [${sharing.join(', ')}] ≠ [${want.shares_storage_with.join(', ')}]`
        : null);
    if (problem) return problem;
  }
  return null;
}
