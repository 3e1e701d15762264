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

  it('reports autograd programs as skipped until the tensors lesson runs them', () => {
    const autograd = reports.find((r) => r.file === 'autograd.json');
    expect(autograd?.skipped).toBe(131);
    expect(autograd?.passed).toBe(0);
  });
});
