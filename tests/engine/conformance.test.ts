import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTORCH_REASONS, reasonsFor, runCase, runDir, type AnyCase } from '../support/conformance';

const FIXTURES = 'tests/fixtures/pytorch';

/** PyTorch's message of every refused case in the fixtures (autograd's line errors are the tensors lesson's). */
function fixtureErrors(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { cases: AnyCase[] }).cases)
    .flatMap((c) => (typeof c.error === 'string' ? [c.error] : []));
}

const reports = runDir(FIXTURES);

describe('PyTorch conformance (tests/fixtures/pytorch)', () => {
  it('finds every fixture file', () => {
    expect(reports.map((r) => r.file)).toEqual([
      'autograd.json',
      'conv2d.json',
      'conv2d_backward.json',
      'conv_matrix.json',
      'conv_transpose2d.json',
      'lesson_examples.json',
      'receptive_field.json',
      'shape_ops.json',
    ]);
  });

  for (const report of reports) {
    it(`agrees with PyTorch on every case of ${report.file}`, () => {
      expect(report.failures).toEqual([]);
      expect(report.passed + report.skipped).toBeGreaterThan(0);
    });
  }

  it('runs all 131 autograd programs, refusing the failing ones at the line and for the reason PyTorch gives', () => {
    const autograd = reports.find((r) => r.file === 'autograd.json');
    expect(autograd?.passed).toBe(131);
    expect(autograd?.skipped).toBe(0);
  });

  it('skips nothing', () => {
    expect(reports.map((r) => [r.file, r.skipped])).toEqual(reports.map((r) => [r.file, 0]));
  });
});

describe('PyTorch conformance: refusals', () => {
  /** conv2d with a 1×1×4×4 input of ones and a 1×1×3×3 kernel, plus overrides. */
  function conv2dCase(overrides: Partial<AnyCase>): AnyCase {
    return {
      op: 'conv2d',
      input: { shape: [1, 1, 4, 4], data: new Array<number>(16).fill(1) },
      weight: { shape: [1, 1, 3, 3], data: new Array<number>(9).fill(1) },
      bias: null,
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 1,
      padding_mode: 'zeros',
      ...overrides,
    };
  }

  it('passes a refusal made for the reason PyTorch gives', () => {
    const result = runCase(conv2dCase({ stride: [0, 1], error: 'RuntimeError: non-positive stride is not supported' }));
    expect(result).toEqual({ outcome: 'passed', refused: true });
  });

  it('fails a refusal made for another reason than PyTorch gives', () => {
    const result = runCase(
      conv2dCase({ stride: [0, 1], error: "RuntimeError: padding='same' is not supported for strided convolutions" }),
    );
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/^refused for another reason: the engine says invalid-stride/);
  });

  it('fails a refusal whose PyTorch message no reason in the table knows', () => {
    const result = runCase(conv2dCase({ stride: [0, 1], error: 'RuntimeError: something new' }));
    expect(result.outcome).toBe('failed');
    expect(result.reason).toMatch(/^no engine code is mapped/);
  });

  it('still fails a case PyTorch refuses that the engine computes', () => {
    expect(runCase(conv2dCase({ error: 'RuntimeError: non-positive stride is not supported' })).outcome).toBe('failed');
  });

  it('knows each reason by exactly one row, tested on a message PyTorch really gives', () => {
    for (const row of PYTORCH_REASONS) expect(reasonsFor(row.example)).toEqual([row]);
  });

  it('maps each of the 97 refusals in the fixtures to one reason', () => {
    const messages = fixtureErrors();
    expect(messages).toHaveLength(97);
    for (const message of messages) expect(reasonsFor(message), message).toHaveLength(1);
  });
});
