import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTOGRAD_ERROR_CODES } from '../../../engine/errors';
import { PYTHON_SYNTAX_CODES } from '../../../engine/python';
import { SUBSET_CODES, runProgram } from '../../../engine/autograd';

const names = fc.constantFrom('a', 'b', 'k', 'c', 'y', 'g');
const numbers = fc.constantFrom('2.0', '-1.5', '0.5', '0.0', '3', '1e3');
const creations = fc
  .tuple(names, fc.constantFrom('2.0', '[1.0, -2.0]', '[[1.0, 2.0], [3.0, 4.0]]', '[[0.5], [1.5]]'), fc.boolean())
  .map(([n, data, rg]) => `${n} = torch.tensor(${data}${rg ? ', requires_grad=True' : ''})`);
const statements = fc.oneof(
  creations,
  fc
    .tuple(names, names, fc.constantFrom('+', '-', '*', '/', '@', '**'), names)
    .map(([t, x, op, y]) => `${t} = ${x} ${op} ${y}`),
  fc
    .tuple(names, names, fc.constantFrom('+', '-', '*', '/', '**'), numbers)
    .map(([t, x, op, n]) => `${t} = ${x} ${op} ${n}`),
  fc.tuple(names, numbers, fc.constantFrom('+', '-', '*', '/'), names).map(([t, n, op, x]) => `${t} = ${n} ${op} ${x}`),
  fc
    .tuple(
      names,
      names,
      fc.constantFrom(
        'sum()',
        'mean()',
        'sum(dim=0)',
        'relu()',
        'exp()',
        'detach()',
        't()',
        'squeeze()',
        'unsqueeze(0)',
        'unsqueeze(-3)',
        'reshape(-1)',
        'view(2, -1)',
        'grad',
      ),
    )
    .map(([t, x, m]) => `${t} = ${x}.${m}`),
  fc
    .tuple(names, fc.constantFrom('+=', '-=', '*=', '/='), fc.oneof(names, numbers))
    .map(([t, op, x]) => `${t} ${op} ${x}`),
  fc
    .tuple(
      names,
      fc.constantFrom(
        'add_(1.0)',
        'mul_(2.0)',
        'zero_()',
        'requires_grad_()',
        'backward()',
        'backward(retain_graph=True)',
        'grad.zero_()',
      ),
    )
    .map(([x, m]) => `${x}.${m}`),
  names.map((x) => `${x}.backward(torch.ones_like(${x}))`),
  names.map((x) => `${x}.grad = None`),
  fc.tuple(names, names).map(([t, x]) => `with torch.no_grad():\n    ${t} = ${x} * 2.0`),
  fc.constantFrom('x = __import__("os")', 'k = torch.zeros(16, 17)', 'k = torch.load("w")', 'y = a[0]', 's = "open'),
);

describe('runProgram under generated programs', () => {
  it('never throws on 1,000 generated programs: it runs them or refuses one line with a known code', () => {
    const known = new Set<string>([
      ...AUTOGRAD_ERROR_CODES,
      ...PYTHON_SYNTAX_CODES,
      ...SUBSET_CODES,
      'program-too-long',
    ]);
    fc.assert(
      fc.property(fc.array(statements, { minLength: 1, maxLength: 12 }), (lines) => {
        const source = lines.join('\n');
        const run = runProgram(source);
        const lineCount = source.split('\n').length;
        expect(run.steps.length).toBeLessThanOrEqual(lineCount);
        if (run.error) {
          expect(known).toContain(run.error.code);
          expect(run.error.line).toBeGreaterThanOrEqual(1);
          expect(run.error.line).toBeLessThanOrEqual(lineCount);
        }
        for (const t of run.state.tensors) expect(t.data.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 1000, seed: 16 },
    );
  });
});
