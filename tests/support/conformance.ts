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

export interface FixtureTensor {
  shape: number[];
  data: number[];
}

export type CaseOutcome = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  outcome: CaseOutcome;
  reason?: string;
}

export interface FileReport {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  failures: { index: number; reason: string }[];
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

type AnyCase = Record<string, unknown> & { op: string; expected?: unknown; error?: string };

/** Runs one fixture case through every engine path that should reproduce it. */
export function runCase(c: AnyCase): CaseResult {
  const wantsError = typeof c.error === 'string';
  try {
    const reason = check(c);
    if (reason === 'skip') return { outcome: 'skipped', reason: `${c.op} is not implemented yet` };
    if (wantsError) return { outcome: 'failed', reason: `expected a refusal (${c.error}), got a result` };
    return reason ? { outcome: 'failed', reason } : { outcome: 'passed' };
  } catch (e) {
    if (wantsError && isEngineError(e)) return { outcome: 'passed' };
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
      return 'skip';
    default:
      return `unknown op ${c.op}`;
  }
}

export function runFile(path: string, name: string): FileReport {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { cases: AnyCase[] };
  const report: FileReport = { file: name, passed: 0, failed: 0, skipped: 0, failures: [] };
  parsed.cases.forEach((c, index) => {
    const r = runCase(c);
    report[r.outcome] += 1;
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
