import { describe, expect, it } from 'vitest';
import { runDir } from '../support/conformance';

describe('PyTorch conformance (tests/fixtures/pytorch)', () => {
  const reports = runDir('tests/fixtures/pytorch');

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
