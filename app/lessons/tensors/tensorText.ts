/**
 * Tensors and refusals as the console writes them: values in PyTorch's
 * nested brackets, shapes as `[1, 1, 4, 4]`, and a refusal in the reader's
 * words with its line and column.
 */
import { AUTOGRAD_ERROR_CODES, type AutogradErrorCode } from '../../../engine/errors';
import type { ProgramError } from '../../../engine/autograd';
import type { TensorsMessages } from './messages.en';

/** A value as the console prints it: whole numbers with a point (`2.`), others to 4 decimals. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '0.';
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return `${v}.`;
  const fixed = Number(v.toFixed(4));
  return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e9 ? String(fixed) : v.toExponential(3);
}

/** Row-major values of `shape` in nested brackets: `[[0., 1.], [2., 3.]]`; a 0-d tensor is its number. */
export function formatValues(shape: readonly number[], data: readonly number[]): string {
  const walk = (offset: number, dim: number): string => {
    if (dim === shape.length) return formatValue(data[offset] ?? 0);
    const size = shape[dim] ?? 0;
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return `[${Array.from({ length: size }, (_, i) => walk(offset + i * stride, dim + 1)).join(', ')}]`;
  };
  return walk(0, 0);
}

/** A shape as PyTorch's `torch.Size` lists it: `[1, 1, 4, 4]`, `[]` for a single number. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** A refusal in words: where, what happened and what to change. */
export function errorText(t: TensorsMessages, e: ProgramError): string {
  const at = t.errors.at(e.line, e.column);
  switch (e.stage) {
    case 'limit':
      return at + t.errors.program[e.code](e.details);
    case 'syntax':
      return at + t.errors.syntax[e.code](e.details);
    case 'subset':
      return at + t.errors.subset[e.code](e.details);
    case 'runtime':
      return at + (isAutogradCode(e.code) ? t.errors.runtime[e.code] : t.errors.subset[e.code])(e.details);
  }
}

function isAutogradCode(code: string): code is AutogradErrorCode {
  return (AUTOGRAD_ERROR_CODES as readonly string[]).includes(code);
}
